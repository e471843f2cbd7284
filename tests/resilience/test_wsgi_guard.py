"""What escapes Django gets the branded page naming 988, and a request hung on a dependency
no client timeout reaches is stopped at the deadline, before gunicorn's worker timeout, with
its one request log line."""

import logging
import time
from wsgiref.util import setup_testing_defaults

import psycopg
import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.db import OperationalError, connection

from portal.wsgi_guard import Guard, RequestDeadlineExceeded, deadline
from tests.faults import BLACKHOLE, FaultProxy


def _call(app) -> tuple[str, bytes, float]:
    seen = {}

    def start_response(status, headers, exc_info=None):
        seen["status"] = status

    started = time.monotonic()
    body = b"".join(Guard(app, deadline_seconds=0.5)({}, start_response))
    return seen["status"], body, time.monotonic() - started


def test_a_bug_outside_djangos_handler_gets_500_and_the_branded_page_naming_988():
    def broken(environ, start_response):
        raise RuntimeError("the error page itself failed")

    status, body, _ = _call(broken)
    assert status.startswith("500")  # a bug, not an outage
    assert b"988" in body and b"911" in body and b"Answers you saved" in body


def test_an_outage_outside_djangos_handler_gets_503():
    def refused(environ, start_response):
        raise OperationalError("connection refused")

    status, body, _ = _call(refused)
    assert status.startswith("503") and b"988" in body


def test_a_hung_request_is_stopped_at_the_deadline_with_the_branded_page():
    def hung(environ, start_response):
        time.sleep(30)

    status, body, seconds = _call(hung)
    assert status.startswith("503") and b"988" in body
    assert seconds < 1.5


@pytest.mark.postgres
@pytest.mark.django_db
def test_the_deadline_interrupts_a_database_connection_that_stopped_answering():
    params = connection.get_connection_params()
    with FaultProxy((params.get("host") or "127.0.0.1", int(params.get("port") or 5432))) as px:
        conn = psycopg.connect(
            host="127.0.0.1", port=px.port, dbname=params["dbname"], user=params.get("user"),
            password=params.get("password"), autocommit=True,
        )  # fmt: skip
        assert conn.execute("SELECT 1").fetchone() == (1,)
        px.set_mode(BLACKHOLE)  # mid-connection: no timeout of the client's applies
        started = time.monotonic()
        with pytest.raises(RequestDeadlineExceeded), deadline(0.5):
            conn.execute("SELECT 1")
        assert time.monotonic() - started < 2.5
        conn.close()
    _end_other_sessions()  # the proxied one, so the test database can be dropped


def _end_other_sessions() -> None:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
            " WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )


PUBLIC_ID = "350a209b-1c2d-4e5f-8a9b-0c1d2e3f4a5b"


def _wsgi_call(application, path: str) -> tuple[str, dict]:
    environ: dict = {}
    setup_testing_defaults(environ)
    environ.update(PATH_INFO=path, REQUEST_METHOD="GET", HTTP_HOST="127.0.0.1")
    seen = {}

    def start_response(status, headers, exc_info=None):
        seen.update(status=status, headers=dict(headers))

    b"".join(application(environ, start_response))
    return seen["status"], seen["headers"]


def test_a_request_stopped_at_the_deadline_logs_its_one_request_line(settings, caplog):
    settings.ROOT_URLCONF = "tests.resilience.failing_urls"
    guarded = Guard(WSGIHandler(), deadline_seconds=0.5)  # Django, set up already
    with caplog.at_level(logging.INFO):
        status, headers = _wsgi_call(guarded, f"/test-hang/{PUBLIC_ID}/")
    [line] = [r for r in caplog.records if r.name == "portal.requests"]
    assert status.startswith("503")
    assert (line.route, line.status, line.method) == ("test_hang", 503, "GET")
    assert line.request_id == headers["X-Request-ID"] and 500 <= line.duration_ms < 5000
    assert PUBLIC_ID not in "".join(r.getMessage() for r in caplog.records)
