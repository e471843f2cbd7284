"""Done when (issue 27): a returning patient completes a follow-up intake where one medicine
is unchanged, one changed dose and one stopped; the psychiatrist sees exactly those changes
and the score changes at the top of the detail page. One lean journey in real Chromium: the
patient reconciles their medicines on a phone (the other pages, asked as in any intake, are
answered through the test client), sends from check your answers, then the psychiatrist
reads the detail page; axe clean at each step."""

import re

import pytest
from django.test import Client
from playwright.sync_api import expect

from portal import roles
from tests.browser import sign_in, user_with_password
from tests.intake.follow_up_cases import answer_the_rest, returning_patient

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
CALMER = {f"phq_9_{n}": "0" for n in range(1, 10)}  # a PHQ-9 of 0 this time (16 last time)


def _still_taking(page, name: str, answer: str) -> None:
    page.get_by_role("group", name=f"{name}: still taking it? Same dose?").get_by_label(
        answer, exact=True
    ).check()


def test_a_returning_patient_reconciles_and_the_psychiatrist_sees_what_changed(phone_page, axe):
    page = phone_page
    patient = user_with_password("rory@patients.example", groups=(roles.PATIENTS,),
                                 first_name="Rory", last_name="Return")  # fmt: skip
    _, follow_up = returning_patient(patient)
    user_with_password("dr.lee@clinic.example", groups=(roles.PSYCHIATRISTS,))

    sign_in(page, "rory@patients.example")
    page.goto(f"/intake/{follow_up.public_id}/contact/since-last-time/")
    expect(page.get_by_text("Last time you told us:")).to_be_visible()
    axe(page, "360px-follow-up-contact-since-last-time")
    page.get_by_role("group", name="Has anything changed since last time?").get_by_label(
        "No", exact=True
    ).check()
    page.get_by_role("button", name="Save and continue").click()
    expect(page.get_by_role("heading", name="Your visit")).to_be_visible()
    page.goto(f"/intake/{follow_up.public_id}/medications/since-last-time/")
    expect(page.get_by_role("heading", name="Your medicines since last time")).to_be_visible()
    _still_taking(page, "sertraline", "Yes, at the same dose")
    _still_taking(page, "Klonopin", "Yes, but the dose has changed")
    page.get_by_label("New dose of Klonopin: how often you take it").select_option("3")
    _still_taking(page, "zolpidem", "No, I have stopped it")
    page.get_by_label("If you stopped zolpidem: when did you stop?").fill("3 weeks ago")
    axe(page, "360px-follow-up-medicines")
    page.get_by_role("button", name="Save and continue").click()
    expect(page.get_by_role("heading", name="Your medicines", exact=True)).to_be_visible()

    client = Client()
    client.force_login(patient)
    follow_up.refresh_from_db()
    answer_the_rest(client, follow_up, mood=CALMER)
    page.goto(f"/intake/{follow_up.public_id}/check/")
    page.get_by_label(re.compile("I confirm that my answers are true")).check()
    page.get_by_role("button", name="Send my answers").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(re.compile("sent|Thank", re.I))

    page.context.clear_cookies()
    page.set_viewport_size({"width": 1280, "height": 900})
    sign_in(page, "dr.lee@clinic.example")
    page.goto(f"/review/i/{follow_up.public_id}/")
    changed = page.get_by_role("region", name="What changed since the last visit")
    medicines = changed.locator(".what-changed-medicines li")
    expect(medicines).to_have_count(2)
    expect(medicines.nth(0)).to_contain_text("Changed: clonazepam (Klonopin): 1 mg a day")
    expect(medicines.nth(0)).to_contain_text("1.5 mg a day")
    expect(medicines.nth(1)).to_contain_text("Stopped: zolpidem, 3 weeks ago")
    expect(changed).to_contain_text("Same as last time: sertraline")
    expect(changed.locator(".what-changed-scores")).to_contain_text("PHQ-9")
    expect(changed.locator(".what-changed-scores")).to_contain_text("Remission")
    box, flags = changed.bounding_box(), page.locator("#flags-title").bounding_box()
    assert box["y"] < flags["y"]  # it leads the clinical summary
    axe(page, "1280px-review-detail-what-changed")
