"""The reads of check-in schedules that need care."""

from datetime import datetime

from django.db.models import QuerySet

from ..models import Intake, IntakeKind, IntakeStatus
from ..models.checkins import CheckInSchedule

# A check-in the patient still has to answer: not sent, or sent back to them for more.
OPEN_FOR_PATIENT = (IntakeStatus.DRAFT, IntakeStatus.INFO_REQUESTED)


def schedules_due(*, now: datetime) -> QuerySet:
    """Active schedules due at ``now``, oldest due first: a range scan of ``checkin_due``."""
    return CheckInSchedule.objects.filter(active=True, next_due_at__lte=now).order_by("next_due_at")


def open_checkin(*, patient_id: int) -> Intake | None:
    """The patient's check-in still to answer (the newest), or None."""
    return (
        Intake.objects.filter(
            patient_id=patient_id, kind=IntakeKind.CHECK_IN, status__in=OPEN_FOR_PATIENT
        )
        .order_by("-created_at")
        .first()
    )


def schedule_for(*, patient_id: int) -> CheckInSchedule | None:
    return CheckInSchedule.objects.filter(patient_id=patient_id).first()
