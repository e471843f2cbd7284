"""A second intake shows its trends on the detail page in real Chromium (opened on a phone,
axe and no sideways scroll at 360 and 1280 px); found by roles and text, not the page's
structure."""

import pytest
from playwright.sync_api import expect

from portal import roles
from tests.axe import assert_accessible, at_both_widths
from tests.browser import sign_in
from tests.factories import make_user
from tests.review.test_trend import submit_earlier_and_later

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "quiet-harbour-trend-2026"


def test_a_second_intake_shows_trends_on_the_detail_page(phone_page):
    page = phone_page
    make_user("dr.kim@clinic.example", groups=(roles.PSYCHIATRISTS,), password=PASSWORD)
    patient = make_user("tess@patients.example", groups=(roles.PATIENTS,), first_name="Tess",
                        last_name="Trend")  # fmt: skip
    _, later = submit_earlier_and_later(patient)
    sign_in(page, "dr.kim@clinic.example", PASSWORD)
    page.goto(f"/review/i/{later.public_id}/")
    mood = page.get_by_role("row", name="Mood (PHQ-9)")
    expect(mood).to_contain_text("14was 19 on 3 Nov 2026 (down 5)")
    medicines = page.get_by_role("region", name="Medications")
    expect(medicines.get_by_text("Added: sertraline")).to_be_visible()
    expect(medicines.get_by_text("Stopped: escitalopram")).to_be_visible()
    expect(medicines).to_contain_text("clonazepam up from 1 mg a day to 2 mg a day")
    klonopin = medicines.get_by_role("listitem").filter(has_text="Klonopin")
    expect(klonopin).to_contain_text("dose up: was 1 mg a day")
    for width in at_both_widths(page):
        assert_accessible(page, f"{width}px-review-detail-trend")
        assert page.evaluate("document.documentElement.scrollWidth") <= width
