"""Database down: a Vietnamese 503 page and a 503 health check; back by itself when it returns."""

import pytest
from django.db import connection
from django.test import Client


@pytest.fixture
def database_outage(db):
    """Make every new connection attempt fail for real; ``restore()`` brings the database back.

    The open connection is set aside rather than closed, because closing an
    in-memory SQLite test database would destroy it.
    """
    original_settings = dict(connection.settings_dict)
    working_connection = connection.connection
    # A reconnection attempt resets the wrapper's transaction state; the test's own
    # transaction must find it as it left it.
    state_names = (
        "in_atomic_block",
        "savepoint_ids",
        "atomic_blocks",
        "needs_rollback",
        "commit_on_exit",
        "savepoint_state",
        "autocommit",
        "closed_in_transaction",
        "errors_occurred",
        "run_on_commit",
    )
    saved_state = {name: getattr(connection, name) for name in state_names}

    class Outage:
        active = False

        def start(self):
            connection.connection = None
            if connection.vendor == "sqlite":
                connection.settings_dict["NAME"] = "/nonexistent-directory/portal.sqlite3"
            else:
                connection.settings_dict["HOST"] = "127.0.0.1"
                connection.settings_dict["PORT"] = "1"
            self.active = True

        def restore(self):
            if connection.connection is not None and connection.connection is not working_connection:
                connection.connection.close()
            connection.settings_dict.clear()
            connection.settings_dict.update(original_settings)
            connection.connection = working_connection
            for name, value in saved_state.items():
                setattr(connection, name, value)
            self.active = False

    outage = Outage()
    yield outage
    if outage.active:
        outage.restore()


def visitor():
    return Client(raise_request_exception=False)


@pytest.mark.django_db
def test_a_page_answers_503_in_vietnamese_while_the_database_is_down(home_page, database_outage):
    url = home_page.url
    database_outage.start()

    response = visitor().get(url)

    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    text = response.content.decode()
    assert '<html lang="vi">' in text
    assert "tạm thời gián đoạn" in text
    assert "Content-Security-Policy" in response


@pytest.mark.django_db
def test_the_portal_recovers_by_itself_when_the_database_returns(home_page, database_outage):
    url = home_page.url
    database_outage.start()
    assert visitor().get(url).status_code == 503
    assert visitor().get("/healthz").status_code == 503

    database_outage.restore()

    assert visitor().get("/healthz").status_code == 200
    response = visitor().get(url)
    assert response.status_code == 200
    assert home_page.title in response.content.decode()


@pytest.mark.django_db
def test_a_logged_in_editor_also_gets_the_503_page(home_page, database_outage, django_user_model):
    editor = django_user_model.objects.create_user("bientap", password="mat-khau-2026", is_staff=True)
    client = visitor()
    client.force_login(editor)
    database_outage.start()

    response = client.get("/admin/")

    assert response.status_code == 503
    assert "tạm thời gián đoạn" in response.content.decode()


def test_other_errors_still_answer_500(rf):
    from portal.errors import server_error

    try:
        raise ValueError("a bug, not an outage")
    except ValueError:
        response = server_error(rf.get("/"))

    assert response.status_code == 500
