"""The STAT escalation ladder: an unclaimed STAT intake is notified again to the on-call
group, then escalated to the Clinical leads, each step exactly once; claiming stops it; a
broker outage delays a step but never loses it."""

import time
from contextlib import contextmanager
from datetime import timedelta

import pytest
import time_machine
from django.conf import settings
from django.contrib.auth.models import Group
from django.core import mail
from django.utils import timezone

from intake import tasks
from intake.models import NotificationOutbox
from intake.notifications.services import stat_ladder_run
from intake.review import services
from portal.celery import app
from portal.publishing import publisher
from tests.factories import make_intake, make_submitted_intake
from tests.waiting import wait_for

pytestmark = pytest.mark.django_db
CLOSED_PORT_BROKER = "redis://127.0.0.1:1/0"
RENOTIFY = timedelta(minutes=16)
ESCALATE = timedelta(minutes=31)


@pytest.fixture
def clock():
    with time_machine.travel(timezone.now(), tick=True) as traveller:
        yield traveller


def _recipients() -> list[tuple[str, list[str]]]:
    return [(m.subject, m.to) for m in mail.outbox]


def _submit_stat(patient, capture):
    with capture(execute=True):
        return make_submitted_intake(patient, archetype="stat_imminent")


def _ladder(capture) -> int:
    with capture(execute=True):
        return tasks.escalate_unclaimed_stat.delay().get()


STAT = ("STAT intake waiting in the review queue", ["oncall@clinic.example"])
AGAIN = ("STAT intake still unclaimed", ["oncall@clinic.example"])
ESCALATED = ("Escalation: STAT intake unclaimed", ["lead@clinic.example"])


def test_the_ladder_renotifies_then_escalates_an_unclaimed_stat_intake_once_each(
    patient, oncall, lead, clock, django_capture_on_commit_callbacks
):
    capture = django_capture_on_commit_callbacks
    _submit_stat(patient, capture)
    assert _ladder(capture) == 0  # not yet
    clock.shift(RENOTIFY)
    assert (_ladder(capture), _ladder(capture)) == (1, 0)
    clock.shift(ESCALATE - RENOTIFY)
    assert (_ladder(capture), _ladder(capture)) == (1, 0)
    clock.shift(timedelta(hours=5))
    assert _ladder(capture) == 0
    assert _recipients() == [STAT, AGAIN, ESCALATED]


def test_claiming_stops_the_ladder(
    patient, oncall, lead, psychiatrist, clock, django_capture_on_commit_callbacks
):
    capture = django_capture_on_commit_callbacks
    intake = _submit_stat(patient, capture)
    clock.shift(timedelta(minutes=5))
    services.intake_claim(intake_id=intake.pk, user=psychiatrist)
    clock.shift(timedelta(hours=1))
    assert _ladder(capture) == 0
    assert _recipients() == [STAT]


def test_a_step_owed_before_a_claim_is_sent_to_no_one(
    patient, oncall, lead, psychiatrist, clock, django_capture_on_commit_callbacks
):
    intake = _submit_stat(patient, django_capture_on_commit_callbacks)
    clock.shift(RENOTIFY)
    stat_ladder_run()  # owed, not sent yet (no commit callbacks run)
    services.intake_claim(intake_id=intake.pk, user=psychiatrist)
    tasks.sweep_owed_notifications()
    step = NotificationOutbox.objects.get(kind="stat_renotify")
    assert (step.sent_at is not None, step.recipients, _recipients()) == (True, 0, [STAT])


def test_a_released_intake_climbs_on_from_where_it_stood(
    patient, oncall, lead, psychiatrist, clock, django_capture_on_commit_callbacks
):
    capture = django_capture_on_commit_callbacks
    intake = _submit_stat(patient, capture)
    services.intake_claim(intake_id=intake.pk, user=psychiatrist)
    clock.shift(ESCALATE)
    services.intake_release(intake_id=intake.pk, user=psychiatrist)
    assert _ladder(capture) == 2
    assert _recipients() == [STAT, AGAIN, ESCALATED]


