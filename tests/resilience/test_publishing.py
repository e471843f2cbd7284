"""A patient's submit never waits on the broker: the publish runs on a background thread,
the outbox row is owed first, and the sweep sends what the broker did not take."""

import time
from contextlib import contextmanager

import pytest
from django.core import mail

from intake import tasks
from intake.devtools.seed_cases import ARCHETYPES, DETAILS
from intake.models import IntakeStatus, NotificationOutbox
from portal.celery import app
from portal.publishing import Publisher, publisher
from tests.factories import make_intake
from tests.faults import REFUSE, blackhole
from tests.intake.pages import url

pytestmark = pytest.mark.django_db(transaction=True)


@contextmanager
def _broker(url: str):
    saved = (app.conf.broker_url, app.conf.task_always_eager, app.conf.broker_transport_options)
    app.conf.update(
        broker_url=url,
        task_always_eager=False,
        # Long enough that a submit waiting on the broker could not pass for one that did not.
        broker_transport_options={**saved[2], "socket_timeout": 5, "socket_connect_timeout": 5},
    )
    app._pool = None
    app.amqp._producer_pool = None
    try:
        yield
        assert publisher.drain(60)
    finally:
        app.conf.update(
            broker_url=saved[0], task_always_eager=saved[1], broker_transport_options=saved[2]
        )
        app._pool = None
        app.amqp._producer_pool = None


def _submit_stat(client, patient) -> tuple[object, float]:
    intake = make_intake(patient, answers=ARCHETYPES["stat_imminent"], details=dict(DETAILS))
    client.force_login(patient)
    started = time.monotonic()
    response = client.post(url("submit", intake), {"confirm": "on"}, follow=True)
    return intake, response, time.monotonic() - started


@pytest.mark.parametrize("fault", ["blackhole", REFUSE])
def test_with_a_hung_or_refusing_broker_a_stat_submit_confirms_at_once_and_the_sweep_sends_it(
    client, patient, oncall, fault
):
    with blackhole() as hung:
        if fault == REFUSE:
            hung.set_mode(REFUSE)
        with _broker(f"redis://{hung.address}/0"):
            intake, response, seconds = _submit_stat(client, patient)
            assert response.status_code == 200 and seconds < 4, seconds
            assert "988" in response.content.decode()
            intake.refresh_from_db()
            assert intake.status == IntakeStatus.SUBMITTED
            assert NotificationOutbox.objects.get().sent_at is None
    # The broker is back (inline here): the sweep sends what is owed, once.
    tasks.sweep_owed_notifications.delay()
    tasks.sweep_owed_notifications.delay()
    assert len(mail.outbox) == 1


def test_a_full_publisher_refuses_more_work_and_leaves_it_to_the_sweep():
    gate = __import__("threading").Event()
    small = Publisher(limit=2)
    assert small.submit(gate.wait) and small.submit(gate.wait)
    assert not small.submit(gate.wait)
    gate.set()
    assert small.drain(5)
    assert small.submit(lambda: None)
    assert small.drain(5)
