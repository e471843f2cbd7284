"""Scores over time in real Chromium: a patient with three PHQ-9 and GAD-7 totals; the
psychiatrist's detail page and the patient's "Your scores" page pass axe at 1280 and 360 px
and fit the phone's width. One lean journey: each person signs in once, the viewport is
resized in place."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from portal import roles
from tests.browser import sign_in, user_with_password
from tests.intake.test_trends import three_scores

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _at_both_widths(page, name: str, axe) -> None:
    for width, height in ((1280, 900), (360, 780)):
        page.set_viewport_size({"width": width, "height": height})
        axe(page, f"{width}px-{name}")
        assert page.evaluate("document.documentElement.scrollWidth") <= width


def test_the_trend_charts_pass_axe_for_the_psychiatrist_and_the_patient(page, axe):
    patient = user_with_password(
        "tara@patients.example", groups=(roles.PATIENTS,), first_name="Tara", last_name="Trend"
    )
    latest = three_scores(patient)
    user_with_password("dr.lee@clinic.example", groups=(roles.PSYCHIATRISTS,))

    sign_in(page, "dr.lee@clinic.example")
    page.goto(f"/review/i/{latest.public_id}/")
    mood = page.get_by_role("region", name="Mood (PHQ-9) over time")
    expect(mood.get_by_role("img", name="Mood (PHQ-9) over time")).to_be_visible()
    expect(mood.get_by_role("table")).to_contain_text("15")
    _at_both_widths(page, "review-detail-trend-chart", axe)

    page.context.clear_cookies()
    sign_in(page, "tara@patients.example")
    page.goto(reverse("intake:scores", args=[latest.public_id]))
    expect(page.get_by_role("heading", name="Your scores", exact=True)).to_be_visible()
    expect(page.get_by_role("img", name="Mood (PHQ-9)")).to_be_visible()
    expect(page.get_by_text("Your score has gone up a lot since last time.")).to_be_visible()
    _at_both_widths(page, "patient-scores", axe)
