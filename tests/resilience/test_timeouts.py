"""Every dependency has a timeout from the environment: a hung server (one that accepts the
connection and never answers) costs a few seconds, never a hung request."""

import json
import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.faults import blackhole

ROOT = Path(__file__).resolve().parents[2]

# Runs in a fresh process configured by the environment; prints what happened and how long.
PROBE = """
import json, time
def probe(call):
    started = time.monotonic()
    try:
        outcome = repr(call())
    except Exception as error:
        outcome = type(error).__name__
        print(json.dumps({"error": str(error)[:300]}))
    print(json.dumps({"outcome": outcome, "seconds": round(time.monotonic() - started, 2)}))
"""


def _probe(call: str, env_extra: dict) -> dict:
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env.update(env_extra)
    code = PROBE + call
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.strip().splitlines() if line[:1] == "{"]
    return {k: v for line in lines for k, v in line.items()}


def _maintenance_db() -> str:
    # The server's own "postgres" database: this probe needs no tables.
    return urlsplit(os.environ["DATABASE_URL"])._replace(path="/postgres").geturl()


@pytest.mark.postgres
def test_a_hung_database_fails_the_connection_within_the_connect_timeout():
    with blackhole() as hung:
        got = _probe(
            "from django.db import connection\nprobe(connection.ensure_connection)",
            {"DATABASE_URL": f"postgres://postgres@{hung.address}/portal",
             "DATABASE_CONNECT_TIMEOUT": "2"},
        )  # fmt: skip
    assert got["outcome"] == "OperationalError"
    assert 1.5 <= got["seconds"] < 4


@pytest.mark.postgres
def test_statements_are_cancelled_by_the_server_after_the_statement_timeout():
    got = _probe(
        "from django.db import connection\n"
        "def show():\n"
        "    with connection.cursor() as c:\n"
        "        c.execute('SHOW statement_timeout'); setting = c.fetchone()[0]\n"
        "        c.execute('SELECT pg_sleep(5)')\n"
        "    return setting\n"
        "probe(show)",
        {"DATABASE_STATEMENT_TIMEOUT_MS": "700", "DATABASE_URL": _maintenance_db()},  # fmt: skip
    )
    assert "canceling statement due to statement timeout" in got["error"]
    assert got["seconds"] < 2


def test_a_hung_shared_cache_answers_within_the_socket_timeout():
    with blackhole() as hung:
        got = _probe(
            "from django.core.cache import cache\nprobe(lambda: cache.get('k'))",
            {"CACHE_URL": f"redis://{hung.address}/0", "CACHE_SOCKET_TIMEOUT": "0.5",
             "CACHE_CONNECT_TIMEOUT": "0.5"},
        )  # fmt: skip
    assert got["seconds"] < 1.5


def test_publishing_to_a_hung_broker_gives_up_within_the_broker_timeout():
    with blackhole() as hung:
        got = _probe(
            "from intake.tasks import send_notification\nprobe(lambda: send_notification.delay(1))",
            {"CELERY_BROKER_URL": f"redis://{hung.address}/0", "CELERY_BROKER_TIMEOUT": "1"},
        )
    assert got["outcome"] != "AsyncResult", got  # nothing was queued
    assert got["seconds"] < 5


def test_a_hung_smtp_server_fails_the_send_within_the_email_timeout():
    with blackhole() as hung:
        got = _probe(
            "from django.core.mail import send_mail\n"
            "probe(lambda: send_mail('s', 'b', None, ['a@example.org']))",
            {"EMAIL_URL": f"smtp://{hung.address}", "EMAIL_TIMEOUT": "1"},
        )
    assert got["outcome"] in {"TimeoutError", "SMTPServerDisconnected"}, got
    assert got["seconds"] < 2.5


@pytest.mark.parametrize(
    ("name", "value"),
    [("CACHE_SOCKET_TIMEOUT", "soon"), ("EMAIL_TIMEOUT", "0"), ("CELERY_BROKER_TIMEOUT", "-1")],
)
def test_a_malformed_timeout_stops_start_up_naming_it(name, value):
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env[name] = value
    result = subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=ROOT, env=env,
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr and name in result.stderr


def test_publishing_to_a_hung_rabbitmq_gives_up_within_the_broker_timeout():
    with blackhole() as hung:
        got = _probe(
            "from intake.tasks import send_notification\n"
            "probe(lambda: send_notification.delay(1))",
            {"CELERY_BROKER_URL": f"amqp://guest:guest@{hung.address}//",
             "CELERY_BROKER_TIMEOUT": "1"},
        )  # fmt: skip
    assert got["outcome"] != "AsyncResult", got
    assert got["seconds"] < 5, got
