"""The "Save and come back later" button is a real save on every page, complete or not."""

import pytest

from intake.models import Intake
from intake.services import intake_save_step
from tests.intake.pages import ABOUT, KLONOPIN, MOOD, SAFETY, form_of, url

pytestmark = pytest.mark.django_db

LATER = {"save_later": "1"}


def test_save_later_on_an_incomplete_safety_page_keeps_both_yes_answers(alice, intake):
    response = alice.post(url("safety", intake), {"q1": "yes", "q2": "yes", **LATER})
    intake.refresh_from_db()
    assert response.url == url("tasks", intake)
    assert intake.details["pending"]["safety"] == {"q1": True, "q2": True}


def test_the_task_list_after_a_saved_yes_leads_with_crisis_help(alice, intake):
    response = alice.post(url("safety", intake), {"q1": "yes", **LATER}, follow=True)
    html = response.content.decode()
    main = html[html.index('<main id="main"') :]
    assert "crisis-banner" in main
    assert main.index("988") < main.index("<h1")


def test_save_later_on_a_complete_page_stores_it_and_goes_to_the_task_list(alice, intake):
    response = alice.post(url("safety", intake), {**SAFETY, "q2": "yes", **LATER})
    intake.refresh_from_db()
    assert response.url == url("tasks", intake)
    assert intake.answers["cssrs"] == {"q1": False, "q2": True, "q6": False}


def test_a_page_saved_for_later_shows_the_kept_answers_when_opened_again(alice, intake):
    alice.post(url("about", intake), {"date_of_birth": "1960-04-02", **LATER})
    html = alice.get(url("about", intake)).content.decode()
    assert 'value="1960-04-02"' in html


def test_the_task_list_says_what_was_saved(alice, intake):
    response = alice.post(url("mood", intake), {"phq_9_1": "2", **LATER}, follow=True)
    assert "Some questions on that page still need an answer" in response.content.decode()


def test_save_later_with_phq9_item_9_shows_crisis_help_on_the_task_list(alice, intake):
    response = alice.post(url("mood", intake), {"phq_9_9": "1", **LATER}, follow=True)
    assert "crisis-banner" in response.content.decode()


def test_a_reload_of_the_task_list_still_has_the_saved_answers(alice, intake):
    alice.post(url("safety", intake), {"q1": "yes", **LATER})
    alice.get(url("tasks", intake))
    form = alice.get(url("safety", intake)).context["form"]
    assert form.initial["q1"] == "yes"


def test_an_unfinished_new_medicine_is_kept_and_offered_again(alice, intake):
    alice.post(url("medication_add", intake), {"name": "Klonopin", "strength_mg": "0.5", **LATER})
    listing = alice.get(url("medications", intake)).content.decode()
    form = alice.get(url("medication_add", intake)).content.decode()
    assert "Finish adding that medicine" in listing
    assert 'value="Klonopin"' in form


def test_a_finished_medicine_saved_for_later_is_listed_and_its_draft_dropped(alice, intake):
    alice.post(url("medication_add", intake), {"name": "Klonopin", **LATER})
    response = alice.post(url("medication_add_how", intake), {**KLONOPIN, **LATER})
    intake.refresh_from_db()
    assert response.url == url("tasks", intake)
    assert [m["name"] for m in intake.answers["medications"]] == ["Klonopin"]
    assert "medication:new" not in intake.details["pending"]


def test_save_later_on_the_medicines_list_with_no_answer_goes_to_the_task_list(alice, intake):
    response = alice.post(url("medications", intake), LATER)
    assert response.url == url("tasks", intake)


def test_ansecond_patient_cannot_save_into_alices_intake(client, second_patient, intake):
    client.force_login(second_patient)
    response = client.post(url("safety", intake), {"q1": "yes", **LATER})
    intake.refresh_from_db()
    assert response.status_code == 404
    assert "pending" not in intake.details


def test_the_service_keeps_only_the_valid_answers_of_an_incomplete_page(patient, intake):
    data = {**MOOD, "phq_9_3": "9", "phq_9_9": "2"}
    form = form_of("mood")(data, intake=intake)
    complete = intake_save_step(intake=intake, step_key="mood", form=form)
    stored = Intake.objects.get(pk=intake.pk)
    assert complete is False
    assert "phq_9_3" not in stored.details["pending"]["mood"]
    assert stored.details["pending"]["mood"]["phq_9_9"] == 2


def test_the_service_stores_a_complete_page_and_drops_what_was_kept(patient, intake):
    intake_save_step(intake=intake, step_key="about", form=form_of("about")({}, intake=intake))
    form = form_of("about")(ABOUT, intake=intake)
    assert intake_save_step(intake=intake, step_key="about", form=form) is True
    stored = Intake.objects.get(pk=intake.pk)
    assert stored.answers["date_of_birth"] == "1960-04-02"
    assert "about" not in stored.details["pending"]
