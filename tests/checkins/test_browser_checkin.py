"""One lean journey in real Chromium: the psychiatrist sets a patient's check-ins from the
intake's page; when one is due, the patient follows the email's link on a phone and finds
the check-in's task list. Axe clean at each step (answering and sending it are in
test_checkin_journey.py, through the same pages)."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from intake.checkins.services import checkins_owe_due
from intake.models.checkins import CheckInSchedule
from portal import roles
from tests.browser import sign_in, user_with_password
from tests.factories import make_submitted_intake

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_psychiatrist_sets_check_ins_and_the_patient_finds_one_from_the_email(
    page, phone_page, axe
):
    patient = user_with_password("cora@patients.example", groups=(roles.PATIENTS,),
                                 first_name="Cora", last_name="Check")  # fmt: skip
    user_with_password("dr.lee@clinic.example", groups=(roles.PSYCHIATRISTS,))
    intake = make_submitted_intake(patient)

    sign_in(page, "dr.lee@clinic.example")
    page.goto(f"/review/i/{intake.public_id}/")
    page.get_by_role("link", name="Check-ins between visits").click()
    page.get_by_label("Every how many days").fill("14")
    page.get_by_role("button", name="Save schedule").click()
    expect(page.get_by_text("Every 14 days")).to_be_visible()
    axe(page, "1280px-checkin-schedule")

    CheckInSchedule.objects.update(next_due_at=timezone.now() - timedelta(minutes=1))
    assert checkins_owe_due() == 1
    link = re.search(r"https?://\S+(/intake/\S+/)", mail.outbox[-1].body).group(1)

    sign_in(phone_page, "cora@patients.example")
    phone_page.goto(link)
    expect(phone_page.get_by_role("heading", name="Your check-in")).to_be_visible()
    axe(phone_page, "360px-checkin-tasks")
    phone_page.get_by_role("link", name="Mood and anxiety").click()
    expect(phone_page.get_by_role("button", name="Save and continue")).to_be_visible()
