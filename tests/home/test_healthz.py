import pytest
from django.db import connection


@pytest.mark.django_db
def test_health_check_answers_ok_when_database_answers(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


@pytest.fixture
def unreachable_database(db):
    """Make the next connection attempt fail for real, then put the working one back.

    The open connection is set aside rather than closed, because closing an
    in-memory SQLite test database would destroy it.
    """
    original_settings = dict(connection.settings_dict)
    working_connection = connection.connection
    connection.connection = None
    if connection.vendor == "sqlite":
        connection.settings_dict["NAME"] = "/nonexistent-directory/portal.sqlite3"
    else:
        connection.settings_dict["HOST"] = "127.0.0.1"
        connection.settings_dict["PORT"] = "1"
    yield
    if connection.connection is not None:
        connection.connection.close()
    connection.settings_dict.clear()
    connection.settings_dict.update(original_settings)
    connection.connection = working_connection


# Serialized like every transactional test here: the flush after it must not lose
# the rows that migrations created (root page, groups) for the tests that follow.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_health_check_answers_503_when_database_is_down(client, unreachable_database):
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == "unavailable"
