"""The review journey in real Chromium: STAT first, claim, ask the patient, the patient
answers and resubmits, the psychiatrist finishes; axe on every page visited."""

import re

import pytest
from playwright.sync_api import expect

from intake.models import Intake
from portal import roles
from tests.browser import sign_in
from tests.factories import make_submitted_intake, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "quiet-harbour-review-2026"


def _people():
    doctor = make_user("dr.kim@clinic.example", groups=(roles.PSYCHIATRISTS,),
                       password=PASSWORD, first_name="Kim", last_name="Lee")  # fmt: skip
    patient = make_user("stella@patients.example", groups=(roles.PATIENTS,),
                        password=PASSWORD, first_name="Stella", last_name="Stat")  # fmt: skip
    others = [
        make_user(
            f"{name.lower()}@patients.example",
            groups=(roles.PATIENTS,),
            first_name=name,
            last_name="Waiting",
        )  # fmt: skip
        for name in ("Rory", "Uri")
    ]
    # The routine intake has the soonest visit, yet the STAT one must lead the queue.
    make_submitted_intake(others[0], archetype="routine_calm", visit_in_hours=2)
    make_submitted_intake(others[1], archetype="urgent_opioid", visit_in_hours=5)
    stat = make_submitted_intake(patient, archetype="stat_item_9", visit_in_hours=72)
    return doctor, patient, stat


def _psychiatrist_asks_for_more(page, axe):
    page.goto("/review/")
    first_row = page.locator("table.queue-table tbody tr").first
    expect(first_row).to_contain_text("STAT")
    expect(first_row).to_contain_text("Stella Stat")
    axe(page, "review-queue")
    first_row.get_by_role("link", name="Stella Stat").click()
    page.get_by_role("button", name="Claim this intake").click()
    expect(page.get_by_text("You claimed this intake")).to_be_visible()
    axe(page, "review-detail")
    page.get_by_role("link", name="Printable summary").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("summary")
    axe(page, "review-print")
    page.go_back()
    page.get_by_label("Anxiety and mood").check()
    page.get_by_label("Message to the patient").fill("How many panic attacks this week?")
    page.get_by_role("button", name="Send the request").click()
    expect(page.get_by_text("asked for more information")).to_be_visible()
    page.get_by_role("button", name="Sign out").click()


def _patient_answers_and_resends(page, axe):
    page.get_by_role("link", name="Anxiety and mood").click()
    page.get_by_label("In a usual week, how many panic attacks do you have?").fill("3")
    page.get_by_role("button", name=re.compile("Save and continue|Continue")).click()
    page.get_by_role("button", name=re.compile("Save and continue|Continue")).click()
    page.goto(page.url.split("/intake/")[0] + "/intake/")
    page.get_by_role("link", name=re.compile("Check your answers")).click()
    page.get_by_label(re.compile("I confirm that my answers are true")).check()
    page.get_by_role("button", name="Send my answers").click()
    page.get_by_role("button", name="Sign out").click()


def test_a_psychiatrist_works_a_stat_intake_through_a_request_for_information(
    shared_cache, page, axe
):
    """As in production: cached sessions, users and queue pages in the shared Redis. (Every
    other browser test runs with the per-process cache of ``make run``, so this one journey
    is not run a second time with it.)"""
    doctor, patient, stat = _people()
    sign_in(page, doctor.username, PASSWORD)
    _psychiatrist_asks_for_more(page, axe)

    sign_in(page, patient.username, PASSWORD)
    expect(page.get_by_text("Your psychiatrist asked for more information")).to_be_visible()
    _patient_answers_and_resends(page, axe)
    stat.refresh_from_db()
    assert (stat.status, stat.answers["panic_attacks_per_week"]) == ("submitted", 3)

    sign_in(page, doctor.username, PASSWORD)
    page.goto(f"/review/i/{stat.public_id}/")
    page.get_by_role("button", name="Claim this intake").click()
    page.get_by_label("Closing note").fill("Seen. Safety plan agreed; follow up at visit.")
    page.get_by_role("button", name="Mark reviewed").click()
    # A STAT intake is closed only with an acknowledgement: the error is beside the field.
    expect(page.locator("#error-summary")).to_contain_text("Choose what was done")
    axe(page, "review-detail-acknowledgement-error")
    page.get_by_label("Contacted the patient").check()
    page.get_by_role("button", name="Mark reviewed").click()
    expect(page.get_by_text("The intake is marked reviewed.")).to_be_visible()
    expect(page.get_by_text("STAT acknowledged: Contacted the patient")).to_be_visible()
    axe(page, "review-detail-reviewed")
    assert Intake.objects.get(pk=stat.pk).status == "reviewed"


def test_the_queue_and_an_intake_work_on_a_phone(phone_page, axe):
    doctor, _patient, stat = _people()
    sign_in(phone_page, doctor.username, PASSWORD)
    phone_page.goto("/review/")
    expect(phone_page.get_by_role("link", name="Stella Stat")).to_be_visible()
    axe(phone_page, "review-queue-phone")
    phone_page.goto(f"/review/i/{stat.public_id}/")
    expect(phone_page.get_by_role("button", name="Claim this intake")).to_be_visible()
    axe(phone_page, "review-detail-phone")


def test_the_printed_summary_keeps_section_headings_below_their_heading(page, axe):
    doctor, _patient, stat = _people()
    sign_in(page, doctor.username, PASSWORD)
    page.goto(f"/review/i/{stat.public_id}/print/")
    page.emulate_media(media="print")
    sizes = page.evaluate(
        """() => ["#answers-title", "#answers-title ~ h3"].map(
            s => parseFloat(getComputedStyle(document.querySelector(s)).fontSize))"""
    )
    assert sizes[1] < sizes[0]
    expect(page.locator("footer")).to_be_hidden()
    axe(page, "review-print-media")


def test_the_detail_actions_line_up_in_one_row(page):
    doctor, _patient, stat = _people()
    sign_in(page, doctor.username, PASSWORD)
    page.goto(f"/review/i/{stat.public_id}/")
    claim = page.get_by_role("button", name="Claim this intake").bounding_box()
    printable = page.get_by_role("link", name="Printable summary").bounding_box()
    assert abs(claim["y"] - printable["y"]) < 1
