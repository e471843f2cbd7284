from celery import shared_task
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.core.management import call_command
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from .audit import record
from .language import is_offered
from .models import Invitation, PendingRegistration
from .patient_mail import DEFAULT_LANGUAGE, patient_language, render_patient_email
from .tokens import (
    REGISTRATION_MAX_AGE_HOURS,
    make_invitation_token,
    make_registration_token,
)


@shared_task(bind=True, acks_late=True, max_retries=5, default_retry_delay=30)
def send_invitation_email(self, invitation_id: int) -> None:
    """Email the invitation link once. The message holds a link only: no name, no visit."""
    with transaction.atomic():
        invitation = Invitation.objects.select_for_update().filter(pk=invitation_id).first()
        if invitation is None or invitation.sent_at is not None:
            return
        token = make_invitation_token(invitation.public_id)
        link = settings.PORTAL_BASE_URL + reverse("invitation_accept", args=[token])
        hours = settings.INVITATION_MAX_AGE_HOURS
        try:
            with translation.override(invitation.language):  # the language staff chose
                send_mail(*_invitation_message(link, hours), None, [invitation.email])
        except OSError as exc:
            raise self.retry(exc=exc, countdown=2**self.request.retries * 30) from exc
        invitation.sent_at = timezone.now()
        invitation.save(update_fields=["sent_at"])
        record(actor=None, action="invitation.sent", obj=invitation)


def _invitation_message(link: str, hours: int) -> tuple[str, str]:
    """The subject and body, in the active language."""
    body = _(
        "Your care team has invited you to answer a few questions before your visit.\n\n"
        "Open this link to set your password and begin:\n%(link)s\n\n"
        "The link works once and expires in %(hours)s hours.\n"
        "If you did not expect this email, you can ignore it.\n\n"
        "If you are in crisis, call or text 988 (Suicide & Crisis Lifeline), "
        "or call 911 in an emergency."
    ) % {"link": link, "hours": hours}
    return _("Your invitation to complete your pre-visit questions"), body


@shared_task(acks_late=True, autoretry_for=(OSError,), max_retries=5, retry_backoff=30)
def send_registration_email(pending_id: int) -> None:
    """The link that finishes a self-registration, in the language the person registered
    in. A link only: no name in the email."""
    pending = PendingRegistration.objects.filter(pk=pending_id).first()
    if pending is None:
        return
    token = make_registration_token(pending.public_id)
    context = {
        "link": settings.PORTAL_BASE_URL + reverse("register_confirm", args=[token]),
        "hours": REGISTRATION_MAX_AGE_HOURS,
    }
    language = pending.language if is_offered(pending.language) else DEFAULT_LANGUAGE
    subject, body = render_patient_email("portal/emails/registration", context, language=language)
    send_mail(subject, body, None, [pending.email])


@shared_task(acks_late=True, autoretry_for=(OSError,), max_retries=5, retry_backoff=30)
def send_already_registered_email(user_id: int) -> None:
    """Someone tried to register with an address that has an account: tell its owner, in
    their language (the form itself says the same thing either way)."""
    user = get_user_model().objects.filter(pk=user_id, is_active=True).first()
    if user is None:
        return
    base = settings.PORTAL_BASE_URL
    context = {
        "login_link": base + reverse("login"),
        "reset_link": base + reverse("password_reset"),
    }
    subject, body = render_patient_email(
        "portal/emails/already_registered", context, language=patient_language(user)
    )
    send_mail(subject, body, None, [user.email or user.username])


@shared_task(acks_late=True)
def clear_expired_sessions() -> None:
    """Daily (beat): delete expired sessions from the database (Django's clearsessions)."""
    call_command("clearsessions")
