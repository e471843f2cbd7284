"""Intake form behaviour in Chromium at 360 px, axe on every page: focus moves to the error
summary, long fields count their characters, and pages that do not apply are skipped."""

import pytest
from playwright.sync_api import expect

from portal import roles
from tests.browser import PASSWORD, sign_in, user_with_password
from tests.factories import make_intake

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
EMAIL = "iris@patients.example"


@pytest.fixture
def iris_intake(db):
    return make_intake(user_with_password(EMAIL, groups=(roles.PATIENTS,)))


def _open(page, intake, path: str) -> None:
    sign_in(page, EMAIL, PASSWORD)
    page.goto(f"/intake/{intake.public_id}/{path}")


def test_focus_moves_to_the_error_summary_on_your_medicines(phone_page, axe, iris_intake):
    page = phone_page
    _open(page, iris_intake, "medications/")
    page.get_by_role("button", name="Continue").click()  # no answer: the error state
    expect(page.locator("#error-summary")).to_be_visible()
    expect(page.locator("#error-summary")).to_be_focused()
    axe(page, "360-medicines-error-focus")


def test_focus_moves_to_the_missing_answers_on_check_your_answers(phone_page, axe, iris_intake):
    page = phone_page
    _open(page, iris_intake, "check/")
    page.get_by_role("checkbox").check()
    page.get_by_role("button", name="Send my answers").click()  # nothing answered yet
    expect(page.locator("#missing-summary")).to_be_visible()
    expect(page.locator("#missing-summary")).to_be_focused()
    axe(page, "360-check-missing-focus")


def test_a_long_answer_counts_its_characters_and_says_when_it_is_too_long(
    phone_page, axe, iris_intake
):
    page = phone_page
    _open(page, iris_intake, "visit/")
    field = page.get_by_label("If something else, tell us briefly (optional)")
    expect(page.locator("#id_visit_reason_other-count")).to_have_text(
        "You have 500 characters remaining"
    )
    field.fill("x" * 510)
    count = page.locator("#id_visit_reason_other-count")
    expect(count).to_have_text("You have 10 characters too many")
    assert len(field.input_value()) == 510  # nothing cut
    axe(page, "360-visit-count-over")
    page.get_by_label("Something else", exact=True).check()
    page.get_by_role("button", name="Save and continue").click()
    expect(page.locator("#error-summary")).to_contain_text(
        "Use 500 characters or fewer (you entered 510)"
    )
