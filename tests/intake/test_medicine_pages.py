"""One medicine over two pages, "What you take" then "How you take it": kept on the server
between them, so nothing typed is lost and nothing is the patient's medicine until the
second page is saved."""

import pytest

from intake.services import medication_fingerprint
from tests.intake.pages import KLONOPIN, OXYCODONE, add_medicine, post_ok, url

pytestmark = pytest.mark.django_db
LATER = {"save_later": "1"}
WHAT = {k: KLONOPIN[k] for k in ("name", "strength_mg", "amount_per_dose", "how_often")}


def _medicines(intake) -> list[dict]:
    intake.refresh_from_db()
    return intake.answers.get("medications") or []


def test_the_first_page_leads_to_the_second_and_stores_no_medicine_yet(alice, intake):
    response = post_ok(alice, url("medication_add", intake), WHAT)
    assert response.url == url("medication_add_how", intake)
    assert _medicines(intake) == []
    assert intake.details["pending"]["medication:new"]["name"] == "Klonopin"


def test_the_second_page_saves_the_whole_medicine(alice, intake):
    post_ok(alice, url("medication_add", intake), WHAT)
    response = post_ok(alice, url("medication_add_how", intake), KLONOPIN)
    (stored,) = _medicines(intake)
    assert response.url == url("medications", intake)
    assert (stored["strength_mg"], stored["times_per_day"], stored["prescriber"]) == (
        0.5,
        2,
        "Dr Lee",
    )
    assert "medication:new" not in intake.details["pending"]


def test_the_second_page_carries_the_first_pages_answers(alice, intake):
    post_ok(alice, url("medication_add", intake), WHAT)
    page = alice.get(url("medication_add_how", intake)).content.decode()
    assert '<input type="hidden" name="name" value="Klonopin"' in page
    assert "How you take Klonopin" in page


def test_the_second_page_before_the_first_goes_to_the_first(alice, intake):
    response = alice.get(url("medication_add_how", intake))
    assert response.url == url("medication_add", intake)


def test_an_unanswered_first_page_stays_with_its_errors_and_keeps_what_was_typed(alice, intake):
    response = alice.post(url("medication_add", intake), {"name": "Klonopin"})
    assert response.status_code == 200
    assert "Enter the strength in mg" in response.content.decode()
    intake.refresh_from_db()
    assert intake.details["pending"]["medication:new"] == {"name": "Klonopin"}


def test_going_back_to_the_first_page_keeps_the_second_pages_answers(alice, intake):
    post_ok(alice, url("medication_add", intake), WHAT)
    alice.post(url("medication_add_how", intake), {**WHAT, "duration": "30", **LATER})
    post_ok(alice, url("medication_add", intake), {**WHAT, "strength_mg": "1"})
    page = alice.get(url("medication_add_how", intake)).content.decode()
    assert 'name="duration" value="30"' in page
    assert 'name="strength_mg" value="1"' in page


def test_a_second_tab_starting_another_medicine_does_not_change_the_first(alice, intake):
    post_ok(alice, url("medication_add", intake), WHAT)  # tab 1, first page
    post_ok(alice, url("medication_add", intake), OXYCODONE)  # tab 2, first page
    post_ok(alice, url("medication_add_how", intake), KLONOPIN)  # tab 1 saves its second page
    assert [(m["name"], m["strength_mg"]) for m in _medicines(intake)] == [("Klonopin", 0.5)]


def test_a_change_shows_the_medicine_it_began_with_after_another_tab_removed_one(alice, intake):
    add_medicine(alice, intake, KLONOPIN)
    add_medicine(alice, intake, OXYCODONE)
    key = medication_fingerprint(_medicines(intake)[0])
    post_ok(alice, url("medication_edit", intake, 0), {**KLONOPIN, "strength_mg": "1", "key": key})
    post_ok(alice, url("medication_remove", intake, 0), {"key": key})  # another tab
    page = alice.get(url("medication_edit_how", intake, 0)).content.decode()
    assert '<input type="hidden" name="name" value="Klonopin"' in page
    assert f'name="key" value="{key}"' in page


def test_a_change_keeps_the_medicine_until_its_second_page_is_saved(alice, intake):
    add_medicine(alice, intake, KLONOPIN)
    post_ok(alice, url("medication_edit", intake, 0), {**KLONOPIN, "strength_mg": "2"})
    assert _medicines(intake)[0]["strength_mg"] == 0.5
    post_ok(alice, url("medication_edit_how", intake, 0), {**KLONOPIN, "strength_mg": "2"})
    assert _medicines(intake)[0]["strength_mg"] == 2.0


def test_a_confirmed_correction_on_the_first_page_is_kept_for_the_second(alice, intake):
    typed = {**WHAT, "name": "klonazepam"}
    alice.post(url("medication_add", intake), typed)  # "Did you mean clonazepam?"
    answered = {**typed, "confirm_match": "yes", "match_for": "klonazepam"}
    post_ok(alice, url("medication_add", intake), answered)
    assert alice.get(url("medication_add_how", intake)).status_code == 200
    post_ok(alice, url("medication_add_how", intake), {**KLONOPIN, **answered})
    (stored,) = _medicines(intake)
    assert (stored["name"], stored["generic"], stored["confirmed"]) == (
        "klonazepam",
        "clonazepam",
        True,
    )
