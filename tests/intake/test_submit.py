"""Submitting through the pages: the stored intake, the read-only copy, reopened sections."""

import io
import json

import pytest
from django.core.management import call_command

from education import slugs as slugs_module
from intake.evaluation import case_from_answers
from intake.models import Intake, IntakeStatus
from tests.intake.pages import (
    ABOUT,
    KLONOPIN,
    MOOD,
    OXYCODONE,
    fill_intake,
    post_ok,
    submit,
    url,
)

pytestmark = pytest.mark.django_db


def _evaluate_case(answers, tmp_path, capsys) -> dict:
    path = tmp_path / "case.json"
    path.write_text(json.dumps(answers))
    capsys.readouterr()
    call_command("evaluate_case", str(path))
    return json.loads(capsys.readouterr().out)


def test_a_full_intake_through_the_pages_is_submitted(alice, intake):
    fill_intake(alice, intake)
    response = submit(alice, intake)
    intake.refresh_from_db()
    assert response.url == url("confirmation", intake)
    assert intake.status == IntakeStatus.SUBMITTED


def test_the_stored_intake_as_a_case_file_and_evaluate_case_agree(alice, intake, tmp_path, capsys):
    fill_intake(alice, intake, medications=(KLONOPIN, OXYCODONE))
    submit(alice, intake)
    intake.refresh_from_db()
    expected = _evaluate_case(case_from_answers(intake.answers), tmp_path, capsys)
    assert intake.evaluation["scores"] == expected["scores"]
    assert intake.flag_codes == [flag["code"] for flag in expected["flags"]]
    assert intake.priority == expected["priority"] == "urgent"


def test_submit_without_the_attestation_is_refused_with_a_message(alice, intake):
    fill_intake(alice, intake)
    response = alice.post(url("submit", intake), {})
    assert "Confirm that your answers are true" in response.content.decode()
    intake.refresh_from_db()
    assert intake.status == IntakeStatus.DRAFT


def test_submit_with_missing_answers_names_them_with_links(alice, intake):
    post_ok(alice, url("about", intake), ABOUT)
    html = submit(alice, intake).content.decode()
    assert "Some answers are missing" in html
    assert url("mood", intake) in html


def test_the_missing_answers_name_each_section_once(alice, intake):
    post_ok(alice, url("about", intake), ABOUT)
    html = submit(alice, intake).content.decode()
    assert "Your safety: 3 questions" in html
    assert "Your safety: Your safety" not in html
    assert "Side effects: Side effects" not in html


def test_the_task_list_says_what_is_left_without_repeating_the_section(alice, intake):
    alice.post(url("safety", intake), {"q1": "no"})
    html = alice.get(url("tasks", intake)).content.decode()
    assert "Still to answer: 3 questions" in html


def test_a_double_click_on_submit_gives_one_submission(alice, intake):
    fill_intake(alice, intake)
    submit(alice, intake)
    second = submit(alice, intake)
    intake.refresh_from_db()
    assert second.url == url("confirmation", intake)
    assert intake.submission_count == 1


def test_after_submit_a_page_cannot_change_the_answers(alice, intake):
    fill_intake(alice, intake)
    submit(alice, intake)
    alice.post(url("mood", intake), {**MOOD, "phq_9_1": "3"})
    intake.refresh_from_db()
    assert intake.answers["phq_9"][0] == 0


def test_after_submit_the_patient_sees_a_read_only_copy(alice, intake):
    fill_intake(alice, intake)
    submit(alice, intake)
    html = alice.get(url("check", intake)).content.decode()
    assert "Your answers" in html and ">Change<" not in html


def test_the_confirmation_lists_the_pages_the_flags_point_to(alice, intake):
    call_command("load_education_demo", stdout=io.StringIO())
    fill_intake(alice, intake, medications=(KLONOPIN, OXYCODONE))
    submit(alice, intake)
    response = alice.get(url("confirmation", intake))
    slugs = [page["slug"] for page in response.context["pages"]]
    assert slugs_module.ALCOHOL_OPIOIDS_SEDATIVES in slugs
    assert "General information, not medical advice" in response.content.decode()


def test_the_confirmation_lists_naloxone_storage_and_tablet_pages_for_klonopin_with_oxycodone(
    alice, intake
):
    call_command("load_education_demo", stdout=io.StringIO())
    fill_intake(alice, intake, medications=(KLONOPIN, OXYCODONE))
    submit(alice, intake)
    response = alice.get(url("confirmation", intake))
    slugs = {page["slug"] for page in response.context["pages"]}
    assert {
        slugs_module.NALOXONE,
        slugs_module.STORING_SAFELY,
        slugs_module.TABLET_STRENGTHS,
    } <= slugs
    assert slugs_module.PREGNANCY_BREASTFEEDING not in slugs


def test_a_breastfeeding_patient_on_klonopin_is_shown_the_pregnancy_page(alice, intake):
    call_command("load_education_demo", stdout=io.StringIO())
    fill_intake(alice, intake, about={**ABOUT, "breastfeeding": "yes"})
    submit(alice, intake)
    response = alice.get(url("confirmation", intake))
    slugs = [page["slug"] for page in response.context["pages"]]
    assert slugs_module.PREGNANCY_BREASTFEEDING in slugs


def test_the_confirmation_shows_crisis_help_after_a_positive_safety_answer(alice, intake):
    fill_intake(alice, intake, mood={**MOOD, "phq_9_9": "1"})
    submit(alice, intake)
    html = alice.get(url("confirmation", intake)).content.decode()
    assert "crisis-banner" in html


@pytest.mark.usefixtures("mood_reopened")
def test_a_reopened_section_can_be_changed_and_resubmitted(alice, intake):
    post_ok(alice, url("mood", intake), {**MOOD, "phq_9_1": "3"})
    submit(alice, intake)
    intake.refresh_from_db()
    assert (intake.answers["phq_9"][0], intake.status) == (3, IntakeStatus.SUBMITTED)


@pytest.mark.usefixtures("mood_reopened")
def test_a_section_that_was_not_reopened_stays_closed(alice, intake):
    alice.post(url("about", intake), {**ABOUT, "sex_at_birth": "male"})
    intake.refresh_from_db()
    assert intake.answers["sex_at_birth"] == "female"


def test_a_stored_answer_the_clinical_core_cannot_read_gives_a_message_not_an_error(alice, intake):
    fill_intake(alice, intake)
    Intake.objects.filter(pk=intake.pk).update(
        answers={**Intake.objects.get(pk=intake.pk).answers, "panic_attacks_per_week": -3}
    )
    response = submit(alice, intake)
    assert "could not be read" in response.content.decode()
