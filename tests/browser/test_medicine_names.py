"""Issue 22 and issue 23 item 11, in real Chromium at 360 px, axe clean: a patient types
street, online and designer names on the real medicine pages and each is read as its own
substance, shown back ("We read 'kratom' as kratom."), never offered as another drug; a
name that could be two medicines is asked about with both. Fields by label and role only."""

import pytest
from playwright.sync_api import expect

from intake.evaluation import evaluate_answers
from intake.models import Intake
from tests.browser import open_intake, patient_intake

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# (typed, read back on the next page, the class the evaluation gives it): a designer
# benzodiazepine, a street name, kratom and a misspelled brand, on the real pages. Every other
# name's read-back is checked in-process (tests/intake/test_medicine_confirmation.py) and its
# class in the catalog (tests/clinical/test_catalog.py): the browser adds nothing per name.
TYPED = [
    ("etizolam", "We read ‘etizolam’ as etizolam.", "benzodiazepine"),
    ("bars", "We read ‘bars’ as alprazolam-like street tablets.", "benzodiazepine"),
    ("kratom", "We read ‘kratom’ as kratom.", "opioid"),
    ("Xanex", "We read ‘Xanex’ as alprazolam (Xanax).", "benzodiazepine"),
]


def _what_you_take(page, name: str) -> None:
    page.get_by_label("Name of the medicine").fill(name)
    page.get_by_label("Strength of one tablet").fill("1")
    page.get_by_label("How many tablets").fill("1")
    page.get_by_role("group", name="How often do you take it?").get_by_label("Once a day").check()
    page.get_by_role("button", name="Continue").click()


def _how_you_take(page) -> None:
    page.get_by_label("How long have you been taking it?").fill("3")
    page.get_by_role("group", name="Is that weeks, months or years?").get_by_label("Months").check()
    page.get_by_role("group", name="How are you taking it?").get_by_label(
        "As prescribed or as the label says"
    ).check()
    page.get_by_role("group", name="Was it prescribed for you?").get_by_label(
        "No, for example from a friend", exact=False
    ).check()
    page.get_by_role("button", name="Save medicine").click()


def test_street_and_designer_names_are_read_as_themselves_and_never_corrected(phone_page, axe):
    page = phone_page
    intake = patient_intake("pia@patients.example")
    open_intake(page, intake, "medications/add/")
    for n, (typed, shown, _class) in enumerate(TYPED):
        _what_you_take(page, typed)
        # No "Did you mean": straight on to how they take it, with the match shown back.
        expect(page.get_by_role("heading", level=1)).to_have_text(f"How you take {typed}")
        expect(page.get_by_text("Did you mean")).to_have_count(0)
        expect(page.locator("#match-read-back")).to_contain_text(shown)
        if n == 0:
            axe(page, "medicine-read-back")
        _how_you_take(page)
        page.goto(f"/intake/{intake.public_id}/medications/add/")
    axe(page, "medicine-add")
    stored = Intake.objects.get(pk=intake.pk).answers["medications"]
    assert [m["name"] for m in stored] == [typed for typed, _, _ in TYPED]
    evaluated = evaluate_answers(Intake.objects.get(pk=intake.pk).answers)["medications"]
    assert [m["class"] for m in evaluated] == [drug_class for _, _, drug_class in TYPED]


def test_a_name_close_to_an_approved_and_a_designer_benzodiazepine_is_asked_with_both(
    phone_page, axe
):
    page = phone_page
    intake = patient_intake("quin@patients.example")
    open_intake(page, intake, "medications/add/")
    _what_you_take(page, "clonazelam")
    expect(page.get_by_role("heading", name="Check the name of your medicine")).to_be_visible()
    question = page.get_by_role("group", name="Did you mean clonazepam (Klonopin) or clonazolam?")
    expect(question.get_by_label("Yes, clonazepam (Klonopin)")).to_be_visible()
    expect(question.get_by_label("Yes, clonazolam")).to_be_visible()
    axe(page, "medicine-ambiguous-question")
    question.get_by_label("Yes, clonazolam").check()
    page.get_by_role("button", name="Continue").click()
    expect(page.locator("#match-read-back")).to_contain_text(
        "We read ‘clonazelam’ as clonazolam, as you told us."
    )
    _how_you_take(page)
    (stored,) = Intake.objects.get(pk=intake.pk).answers["medications"]
    assert (stored["name"], stored["chosen"]) == ("clonazelam", "clonazolam")
