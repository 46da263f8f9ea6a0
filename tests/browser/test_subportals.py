"""Sub-portals in a browser: each agency's editors see only its pages; visitors see its own menu and footer."""

import json

import pytest

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def roots(portal):
    """Root page ids of the demo's sub-portals, by short name."""
    code = (
        "import json; from subportals.models import SubPortal; "
        "print(json.dumps({s.short_name: s.site.root_page_id for s in SubPortal.objects.select_related('site')}))"
    )
    return json.loads(portal.python(code))


def test_a_subportal_editor_explores_only_their_own_subportal(staff_page, roots):
    editor = staff_page("justice_editor")

    editor.goto("/admin/pages/")
    explorer = editor.locator("main")
    assert "Văn bản chỉ đạo, điều hành" in explorer.inner_text()
    assert "Tin hoạt động" in explorer.inner_text()

    editor.goto(f"/admin/pages/{roots['STTTT']}/")
    shown = editor.locator("main").inner_text()
    assert "Sở Thông tin và Truyền thông" not in shown
    assert "Hội nghị chuyển đổi số" not in shown
    editor.goto(f"/admin/pages/{roots['STTTT']}/edit/")
    assert "Sở Thông tin và Truyền thông" not in editor.locator("main").inner_text()


def test_a_visitor_on_a_subportal_sees_its_own_menu_and_footer(page, portal):
    response = page.goto(f"http://sotuphap.localhost:{portal.port}/")
    assert response.status == 200

    menu = page.get_by_role("navigation", name="Điều hướng chính").inner_text()
    footer = page.locator("footer").inner_text()
    assert "Tin hoạt động" in menu
    assert "Cổng thông tin điện tử Sở Tư pháp" in footer
    assert "Cổng thông tin điện tử tỉnh Hậu Giang" not in footer

    page.get_by_role("navigation", name="Điều hướng chính").get_by_role("link", name="Tin hoạt động").click()
    assert page.url == f"http://sotuphap.localhost:{portal.port}/tin-hoat-dong/"
    assert "Sở Tư pháp tập huấn nghiệp vụ hộ tịch năm 2026" in page.locator("main").inner_text()
