"""Database down: a Vietnamese 503 page and a 503 health check; back by itself when it returns."""

import psycopg
import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.db import connection
from django.test import Client, RequestFactory


class PostgresOutage:
    """The portal's database really goes away: its sessions are killed and new ones refused.

    Done from a second connection, as a failing server would: the portal's own connection
    breaks under it, and coming back is the portal's job.
    """

    def __init__(self):
        self.name = connection.settings_dict["NAME"]
        params = connection.settings_dict
        self.admin_url = f"postgres://{params['USER']}:{params['PASSWORD']}@{params['HOST']}:{params['PORT']}/postgres"
        self.active = False

    def run(self, *statements):
        with psycopg.connect(self.admin_url, autocommit=True) as admin:
            for statement in statements:
                admin.execute(statement)

    def start(self):
        self.active = True
        self.run(
            f'ALTER DATABASE "{self.name}" WITH ALLOW_CONNECTIONS false',
            f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity "  # noqa: S608 - the test database's name
            f"WHERE datname = '{self.name}' AND pid <> pg_backend_pid()",
        )

    def restore(self):
        self.run(f'ALTER DATABASE "{self.name}" WITH ALLOW_CONNECTIONS true')
        self.active = False


class SQLiteOutage:
    """New connections fail for real (the database file's folder is gone).

    The test database is in memory: closing its connection would destroy it, so the
    open connection is set aside and put back. SQLite cannot lose a live connection,
    so only PostgreSQL tests the recovery.
    """

    STATE = (
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

    def __init__(self):
        self.original_settings = dict(connection.settings_dict)
        self.working_connection = connection.connection
        # A reconnection attempt resets the wrapper's transaction state; the test's own
        # transaction must find it as it left it.
        self.saved_state = {name: getattr(connection, name) for name in self.STATE}
        self.active = False

    def start(self):
        connection.connection = None
        connection.settings_dict["NAME"] = "/nonexistent-directory/portal.sqlite3"
        self.active = True

    def restore(self):
        if connection.connection is not None and connection.connection is not self.working_connection:
            connection.connection.close()
        connection.settings_dict.clear()
        connection.settings_dict.update(self.original_settings)
        connection.connection = self.working_connection
        for name, value in self.saved_state.items():
            setattr(connection, name, value)
        self.active = False


# Real outages end the test's transaction with the session: committed data, restored afterwards.
outage_test = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def database_outage(db):
    connection.ensure_connection()
    outage = PostgresOutage() if connection.vendor == "postgresql" else SQLiteOutage()
    yield outage
    if outage.active:
        outage.restore()
    if connection.vendor == "postgresql":
        # The broken session goes, so that the test's clean-up can reconnect.
        connection.close()


def served(path):
    """Status and body of a request through Django's WSGI handler, as gunicorn passes it on.

    Unlike the test client, the handler lets Django close a broken connection when a
    request starts, which is how a server finds its database again.
    """
    statuses = []
    environ = RequestFactory().get(path).environ
    body = b"".join(WSGIHandler()(environ, lambda status, headers, exc_info=None: statuses.append(status)))
    return int(statuses[0].split()[0]), body


def visitor():
    return Client(raise_request_exception=False)


@outage_test
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


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="an in-memory SQLite database cannot be lost and found again"
)
@outage_test
def test_the_portal_recovers_by_itself_when_the_database_returns(home_page, database_outage):
    url = home_page.url
    database_outage.start()
    assert served(url)[0] == 503
    assert served("/healthz")[0] == 503

    database_outage.restore()

    assert served("/healthz")[0] == 200
    status, body = served(url)
    assert status == 200
    assert home_page.title in body.decode()


@outage_test
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
