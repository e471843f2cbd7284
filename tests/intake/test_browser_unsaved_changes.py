"""Leaving an intake page with unsaved answers asks first; a saved page lets you go."""

import pytest
from playwright.sync_api import expect

from tests.browser import open_intake, patient_intake

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def leave_warnings(phone_page):
    """The "leave this page?" dialogs the browser showed (each one accepted)."""
    shown = []

    def accept(dialog):
        shown.append(dialog.type)
        dialog.accept()

    phone_page.on("dialog", accept)
    return shown


def test_a_changed_answer_warns_before_leaving_and_a_saved_one_does_not(
    phone_page, axe, leave_warnings
):
    intake = patient_intake("uma@patients.example")
    open_intake(phone_page, intake, "visit/")
    phone_page.reload()  # nothing changed yet: no warning
    assert leave_warnings == []

    phone_page.get_by_label("Something else", exact=True).check()
    axe(phone_page, "360px-visit-unsaved-change")
    phone_page.reload()
    assert leave_warnings == ["beforeunload"]
    expect(phone_page.get_by_label("Something else", exact=True)).not_to_be_checked()

    phone_page.get_by_label("Something else", exact=True).check()
    phone_page.get_by_role("button", name="Save and come back later").click()
    phone_page.wait_for_load_state()
    phone_page.goto(f"/intake/{intake.public_id}/visit/")
    expect(phone_page.get_by_label("Something else", exact=True)).to_be_checked()
    phone_page.reload()
    assert leave_warnings == ["beforeunload"]  # the save and the visits after: none
