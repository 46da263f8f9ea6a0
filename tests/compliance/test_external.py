"""External links, against a local web server: what works, what is broken and why."""

import pytest

from compliance.external import USER_AGENT, ExternalChecker


@pytest.fixture
def checker():
    return ExternalChecker(workers=4, timeout=0.5, per_host_interval=0)


def test_a_working_page_is_ok(web_server, checker):
    outcome = checker.check(f"{web_server.url}/ok")
    assert outcome.ok and outcome.http_status == 200


def test_a_missing_page_is_broken_with_its_status(web_server, checker):
    outcome = checker.check(f"{web_server.url}/missing")
    assert not outcome.ok
    assert outcome.http_status == 404
    assert outcome.error == "Máy chủ trả lời mã lỗi 404."


def test_a_server_that_does_not_answer_in_time_is_broken(web_server, checker):
    outcome = checker.check(f"{web_server.url}/slow")
    assert not outcome.ok
    assert outcome.error == "Quá thời gian chờ phản hồi."


def test_a_redirect_loop_is_named(web_server, checker):
    outcome = checker.check(f"{web_server.url}/loop-a")
    assert not outcome.ok
    assert outcome.error == "Vòng lặp chuyển hướng."


def test_a_redirect_to_a_working_page_is_ok(web_server, checker):
    assert checker.check(f"{web_server.url}/moved").ok


def test_a_server_refusing_head_is_asked_with_get(web_server, checker):
    outcome = checker.check(f"{web_server.url}/no-head")
    assert outcome.ok and outcome.http_status == 200


def test_an_unreachable_host_is_broken():
    outcome = ExternalChecker(timeout=0.5).check("http://127.0.0.1:1/")
    assert not outcome.ok
    assert outcome.error.startswith("Không kết nối được")


def test_many_links_to_one_host_are_fetched_one_at_a_time_with_an_honest_user_agent(web_server):
    urls = {f"{web_server.url}/ok/{number}" for number in range(12)}
    outcomes = ExternalChecker(workers=6, timeout=2, per_host_interval=0).check_many(urls)
    assert set(outcomes) == urls and all(outcome.ok for outcome in outcomes.values())
    assert web_server.most_active == 1
    assert set(web_server.user_agents) == {USER_AGENT}
