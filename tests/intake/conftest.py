"""Fixtures shared by the intake's tests."""

import pytest

from intake.services import intake_request_information, intake_transition
from intake.signals import intake_submitted
from tests.factories import make_intake
from tests.intake.pages import fill_intake, submit


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
def mood_reopened(alice, intake, psychiatrist):
    """Alice's intake answered page by page and sent, then its mood section reopened by
    the psychiatrist (a request for information, no message)."""
    fill_intake(alice, intake)
    submit(alice, intake)
    intake_transition(intake=intake, to="in_review", actor=psychiatrist)
    intake_request_information(intake=intake, actor=psychiatrist, sections=["mood"], message="")
    return intake


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
