"""Personas, service gates, a real Celery worker and real Chromium, shared by every test."""

import os
import shutil

import pytest

from tests import factories, figures
from tests.axe import DESKTOP, PHONE, assert_accessible
from tests.env import RUN_ID, WORKER, answers, redis_db, services_required

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]


def _missing_service(item) -> str | None:
    if item.get_closest_marker("postgres"):
        from django.db import connection

        if connection.vendor != "postgresql":
            return "PostgreSQL does not answer (set DATABASE_URL or start it on 127.0.0.1:5432)"
    if item.get_closest_marker("celery_worker") and not answers(
        os.environ["PORTAL_TEST_BROKER_URL"], 6379
    ):
        return f"the Celery broker does not answer at {os.environ['PORTAL_TEST_BROKER_URL']}"
    if item.get_closest_marker("browser") and not os.path.exists(CHROMIUM):
        return "Chromium is not installed (apt-get install -y chromium)"
    return None


def _unavailable(reason: str) -> None:
    """Skip with the reason; under CI (or REQUIRE_SERVICES=1) fail instead."""
    if services_required():
        pytest.fail(f"required service missing: {reason}")
    pytest.skip(reason)


def pytest_configure(config):
    """In-process tests run with DEBUG off and nothing collected: they link the plain static
    names (served by the live server from the apps). The hashed, collected names that
    production uses are exercised by the tests that start gunicorn (tests/resilience,
    tests/portal/test_page_weight.py), which run collectstatic first."""
    from django.conf import settings

    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
    }


def _dispatch_rank(item) -> int:
    """Longest first: a test group (one worker runs all of it), then the Chromium and
    real-worker tests, then the rest. pytest-xdist hands tests out in collection order, so a
    long group collected last ran alone at the end while the other workers sat idle."""
    if item.get_closest_marker("xdist_group"):
        return 0
    if item.get_closest_marker("browser") or item.get_closest_marker("celery_worker"):
        return 1
    return 2


def pytest_collection_modifyitems(config, items):
    items.sort(key=_dispatch_rank)  # stable: the same order on every worker


def pytest_collection_finish(session):
    """Refuse to run a group split across workers: pytest 9.2 silently stopped
    ``--dist loadgroup`` from grouping (pytest-dev/pytest-xdist#1386), which started the
    fault-test stack once per worker. requirements-test.txt pins a pytest that groups."""
    if not WORKER or not session.config.getvalue("loadgroup"):
        return
    split = [i.nodeid for i in session.items if i.get_closest_marker("xdist_group")
             and "@" not in i.nodeid]  # fmt: skip
    if split:
        raise pytest.UsageError(f"--dist loadgroup is not grouping {split[0]} (xdist#1386)")


def pytest_runtest_setup(item):
    reason = _missing_service(item)
    if reason:
        _unavailable(reason)


def pytest_terminal_summary(terminalreporter):
    """The figures tests measured (tests/figures.py), once, from the controlling process."""
    if WORKER:
        return
    for table in figures.collected():
        terminalreporter.write_sep("-", "measured")
        terminalreporter.write_line(table)


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix):
    """A PostgreSQL test database of this run's own, and of this xdist worker's own
    (``test_portal_<run id>[_gw<n>]``)."""
    from django.conf import settings

    suffix = f"_{WORKER}" if WORKER else ""
    for db in settings.DATABASES.values():
        if "postgresql" in db["ENGINE"]:
            db.setdefault("TEST", {})["NAME"] = f"test_{db['NAME']}_{RUN_ID}{suffix}"


# ---- personas ---------------------------------------------------------------------------
@pytest.fixture
def patient(db):
    return factories.make_patient("alice@patients.example", first_name="Alice", last_name="Adams")


@pytest.fixture
def second_patient(db):
    return factories.make_patient("bob@patients.example", first_name="Bob", last_name="Brown")


@pytest.fixture
def psychiatrist(db):
    return factories.make_psychiatrist("sam@clinic.example", first_name="Sam", last_name="Stone")


@pytest.fixture
def second_psychiatrist(db):
    return factories.make_psychiatrist("ria@clinic.example", first_name="Ria", last_name="Reyes")


@pytest.fixture
def oncall(db):
    """A psychiatrist on call: STAT intakes and unsent safety answers are emailed to them."""
    return _psychiatrist_in("ONCALL_GROUP", "oncall@clinic.example", "Olu", "Night")


@pytest.fixture
def lead(db):
    """A clinical lead: a STAT intake still unclaimed is escalated to them."""
    return _psychiatrist_in("ESCALATION_GROUP", "lead@clinic.example", "Lee", "Lead")


