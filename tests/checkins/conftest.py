"""Fixtures for check-ins between visits: a patient under a psychiatrist's schedule."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine

from intake.checkins.services import checkin_schedule_set
from tests.factories import make_submitted_intake

# A Monday morning, clinic time; every test starts here.
START = datetime(2026, 3, 2, 14, 0, tzinfo=UTC)


@pytest.fixture
def clock():
    with time_machine.travel(START, tick=False) as traveller:
        yield traveller


@pytest.fixture
def first_intake(clock, patient, psychiatrist):
    """Alice's first intake, sent and reviewed by Sam (her psychiatrist)."""
    return make_submitted_intake(patient, archetype="routine_calm")


@pytest.fixture
def schedule(first_intake, psychiatrist):
    """Sam set Alice's check-ins every 14 days from her first intake's page."""
    return checkin_schedule_set(
        intake=first_intake, actor=psychiatrist, interval_days=14,
        next_due_at=START + timedelta(days=14),
    )  # fmt: skip


@pytest.fixture
def alice(client, patient):
    client.force_login(patient)
    return client
