"""On a phone a psychiatrist reads the health conditions, psychiatric history and pharmacy,
sees the lung flag, and records a PDMP check (error first), axe clean throughout at 360 and
1280 px."""

import re

import pytest
from playwright.sync_api import expect

from intake.devtools.seed_cases import ARCHETYPES, DETAILS
from intake.services import intake_submit
from portal import roles
from tests.axe import assert_accessible, assert_accessible_at_widths, at_both_widths
from tests.browser import sign_in
from tests.factories import make_intake, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "quiet-harbour-screen-2026"

PSYCH_HISTORY = {
    "diagnoses": ["depression", "panic"],
    "diagnoses_other": "",
    "hospital_stays": 1,
    "last_hospital_stay": "March 2019, for depression",
    "past_medicines": [{"name": "Paroxetine", "helped": "some", "why_stopped": "Weight gain"}],
    "therapist": True,
    "therapist_name": "Jo Park",
}


def _intake_with_new_sections(patient):
    answers = {
        **ARCHETYPES["urgent_sleep_apnoea"],
        "allergy_details": "Penicillin: a rash",
        "psych_history": PSYCH_HISTORY,
    }
    answers["health"] = {**answers["health"], "medicine_allergies": True}
    details = {
        **DETAILS,
        "pharmacy": {"name": "Main Street Pharmacy", "phone": "+12025550199", "town": "Albany"},
    }
    intake = make_intake(patient, answers=answers, details=details)
    return intake_submit(intake_id=intake.pk, patient=patient)


def test_a_psychiatrist_reads_the_new_sections_and_records_a_pdmp_check(phone_page):
    page = phone_page
    make_user("dr.kim@clinic.example", groups=(roles.PSYCHIATRISTS,), password=PASSWORD)
    patient = make_user("fay@patients.example", groups=(roles.PATIENTS,))
    intake = _intake_with_new_sections(patient)
    sign_in(page, "dr.kim@clinic.example", PASSWORD)
    page.goto(f"/review/i/{intake.public_id}/")
    expect(page.get_by_text("Benzodiazepine with sleep apnoea or lung disease")).to_be_visible()
    expect(
        page.get_by_role("heading", name="Health conditions that change sedative safety")
    ).to_be_visible()
    # In the prescribing band at the top, and again with the health answers.
    allergy = page.get_by_text("Penicillin: a rash")
    expect(allergy).to_have_count(2)
    expect(allergy.first).to_be_visible()
    expect(page.get_by_text("Paroxetine")).to_be_visible()
    pharmacy = page.get_by_role("region", name="Pharmacy and prescribers")
    expect(pharmacy).to_contain_text("Main Street Pharmacy, Albany, (202) 555-0199")
    expect(pharmacy).to_contain_text("Klonopin (clonazepam): prescribed to the patient")
    expect(pharmacy).to_contain_text("No PDMP check recorded yet.")
    assert_accessible_at_widths(page, "review-detail-new-sections")
    page.get_by_role("button", name="Record the PDMP check").click()
    expect(page.locator("#error-summary")).to_contain_text("Confirm that you checked the PDMP")
    message = "Confirm that you checked the PDMP before recording it."
    expect(page.get_by_text(message)).to_have_count(2)  # in the summary and beside the box
    assert_accessible_at_widths(page, "review-detail-pdmp-error")
    page.get_by_label(re.compile("I checked the state prescription drug monitoring")).check()
    page.get_by_role("button", name="Record the PDMP check").click()
    expect(pharmacy).to_contain_text("PDMP checked by")
    # The scores table never scrolls sideways: on a phone each score is a labelled card.
    scores = page.locator(".table-responsive").filter(has=page.locator(".scores-table"))
    for width in at_both_widths(page):
        assert_accessible(page, f"{width}px-review-detail-pdmp-recorded")
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        assert scores.evaluate("r => r.scrollWidth <= r.clientWidth")
        if width < 576:
            expect(scores.get_by_role("cell", name=re.compile(r"^Band: "))).not_to_have_count(0)
