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
