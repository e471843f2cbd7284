"""Intake form behaviour in Chromium at 360 px, axe on every page: focus moves to the error
summary, long fields count their characters, and pages that do not apply are skipped."""

import pytest
from playwright.sync_api import expect

from portal import roles
from tests.browser import PASSWORD, sign_in, user_with_password
from tests.factories import make_intake

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
EMAIL = "iris@patients.example"
SERTRALINE = {"name": "sertraline", "strength_mg": 50.0, "times_per_day": 1,
              "duration": 12, "duration_unit": "weeks"}  # fmt: skip


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


SUBSTANCE_RADIOS = ("opioids", "cannabis", "stimulants", "sedatives", "sud_history",
                    "family_sud_history", "drug_use_past_year")  # fmt: skip


def test_a_non_drug_user_skips_the_dast(phone_page, axe, iris_intake):
    page = phone_page
    iris_intake.answers = {"medications": [dict(SERTRALINE)]}
    iris_intake.save()
    _open(page, iris_intake, "substances/")
    expect(page.get_by_text("have you used drugs other than for medical reasons")).to_be_visible()
    axe(page, "360-substances-with-drug-use-question")
    for name in SUBSTANCE_RADIOS:
        page.check(f"#id_{name}_1")  # No
    page.get_by_role("button", name="Save and continue").click()
    expect(page.get_by_role("heading", name="Side effects", exact=True)).to_be_visible()
    assert "/drug-use/" not in page.url
    axe(page, "360-side-effects-after-no-drug-use")
    page.goto(f"/intake/{iris_intake.public_id}/drug-use/")
    expect(page.get_by_role("heading", name="Side effects", exact=True)).to_be_visible()


def test_a_patient_with_no_medicines_skips_side_effects(phone_page, axe, iris_intake):
    page = phone_page
    _open(page, iris_intake, "medications/")
    page.check("#id_add_another_1")  # No medicines
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("heading", name="Alcohol", exact=True)).to_be_visible()
    page.goto(f"/intake/{iris_intake.public_id}/")
    side_effects = page.get_by_role("listitem").filter(has_text="Side effects")
    expect(side_effects).to_contain_text("Not needed")
    axe(page, "360-task-list-side-effects-not-needed")
    page.goto(f"/intake/{iris_intake.public_id}/side-effects/")
    expect(page.get_by_role("heading", name="Anxiety", exact=True)).to_be_visible()
    axe(page, "360-anxiety-after-skipping-side-effects")
