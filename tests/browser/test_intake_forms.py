"""Intake form behaviour in Chromium, walked on a phone, axe on every page at 360 and 1280 px:
focus moves to the error summary, long fields count their characters, and pages that do not
apply are skipped. Answers are chosen by their labels and roles."""

import pytest
from playwright.sync_api import expect

from tests.axe import assert_accessible_at_widths
from tests.browser import SERTRALINE, open_intake, patient_intake

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
EMAIL = "iris@patients.example"


@pytest.fixture
def iris_intake(db):
    return patient_intake(EMAIL)


def test_focus_moves_to_the_error_summary_on_your_medicines(phone_page, iris_intake):
    page = phone_page
    open_intake(page, iris_intake, "medications/")
    page.get_by_role("button", name="Continue").click()  # no answer: the error state
    expect(page.locator("#error-summary")).to_be_visible()
    expect(page.locator("#error-summary")).to_be_focused()
    assert_accessible_at_widths(page, "medicines-error-focus")


def test_focus_moves_to_the_missing_answers_on_check_your_answers(phone_page, iris_intake):
    page = phone_page
    open_intake(page, iris_intake, "check/")
    page.get_by_role("checkbox").check()
    page.get_by_role("button", name="Send my answers").click()  # nothing answered yet
    expect(page.locator("#missing-summary")).to_be_visible()
    expect(page.locator("#missing-summary")).to_be_focused()
    assert_accessible_at_widths(page, "check-missing-focus")


def test_a_long_answer_counts_its_characters_and_says_when_it_is_too_long(phone_page, iris_intake):
    page = phone_page
    open_intake(page, iris_intake, "visit/")
    field = page.get_by_label("If something else, tell us briefly (optional)")
    expect(page.locator("#id_visit_reason_other-count")).to_have_text(
        "You have 500 characters remaining"
    )
    field.fill("x" * 510)
    count = page.locator("#id_visit_reason_other-count")
    expect(count).to_have_text("You have 10 characters too many")
    assert len(field.input_value()) == 510  # nothing cut
    assert_accessible_at_widths(page, "visit-count-over")
    page.get_by_label("Something else", exact=True).check()
    page.get_by_role("button", name="Save and continue").click()
    expect(page.locator("#error-summary")).to_contain_text(
        "Use 500 characters or fewer (you entered 510)"
    )


def test_a_non_drug_user_skips_the_dast(phone_page, iris_intake):
    page = phone_page
    iris_intake.answers = {"medications": [dict(SERTRALINE)]}
    iris_intake.save()
    open_intake(page, iris_intake, "substances/")
    expect(page.get_by_text("have you used drugs other than for medical reasons")).to_be_visible()
    assert_accessible_at_widths(page, "substances-with-drug-use-question")
    for no in page.get_by_role("radio", name="No", exact=True).all():
        no.check()  # every question, drug use in the past 12 months among them
    page.get_by_role("button", name="Save and continue").click()
    expect(page.get_by_role("heading", name="Side effects", exact=True)).to_be_visible()
    assert "/drug-use/" not in page.url
    assert_accessible_at_widths(page, "side-effects-after-no-drug-use")
    page.goto(f"/intake/{iris_intake.public_id}/drug-use/")
    expect(page.get_by_role("heading", name="Side effects", exact=True)).to_be_visible()


def test_a_patient_with_no_medicines_skips_side_effects(phone_page, iris_intake):
    page = phone_page
    open_intake(page, iris_intake, "medications/")
    page.get_by_role("radio", name="No", exact=True).check()  # no medicines
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("heading", name="Alcohol", exact=True)).to_be_visible()
    page.goto(f"/intake/{iris_intake.public_id}/")
    side_effects = page.get_by_role("listitem").filter(has_text="Side effects")
    expect(side_effects).to_contain_text("Not needed")
    assert_accessible_at_widths(page, "task-list-side-effects-not-needed")
    page.goto(f"/intake/{iris_intake.public_id}/side-effects/")
    expect(page.get_by_role("heading", name="Anxiety", exact=True)).to_be_visible()
    assert_accessible_at_widths(page, "anxiety-after-skipping-side-effects")
