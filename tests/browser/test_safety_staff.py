"""The staff side of the safety path in Chromium at 360 px, axe on every page: a positive
safety answer saved in an unsent intake is in the psychiatrist's STAT list at once, marked
unsent, its safety answers readable and claimable, and the on-call email is in the outbox."""

import pytest
from django.conf import settings
from django.core import mail
from playwright.sync_api import expect

from intake.models import Intake, NotificationOutbox
from portal import roles
from tests.browser import PASSWORD, open_intake, sign_in, user_with_password
from tests.factories import make_intake
from tests.waiting import wait_for

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def unsent_intake(db):
    patient = user_with_password(
        "pia@patients.example", groups=(roles.PATIENTS,), first_name="Pia", last_name="Park"
    )
    return make_intake(patient)


@pytest.fixture
def oncall_psychiatrist(db):
    return user_with_password(
        "dr.oz@clinic.example",
        groups=(roles.PSYCHIATRISTS, settings.ONCALL_GROUP),
        first_name="Ola",
        last_name="Oz",
    )


def _patient_saves_two_yes_answers_for_later(page, intake):
    open_intake(page, intake, "safety/")
    page.check("#id_q1_0")
    page.check("#id_q2_0")
    page.get_by_role("button", name="Save and come back later").click()
    expect(page.get_by_role("heading", name="Your pre-visit questions")).to_be_visible()
    page.context.clear_cookies()  # the patient leaves; the psychiatrist signs in here


def test_a_saved_safety_answer_in_an_unsent_intake_reaches_the_stat_list_and_the_on_call(
    phone_page, axe, unsent_intake, oncall_psychiatrist
):
    page = phone_page
    _patient_saves_two_yes_answers_for_later(page, unsent_intake)
    assert Intake.objects.get(pk=unsent_intake.pk).status == "draft"  # never sent

    sign_in(page, "dr.oz@clinic.example", PASSWORD)
    page.goto("/review/")
    first_row = page.locator("table.queue-table tbody tr").first
    expect(first_row).to_contain_text("Pia Park")
    expect(first_row).to_contain_text("STAT")
    expect(first_row).to_contain_text("Risk not known: screener not finished")
    expect(first_row).to_contain_text("Safety answer, intake not sent yet")
    axe(page, "360-queue-with-unsent-safety-answer")

    first_row.get_by_role("link", name="Pia Park").click()
    expect(page.get_by_text("Safety answer, intake not sent yet").first).to_be_visible()
    expect(page.get_by_text("actual thoughts of killing yourself")).to_be_visible()
    axe(page, "360-unsent-safety-answers")
    page.get_by_role("button", name="Claim this intake").click()
    expect(page.get_by_text("You claimed this intake")).to_be_visible()
    axe(page, "360-unsent-safety-answers-claimed")
    assert Intake.objects.get(pk=unsent_intake.pk).assignee == oncall_psychiatrist

    owed = NotificationOutbox.objects.get(intake=unsent_intake)
    assert (owed.kind, owed.sent_at is not None) == ("stat_intake", True)
    assert wait_for(lambda: len(mail.outbox) == 1)
    assert mail.outbox[0].to == ["dr.oz@clinic.example"]
    assert f"/review/i/{unsent_intake.public_id}/" in mail.outbox[0].body
