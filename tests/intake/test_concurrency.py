"""Two simultaneous submits of one intake, against PostgreSQL's row locks."""

import threading

import pytest
from django.db import connection

from intake.models import Intake, IntakeStatus, StatusChange
from intake.services import intake_submit
from intake.signals import intake_submitted
from tests.factories import make_intake
from tests.intake.answers import COMPLETE


def _submit_together(intake, patient, threads: int = 2) -> list:
    barrier = threading.Barrier(threads)
    results = []

    def run():
        try:
            barrier.wait()
            results.append(intake_submit(intake_id=intake.pk, patient=patient).status)
        except Exception as error:  # noqa: BLE001 (reported to the test below)
            results.append(error)
        finally:
            connection.close()

    workers = [threading.Thread(target=run) for _ in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(30)
    return results


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_submits_give_exactly_one_submission(patient):
    intake = make_intake(patient, answers=COMPLETE, details={"medications_confirmed": True})
    sent = []
    intake_submitted.connect(
        lambda **kw: sent.append(kw["intake"].pk), weak=False, dispatch_uid="race"
    )
    try:
        results = _submit_together(intake, patient)
    finally:
        intake_submitted.disconnect(dispatch_uid="race")
    assert results == [IntakeStatus.SUBMITTED, IntakeStatus.SUBMITTED]
    assert StatusChange.objects.filter(intake=intake).count() == 1
    assert (Intake.objects.get(pk=intake.pk).submission_count, sent) == (1, [intake.pk])
