"""Admin listings never show the word "None" where a count's noun or a person's name belongs."""

import re

import pytest
from bs4 import BeautifulSoup


def visible_text(response):
    """The text an editor sees: no scripts, templates or hidden elements."""
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    for element in soup(["script", "style", "template"]):
        element.decompose()
    for element in soup.find_all(hidden=True):
        element.decompose()
    return " ".join(soup.get_text(" ").split())


@pytest.mark.django_db
def test_the_page_search_count_names_pages(admin_client, demo):
    response = admin_client.get("/admin/pages/search/", {"q": "quyết định"})

    text = visible_text(response)
    assert re.search(r"1-\d+ trong tổng số \d+ trang", text)
    assert "None" not in text


@pytest.mark.django_db
def test_the_ageing_pages_report_names_the_system_for_pages_published_without_a_user(admin_client, demo):
    response = admin_client.get("/admin/reports/aging-pages/")

    text = visible_text(response)
    assert "hệ thống" in text
    assert "None" not in text
