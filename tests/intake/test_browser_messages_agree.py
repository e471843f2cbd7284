"""What a page says about an answer agrees with what the server then says about it."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser import open_intake, patient_intake

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# 700 as the browser holds it: six lines, an emoji (two UTF-16 units, one character),
# and a new line and spaces at the end (not kept). What counts: 696 characters.
LONG_TEXT = ("a" * 99 + "\n") * 6 + "b" * 95 + "\N{GRINNING FACE}" + "\n  "


@pytest.fixture
def intake(db):
    return patient_intake("ola@patients.example")


def test_the_character_count_and_the_too_long_message_count_the_same(phone_page, axe, intake):
    open_intake(phone_page, intake, "visit/")
    phone_page.get_by_label("If something else, tell us briefly (optional)").fill(LONG_TEXT)
    count = phone_page.locator("#id_visit_reason_other-count").inner_text()
    phone_page.get_by_label("Something else", exact=True).check()
    phone_page.get_by_role("button", name="Save and continue").click()
    error = phone_page.locator("#error-summary").inner_text()
    too_many = int(re.search(r"You have (\d+) characters? too many", count)[1])
    entered = int(re.search(r"you entered (\d+)", error)[1])
    assert (too_many, entered) == (196, 696)
    expect(phone_page.locator("#id_visit_reason_other-count")).to_have_text(
        "You have 196 characters too many"
    )
    axe(phone_page, "360px-visit-too-long-agree")


def _to_how_you_take_it(page, intake) -> None:
    """Add a medicine up to its second page, "How you take Klonopin"."""
    open_intake(page, intake, "medications/add/")
    page.get_by_label("Name of the medicine").fill("Klonopin")
    page.get_by_label("Strength of one tablet").fill("0.5")
    page.get_by_label("How many tablets").fill("1")
    page.get_by_label("Twice a day").check()
    page.get_by_role("button", name="Continue").click()


def test_a_year_and_a_half_is_taken_as_said(phone_page, axe, intake):
    _to_how_you_take_it(phone_page, intake)
    phone_page.get_by_label("How long have you been taking it?").fill("1.5")
    phone_page.get_by_label("Years", exact=True).check()
    phone_page.get_by_label("As prescribed or as the label says").check()
    phone_page.get_by_label("Yes, it was prescribed for me").check()
    phone_page.get_by_role("button", name="Save medicine").click()
    expect(phone_page.get_by_role("heading", name="Your medicines")).to_be_visible()
    axe(phone_page, "360px-medicines-a-year-and-a-half")
    intake.refresh_from_db()
    [medicine] = intake.answers["medications"]
    assert (medicine["duration"], medicine["duration_unit"]) == (1.5, "years")


def test_a_how_long_with_too_many_decimals_offers_months(phone_page, axe, intake):
    _to_how_you_take_it(phone_page, intake)
    phone_page.get_by_label("How long have you been taking it?").fill("1.333")
    phone_page.get_by_label("Years", exact=True).check()
    phone_page.get_by_role("button", name="Save medicine").click()
    expect(phone_page.locator("#error-summary")).to_contain_text(
        "Enter how long with no more than 2 decimal places, for example 1.5, or in months"
    )
    axe(phone_page, "360px-medicines-how-long-decimals")
