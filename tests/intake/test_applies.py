"""Only what applies is asked: side effects for a patient with a medicine, the DAST-10 for a
patient who used drugs other than for medical reasons in the past 12 months."""

import pytest

from intake.clinical.case import CaseError, parse_case
from intake.models import IntakeStatus
from tests.intake.pages import DRUG_USE, SUBSTANCES, fill_intake, post_ok, submit, url

pytestmark = pytest.mark.django_db
NON_USER = {**SUBSTANCES, "drug_use_past_year": "no"}


def test_a_patient_with_no_medicines_is_not_asked_about_side_effects(alice, intake):
    fill_intake(alice, intake, medications=())
    assert alice.get(url("side_effects", intake)).status_code == 302
    submit(alice, intake)
    intake.refresh_from_db()
    assert intake.status == IntakeStatus.SUBMITTED
    assert "side_effects" not in intake.answers


def test_the_task_list_says_side_effects_are_not_needed_without_medicines(alice, intake):
    fill_intake(alice, intake, medications=())
    html = alice.get(url("tasks", intake)).content.decode()
    assert html.count("Not needed") == 2  # benzodiazepine history and side effects


def test_a_patient_with_a_medicine_is_asked_about_side_effects(alice, intake):
    fill_intake(alice, intake)
    assert alice.get(url("side_effects", intake)).status_code == 200


def test_a_non_user_skips_the_dast_and_gets_no_dast_score(alice, intake):
    fill_intake(alice, intake, substances=NON_USER)
    assert alice.get(url("drug_use", intake)).status_code == 302
    submit(alice, intake)
    intake.refresh_from_db()
    assert intake.status == IntakeStatus.SUBMITTED
    assert "dast_10" not in intake.evaluation["scores"]


def test_a_drug_user_is_asked_the_dast_and_scored(alice, intake):
    fill_intake(alice, intake)
    submit(alice, intake)
    intake.refresh_from_db()
    assert intake.evaluation["scores"]["dast_10"]["total"] == 0


def test_saying_no_after_yes_drops_the_dast_answers(alice, intake):
    post_ok(alice, url("substances", intake), SUBSTANCES)
    post_ok(alice, url("drug_use", intake), DRUG_USE)
    post_ok(alice, url("substances", intake), NON_USER)
    intake.refresh_from_db()
    assert "dast_10" not in intake.answers


def test_the_substances_page_asks_about_drug_use_in_the_past_12_months(alice, intake):
    response = alice.post(url("substances", intake), {**SUBSTANCES, "drug_use_past_year": ""})
    assert "drug_use_past_year" in response.context["form"].errors


def test_a_case_with_dast_answers_after_no_drug_use_is_refused():
    case = {"substances": {"drug_use_past_year": False}, "dast_10": [False] * 10}
    with pytest.raises(CaseError) as error:
        parse_case(case)
    assert error.value.path == "dast_10"
