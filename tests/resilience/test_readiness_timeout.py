"""/readyz answers within PORTAL_READYZ_TIMEOUT when the database hangs, naming only it.

Not a django_db test: pytest-django refuses a second database alias from a check's thread
(the error came at once, so a hang was never tried); the checks here reach only the hung one.
"""

import time
from functools import partial

import pytest
from django.db import connections
from health_check.checks import Database

from portal import health
from tests.faults import blackhole


@pytest.mark.postgres
def test_a_hung_database_is_named_within_the_timeout(
    client, monkeypatch, settings, django_db_blocker
):
    settings.READYZ_TIMEOUT = 1
    with blackhole() as hung:
        connections.settings["hung"] = {
            **connections.settings["default"], "HOST": "127.0.0.1", "PORT": hung.port,
        }  # fmt: skip
        monkeypatch.setitem(health.READINESS, "database", partial(Database, alias="hung"))
        try:
            with django_db_blocker.unblock():
                started = time.monotonic()
                response = client.get("/readyz")
                seconds = time.monotonic() - started
        finally:
            del connections.settings["hung"]
    # The connection attempt alone takes the connect timeout (2 s at least).
    assert response.status_code == 503 and seconds < settings.READYZ_TIMEOUT + 0.5, seconds
    assert response.json()["failed"] == ["database"]
