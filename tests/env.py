"""The test environment, decided before Django starts (loaded with ``-p tests.env``).

Uses DATABASE_URL when set, else the local PostgreSQL when it answers, else SQLite (and
tests that need PostgreSQL skip, or fail under CI / REQUIRE_SERVICES=1). The broker for
real-worker tests is taken out of CELERY_BROKER_URL so every other test runs tasks inline.
"""

import os
import socket
import uuid
from urllib.parse import urlsplit

LOCAL_POSTGRES = "postgres://postgres@127.0.0.1:5432/portal"
LOCAL_REDIS = "redis://127.0.0.1:6379/0"
# One id per test run: its PostgreSQL test database and its Celery queue carry it, so two
# runs on one machine (two checkouts, or CI beside a developer) never collide.
RUN_ID = os.environ.setdefault("PORTAL_TEST_RUN_ID", uuid.uuid4().hex[:8])


def answers(url: str, default_port: int) -> bool:
    """True when something accepts a TCP connection at the URL's host and port."""
    parts = urlsplit(url)
    try:
        with socket.create_connection(
            (parts.hostname or "127.0.0.1", parts.port or default_port), 1
        ):
            return True
    except OSError:
        return False


def services_required() -> bool:
    return os.environ.get("CI") == "true" or os.environ.get("REQUIRE_SERVICES") == "1"


os.environ.setdefault("DJANGO_SECRET_KEY", "tests-only-" + "k" * 50)
os.environ.setdefault("PORTAL_BASE_URL", "http://testserver")
# Worker threads close their connection after each task, so the test database can be dropped.
os.environ["DATABASE_CONN_MAX_AGE"] = "0"
os.environ.pop("EMAIL_URL", None)

if not os.environ.get("DATABASE_URL") and answers(LOCAL_POSTGRES, 5432):
    os.environ["DATABASE_URL"] = LOCAL_POSTGRES

_broker = os.environ.pop("CELERY_BROKER_URL", "") or LOCAL_REDIS
os.environ["PORTAL_TEST_BROKER_URL"] = _broker