def test_an_unsent_intake_with_a_safety_answer_climbs_the_ladder_too(
    patient, oncall, lead, clock, django_capture_on_commit_callbacks
):
    from intake.services import intake_save_answers

    capture = django_capture_on_commit_callbacks
    draft = make_intake(patient)
    with capture(execute=True):
        intake_save_answers(
            intake=draft,
            section="safety",
            update=lambda answers, details: answers.update(
                cssrs={"q1": True, "q2": False, "q6": False}
            ),
        )
    clock.shift(ESCALATE)
    assert _ladder(capture) == 2
    assert [subject for subject, _to in _recipients()] == [
        "STAT: safety answer in an intake not sent yet",
        AGAIN[0],
        ESCALATED[0],
    ]


def test_with_no_clinical_lead_the_escalation_goes_to_the_on_call_group(
    patient, oncall, clock, django_capture_on_commit_callbacks
):
    _submit_stat(patient, django_capture_on_commit_callbacks)
    clock.shift(ESCALATE)
    _ladder(django_capture_on_commit_callbacks)
    assert mail.outbox[-1].to == ["oncall@clinic.example"]


def test_ladder_emails_carry_a_link_and_no_patient_data(
    patient, oncall, lead, clock, django_capture_on_commit_callbacks
):
    intake = _submit_stat(patient, django_capture_on_commit_callbacks)
    clock.shift(ESCALATE)
    _ladder(django_capture_on_commit_callbacks)
    for email in mail.outbox[1:]:
        assert f"/review/i/{intake.public_id}/" in email.body
        assert "Alice" not in email.body and "suicid" not in email.body.lower()


def test_the_ladder_waits_the_configured_minutes(
    settings, patient, oncall, lead, clock, django_capture_on_commit_callbacks
):
    settings.STAT_RENOTIFY_MINUTES, settings.STAT_ESCALATE_MINUTES = 5, 10
    _submit_stat(patient, django_capture_on_commit_callbacks)
    clock.shift(timedelta(minutes=4))
    assert _ladder(django_capture_on_commit_callbacks) == 0
    clock.shift(timedelta(minutes=2))
    assert _ladder(django_capture_on_commit_callbacks) == 1


def test_beat_runs_the_ladder_every_minute():
    entry = settings.CELERY_BEAT_SCHEDULE["stat-escalation-ladder"]
    assert entry == {
        "task": "intake.tasks.escalate_unclaimed_stat",
        "schedule": timedelta(minutes=1),
    }


def test_the_clinical_leads_group_exists():
    assert Group.objects.filter(name="Clinical leads").exists()


@pytest.mark.parametrize(
    "env",
    [
        {"PORTAL_STAT_RENOTIFY_MINUTES": "soon"},
        {"PORTAL_STAT_ESCALATE_MINUTES": "0"},
        {"PORTAL_STAT_RENOTIFY_MINUTES": "30", "PORTAL_STAT_ESCALATE_MINUTES": "20"},
    ],
    ids=["not-a-number", "zero", "escalation-before-renotify"],
)
def test_a_malformed_ladder_setting_stops_start_up(env):
    from tests.portal.test_settings import _manage

    result = _manage("check", env_extra=env)
    assert result.returncode != 0 and "ImproperlyConfigured" in result.stderr
    assert "PORTAL_STAT_" in result.stderr


# ---- with a real worker -------------------------------------------------------------------
@contextmanager
def _broker(url: str):
    """Publishes go to ``url`` meanwhile (the worker keeps its own connection)."""
    saved = app.conf.broker_url
    app.conf.broker_url = url
    app._pool = None
    app.amqp._producer_pool = None
    try:
        yield
        publisher.drain()
    finally:
        app.conf.broker_url = saved
        app._pool = None
        app.amqp._producer_pool = None


