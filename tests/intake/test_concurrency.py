"""Two simultaneous submits of one intake, against PostgreSQL's row locks."""

import pytest

from intake.models import Intake, IntakeStatus, StatusChange
from intake.services import intake_submit
from intake.signals import intake_submitted
from tests.concurrency import run_together
from tests.factories import make_intake
from tests.intake.answers import COMPLETE, COMPLETE_DETAILS


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_submits_give_exactly_one_submission(patient):
    intake = make_intake(patient, answers=COMPLETE, details=dict(COMPLETE_DETAILS))
    sent = []
    intake_submitted.connect(
        lambda **kw: sent.append(kw["intake"].pk), weak=False, dispatch_uid="race"
    )
    try:
        results = run_together(
            lambda _: intake_submit(intake_id=intake.pk, patient=patient).status, [1, 2]
        )
    finally:
        intake_submitted.disconnect(dispatch_uid="race")
    assert results == [IntakeStatus.SUBMITTED, IntakeStatus.SUBMITTED]
    assert StatusChange.objects.filter(intake=intake).count() == 1
    assert (Intake.objects.get(pk=intake.pk).submission_count, sent) == (1, [intake.pk])
