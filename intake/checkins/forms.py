"""The psychiatrist's check-in schedule form (staff pages are in English)."""

from datetime import datetime, timedelta

from django import forms
from django.conf import settings
from django.utils import timezone

from ..models.checkins import MAX_INTERVAL_DAYS, MIN_INTERVAL_DAYS
from .services import morning_of

SUGGESTED_DAYS = 14


class ScheduleForm(forms.Form):
    interval_days = forms.IntegerField(
        label="Every how many days",
        min_value=MIN_INTERVAL_DAYS,
        max_value=MAX_INTERVAL_DAYS,
        help_text="For example 14 for every two weeks.",
        error_messages={
            "required": "Enter how many days apart the check-ins are.",
            "invalid": "Enter a whole number of days, like 14.",
            "min_value": f"Check-ins are at least {MIN_INTERVAL_DAYS} day apart.",
            "max_value": f"Check-ins are at most {MAX_INTERVAL_DAYS} days apart.",
        },
    )
    first_due_on = forms.DateField(
        label="Next check-in on (optional)",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text="Leave empty for one interval from today. The reminder goes out that morning.",
        error_messages={"invalid": "Enter a date, like 2026-12-21."},
    )

    @classmethod
    def initial_for(cls, schedule) -> dict:
        if schedule is not None and schedule.active:
            return {"interval_days": schedule.interval_days}
        return {"interval_days": settings.CHECKIN_DEFAULT_DAYS or SUGGESTED_DAYS}

    def clean_first_due_on(self):
        day = self.cleaned_data["first_due_on"]
        if day is not None and day < timezone.localdate():
            raise forms.ValidationError("Choose today or a later date.", code="past")
        return day

    def next_due_at(self) -> datetime:
        day = self.cleaned_data["first_due_on"] or timezone.localdate() + timedelta(
            days=self.cleaned_data["interval_days"]
        )
        return morning_of(day)
