"""In real Chromium at 360 px, axe on every page visited: a patient types a misspelled
benzodiazepine, confirms the correction, gets the benzodiazepine pages and sends; the
psychiatrist then sees the flag, what it rests on and the patient's own words."""

import re

import pytest
from playwright.sync_api import expect

from intake.models import Intake
from portal import roles
from tests.browser import sign_in
from tests.factories import make_intake, make_user
from tests.intake.test_browser import choose, save

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "copper-lantern-meadow-2026"
TYPED = "klonazepam"
CONFIRMED = "typed ‘klonazepam’, corrected to clonazepam (score 0.9), confirmed by the patient"


def _about_you(page, axe):
    page.get_by_role("link", name="About you").click()
    page.get_by_label("Date of birth").fill("1950-03-02")  # 65 or older: a benzodiazepine flag
    page.get_by_label("Female").check()
    choose(page, "breastfeeding", 1)
    axe(page, "confirm-about")
    save(page)
    page.get_by_label("Mobile phone number").fill("(202) 555-0143")
    page.get_by_label("Yes, they may call or text").check()
    page.get_by_label("Where will you be during your video visit? State").select_option("NY")
    page.get_by_label("Address where you will be during your visit").fill("1 Example St, Albany")
    save(page)
    page.get_by_label("Panic attacks").check()
    save(page)


def _misspelled_medicine(page, axe):
    choose(page, "add_another", 0)
    save(page)
    page.get_by_label("Name of the medicine").fill(TYPED)
    page.get_by_label("Strength of one tablet").fill("1")
    page.get_by_label("How many tablets").fill("1")
    choose(page, "how_often", 2)  # three times a day
    save(page)
    expect(page.get_by_role("heading", name="Check the name of your medicine")).to_be_visible()
    expect(page.get_by_text("Did you mean clonazepam (Klonopin)?").first).to_be_visible()
    expect(page.get_by_label("Strength of one tablet")).to_have_value("1")  # nothing lost
    axe(page, "confirm-question")
    page.get_by_label("Yes, clonazepam (Klonopin)").check()
    save(page)  # then how they take it, on the second page
    page.get_by_label("How long have you been taking it?").fill("2")
    choose(page, "duration_unit", 2)  # years
    choose(page, "taking", 0)
    choose(page, "prescribed", 0)
    page.get_by_label("Who prescribes it?").fill("Dr Rowe")
    save(page)
    expect(page.get_by_text("You told us you meant clonazepam")).to_be_visible()
    axe(page, "confirm-medicines-list")
    choose(page, "add_another", 1)
    save(page)


def _benzodiazepine_pages_and_the_rest(page, axe):
    expect(page.get_by_role("heading", name="Benzodiazepine history")).to_be_visible()
    axe(page, "confirm-benzodiazepines")
    for name in ("used_before", "tried_to_stop", "withdrawal_before", "missed_dose_symptoms",
                 "plans_to_stop"):  # fmt: skip
        choose(page, name, 1)
    choose(page, "dosing", 1)
    save(page)
    pages = (
        ("alcohol", ["audit_c_1"]),
        # No drug use in the past 12 months: the DAST-10 page is skipped.
        ("substances", ["opioids", "cannabis", "stimulants", "sedatives", "sud_history",
                        "family_sud_history", "drug_use_past_year"]),
        ("side-effects", ["drowsiness", "brain_fog", "coordination", "memory", "fatigue",
                          "confusion", "over_medicated", "breakthrough_anxiety"]),
        ("falls-and-driving", ["falls", "driving"]),
        ("anxiety", [f"gad_7_{n}" for n in range(1, 8)]),
        ("mood", [f"phq_9_{n}" for n in range(1, 10)]),
        ("safety", ["q1", "q2", "q6"]),
    )  # fmt: skip
    for name, radios in pages:
        axe(page, f"confirm-{name}")
        for radio in radios:
            choose(page, radio, 0 if name in ("alcohol", "anxiety", "mood") else 1)
        if name == "anxiety":
            page.get_by_label("how many panic attacks").fill("1")
        save(page)
    # The optional sections that follow (health, history, pharmacy, goals) are skipped.
    expect(
        page.get_by_role("heading", name="Health conditions that change sedative safety")
    ).to_be_visible()
    page.goto(page.url.replace("/health/", "/check/"))


def _check_and_send(page, axe):
    expect(page.get_by_role("heading", name="Check your answers")).to_be_visible()
    expect(
        page.get_by_text("You typed ‘klonazepam’. You told us you meant clonazepam.")
    ).to_be_visible()
    expect(page.get_by_text("Prescribed to you by Dr Rowe")).to_be_visible()
    axe(page, "confirm-check")
    page.get_by_label("I confirm that my answers are true").check()
    page.get_by_role("button", name="Send my answers").click()
    expect(page.get_by_role("heading", name="Your answers have been sent")).to_be_visible()
    axe(page, "confirm-sent")
    page.context.clear_cookies()  # signed out (the phone's menu hides the button)


def _psychiatrist_sees_the_flag_and_the_typed_name(page, axe, intake):
    page.goto("/review/")
    page.get_by_role("link", name="Cleo Corrected").click()
    flag = page.locator(".flag-card", has_text="65 or older")
    expect(flag.locator(".flag-triggers")).to_contain_text(
        f"Clonazepam 3 mg a day ({CONFIRMED}); age:"
    )
    expect(page.locator(".medicine-details").first).to_contain_text(CONFIRMED)
    expect(page.locator(".medicine-details").first).to_contain_text("2 years")
    axe(page, "confirm-review-detail")


def test_a_confirmed_misspelling_reaches_the_benzodiazepine_pages_and_the_psychiatrist(
    phone_page, axe
):
    page = phone_page
    patient = make_user("cleo@patients.example", groups=(roles.PATIENTS,), password=PASSWORD,
                        first_name="Cleo", last_name="Corrected")  # fmt: skip
    make_user("dr.ames@clinic.example", groups=(roles.PSYCHIATRISTS,), password=PASSWORD)
    intake = make_intake(patient)
    sign_in(page, patient.username, PASSWORD)
    page.goto("/intake/")
    _about_you(page, axe)
    _misspelled_medicine(page, axe)
    _benzodiazepine_pages_and_the_rest(page, axe)
    _check_and_send(page, axe)
    stored = Intake.objects.get(pk=intake.pk)
    assert stored.answers["medications"][0]["name"] == TYPED
    assert "age65_benzo" in stored.flag_codes
    sign_in(page, "dr.ames@clinic.example", PASSWORD)
    _psychiatrist_sees_the_flag_and_the_typed_name(page, axe, stored)
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile("Cleo Corrected"))


def test_the_pregnancy_question_leaves_when_male_is_chosen_and_breastfeeding_stays(phone_page, axe):
    page = phone_page
    patient = make_user("max@patients.example", groups=(roles.PATIENTS,), password=PASSWORD)
    make_intake(patient)
    sign_in(page, patient.username, PASSWORD)
    page.goto("/intake/")
    page.get_by_role("link", name="About you").click()
    pregnancy = page.locator("#div_id_pregnant")
    page.get_by_label("Male", exact=True).check()
    expect(pregnancy).to_be_hidden()
    expect(page.locator("#div_id_breastfeeding")).to_be_visible()
    axe(page, "about-male")
    page.get_by_label("Female").check()
    expect(pregnancy).to_be_visible()
