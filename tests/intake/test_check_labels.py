"""Check your answers labels each answer with its page's question, also on the pages whose
questions depend on the intake (read without building the page's form)."""

import copy

import pytest
from django.utils import timezone
from django.utils.dateformat import format as date_format

from intake.devtools.seed_cases import ARCHETYPES, DETAILS
from tests.factories import make_intake
from tests.intake.pages import url

pytestmark = pytest.mark.django_db
HOW = "Have you thought about how you might do this?"
VISIT_DATE = "Date of your visit, if you know it (optional)"


def _check_page(client, patient, answers, details=DETAILS, **fields):
    intake = make_intake(patient, answers=copy.deepcopy(answers), details=details, **fields)
    client.force_login(patient)
    return client.get(url("check", intake)).content.decode(), intake


def test_the_safety_follow_ups_asked_are_read_back_with_their_questions(client, patient):
    asked, _ = _check_page(client, patient, ARCHETYPES["stat_imminent"])  # yes to q2: q3-q5
    not_asked, _ = _check_page(client, patient, ARCHETYPES["routine_calm"], visit_in_hours=96)
    assert HOW in asked
    assert HOW not in not_asked


def test_the_visit_date_is_read_back_only_when_the_patient_gave_it(client, patient):
    answers = ARCHETYPES["routine_calm"]
    invited, _ = _check_page(client, patient, answers)
    given = {**DETAILS, "visit_given_by_patient": True}
    own, intake = _check_page(client, patient, answers, details=given, visit_in_hours=24 * 5)
    visit_day = date_format(timezone.localtime(intake.visit_at).date(), "F j, Y")
    assert VISIT_DATE not in invited
    assert VISIT_DATE in own and visit_day in own
