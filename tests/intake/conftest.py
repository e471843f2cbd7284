"""Fixtures shared by the intake's tests."""

import pytest

from intake.signals import intake_submitted
from tests.factories import make_intake


@pytest.fixture
def intake(patient):
    """Alice's draft intake, visit in three days."""
    return make_intake(patient)


@pytest.fixture
def alice(client, patient):
    """The test client signed in as Alice, the patient."""
    client.force_login(patient)
    return client


@pytest.fixture
def submissions_signalled():
    """The intake ids ``intake_submitted`` was sent for during the test, in order."""
    sent = []
    uid = "tests.submissions_signalled"
    intake_submitted.connect(
        lambda sender, intake, **kwargs: sent.append(intake.pk), weak=False, dispatch_uid=uid
    )
    yield sent
    intake_submitted.disconnect(dispatch_uid=uid)