def _settled(count: int) -> bool:
    """``count`` emails arrived, and no more a moment later."""
    arrived = wait_for(lambda: len(mail.outbox) >= count)
    time.sleep(1.5)  # a duplicate, were there one, would have landed by now
    return arrived and len(mail.outbox) == count


def _stat_emailed(patient):
    """A STAT intake submitted, and its one email to the on-call group arrived."""
    intake = make_submitted_intake(patient, archetype="stat_imminent")
    assert _settled(1)
    return intake


def _twice(task) -> None:
    """Queue ``task`` twice (as two Beat runs or two workers might): it must act once."""
    task.delay()
    task.delay()


@pytest.mark.celery_worker
@pytest.mark.django_db(transaction=True)
def test_a_real_worker_renotifies_then_escalates_each_exactly_once(
    celery_worker, patient, oncall, lead, clock
):
    _stat_emailed(patient)
    clock.shift(RENOTIFY)
    _twice(tasks.escalate_unclaimed_stat)
    assert _settled(2)
    clock.shift(ESCALATE - RENOTIFY)
    _twice(tasks.escalate_unclaimed_stat)
    assert _settled(3)
    assert _recipients() == [STAT, AGAIN, ESCALATED]


@pytest.mark.celery_worker
@pytest.mark.django_db(transaction=True)
def test_with_a_real_worker_claiming_stops_the_ladder(
    celery_worker, patient, oncall, lead, psychiatrist, clock
):
    intake = _stat_emailed(patient)
    clock.shift(RENOTIFY)
    tasks.escalate_unclaimed_stat.delay()
    assert _settled(2)
    services.intake_claim(intake_id=intake.pk, user=psychiatrist)
    clock.shift(timedelta(hours=2))
    tasks.escalate_unclaimed_stat.delay()
    tasks.sweep_owed_notifications.delay()
    assert _settled(2)
    assert not NotificationOutbox.objects.filter(kind="stat_escalation").exists()


@pytest.mark.celery_worker
@pytest.mark.django_db(transaction=True)
def test_a_broker_outage_delays_a_ladder_step_but_does_not_lose_it(
    celery_worker, patient, oncall, lead, clock
):
    _stat_emailed(patient)
    clock.shift(ESCALATE)
    with _broker(CLOSED_PORT_BROKER):
        # Beat's run lands while the broker refuses every publish: the steps are owed only.
        assert tasks.escalate_unclaimed_stat.apply().get() == 2
    assert NotificationOutbox.objects.filter(sent_at__isnull=True).count() == 2
    assert len(mail.outbox) == 1
    # The broker is back: the next ladder run owes nothing new; the sweep sends each once.
    tasks.escalate_unclaimed_stat.delay()
    _twice(tasks.sweep_owed_notifications)
    assert _settled(3)
    assert sorted(_recipients()) == sorted([STAT, AGAIN, ESCALATED])


@pytest.mark.celery_worker
@pytest.mark.django_db(transaction=True)
def test_a_step_whose_send_task_was_lost_is_sent_once_by_the_sweep(
    celery_worker, patient, oncall, lead, clock, monkeypatch
):
    _stat_emailed(patient)
    clock.shift(RENOTIFY)
    with monkeypatch.context() as lost:
        # The send task never reaches a worker (say the one that took it was killed).
        lost.setattr("intake.notifications.outbox.enqueue_delivery", lambda outbox_id: True)
        tasks.escalate_unclaimed_stat.apply()
    assert _settled(1)
    _twice(tasks.sweep_owed_notifications)
    assert _settled(2)
    assert _recipients() == [STAT, AGAIN]


@pytest.mark.postgres
def test_the_ladder_finds_unclaimed_stat_intakes_through_an_index(patient):
    from django.db import connection

    from intake.notifications.ladder import _seen_before, _unclaimed_stat

    due = _unclaimed_stat().filter(_seen_before(timezone.now())).values("pk")
    sql, params = due.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(line for (line,) in cursor.fetchall())
    assert "Seq Scan" not in plan and "intake_queue_open" in plan
