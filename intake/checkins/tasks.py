"""Celery tasks for check-ins. No arguments: the schedules are read from the database."""

from celery import shared_task

from .services import checkins_owe_due


@shared_task(acks_late=True)
def owe_due_checkins() -> int:
    """Every ``CHECKIN_SWEEP_MINUTES`` (beat): one batch of due check-ins, each reminded
    once; returns how many schedules it took. A redelivery finds them no longer due."""
    return checkins_owe_due()
