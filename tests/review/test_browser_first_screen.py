"""At 1280 px a psychiatrist sees safety, flags and medicines without scrolling."""

import pytest

from portal import roles
from tests.browser import sign_in
from tests.factories import make_submitted_intake, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "quiet-harbour-screen-2026"


@pytest.mark.parametrize("archetype", ["routine_cns_load", "urgent_opioid", "stat_item_9"])
def test_safety_flags_and_medicines_fit_the_first_screen_at_1280(page, axe, archetype):
    make_user("dr.kim@clinic.example", groups=(roles.PSYCHIATRISTS,), password=PASSWORD)
    patient = make_user("fay@patients.example", groups=(roles.PATIENTS,), first_name="Fay",
                        last_name="First")  # fmt: skip
    intake = make_submitted_intake(patient, archetype=archetype)
    sign_in(page, "dr.kim@clinic.example", PASSWORD)
    page.goto(f"/review/i/{intake.public_id}/")
    height = page.viewport_size["height"]
    boxes = {
        name: page.locator(f"section[aria-labelledby={name}]").bounding_box()
        for name in ("safety-title" if archetype != "stat_item_9" else "reach-title",
                     "flags-title", "medications-title")
    }  # fmt: skip
    for name, box in boxes.items():
        assert box["y"] >= 0 and box["y"] + box["height"] <= height, (name, box, height)
    axe(page, f"review-detail-first-screen-{archetype}")
