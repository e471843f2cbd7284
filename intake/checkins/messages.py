"""The check-in reminder email: that there is a check-in to do and where to sign in, in the
patient's language. Nothing about their health: no scores, no medicines, not the names of
the questionnaires (an inbox may be read by someone else)."""

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from portal.language import preferred_language

from .selectors import OPEN_FOR_PATIENT

SUBJECT = _("You have a check-in to do")
BODY = _(
    "Hello,\n\n"
    "Your care team has asked you to answer a short check-in before your next visit. "
    "It takes a few minutes.\n\n"
    "Sign in to answer it:\n%(link)s\n"
)


def checkin_reminder_message(row) -> tuple[str, str, list[str]]:
    """(subject, body, recipients) for one owed reminder (a ``NotificationOutbox`` row).
    A check-in answered (or closed) before the email went out owes no one anything."""
    intake = row.intake
    patient = intake.patient
    if intake.status not in OPEN_FOR_PATIENT or not patient.email:
        return "", "", []
    link = settings.PORTAL_BASE_URL + reverse("intake:tasks", args=[intake.public_id])
    with translation.override(preferred_language(patient) or settings.LANGUAGE_CODE):
        return str(SUBJECT), str(BODY) % {"link": link}, [patient.email]
