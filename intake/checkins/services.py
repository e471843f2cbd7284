"""Writes for check-ins between visits: setting and stopping a schedule, the due sweep, and
where a sent check-in goes. Keyword-only and atomic, each with its audit row.

The sweep's contract (``checkins_owe_due``, run by beat through ``tasks.owe_due_checkins``):
in one transaction per run it locks at most ``SWEEP_BATCH`` due schedules
(``select_for_update(skip_locked=True)``, so two runs never take the same row), and for
each opens a check-in intake unless the patient has one to answer, owes the reminder in
the notification outbox, and moves ``next_due_at`` past now. The reminder row commits with
the new due time or not at all: a broker outage delays the email (the outbox sweep sends
it) but never loses it, and a second run finds nothing due, so nothing is sent twice.
"""

import logging
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from portal import roles
from portal.audit import record

from ..models import Intake, IntakeKind, IntakeStatus, NotificationKind, Priority
from ..models.checkins import CheckInSchedule
from ..notifications.outbox import notification_owe
from ..services import intake_create, intake_transition
from .selectors import open_checkin, schedule_for, schedules_due

logger = logging.getLogger(__name__)

SWEEP_BATCH = 500
# Reminders go out in the morning of the day a check-in is due (clinic time), not at the
# minute of the day someone happened to set the schedule or send an intake.
REMIND_AT = time(9, 0)
# The flags the clinical core raises when the PHQ-9 or the GAD-7 rose by a clinically
# meaningful amount since the patient's previous score (intake/clinical/measurement.py).
WORSENING_FLAGS = ("phq9_worsening", "gad7_worsening")
RECORDED_NOTE = (
    "Check-in with no safety answer, no high-severity flag and no meaningful worsening: "
    "recorded without review."
)


# ---- the schedule ------------------------------------------------------------------------
def morning_of(day: date) -> datetime:
    """When a check-in due on ``day`` is reminded."""
    return timezone.make_aware(datetime.combine(day, REMIND_AT))


def checkin_schedule_set(
    *, intake: Intake, actor, interval_days: int, next_due_at: datetime | None = None
) -> CheckInSchedule:
    """Set (or change, or restart) the schedule of ``intake``'s patient: every
    ``interval_days``, the next one at ``next_due_at`` (default: one interval from now).
    Audited on the intake the psychiatrist set it from."""
    next_due_at = next_due_at or timezone.now() + timedelta(days=interval_days)
    with transaction.atomic():
        schedule, created = CheckInSchedule.objects.update_or_create(
            patient_id=intake.patient_id,
            defaults={
                "interval_days": interval_days,
                "next_due_at": next_due_at,
                "active": True,
                "set_by": actor,
            },
        )
        record(
            actor=actor,
            action="checkin.schedule.set",
            obj=intake,
            detail={"schedule": schedule.pk, "interval_days": interval_days},
        )
    return schedule


def checkin_schedule_stop(*, intake: Intake, actor) -> CheckInSchedule | None:
    """Stop the patient's check-ins (the schedule is kept, inactive); None if there was none.
    A check-in already opened stays for the patient to answer."""
    with transaction.atomic():
        schedule = (
            CheckInSchedule.objects.select_for_update().filter(patient_id=intake.patient_id).first()
        )
        if schedule is None:
            return None
        schedule.active = False
        schedule.set_by = actor
        schedule.save(update_fields=["active", "set_by", "updated_at"])
        record(
            actor=actor, action="checkin.schedule.stopped", obj=intake,
            detail={"schedule": schedule.pk},
        )  # fmt: skip
    return schedule


def checkin_schedule_default(*, intake: Intake) -> CheckInSchedule | None:
    """The clinic default (``CHECKIN_DEFAULT_DAYS``, off at 0): a patient whose intake is
    sent and who has no schedule gets one, every that many days from now. A schedule a
    psychiatrist set, or stopped, is left as it is."""
    days = settings.CHECKIN_DEFAULT_DAYS
    if not days or schedule_for(patient_id=intake.patient_id) is not None:
        return None
    schedule, created = CheckInSchedule.objects.get_or_create(
        patient_id=intake.patient_id,
        defaults={
            "interval_days": days,
            "next_due_at": morning_of(timezone.localdate() + timedelta(days=days)),
        },
    )
    if created:
        record(
            actor=None, action="checkin.schedule.default", obj=intake,
            detail={"schedule": schedule.pk, "interval_days": days},
        )  # fmt: skip
    return schedule


