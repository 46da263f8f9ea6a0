import datetime

import pytest

from directives.models import DirectiveIndexPage, DirectivePage, DocumentType, IssuingBody
from services.legal import document_numbers


@pytest.fixture
def make_directive(home_page):
    index = DirectiveIndexPage(title="Văn bản chỉ đạo, điều hành", slug="van-ban")
    home_page.add_child(instance=index)
    index.save_revision().publish()
    body = IssuingBody.objects.create(name="Ủy ban nhân dân tỉnh Hậu Giang", short_name="UBND tỉnh", slug="ubnd-tinh")
    plan = DocumentType.objects.create(name="Kế hoạch", code="KH")

    def make(number, publish=True):
        page = DirectivePage(
            title=f"Văn bản {number}",
            summary="Ứng dụng công nghệ thông tin",
            number=number,
            issued_on=datetime.date(2011, 3, 14),
            issuing_body=body,
            doc_type=plan,
        )
        index.add_child(instance=page)
        revision = page.save_revision()
        if publish:
            revision.publish()
        else:
            page.unpublish()
        return page

    return make


def test_document_numbers_are_found_in_legal_basis_text():
    text = "Luật Doanh nghiệp số 68/2014/QH13; Nghị định 42/2022/NĐ-CP và Kế hoạch 07/KH-UBND (ngày 14/3/2011)"

    assert document_numbers(text) == ["68/2014/QH13", "42/2022/NĐ-CP", "07/KH-UBND"]


def test_legal_basis_links_the_directives_published_on_the_portal(client, make_directive, make_procedure):
    plan = make_directive("07/KH-UBND")
    draft = make_directive("15/CT-UBND", publish=False)
    page = make_procedure(
        legal_basis="Kế hoạch 07/KH-UBND về ứng dụng CNTT\nChỉ thị 15/CT-UBND\nLuật Hộ tịch 60/2014/QH13 <b>"
    )

    html = client.get(page.url).content.decode()

    assert f'<a href="{plan.url}">07/KH-UBND</a>' in html
    assert "Chỉ thị 15/CT-UBND" in html and f'href="/van-ban/{draft.slug}/"' not in html
    assert "60/2014/QH13 &lt;b&gt;" in html
