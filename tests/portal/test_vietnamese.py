import pytest

from home.models import StandardPage
from portal import vietnamese


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Đăng ký kinh doanh", "dang ky kinh doanh"),
        ("Cấp giấy phép xây dựng", "cap giay phep xay dung"),
        ("ĐẠT CHUẨN", "dat chuan"),
        ("Ủy ban nhân dân tỉnh", "uy ban nhan dan tinh"),
        ("07/KH-UBND", "07/kh-ubnd"),
        ("", ""),
    ],
)
def test_fold_removes_marks_and_keeps_d(text, folded):
    assert vietnamese.fold(text) == folded


def test_slugify_folds_d_instead_of_dropping_it():
    assert vietnamese.slugify("Đăng ký kinh doanh") == "dang-ky-kinh-doanh"
    assert vietnamese.slugify("  Số 07/KH-UBND: Kế hoạch!  ") == "so-07-kh-ubnd-ke-hoach"


def test_page_without_slug_gets_folded_slug(home_page):
    page = StandardPage(title="Đăng ký kinh doanh")
    home_page.add_child(instance=page)
    assert page.slug == "dang-ky-kinh-doanh"


def test_second_page_with_same_title_gets_distinct_slug(home_page):
    first = home_page.add_child(instance=StandardPage(title="Đăng ký kinh doanh"))
    second = home_page.add_child(instance=StandardPage(title="Đăng ký kinh doanh"))
    assert first.slug != second.slug
    assert second.slug.startswith("dang-ky-kinh-doanh")
