"""The status machine, submit exactly once, requests for information, and the invitation hook."""

import pytest
from django.db import IntegrityError

from intake.models import Intake, IntakeStatus, StatusChange
from intake.services import (
    IllegalTransition,
    IncompleteIntake,
    intake_create,
    intake_request_information,
    intake_submit,
    intake_transition,
)
from portal.models import AuditEvent
from portal.services import invitation_accept
from tests.factories import make_intake, make_invitation
from tests.intake.answers import COMPLETE, COMPLETE_DETAILS

pytestmark = pytest.mark.django_db

S = IntakeStatus


def _at(patient, status, **fields):
    return make_intake(patient, status=status, **fields)


# The status machine: these moves, and no other.
LEGAL = [(S.DRAFT, S.SUBMITTED), (S.SUBMITTED, S.IN_REVIEW), (S.IN_REVIEW, S.SUBMITTED),
         (S.IN_REVIEW, S.INFO_REQUESTED), (S.INFO_REQUESTED, S.SUBMITTED),
         (S.IN_REVIEW, S.REVIEWED), (S.SUBMITTED, S.RECORDED)]  # fmt: skip
ILLEGAL = [(start, to) for start in S for to in S if start != to and (start, to) not in LEGAL]


@pytest.mark.parametrize(("start", "to"), LEGAL, ids=str)
def test_a_legal_move_changes_status_and_writes_history_and_audit(patient, psychiatrist, start, to):
    intake = _at(patient, start)
    intake_transition(intake=intake, to=to, actor=psychiatrist, note="ok")
    change = StatusChange.objects.get(intake=intake)
    assert (change.from_status, change.to_status, change.actor) == (start, to, psychiatrist)
    assert AuditEvent.objects.filter(
        action=f"intake.status.{to}", object_id=str(intake.pk)
    ).exists()


@pytest.mark.parametrize(("start", "to"), ILLEGAL, ids=str)
def test_an_illegal_move_is_refused_and_changes_nothing(patient, psychiatrist, start, to):
    intake = _at(patient, start)
    with pytest.raises(IllegalTransition):
        intake_transition(intake=intake, to=to, actor=psychiatrist)
    intake.refresh_from_db()
    assert intake.status == start
    assert not StatusChange.objects.exists()


def test_a_transition_decides_on_the_stored_status_not_a_stale_copy(patient, psychiatrist):
    intake = _at(patient, S.SUBMITTED)
    stale = Intake.objects.get(pk=intake.pk)
    intake_transition(intake=intake, to=S.IN_REVIEW, actor=psychiatrist)
    with pytest.raises(IllegalTransition):
        intake_transition(intake=stale, to=S.IN_REVIEW, actor=psychiatrist)


def test_submit_stores_the_evaluation_priority_and_age(patient):
    intake = make_intake(patient, answers=COMPLETE, details=dict(COMPLETE_DETAILS))
    intake = intake_submit(intake_id=intake.pk, patient=patient)
    assert intake.status == S.SUBMITTED
    assert (intake.priority, intake.priority_rank) == ("routine", 2)
    assert intake.age is not None and intake.evaluation["scores"]["gad_7"]["total"] == 7


def test_submitting_twice_gives_one_submission_one_history_row_one_signal(
    patient, submissions_signalled
):
    intake = make_intake(patient, answers=COMPLETE, details=dict(COMPLETE_DETAILS))
    intake_submit(intake_id=intake.pk, patient=patient)
    again = intake_submit(intake_id=intake.pk, patient=patient)
    assert again.submission_count == 1
    assert StatusChange.objects.filter(intake=intake).count() == 1
    assert submissions_signalled == [intake.pk]


def test_submit_refuses_missing_answers_naming_each_section(patient):
    intake = make_intake(patient, answers={"date_of_birth": "1960-01-01"})
    with pytest.raises(IncompleteIntake) as refused:
        intake_submit(intake_id=intake.pk, patient=patient)
    assert "about" in refused.value.missing and "safety" in refused.value.missing
    assert Intake.objects.get(pk=intake.pk).status == S.DRAFT


def test_submit_refuses_another_patients_intake(patient, second_patient):
    intake = make_intake(patient, answers=COMPLETE, details=dict(COMPLETE_DETAILS))
    with pytest.raises(Intake.DoesNotExist):
        intake_submit(intake_id=intake.pk, patient=second_patient)


def test_a_positive_safety_answer_makes_the_intake_stat(patient):
    answers = {**COMPLETE, "cssrs": {"q1": True, "q2": False, "q6": False}}
    intake = make_intake(patient, answers=answers, details=dict(COMPLETE_DETAILS))
    assert intake_submit(intake_id=intake.pk, patient=patient).priority == "stat"


def test_requesting_information_reopens_only_the_named_sections(patient, psychiatrist):
    intake = _at(patient, S.IN_REVIEW)
    intake = intake_request_information(
        intake=intake, actor=psychiatrist, sections=["mood", "about"], message="Please check."
    )
    assert intake.status == S.INFO_REQUESTED
    assert intake.reopened_sections == ["about", "mood"]
    assert intake.editable_section("mood") and not intake.editable_section("safety")


def test_resubmitting_returns_the_intake_to_the_queue_and_closes_the_sections(
    patient, psychiatrist
):
    intake = make_intake(patient, answers=COMPLETE, details=dict(COMPLETE_DETAILS))
    intake_submit(intake_id=intake.pk, patient=patient)
    intake_transition(intake=intake, to=S.IN_REVIEW, actor=psychiatrist)
    intake_request_information(intake=intake, actor=psychiatrist, sections=["mood"], message="")
    intake = intake_submit(intake_id=intake.pk, patient=patient)
    assert (intake.status, intake.reopened_sections, intake.submission_count) == (
        S.SUBMITTED,
        [],
        2,
    )


def test_an_accepted_invitation_opens_one_draft_for_its_visit(psychiatrist):
    invitation = make_invitation(created_by=psychiatrist)
    user = invitation_accept(invitation_id=invitation.pk, password="a-long-password-42!")
    intake = Intake.objects.get(patient=user)
    assert (intake.status, intake.visit_at) == (S.DRAFT, invitation.visit_at)


def test_opening_an_intake_for_the_same_visit_twice_gives_the_same_intake(patient):
    first = intake_create(patient=patient, visit_at=make_intake(patient).visit_at)
    assert intake_create(patient=patient, visit_at=first.visit_at) == first


def test_the_database_refuses_two_intakes_for_one_visit(patient):
    intake = make_intake(patient)
    with pytest.raises(IntegrityError):
        Intake.objects.create(patient=patient, visit_at=intake.visit_at)
