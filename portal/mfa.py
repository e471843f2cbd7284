"""The second factor (django-otp): an authenticator app (TOTP) and one-use recovery codes.

Staff (``roles.is_staff_account``) must use it; a patient may turn it on, and once on, it
is asked for at every sign-in. The session is marked verified by ``django_otp.login``;
``SecondFactorMiddleware`` keeps an unverified session away from every other page.
"""

import re

import django_otp
from django.contrib.auth.signals import user_logged_in
from django.db import transaction
from django.dispatch import receiver
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from . import roles
from .audit import record

RECOVERY_CODE_COUNT = 10
APP_DEVICE_NAME = "Authenticator app"
RECOVERY_DEVICE_NAME = "Recovery codes"
_TOTP_SHAPE = re.compile(r"^\d{6}$")


def mfa_required(user) -> bool:
    return roles.is_staff_account(user)


def mfa_enrolled(user) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


# Set at sign-in for a user with a device, so a patient without one costs no query later.
HAS_DEVICE_SESSION_KEY = "portal_mfa_has_device"


def needs_second_factor(request) -> bool:
    """True for a signed-in user who must pass the second factor before anything else."""
    user = request.user
    if not user.is_authenticated or user.is_verified():
        return False
    return mfa_required(user) or bool(request.session.get(HAS_DEVICE_SESSION_KEY))


@receiver(user_logged_in)
def _note_device_at_sign_in(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        request.session[HAS_DEVICE_SESSION_KEY] = mfa_enrolled(user)


def totp_device_pending(*, user) -> TOTPDevice:
    """The unconfirmed app device being set up (one per user; its secret shown until used)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name=APP_DEVICE_NAME, confirmed=False)


def _normalise(token: str) -> str:
    return re.sub(r"[\s-]", "", token or "").lower()


def totp_device_confirm(*, request, token: str) -> list[str] | None:
    """Confirm the pending app device with a code from the app; on success the session is
    verified, earlier devices are replaced, and the new recovery codes are returned (to be
    shown once). None when the code is wrong."""
    user = request.user
    with transaction.atomic():
        device = TOTPDevice.objects.select_for_update().filter(user=user, confirmed=False).first()
        if device is None or not device.verify_token(_normalise(token)):
            return None
        TOTPDevice.objects.filter(user=user, confirmed=True).delete()
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        codes = recovery_codes_replace(user=user)
        record(actor=user, action="mfa.enrolled", obj=user)
    _mark_verified(request, device)
    return codes


def recovery_codes_replace(*, user) -> list[str]:
    """New recovery codes; the old ones stop working."""
    with transaction.atomic():
        StaticDevice.objects.filter(user=user).delete()
        device = StaticDevice.objects.create(user=user, name=RECOVERY_DEVICE_NAME)
        codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
        StaticToken.objects.bulk_create(StaticToken(device=device, token=c) for c in codes)
    return codes


def second_factor_verify(*, request, token: str):
    """Check a code from the app (six digits) or a recovery code (used up once accepted).
    Marks the session verified and returns the device; None when refused."""
    user = request.user
    token = _normalise(token)
    model = TOTPDevice if _TOTP_SHAPE.match(token) else StaticDevice
    with transaction.atomic():
        for device in model.objects.select_for_update().filter(user=user, confirmed=True):
            if device.verify_token(token):
                break
        else:
            record(actor=user, action="mfa.failed", obj=user)
            return None
        action = "mfa.recovery_code_used" if model is StaticDevice else "mfa.verified"
        record(actor=user, action=action, obj=user)
    _mark_verified(request, device)
    return device


def _mark_verified(request, device) -> None:
    # A new session id for the new privilege: an id issued after the password alone (seen
    # by whoever watched that step) must not become the fully signed-in session.
    django_otp.login(request, device)
    request.session.cycle_key()


def mfa_turn_off(*, user, actor) -> None:
    """Remove every second-factor device. For a staff member this is the reset after a lost
    phone: they enrol again at their next sign-in."""
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user).delete()
        StaticDevice.objects.filter(user=user).delete()
        record(actor=actor, action="mfa.reset", obj=user)
