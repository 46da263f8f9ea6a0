"""When OpenSearch is down or errors, public search answers from the database and says so in the log."""

import os
import subprocess
from urllib.parse import urlparse

import pytest
from django.conf import settings
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from search.results import autocomplete, run_search

from .conftest import add_page, reindex

pytestmark = [pytest.mark.django_db, pytest.mark.opensearch]

SCRIPT = str(settings.BASE_DIR / "ops" / "opensearch.sh")


def _node(action):
    port = str(urlparse(os.environ["SEARCH_URL"]).port or 9200)
    subprocess.run([SCRIPT, action], check=True, env={**os.environ, "OPENSEARCH_TEST_PORT": port}, capture_output=True)


def test_search_answers_from_the_database_when_the_engine_errors(client, corpus, caplog):
    alias = get_search_backend("default").get_index_for_model(Page)
    for index in alias.aliased_indices():
        index.delete()  # the engine now answers 404 (index_not_found_exception)
    outcome = run_search("cap phep xay dung")
    assert outcome.fell_back and outcome.backend == "database"
    assert [hit.title for hit in outcome.hits] == ["Cấp giấy phép xây dựng nhà ở riêng lẻ"]
    assert "answering from the database backend" in caplog.text
    reindex()


def test_search_answers_from_the_database_when_the_engine_is_stopped_mid_run(client, corpus, caplog):
    assert not run_search("dang ky kinh doanh").fell_back
    _node("stop")
    try:
        response = client.get("/tim-kiem/", {"q": "dang ky kinh doanh"})
        assert response.status_code == 200
        assert "Đăng ký kinh doanh hộ cá thể" in response.content.decode()
        api = client.get("/api/search/", {"q": "07/KH-UBND"}).json()
        assert api["results"][0]["title"] == "Kế hoạch 07/KH-UBND ứng dụng công nghệ thông tin"
        assert "Đăng ký kinh doanh hộ cá thể" in [item["title"] for item in autocomplete("dang k")]
        # Editors can still publish: the engine's indexing error is logged, not raised.
        add_page(corpus["Cấp giấy phép xây dựng nhà ở riêng lẻ"].get_parent(), "Trang đăng khi máy tìm kiếm dừng")
        assert run_search("trang dang khi may tim kiem dung").total == 1
        assert "answering from the database backend" in caplog.text
    finally:
        _node("start")
    reindex()
    assert not run_search("dang ky kinh doanh").fell_back
