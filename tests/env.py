"""The test environment, decided before Django starts (loaded with ``-p tests.env``).

Uses DATABASE_URL when set, else the local PostgreSQL when it answers, else SQLite (and
tests that need PostgreSQL skip, or fail under CI / REQUIRE_SERVICES=1). The broker for
real-worker tests is taken out of CELERY_BROKER_URL so every other test runs tasks inline.
"""

import os
import socket
import tempfile
import uuid
from urllib.parse import urlsplit

LOCAL_POSTGRES = "postgres://postgres@127.0.0.1:5432/portal"
LOCAL_REDIS = "redis://127.0.0.1:6379/0"
# One id per test run: its PostgreSQL test database and its Celery queue carry it, so two
# runs on one machine (two checkouts, or CI beside a developer) never collide.
RUN_ID = os.environ.setdefault("PORTAL_TEST_RUN_ID", uuid.uuid4().hex[:8])
# Under pytest-xdist each worker process (gw0, gw1, ...) adds its own suffix to what it must
# not share with the others: its test database (pytest-django's suffix), its Celery queue and
# its Redis databases (one run uses at most four workers: 2 cores here).
WORKER = os.environ.get("PYTEST_XDIST_WORKER", "")
WORKER_INDEX = int(WORKER[2:] or 0) if WORKER.startswith("gw") else 0
if WORKER_INDEX > 3:
    raise RuntimeError("at most four test workers: each needs its own Redis databases")


# Where tests leave the figures they measure for the closing summary (tests/figures.py).
if "PORTAL_TEST_FIGURES" not in os.environ:
    os.environ["PORTAL_TEST_FIGURES"] = tempfile.mkdtemp(prefix="portal-test-figures-")


def redis_db(base: int) -> int:
    """This worker's Redis database in a block of four starting at ``base``."""
    return base + WORKER_INDEX


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


# Erasures in tests are listed in a scratch file of this run's, never the checkout's
# var/erasures.jsonl (made at the first erasure).
os.environ.setdefault(
    "PORTAL_ERASURE_LIST",
    os.path.join(tempfile.gettempdir(), f"portal-test-erasures-{RUN_ID}.jsonl"),
)
os.environ.setdefault("DJANGO_SECRET_KEY", "tests-only-" + "k" * 50)
os.environ.setdefault("PORTAL_BASE_URL", "http://testserver")
# Worker threads close their connection after each task, so the test database can be dropped.
os.environ["DATABASE_CONN_MAX_AGE"] = "0"
os.environ.pop("EMAIL_URL", None)

if not os.environ.get("DATABASE_URL") and answers(LOCAL_POSTGRES, 5432):
    os.environ["DATABASE_URL"] = LOCAL_POSTGRES

_broker = os.environ.pop("CELERY_BROKER_URL", "") or LOCAL_REDIS
os.environ["PORTAL_TEST_BROKER_URL"] = _broker
