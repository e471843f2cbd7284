"""A patient fills each new optional section (health conditions, psychiatric history,
pharmacy and prescribers, goals) on a phone and sees the answers on check your answers, axe
clean at 360 and 1280 px. Fields are found by their labels and roles only."""

import re

import pytest
from playwright.sync_api import expect

from tests.axe import assert_accessible, assert_accessible_at_widths, at_both_widths
from tests.browser import open_intake, patient_intake

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
EMAIL = "nell@patients.example"
KLONOPIN = {"name": "Klonopin", "strength_mg": 0.5, "times_per_day": 2, "prescribed": True,
            "prescriber": "Dr Rowe", "duration": 6, "duration_unit": "months"}  # fmt: skip


@pytest.fixture
def nell_intake(db):
    return patient_intake(EMAIL, answers={"medications": [dict(KLONOPIN)]})


def _answer(page, question: str, answer: str) -> None:
    """Choose ``answer`` in the radio group whose legend is ``question``."""
    page.get_by_role("group", name=question).get_by_label(answer, exact=True).check()


def _fill_health(page):
    for question in ("Do you have sleep apnoea?", "Do you have kidney disease?",
                     "Have you fallen in the past year?", "Have you ever had a seizure or fit?",
                     "Have you ever had a serious head injury or concussion?"):  # fmt: skip
        _answer(page, question, "No" if "sleep" not in question else "Yes")
    _answer(page, "Do you have COPD, emphysema or another lung disease?", "No")
    _answer(page, "Do you have liver disease, such as cirrhosis or hepatitis?", "No")
    _answer(page, "Are you allergic to any medicines?", "Yes")
    page.get_by_label(re.compile("Which medicines, and what happened")).fill("Penicillin, a rash")
    return ["Penicillin, a rash"]


def _fill_psych_history(page):
    page.get_by_label("Panic disorder").check()
    page.get_by_label("Any other diagnosis (optional)").fill("Insomnia")
    page.get_by_label(re.compile("How many times have you stayed in hospital")).fill("1")
    page.get_by_label(re.compile("When was the last stay")).fill("March 2019, for depression")
    _answer(page, "Do you see a therapist or counsellor now?", "Yes")
    page.get_by_label("Their name and where they work (optional)").fill("Jo Park")
    _answer(page, re.compile("Have you taken other medicines for mood or anxiety"), "Yes")
    page.get_by_role("button", name=re.compile("Save and continue|Continue")).first.click()
    expect(page.get_by_role("heading", name="Past medicines for mood or anxiety")).to_be_visible()
    page.get_by_label("Past medicine 1 for mood or anxiety: name (optional)").fill("Paroxetine")
    _answer(page, "Did past medicine 1 help?", "A little")
    page.get_by_label("Why did you stop past medicine 1? (optional)").fill("Weight gain")
    return ["Panic disorder", "Insomnia", "March 2019, for depression", "Paroxetine",
            "Weight gain", "Jo Park"]  # fmt: skip


def _fill_pharmacy(page):
    _answer(page, "Do you have a pharmacy you would like prescriptions sent to?", "Yes")
    page.get_by_label("Pharmacy name").fill("Main Street Pharmacy")
    page.get_by_label("Pharmacy phone number (optional)").fill("202-555-0199")
    page.get_by_label("Town or city of the pharmacy").fill("Albany")
    return ["Main Street Pharmacy", "Albany", "Dr Rowe"]  # the prescriber, from the medicine


def _fill_goals(page):
    page.get_by_label("What would you like to get from your visit? (optional)").fill(
        "Sleep through the night"
    )
    page.get_by_label("What worries you most right now? (optional)").fill("Running out")
    return ["Sleep through the night", "Running out"]


SECTIONS = {
    "health": ("health/", _fill_health),
    "psychiatric-history": ("psychiatric-history/", _fill_psych_history),
    "pharmacy": ("pharmacy/", _fill_pharmacy),
    "goals": ("goals/", _fill_goals),
}


@pytest.mark.parametrize("section", list(SECTIONS))
def test_a_patient_fills_a_new_section_and_sees_it_on_check_your_answers(
    phone_page, nell_intake, section
):
    page, (path, fill) = phone_page, SECTIONS[section]
    open_intake(page, nell_intake, path)
    assert_accessible_at_widths(page, f"{section}-empty")
    shown = fill(page)
    page.get_by_role("button", name=re.compile("Save and continue|Continue")).first.click()
    expect(page.locator("#error-summary")).to_have_count(0)
    page.goto(f"/intake/{nell_intake.public_id}/check/")
    main = page.get_by_role("main")
    for words in shown:
        expect(main).to_contain_text(words)
    for width in at_both_widths(page):
        assert_accessible(page, f"{width}px-check-after-{section}")
        assert page.evaluate("document.documentElement.scrollWidth") <= width
