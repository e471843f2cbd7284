"""Two simultaneous submits of one intake, against PostgreSQL's row locks."""

import pytest

from intake.models import Intake, IntakeStatus, StatusChange
from intake.services import intake_submit
from tests.concurrency import run_together
from tests.factories import make_intake
from tests.intake.answers import COMPLETE, COMPLETE_DETAILS


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_submits_give_exactly_one_submission(patient, submissions_signalled):
    intake = make_intake(patient, answers=COMPLETE, details=dict(COMPLETE_DETAILS))
    results = run_together(
        lambda _: intake_submit(intake_id=intake.pk, patient=patient).status, [1, 2]
    )
    assert results == [IntakeStatus.SUBMITTED, IntakeStatus.SUBMITTED]
    assert StatusChange.objects.filter(intake=intake).count() == 1
    count = Intake.objects.get(pk=intake.pk).submission_count
    assert (count, submissions_signalled) == (1, [intake.pk])
