"""The psychiatrist sets, changes and stops a patient's check-ins from the intake's page;
every showing and change is audited; nobody else reaches it."""

from datetime import date, timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from intake.checkins.services import checkin_schedule_default
from intake.models.checkins import CheckInSchedule
from portal.models import AuditEvent
from tests.checkins.conftest import START
from tests.factories import make_intake, make_submitted_intake, make_user

pytestmark = pytest.mark.django_db


def _url(intake, name="review:checkin_schedule") -> str:
    return reverse(name, args=[intake.public_id])


@pytest.fixture
def sam(client, psychiatrist):
    client.force_login(psychiatrist)
    return client


def _actions(intake) -> list[str]:
    rows = AuditEvent.objects.filter(object_type="intake.intake", object_id=str(intake.pk))
    return [a for a in rows.order_by("pk").values_list("action", flat=True) if "checkin" in a]


def test_the_detail_page_links_to_the_check_in_schedule(sam, first_intake):
    page = sam.get(reverse("review:detail", args=[first_intake.public_id])).content.decode()
    assert f'href="{_url(first_intake)}"' in page


def test_the_psychiatrist_sets_check_ins_every_two_weeks(sam, first_intake, psychiatrist):
    response = sam.post(_url(first_intake), {"interval_days": "14", "first_due_on": ""})
    schedule = CheckInSchedule.objects.get(patient=first_intake.patient)
    assert response.status_code == 302
    assert (schedule.interval_days, schedule.active, schedule.set_by) == (14, True, psychiatrist)
    assert timezone.localdate(schedule.next_due_at) == date(2026, 3, 16)
    assert _actions(first_intake) == ["checkin.schedule.set"]


def test_the_page_shows_the_schedule_and_its_showing_is_audited(sam, schedule, first_intake):
    page = sam.get(_url(first_intake)).content.decode()
    assert "Every 14 days" in page and "Monday 16 March 2026" in page
    assert _actions(first_intake)[-1] == "checkin.schedule.viewed"


def test_a_chosen_first_date_is_kept_and_reminded_that_morning(sam, first_intake):
    sam.post(_url(first_intake), {"interval_days": "28", "first_due_on": "2026-03-05"})
    schedule = CheckInSchedule.objects.get(patient=first_intake.patient)
    due = timezone.localtime(schedule.next_due_at)
    assert (due.date(), due.hour, schedule.interval_days) == (date(2026, 3, 5), 9, 28)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"interval_days": ""}, "Enter how many days apart the check-ins are."),
        ({"interval_days": "0"}, "Check-ins are at least 1 day apart."),
        ({"interval_days": "400"}, "Check-ins are at most 365 days apart."),
        ({"interval_days": "14", "first_due_on": "2026-03-01"}, "Choose today or a later date."),
    ],
    ids=["empty", "zero", "over-a-year", "in-the-past"],
)
def test_a_bad_schedule_is_refused_with_the_message_beside_the_field_and_in_the_summary(
    sam, first_intake, data, message
):
    response = sam.post(_url(first_intake), data)
    page = response.content.decode()
    assert response.status_code == 400 and page.count(message) == 2
    assert not CheckInSchedule.objects.exists()


def test_the_psychiatrist_stops_check_ins_and_the_schedule_is_kept_inactive(
    sam, schedule, first_intake
):
    response = sam.post(_url(first_intake, "review:checkin_schedule_stop"))
    schedule.refresh_from_db()
    assert response.status_code == 302 and not schedule.active
    assert _actions(first_intake)[-1] == "checkin.schedule.stopped"
    assert "Stopped by Sam Stone" in sam.get(_url(first_intake)).content.decode()


def test_the_patient_cannot_reach_the_schedule_page(client, patient, first_intake):
    client.force_login(patient)
    assert client.get(_url(first_intake)).status_code == 404
    assert client.post(_url(first_intake), {"interval_days": "1"}).status_code == 404


def test_a_draft_intake_has_no_schedule_page(sam, clock, second_patient):
    draft = make_intake(second_patient)
    assert sam.get(_url(draft)).status_code == 404


def test_the_clinic_default_gives_a_patient_check_ins_when_their_intake_is_sent(
    settings, clock, second_patient
):
    settings.CHECKIN_DEFAULT_DAYS = 28
    make_submitted_intake(second_patient)
    schedule = CheckInSchedule.objects.get(patient=second_patient)
    due = timezone.localtime(schedule.next_due_at)
    assert (schedule.interval_days, schedule.set_by) == (28, None)
    assert (due.date(), due.hour) == (timezone.localdate(START) + timedelta(days=28), 9)


def test_without_a_clinic_default_nobody_gets_check_ins_unasked(clock, second_patient):
    make_submitted_intake(second_patient)
    assert not CheckInSchedule.objects.exists()


def test_the_clinic_default_leaves_a_stopped_schedule_stopped(
    settings, schedule, first_intake, psychiatrist, sam
):
    sam.post(_url(first_intake, "review:checkin_schedule_stop"))
    settings.CHECKIN_DEFAULT_DAYS = 7
    assert checkin_schedule_default(intake=first_intake) is None
    assert not CheckInSchedule.objects.get().active


def test_erasing_the_patient_removes_their_check_in_schedule(schedule, patient):
    admin = make_user("root@clinic.example", is_staff=True, is_superuser=True)
    call_command("erase_patient", patient.username, "--confirm", "--by", admin.username,
                 stdout=StringIO())  # fmt: skip
    assert not CheckInSchedule.objects.exists()
