"""Where a sent check-in goes, decided in the submit's transaction by the same rules as any
intake: STAT stays STAT, a high-severity flag or a meaningful worsening goes to the
patient's psychiatrist, anything else is recorded out of the open queue."""

from datetime import timedelta

import pytest

from intake.models import IntakeKind
from intake.services import intake_create, intake_save_answers, intake_submit
from tests.checkins.conftest import START

pytestmark = pytest.mark.django_db
NO = {"q1": False, "q2": False, "q6": False}


CALM_PHQ_9 = [1, 1, 1, 0, 0, 0, 0, 0, 0]  # 3, as the first intake's


def _send(clock, patient, phq_9, cssrs=NO, gad_7=(1,) * 7):
    clock.move_to(START + timedelta(days=14))  # two weeks after the first intake
    checkin = intake_create(patient=patient, kind=IntakeKind.CHECK_IN)

    def answer(answers, details):
        answers.update(phq_9=phq_9, gad_7=list(gad_7), panic_attacks_per_week=0, cssrs=cssrs)

    intake_save_answers(intake=checkin, section="mood", update=answer)
    return intake_submit(intake_id=checkin.pk, patient=patient)


@pytest.mark.parametrize(
    ("phq_9", "status", "priority", "routed"),
    [
        ([1, 1, 1, 0, 0, 0, 0, 0, 0], "recorded", "routine", False),
        ([1, 1, 1, 1, 1, 1, 1, 1, 0], "submitted", "routine", True),
        ([3, 3, 3, 3, 3, 3, 2, 2, 0], "submitted", "urgent", True),
        ([1, 0, 0, 0, 0, 0, 0, 0, 1], "submitted", "stat", False),
    ],
    ids=["calm: recorded", "worse by 5: to the psychiatrist", "severe: to the psychiatrist",
         "item 9: STAT, unassigned for the on-call"],
)  # fmt: skip
def test_a_sent_check_in_goes_where_its_answers_send_it(
    schedule, clock, patient, psychiatrist, phq_9, status, priority, routed
):
    checkin = _send(clock, patient, phq_9)  # the earlier PHQ-9 (first intake) is 3
    assert (checkin.status, checkin.priority) == (status, priority)
    assert checkin.assignee == (psychiatrist if routed else None)


def test_without_a_psychiatrist_to_route_to_a_worse_check_in_waits_unassigned(
    first_intake, clock, patient
):
    checkin = _send(clock, patient, [1, 1, 1, 1, 1, 1, 1, 1, 0])
    assert (checkin.status, checkin.assignee) == ("submitted", None)


@pytest.mark.parametrize(
    ("gad_7", "status", "routed"),
    [
        ([2, 2, 1, 1, 1, 1, 0], "submitted", True),
        ([2, 1, 1, 1, 1, 1, 0], "recorded", False),
    ],
    ids=["GAD-7 worse by 4: to the psychiatrist", "GAD-7 up 3: recorded"],
)
def test_a_gad_7_worsening_check_in_is_routed_like_a_phq_9_one(
    schedule, clock, patient, psychiatrist, gad_7, status, routed
):
    checkin = _send(clock, patient, CALM_PHQ_9, gad_7=gad_7)  # the earlier GAD-7 is 4
    assert ("gad7_worsening" in checkin.flag_codes) is routed
    assert (checkin.status, checkin.priority) == (status, "routine")
    assert checkin.assignee == (psychiatrist if routed else None)
