"""Issue 22: the detail page leads with what changes a prescription. At 1280 px the band
with allergies, the history that matters and pregnancy is on the first screen beside the
flags; axe clean at 1280 and 360 px."""

import pytest
from playwright.sync_api import expect

from intake.devtools.seed_cases import CLONAZEPAM, NO_HEALTH_CONDITIONS, _med, base
from portal import roles
from tests.axe import assert_accessible, at_both_widths
from tests.browser import sign_in, user_with_password
from tests.factories import make_submitted_intake, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def psychiatrist_page(phone_page):
    user_with_password("dr.band@clinic.example", groups=(roles.PSYCHIATRISTS,))
    patient = make_user("bea@patients.example", groups=(roles.PATIENTS,), first_name="Bea",
                        last_name="Band")  # fmt: skip
    answers = base(
        medications=[CLONAZEPAM, _med("oxycodone", 5)],
        pregnant="yes",
        allergy_details="Ativan: hives",
        psych_history={"diagnoses": ["bipolar"]},
        health={**NO_HEALTH_CONDITIONS, "medicine_allergies": True, "seizures": True},
    )
    intake = make_submitted_intake(patient, answers=answers)
    sign_in(phone_page, "dr.band@clinic.example")
    phone_page.goto(f"/review/i/{intake.public_id}/")
    return phone_page


def test_allergies_history_and_pregnancy_lead_the_detail_page(psychiatrist_page):
    page = psychiatrist_page
    band = page.locator("section[aria-labelledby=prescribing-title]")
    for text in ("Ativan: hives", "Bipolar disorder", "A seizure at some time", "Pregnant"):
        expect(band).to_contain_text(text)
    for width in at_both_widths(page):
        if width == 1280:
            # The band whole, and the flags beginning, on the first screen.
            height = page.viewport_size["height"]
            box = band.bounding_box()
            assert box["y"] >= 0 and box["y"] + box["height"] <= height, box
            assert page.locator("#flags-title").bounding_box()["y"] < height
        assert_accessible(page, f"review-detail-prescribing-band-{width}px")