# ---- the sweep ---------------------------------------------------------------------------
def next_due_after(due: datetime, interval_days: int, now: datetime) -> datetime:
    """The first time on the schedule's grid after ``now``: a sweep that was down for weeks
    owes one reminder, not one per missed interval."""
    step = timedelta(days=interval_days)
    missed = max(0, (now - due) // step)
    return due + (missed + 1) * step


def checkins_owe_due(*, now: datetime | None = None, batch: int = SWEEP_BATCH) -> int:
    """One run of the sweep: at most ``batch`` due schedules, each reminded once. Returns
    how many schedules it took. A schedule that fails is logged and left due (its own
    savepoint), so it cannot hold back the rest of the batch."""
    now = now or timezone.now()
    with transaction.atomic():
        due = list(
            schedules_due(now=now)
            .select_for_update(skip_locked=True, of=("self",))
            .select_related("patient")[:batch]
        )
        for schedule in due:
            try:
                with transaction.atomic():
                    _owe_checkin(schedule, now)
            except Exception:
                logger.exception("check-in schedule %s could not be reminded", schedule.pk)
    return len(due)


def _owe_checkin(schedule: CheckInSchedule, now: datetime) -> None:
    due = schedule.next_due_at
    schedule.next_due_at = next_due_after(due, schedule.interval_days, now)
    if not schedule.patient.is_active:
        # An account closed or erased: nobody to ask. Stopped, so it never comes due again.
        schedule.active = False
        schedule.save(update_fields=["next_due_at", "active", "updated_at"])
        record(actor=None, action="checkin.schedule.stopped", obj=schedule)
        return
    intake = open_checkin(patient_id=schedule.patient_id)
    if intake is None:
        intake = intake_create(patient=schedule.patient, kind=IntakeKind.CHECK_IN)
    notification_owe(
        kind=NotificationKind.CHECKIN_REMINDER, intake=intake, key=f"due-{due:%Y%m%dT%H%M%S}"
    )
    schedule.save(update_fields=["next_due_at", "updated_at"])
    record(actor=None, action="checkin.due", obj=intake, detail={"schedule": schedule.pk})


# ---- a sent check-in ---------------------------------------------------------------------
def needs_review(intake: Intake) -> bool:
    """A check-in the psychiatrist must see: STAT (the safety rules), any high-severity flag
    (urgent, e.g. severe depression) or a clinically meaningful worsening."""
    if intake.priority in (Priority.STAT, Priority.URGENT):
        return True
    return any(code in WORSENING_FLAGS for code in intake.flag_codes or ())


def checkin_route(*, intake: Intake) -> Intake:
    """Inside the submit transaction (row locked), for a sent check-in:

    - STAT: left exactly as the submit put it (STAT list, on-call email, escalation ladder);
    - needs review otherwise: stays in the open queue, routed to the patient's
      psychiatrist (``routed_to``) so it is in their "Mine";
    - else: recorded (status ``recorded``, outside the open queue): its scores are kept
      for the trend without a queue row nobody needs to act on.
    """
    if intake.priority == Priority.STAT:
        return intake
    if needs_review(intake):
        psychiatrist = routed_to(intake)
        if psychiatrist is not None and intake.assignee_id is None:
            intake.assignee, intake.assigned_at = psychiatrist, timezone.now()
            intake.save(update_fields=["assignee", "assigned_at", "updated_at"])
        record(
            actor=None, action="checkin.routed", obj=intake,
            detail={"assignee": psychiatrist.pk if psychiatrist else None},
        )  # fmt: skip
        return intake
    return intake_transition(
        intake=intake, to=IntakeStatus.RECORDED, actor=None, note=RECORDED_NOTE, row_locked=True
    )


def routed_to(intake: Intake):
    """The patient's psychiatrist: who set the schedule, else who last reviewed one of the
    patient's intakes; None when neither is an active psychiatrist (it stays unassigned)."""
    schedule = schedule_for(patient_id=intake.patient_id)
    candidates = [schedule.set_by if schedule else None]
    last = (
        Intake.objects.filter(patient_id=intake.patient_id, status=IntakeStatus.REVIEWED)
        .exclude(assignee=None)
        .select_related("assignee")
        .order_by("-submitted_at")
        .first()
    )
    candidates.append(last.assignee if last else None)
    return next(
        (
            person
            for person in candidates
            if person is not None and person.is_active and roles.is_psychiatrist(person)
        ),
        None,
    )
