"""The patient's safety path in Chromium at 360 px, axe on every page: "Save and come back
later" keeps safety answers and shows crisis help; a page posted after the session expired
is saved after signing in again."""

import pytest
from django.contrib.sessions.models import Session
from playwright.sync_api import expect

from intake.models import Intake
from tests.browser import PASSWORD, open_intake, patient_intake

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def pia_intake(db):
    return patient_intake("pia@patients.example")


def _open_safety_page(page, intake):
    open_intake(page, intake, "safety/")
    expect(page.get_by_role("heading", name="Your safety", exact=True)).to_be_visible()


def _answer_yes_to_questions_1_and_2(page):
    page.check("#id_q1_0")
    page.check("#id_q2_0")


def test_save_and_come_back_later_keeps_two_safety_answers_and_shows_crisis_help(
    phone_page, axe, pia_intake
):
    page = phone_page
    _open_safety_page(page, pia_intake)
    expect(page.locator("#safety-notice")).to_contain_text("as soon as you save them")
    axe(page, "360-safety-notice")
    _answer_yes_to_questions_1_and_2(page)  # question 6 left unanswered
    page.get_by_role("button", name="Save and come back later").click()

    expect(page.get_by_role("heading", name="Your pre-visit questions")).to_be_visible()
    banner = page.locator("main .crisis-banner")
    expect(banner).to_be_visible()
    expect(banner.get_by_role("link", name="988")).to_have_attribute("href", "tel:988")
    expect(banner).to_contain_text("press 1")
    axe(page, "360-task-list-after-save-later")

    page.reload()  # a reload keeps what the save button sent
    page.go_back()
    page.goto(f"/intake/{pia_intake.public_id}/safety/")
    expect(page.locator("#id_q1_0")).to_be_checked()
    expect(page.locator("#id_q2_0")).to_be_checked()
    assert Intake.objects.get(pk=pia_intake.pk).details["pending"]["safety"] == {
        "q1": True,
        "q2": True,
    }


def test_save_and_come_back_later_works_without_javascript(chromium, live_server, pia_intake):
    context = chromium.new_context(
        java_script_enabled=False, viewport={"width": 360, "height": 780}, base_url=live_server.url
    )
    context.set_default_timeout(30_000)
    page = context.new_page()
    try:
        _open_safety_page(page, pia_intake)
        _answer_yes_to_questions_1_and_2(page)
        page.get_by_role("button", name="Save and come back later").click()
        expect(page.locator("main .crisis-banner")).to_be_visible()
    finally:
        context.close()


def test_a_page_posted_after_the_session_expired_is_saved_after_signing_in_again(
    phone_page, axe, pia_intake
):
    page = phone_page
    _open_safety_page(page, pia_intake)
    _answer_yes_to_questions_1_and_2(page)
    page.check("#id_q6_1")
    Session.objects.all().delete()  # the session expires while the patient is answering
    page.get_by_role("button", name="Save and continue").click()

    expect(page.get_by_role("heading", name="Sign in")).to_be_visible()
    expect(page.get_by_text("We are keeping your answers for 30 minutes")).to_be_visible()
    axe(page, "360-sign-in-with-kept-answers")
    page.get_by_label("Email address").fill("pia@patients.example")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()

    expect(page.get_by_role("heading", name="Your safety", exact=True)).to_be_visible()
    expect(page.get_by_text("they are saved now")).to_be_visible()
    expect(page.locator("main .crisis-banner")).to_be_visible()
    axe(page, "360-safety-saved-after-sign-in")
    stored = Intake.objects.get(pk=pia_intake.pk).answers["cssrs"]
    assert stored == {"q1": True, "q2": True, "q6": False}
