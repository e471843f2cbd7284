"""/healthz answers without any dependency; /readyz checks the database, the shared cache and
the broker, answering within PORTAL_READYZ_TIMEOUT whatever hangs, and names only the ones
that failed (503)."""

import time

import pytest

from portal.celery import app
from portal.models import AuditEvent
from tests.faults import BLACKHOLE, REFUSE, blackhole
from tests.resilience.test_shared_cache import cache_proxy  # noqa: F401 (a fixture)

pytestmark = pytest.mark.django_db


@pytest.fixture
def broker(settings):
    """Point the app at a broker URL for the test (a real publish path, not inline)."""
    saved = (app.conf.broker_url, app.conf.task_always_eager, app.conf.broker_transport_options)

    def use(url):
        app.conf.update(
            broker_url=url,
            task_always_eager=False,
            broker_transport_options={**saved[2], "socket_timeout": 1, "socket_connect_timeout": 1},
        )
        app._pool = None

    yield use
    app.conf.update(
        broker_url=saved[0], task_always_eager=saved[1], broker_transport_options=saved[2]
    )
    app._pool = None


def _ready(client):
    started = time.monotonic()
    response = client.get("/readyz")
    return response, time.monotonic() - started


def test_liveness_touches_no_dependency_and_writes_no_audit_row(client, django_assert_num_queries):
    with django_assert_num_queries(0):  # no query at all: no audit row either
        response = client.get("/healthz")
    assert (response.status_code, response.content) == (200, b"ok\n")
    assert "no-cache" in response["Cache-Control"]


def test_ready_when_every_dependency_answers(client, broker):
    broker("redis://127.0.0.1:6379/0")
    # Audit rows made before (the migrations audit the role groups' permissions) stay.
    audit_rows = AuditEvent.objects.count()
    response, _ = _ready(client)
    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "failed": [],
        "checks": {"database": "ok", "cache": "ok", "broker": "ok"},
    }
    assert AuditEvent.objects.count() == audit_rows


@pytest.mark.parametrize("fault", [REFUSE, BLACKHOLE])
def test_a_refused_or_hung_broker_is_named_within_the_timeout(client, broker, fault, settings):
    settings.READYZ_TIMEOUT = 1
    with blackhole() as proxy:
        proxy.set_mode(fault)
        broker(f"redis://{proxy.address}/0")
        response, seconds = _ready(client)
    assert response.status_code == 503 and seconds < 3, seconds
    assert response.json()["failed"] == ["broker"]
    assert "127.0.0.1" not in response.content.decode()  # nothing about the infrastructure


@pytest.mark.parametrize("fault", [REFUSE, BLACKHOLE])
def test_a_refused_or_hung_cache_is_named(client, cache_proxy, fault):  # noqa: F811
    cache_proxy.set_mode(fault)
    response, seconds = _ready(client)
    assert response.status_code == 503 and seconds < 3, seconds
    assert response.json()["failed"] == ["cache"]
