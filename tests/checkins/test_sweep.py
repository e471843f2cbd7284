"""The due sweep: a scheduled check-in is opened and reminded once, in batches, from the
due-time index, and a broker outage never loses a reminder."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.core import mail
from django.db import connection

from intake.checkins import tasks
from intake.checkins.selectors import schedules_due
from intake.checkins.services import SWEEP_BATCH, checkin_schedule_stop, checkins_owe_due
from intake.models import Intake, IntakeKind, NotificationKind, NotificationOutbox
from intake.models.checkins import CheckInSchedule
from intake.tasks import sweep_owed_notifications
from portal.celery import app
from tests.checkins.conftest import START
from tests.concurrency import run_together
from tests.factories import make_patient
from tests.review.test_notifications import CLOSED_PORT_BROKER, _broker

pytestmark = pytest.mark.django_db
DUE = START + timedelta(days=14)


def _sweep(capture, **kwargs) -> int:
    with capture(execute=True):
        return checkins_owe_due(**kwargs)


def _checkins() -> list[Intake]:
    return list(Intake.objects.filter(kind=IntakeKind.CHECK_IN))


def test_a_due_check_in_is_opened_and_reminded_once_however_often_the_sweep_runs(
    schedule, clock, django_capture_on_commit_callbacks
):
    clock.move_to(DUE + timedelta(minutes=3))
    taken = [_sweep(django_capture_on_commit_callbacks) for _ in range(3)]
    [checkin] = _checkins()
    assert taken == [1, 0, 0]
    assert (checkin.status, checkin.patient_id) == ("draft", schedule.patient_id)
    assert [email.to for email in mail.outbox] == [["alice@patients.example"]]


def test_a_check_in_not_yet_due_is_left_alone(schedule, clock, django_capture_on_commit_callbacks):
    clock.move_to(DUE - timedelta(minutes=1))
    assert _sweep(django_capture_on_commit_callbacks) == 0
    assert (_checkins(), mail.outbox) == ([], [])


def test_the_next_check_in_is_due_one_interval_later(
    schedule, clock, django_capture_on_commit_callbacks
):
    clock.move_to(DUE + timedelta(minutes=3))
    _sweep(django_capture_on_commit_callbacks)
    schedule.refresh_from_db()
    assert schedule.next_due_at == DUE + timedelta(days=14)


def test_a_sweep_that_was_down_for_weeks_sends_one_reminder_and_keeps_to_the_schedule(
    schedule, clock, django_capture_on_commit_callbacks
):
    clock.move_to(DUE + timedelta(days=30))
    _sweep(django_capture_on_commit_callbacks)
    schedule.refresh_from_db()
    assert len(mail.outbox) == 1
    assert schedule.next_due_at == DUE + timedelta(days=42)


def test_a_check_in_still_unanswered_is_reminded_again_not_opened_twice(
    schedule, clock, django_capture_on_commit_callbacks
):
    clock.move_to(DUE + timedelta(minutes=3))
    _sweep(django_capture_on_commit_callbacks)
    clock.move_to(DUE + timedelta(days=14, minutes=3))
    _sweep(django_capture_on_commit_callbacks)
    [checkin] = _checkins()
    reminders = NotificationOutbox.objects.filter(kind=NotificationKind.CHECKIN_REMINDER)
    assert set(reminders.values_list("intake", flat=True)) == {checkin.pk}
    assert len(mail.outbox) == 2


def test_a_stopped_schedule_is_never_reminded(
    schedule, first_intake, psychiatrist, clock, django_capture_on_commit_callbacks
):
    checkin_schedule_stop(intake=first_intake, actor=psychiatrist)
    clock.move_to(DUE + timedelta(days=60))
    assert _sweep(django_capture_on_commit_callbacks) == 0
    assert (_checkins(), mail.outbox) == ([], [])


def test_a_closed_account_stops_its_schedule_and_gets_nothing(
    schedule, patient, clock, django_capture_on_commit_callbacks
):
    patient.is_active = False
    patient.save(update_fields=["is_active"])
    clock.move_to(DUE + timedelta(minutes=3))
    _sweep(django_capture_on_commit_callbacks)
    schedule.refresh_from_db()
    assert (schedule.active, _checkins(), mail.outbox) == (False, [], [])


def _due_schedules(n: int) -> None:
    for k in range(n):
        CheckInSchedule.objects.create(
            patient=make_patient(f"p{k}@patients.example"),
            interval_days=7,
            next_due_at=START - timedelta(minutes=k),
        )


def test_one_run_takes_at_most_its_batch_oldest_due_first(
    clock, django_capture_on_commit_callbacks
):
    _due_schedules(7)
    runs = [_sweep(django_capture_on_commit_callbacks, batch=3) for _ in range(4)]
    assert runs == [3, 3, 1, 0]
    first = Intake.objects.filter(kind=IntakeKind.CHECK_IN).order_by("pk")[:3]
    assert {i.patient.username for i in first} == {"p6@patients.example", "p5@patients.example",
                                                   "p4@patients.example"}  # fmt: skip


@pytest.mark.postgres
def test_the_sweep_reads_the_due_schedules_in_order_from_the_due_time_index(clock):
    _due_schedules(20)
    CheckInSchedule.objects.filter(pk__in=CheckInSchedule.objects.values("pk")[:10]).update(
        active=False
    )
    query = schedules_due(now=START).select_for_update(skip_locked=True, of=("self",))
    sql, params = query[:SWEEP_BATCH].query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_bitmapscan = off")
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(line for (line,) in cursor.fetchall())
    assert "Index Scan using checkin_due" in plan and "Sort" not in plan
    assert plan.startswith("Limit")


@pytest.mark.django_db(transaction=True)
def test_with_the_broker_down_the_reminder_is_owed_and_the_outbox_sweep_sends_it(schedule, clock):
    clock.move_to(DUE + timedelta(minutes=3))
    with _broker(CLOSED_PORT_BROKER):
        assert checkins_owe_due() == 1
    owed = NotificationOutbox.objects.get(kind=NotificationKind.CHECKIN_REMINDER)
    assert (mail.outbox, owed.sent_at) == ([], None)
    sweep_owed_notifications.delay()
    assert len(mail.outbox) == 1


def test_beat_runs_the_sweep_every_few_minutes_with_no_arguments():
    entry = settings.CELERY_BEAT_SCHEDULE["checkins-due"]
    assert entry["task"] == tasks.owe_due_checkins.name in app.tasks
    assert entry["schedule"] == timedelta(minutes=settings.CHECKIN_SWEEP_MINUTES)
    assert "args" not in entry and "kwargs" not in entry


def test_the_task_runs_one_batch(schedule, clock, django_capture_on_commit_callbacks):
    clock.move_to(DUE + timedelta(minutes=3))
    with django_capture_on_commit_callbacks(execute=True):
        assert tasks.owe_due_checkins.delay().get() == 1
    assert len(mail.outbox) == 1


def test_a_check_in_answered_before_its_reminder_went_out_is_not_reminded(schedule, clock, patient):
    clock.move_to(DUE + timedelta(minutes=3))
    checkins_owe_due()  # owed; the send after commit never ran (no commit in this test)
    checkin = Intake.objects.get(kind=IntakeKind.CHECK_IN)
    Intake.objects.filter(pk=checkin.pk).update(status="recorded")
    assert sweep_owed_notifications() == 1  # the owed row is settled...
    assert mail.outbox == []  # ...with no email


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_sweeps_at_once_share_the_due_schedules_and_remind_each_once(clock):
    _due_schedules(6)
    taken = run_together(lambda _: checkins_owe_due(batch=6), [1, 2])
    assert sum(taken) == 6  # skip_locked: a schedule one run holds, the other passes by
    reminders = NotificationOutbox.objects.filter(kind=NotificationKind.CHECKIN_REMINDER)
    assert reminders.count() == 6 == len(_checkins())
