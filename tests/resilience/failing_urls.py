"""The portal's URLs plus test-only views that fail as production ones can: one hangs (a
dependency no client timeout reaches), one has a bug, two need a database or a broker that
refuses. Each path carries an id, as the intake pages' paths carry the intake's public id."""

import time

from django.db import connections
from django.urls import path
from kombu import Connection

# Everything portal.urls declares: its urlpatterns and the error handlers Django reads by name.
from portal.urls import *  # noqa: F403

REFUSED_DATABASE = "refused"
REFUSED_BROKER = {"url": ""}  # set by the test: a broker URL whose port refuses


def hang(request, public_id):
    time.sleep(30)


def broken(request, public_id):
    raise RuntimeError("a bug in a view")


def needs_refused_database(request, public_id):
    with connections[REFUSED_DATABASE].cursor() as cursor:
        cursor.execute("SELECT 1")


def needs_refused_broker(request, public_id):
    with Connection(REFUSED_BROKER["url"], connect_timeout=0.5) as broker:
        broker.ensure_connection(max_retries=1)


urlpatterns = [
    *urlpatterns,  # noqa: F405
    path("test-hang/<uuid:public_id>/", hang, name="test_hang"),
    path("test-broken/<uuid:public_id>/", broken, name="test_broken"),
    path("test-outage/<uuid:public_id>/", needs_refused_database, name="test_outage"),
    path("test-broker/<uuid:public_id>/", needs_refused_broker, name="test_broker"),
]
