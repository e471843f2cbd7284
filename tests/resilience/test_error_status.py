"""A dependency outage answers 503 with Retry-After, a bug 500: monitoring tells them apart.
Both show the branded page naming 988."""

import uuid

import pytest
from django.db import connections
from django.test import Client

from tests.faults import REFUSE, blackhole
from tests.resilience.failing_urls import REFUSED_BROKER, REFUSED_DATABASE

PUBLIC_ID = uuid.uuid4()


@pytest.fixture
def failing_client(settings):
    settings.ROOT_URLCONF = "tests.resilience.failing_urls"
    return Client(raise_request_exception=False)


@pytest.fixture
def refused_database():
    with blackhole() as proxy:
        proxy.set_mode(REFUSE)
        connections.settings[REFUSED_DATABASE] = {
            **connections.settings["default"], "HOST": "127.0.0.1", "PORT": proxy.port,
        }  # fmt: skip
        try:
            yield
        finally:
            connections[REFUSED_DATABASE].close()
            del connections.settings[REFUSED_DATABASE]


@pytest.mark.postgres
def test_a_refused_database_is_503_with_retry_after(
    failing_client, refused_database, django_db_blocker
):
    with django_db_blocker.unblock():  # only the refused database is asked
        response = failing_client.get(f"/test-outage/{PUBLIC_ID}/")
    assert response.status_code == 503
    assert int(response["Retry-After"]) > 0
    assert b"988" in response.content and b"problem with the service" in response.content


def test_a_refused_broker_a_request_needs_is_503_with_retry_after(failing_client, monkeypatch):
    with blackhole() as proxy:
        proxy.set_mode(REFUSE)
        monkeypatch.setitem(REFUSED_BROKER, "url", f"redis://{proxy.address}/0")
        response = failing_client.get(f"/test-broker/{PUBLIC_ID}/")
    assert response.status_code == 503 and int(response["Retry-After"]) > 0


def test_a_bug_stays_500_without_retry_after(failing_client):
    response = failing_client.get(f"/test-broken/{PUBLIC_ID}/")
    assert response.status_code == 500 and not response.has_header("Retry-After")
    assert b"988" in response.content