def _psychiatrist_in(group_setting: str, username: str, first_name: str, last_name: str):
    from django.conf import settings
    from django.contrib.auth.models import Group

    user = factories.make_psychiatrist(username, first_name=first_name, last_name=last_name)
    user.groups.add(Group.objects.get(name=getattr(settings, group_setting)))
    return user


@pytest.fixture
def editor(db):
    return factories.make_editor("eve@clinic.example", first_name="Eve", last_name="Evans")


# ---- the second factor -----------------------------------------------------------------
@pytest.fixture(autouse=True)
def _force_login_passes_the_second_factor(monkeypatch):
    """``client.force_login(staff)`` gives a session that passed the second factor, as a
    real sign-in with the app would (staff owe it: portal/mfa.py). Tests of the second
    factor itself sign in through the forms instead."""
    from django.test import Client
    from django_otp import DEVICE_ID_SESSION_KEY

    from portal import mfa

    original = Client.force_login

    def force_login(self, user, backend=None):
        original(self, user, backend)
        if mfa.mfa_required(user) or mfa.mfa_enrolled(user):
            device = factories.give_second_factor(user)
            session = self.session
            session[DEVICE_ID_SESSION_KEY] = device.persistent_id
            session.save()

    monkeypatch.setattr(Client, "force_login", force_login)


# ---- the shared cache -------------------------------------------------------------------
SHARED_CACHE_DB = redis_db(8)
SHARED_CACHE_URL = f"redis://127.0.0.1:6379/{SHARED_CACHE_DB}"


@pytest.fixture
def shared_cache(settings):
    """As in production with ``CACHE_URL``: a real Redis every web process shares (Django's
    own backend) and cached sessions."""
    if not answers(SHARED_CACHE_URL, 6379):
        _unavailable(f"Redis does not answer at {SHARED_CACHE_URL}")
    from django.core.cache import caches

    settings.CACHES = {
        "default": {
            "BACKEND": "portal.resilient_cache.ResilientRedisCache",
            "LOCATION": SHARED_CACHE_URL,
        },
    }
    settings.SHARED_CACHE = True
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    caches["default"].clear()
    yield
    caches["default"].clear()


# ---- Celery -----------------------------------------------------------------------------
@pytest.fixture(autouse=True)
def _tasks_run_inline():
    """Every test runs tasks inline unless it asks for the real worker."""
    from portal.celery import app

    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = True


@pytest.fixture
def celery_worker(transactional_db):
    """A real Celery worker thread consuming from the real broker (Redis by default)."""
    from celery.contrib.testing.worker import start_worker

    from portal.celery import app

    app.conf.update(
        broker_url=os.environ["PORTAL_TEST_BROKER_URL"],
        task_always_eager=False,
        task_default_queue=f"celery-test-{RUN_ID}{WORKER}",
    )
    # A producer pool built earlier (say for another broker URL) must not be reused.
    app._pool = None
    app.amqp._producer_pool = None
    # Queues and routes are read once, at the first publish: one made before this fixture
    # (say with a broker that was down) must not send this run's tasks to "celery".
    for name in ("queues", "router", "default_queue"):
        app.amqp.__dict__.pop(name, None)
    with app.connection_for_write() as conn:
        conn.default_channel.queue_purge(app.conf.task_default_queue)
    with start_worker(
        app, pool="solo", perform_ping_check=False, loglevel="WARNING", shutdown_timeout=15
    ):
        yield app


# ---- browser ----------------------------------------------------------------------------
@pytest.fixture(scope="session")
def chromium():
    from playwright.sync_api import sync_playwright

    # The sync Playwright API runs an event loop in this thread; Django's ORM calls from
    # the tests themselves must still be allowed (test process only).
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def _new_page(chromium, live_server, width, height):
    context = chromium.new_context(
        viewport={"width": width, "height": height}, base_url=live_server.url
    )
    # Generous: the machine has 2 cores and password hashing (Argon2) is slow on purpose.
    context.set_default_timeout(30_000)
    return context, context.new_page()


@pytest.fixture
def page(chromium, live_server):
    context, page = _new_page(chromium, live_server, DESKTOP["width"], DESKTOP["height"])
    yield page
    context.close()


@pytest.fixture
def phone_page(chromium, live_server):
    context, page = _new_page(chromium, live_server, PHONE["width"], PHONE["height"])
    yield page
    context.close()


@pytest.fixture
def axe():
    """``axe(page, "name")`` fails the test on any WCAG 2.2 AA violation."""
    return assert_accessible
