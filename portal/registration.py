"""Self-registration (``PORTAL_ALLOW_SELF_REGISTRATION``) that never tells whether an email
address already has an account.

The form's answer is always "check your email", and an email always goes to the address:
a link that finishes the registration, or, when the address already has an account, a note
that someone tried to register with it (sign in, or reset the password). The account is
made only when the address's owner follows the link.
"""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone, translation

from .audit import record
from .language import set_preferred_language
from .models import PendingRegistration
from .services import patient_create_hashed
from .tasks import send_already_registered_email, send_registration_email
from .tokens import REGISTRATION_MAX_AGE_HOURS, RegistrationLinkError, read_registration_token


def registration_request(*, email: str, first_name: str, last_name: str, password: str) -> None:
    """Send the address its email: a link to finish, or "you already have an account"."""
    email = email.strip().lower()
    # Hashed either way, so the answer takes as long whether or not the account exists.
    password_hash = make_password(password)
    with transaction.atomic():
        _forget_expired()
        account = get_user_model().objects.filter(username__iexact=email).only("pk").first()
        if account is not None:
            record(actor=None, action="registration.existing_account", obj=account)
            transaction.on_commit(lambda: send_already_registered_email.delay(account.pk))
            return
        pending = PendingRegistration.objects.create(
            email=email,
            first_name=first_name.strip(),
            last_name=last_name.strip(),
            password=password_hash,
            # The page's language (the browser's, or the one the person switched to).
            language=translation.get_supported_language_variant(translation.get_language() or "en"),
        )
        record(actor=None, action="registration.requested", obj=pending)
        transaction.on_commit(lambda: send_registration_email.delay(pending.pk))


def pending_registration_for(token: str) -> PendingRegistration:
    """The registration a link names, or RegistrationLinkError saying why it cannot be used."""
    pending = PendingRegistration.objects.filter(public_id=read_registration_token(token)).first()
    if pending is None:
        raise RegistrationLinkError("used")
    return pending


def registration_confirm(*, token: str):
    """Make the patient's account from the pending registration (once) and return it."""
    with transaction.atomic():
        pending = (
            PendingRegistration.objects.select_for_update()
            .filter(public_id=read_registration_token(token))
            .first()
        )
        if pending is None:
            raise RegistrationLinkError("used")
        taken = get_user_model().objects.filter(username__iexact=pending.email).exists()
        PendingRegistration.objects.filter(email__iexact=pending.email).delete()
        if taken:  # two links followed for one address: the first made the account
            raise RegistrationLinkError("used")
        user = patient_create_hashed(
            email=pending.email,
            first_name=pending.first_name,
            last_name=pending.last_name,
            password_hash=pending.password,
        )
        set_preferred_language(user, pending.language)
        record(actor=user, action="registration.confirmed", obj=user)
    return user


def _forget_expired() -> None:
    cutoff = timezone.now() - timedelta(hours=REGISTRATION_MAX_AGE_HOURS)
    PendingRegistration.objects.filter(created_at__lt=cutoff).delete()
