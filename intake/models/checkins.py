"""Check-ins between visits: a patient's schedule of short question sets (issue 27).

One ``CheckInSchedule`` per patient. The sweep (``intake.checkins.services.checkins_owe_due``,
run by beat) reads the active schedules that are due, oldest due first, from the partial
index ``checkin_due`` (active rows only, by ``next_due_at``): a run costs its batch, not
the number of patients.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q

from portal.fields import person_field

# What a check-in asks (the check-in questionnaire, intake/follow_up.py), with its safety
# questions; kept on the schedule so a later choice of instruments has a place.
CHECKIN_INSTRUMENTS = ("phq_9", "gad_7")
# At least a day apart (a reminder a day is already a lot), at most a year.
MIN_INTERVAL_DAYS = 1
MAX_INTERVAL_DAYS = 365


def default_instruments() -> list[str]:
    return list(CHECKIN_INSTRUMENTS)


class CheckInSchedule(models.Model):
    """When a patient is next asked for a check-in, and how often. ``set_by`` is the
    psychiatrist who set it (None: the clinic default, ``CHECKIN_DEFAULT_DAYS``); a stopped
    schedule stays (``active`` False) so the detail page can say who stopped it and when."""

    patient = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="checkin_schedule"
    )
    instruments = models.JSONField(default=default_instruments)
    interval_days = models.PositiveSmallIntegerField()
    next_due_at = models.DateTimeField()
    active = models.BooleanField(default=True)
    set_by = person_field(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(interval_days__gte=MIN_INTERVAL_DAYS)
                & Q(interval_days__lte=MAX_INTERVAL_DAYS),
                name="checkin_interval_in_range",
            )
        ]
        indexes = [
            # The sweep's read: active schedules in due order. Stopped ones are left out,
            # so the index holds only what can ever come due.
            models.Index(fields=["next_due_at"], condition=Q(active=True), name="checkin_due"),
        ]

    def __str__(self):
        state = "active" if self.active else "stopped"
        return f"Check-ins every {self.interval_days} days ({state})"
