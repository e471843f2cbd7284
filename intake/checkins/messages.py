"""The check-in reminder email: that there is a check-in to do and where to sign in, in the
patient's language (``templates/checkins/emails/``, through ``portal.patient_mail`` as every
patient email). Nothing about their health: no scores, no medicines, not the names of the
questionnaires (an inbox may be read by someone else)."""

from django.conf import settings
from django.urls import reverse

from portal.patient_mail import patient_language, render_patient_email

from .selectors import OPEN_FOR_PATIENT

TEMPLATE = "checkins/emails/checkin_reminder"


def checkin_reminder_message(row) -> tuple[str, str, list[str]]:
    """(subject, body, recipients) for one owed reminder (a ``NotificationOutbox`` row).
    A check-in answered (or closed) before the email went out owes no one anything."""
    intake = row.intake
    patient = intake.patient
    if intake.status not in OPEN_FOR_PATIENT or not patient.email:
        return "", "", []
    link = settings.PORTAL_BASE_URL + reverse("intake:tasks", args=[intake.public_id])
    subject, body = render_patient_email(
        TEMPLATE, {"link": link}, language=patient_language(patient)
    )
    return subject, body, [patient.email]
