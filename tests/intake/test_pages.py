"""The patient journey through the test client: task list, pages, saving, crisis help."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from intake.models import Intake
from tests.intake.answers import COMPLETE
from tests.intake.pages import (
    ABOUT,
    KLONOPIN,
    MOOD,
    OXYCODONE,
    SAFETY,
    add_medicine,
    fill_intake,
    post_ok,
    url,
)

pytestmark = pytest.mark.django_db


def test_home_shows_the_task_list_of_a_patients_one_intake(alice, intake):
    response = alice.get(reverse("intake:home"))
    assert response.context["intake"] == intake
    assert "Not started" in response.content.decode()


def test_start_opens_one_draft_for_a_patient_without_an_intake(alice, patient):
    alice.post(reverse("intake:start"))
    alice.post(reverse("intake:start"))
    assert Intake.objects.filter(patient=patient).count() == 1


def test_task_list_shows_every_section_not_started(alice, intake):
    response = alice.get(url("tasks", intake))
    # Side effects are not needed until a medicine is listed.
    assert response.content.decode().count("Not started") == 5


def test_a_saved_page_is_stored_in_the_database_at_once(alice, intake):
    post_ok(alice, url("about", intake), ABOUT)
    intake.refresh_from_db()
    assert intake.answers["date_of_birth"] == "1960-04-02"


def test_a_section_with_some_answers_is_in_progress_with_what_is_left(alice, intake):
    post_ok(alice, url("about", intake), ABOUT)
    page = alice.get(url("tasks", intake)).content.decode()
    assert "In progress" in page
    assert "Reason for your visit" in page


def test_valid_answers_on_a_page_with_an_error_are_kept(alice, intake):
    alice.post(url("about", intake), {**ABOUT, "sex_at_birth": ""})
    page = alice.get(url("about", intake)).content.decode()
    assert 'value="1960-04-02"' in page


def test_an_error_is_summarised_at_the_top_and_shown_beside_the_field(alice, intake):
    page = alice.post(url("about", intake), {**ABOUT, "date_of_birth": "2999-01-01"})
    html = page.content.decode()
    assert html.count("Date of birth must be in the past") == 2
    assert 'href="#id_date_of_birth"' in html


def test_a_radio_error_links_to_the_first_option(alice, intake):
    html = alice.post(url("about", intake), {**ABOUT, "sex_at_birth": ""}).content.decode()
    assert 'href="#id_sex_at_birth_0"' in html


def test_the_medicines_list_shows_the_catalog_name_and_daily_dose(alice, intake):
    add_medicine(alice, intake, KLONOPIN)
    page = alice.get(url("medications", intake)).content.decode()
    assert "clonazepam" in page
    assert "1 mg a day" in page


def test_removing_a_medicine_keeps_the_others(alice, intake):
    add_medicine(alice, intake, KLONOPIN)
    add_medicine(alice, intake, OXYCODONE)
    key = alice.get(url("medications", intake)).context["rows"][0]["key"]
    post_ok(alice, url("medication_remove", intake, 0), {"key": key})
    intake.refresh_from_db()
    assert [m["name"] for m in intake.answers["medications"]] == ["oxycodone"]


def test_a_stale_remove_from_another_tab_removes_nothing_else(alice, intake):
    add_medicine(alice, intake, KLONOPIN)
    add_medicine(alice, intake, OXYCODONE)
    key = alice.get(url("medications", intake)).context["rows"][0]["key"]
    post_ok(alice, url("medication_remove", intake, 0), {"key": key})
    post_ok(alice, url("medication_remove", intake, 0), {"key": key})
    intake.refresh_from_db()
    assert len(intake.answers["medications"]) == 1


def test_changing_a_medicine_replaces_it(alice, intake):
    add_medicine(alice, intake, KLONOPIN)
    add_medicine(alice, intake, {**KLONOPIN, "strength_mg": "1"}, index=0)
    intake.refresh_from_db()
    assert intake.answers["medications"][0]["strength_mg"] == 1.0


def test_benzodiazepine_history_is_skipped_without_a_benzodiazepine(alice, intake):
    response = alice.get(url("benzodiazepines", intake))
    assert response.status_code == 302


def test_benzodiazepine_history_is_asked_when_one_is_listed(alice, intake):
    add_medicine(alice, intake, KLONOPIN)
    assert alice.get(url("benzodiazepines", intake)).status_code == 200


def test_a_positive_phq9_item_9_shows_988_first_on_the_very_next_page(alice, intake):
    response = alice.post(url("mood", intake), {**MOOD, "phq_9_9": "1"}, follow=True)
    html = response.content.decode()
    main = html[html.index('<main id="main"') :]
    assert main.index("988") < main.index("<h1")


def test_a_positive_safety_answer_is_stored_even_when_the_page_has_an_error(alice, intake):
    alice.post(url("safety", intake), {"q1": "yes"})
    intake.refresh_from_db()
    assert intake.details["pending"]["safety"] == {"q1": True}


def test_crisis_help_shows_on_the_page_with_the_error_too(alice, intake):
    html = alice.post(url("safety", intake), {"q1": "yes"}).content.decode()
    assert "crisis-banner" in html


def test_a_yes_to_question_2_asks_the_follow_up_questions(alice, intake):
    response = alice.post(url("safety", intake), {**SAFETY, "q2": "yes"})
    assert response.url == url("safety_more", intake)


def test_a_no_to_question_2_clears_its_follow_ups(alice, intake):
    post_ok(alice, url("safety", intake), {**SAFETY, "q2": "yes"})
    post_ok(alice, url("safety_more", intake), {"q3": "no", "q4": "no", "q5": "no"})
    post_ok(alice, url("safety", intake), SAFETY)
    intake.refresh_from_db()
    assert intake.answers["cssrs"] == {"q1": False, "q2": False, "q6": False}


def test_a_complete_intake_can_be_checked_with_a_change_link_per_answer(alice, intake):
    fill_intake(alice, intake)
    html = alice.get(url("check", intake)).content.decode()
    assert "Check your answers" in html
    assert html.count(">Change<") > 50


def test_a_change_from_check_your_answers_returns_there(alice, intake):
    fill_intake(alice, intake)
    response = alice.post(url("about", intake) + "?change=1", {**ABOUT, "sex_at_birth": "male"})
    assert response.url == url("check", intake)


def test_answers_survive_signing_out_and_in(client, patient, intake):
    client.force_login(patient)
    post_ok(client, url("about", intake), ABOUT)
    client.post(reverse("logout"))
    client.force_login(patient)
    page = client.get(url("about", intake)).content.decode()
    assert 'value="1960-04-02"' in page


def test_a_second_tab_saving_another_page_loses_nothing(alice, patient, intake):
    from django.test import Client

    second_tab = Client()
    second_tab.force_login(patient)
    post_ok(alice, url("about", intake), ABOUT)
    post_ok(second_tab, url("mood", intake), MOOD)
    intake.refresh_from_db()
    assert {"date_of_birth", "phq_9"} <= set(intake.answers)


def test_no_answer_is_kept_in_the_session(alice, intake):
    post_ok(alice, url("about", intake), ABOUT)
    assert "1960" not in str(dict(alice.session))


def test_a_page_listing_several_medicines_checks_the_catalog_once(alice, intake):
    medicine = COMPLETE["medications"][0]
    names = ("Klonopin", "oxycodone", "zolpidem", "Xanax")
    intake.answers = {**COMPLETE, "medications": [dict(medicine, name=n) for n in names]}
    intake.save()
    with CaptureQueriesContext(connection) as queries:
        alice.get(url("check", intake))
    catalog_checks = [q for q in queries.captured_queries if "COUNT(" in q["sql"]
                      and "intake_medication" in q["sql"]]  # fmt: skip
    assert len(catalog_checks) == 1


def _back_link(html: str) -> str:
    found = re.search(r'<a href="([^"]+)" class="link-secondary">Back</a>', html)
    assert found, "no Back link"
    return found.group(1)


@pytest.mark.parametrize(
    ("page", "previous"),
    [
        ("about", "tasks"),
        ("visit", "contact"),
        ("medications", "visit"),
        ("alcohol", "medications"),  # no benzodiazepine listed: that page is skipped
        ("anxiety", "drug_use"),  # no medicine listed: side effects are skipped
        ("mood", "anxiety"),
    ],
    ids=["first-page", "within-a-section", "list-page", "skips-a-page", "across", "mood"],
)
def test_back_goes_to_the_previous_page(alice, intake, page, previous):
    html = alice.get(url(page, intake)).content.decode()
    assert _back_link(html) == url(previous, intake)


def test_back_from_a_change_goes_to_check_your_answers(alice, intake):
    html = alice.get(url("mood", intake) + "?change=1").content.decode()
    assert _back_link(html) == url("check", intake)
