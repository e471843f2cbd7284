"""Sign-in lockout policy (docs/operations.md, Sign-in lockout policy).

django-axes locks an account at one client address, and an address, after
``PORTAL_LOCKOUT_FAILURES`` wrong passwords, for ``PORTAL_LOCKOUT_MINUTES``: never an account
everywhere, so no one can keep a psychiatrist locked out from wherever they are. Past twice
that many failures for an account from anywhere, it is slowed instead: one try every
``SLOW_SECONDS`` from a browser it has not been signed in from. A browser that completed a
sign-in before carries a signed, HttpOnly cookie naming the account (by digest) and is never
slowed, at the password or the second-factor step.
"""

import hashlib
import time

from axes.signals import user_locked_out
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_login_failed
from django.core.cache import cache
from django.dispatch import receiver
from django.shortcuts import render

from .audit import record
from .throttle import throttle_count, throttle_hit

SLOW_SECONDS = 60
KNOWN_DEVICE_DAYS = 90
_DEVICE_SALT = "portal.known-device"


def lockout_username(request, credentials) -> str:
    """Emails are usernames: count "Sam@X" and "sam@x" as one account."""
    username = (credentials or {}).get("username")
    if username is None and request is not None:
        username = request.POST.get("username", "")
    return (username or "").strip().lower()


def lockout_response(request, original_response=None, credentials=None):
    # One page whether or not the account exists: it names neither the account nor a count.
    return render(
        request,
        "registration/locked_out.html",
        {"minutes": settings.LOCKOUT_MINUTES},
        status=429,
    )


@receiver(user_locked_out)
def _audit_lockout(sender, request, username, ip_address, **kwargs):
    user = get_user_model().objects.filter(username__iexact=username or "").only("pk").first()
    record(
        actor=None,
        action="auth.locked_out",
        object_type="auth.user",
        object_id=user.pk if user else "",
    )


def account_key(username: str) -> str:
    """A digest of the typed account name: caches and cookies never hold the address."""
    return hashlib.sha256((username or "").strip().lower().encode()).hexdigest()


def known_device_cookie_name() -> str:
    # __Host- when cookies are Secure, like the session cookie (portal/settings.py).
    return ("__Host-" if settings.SESSION_COOKIE_SECURE else "") + "portal_device"


def remember_device(response, user) -> None:
    """At a full sign-in (password, and the second factor when owed): this browser is known."""
    response.set_signed_cookie(
        known_device_cookie_name(),
        account_key(user.get_username()),
        salt=_DEVICE_SALT,
        max_age=KNOWN_DEVICE_DAYS * 24 * 3600,
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )


def is_known_device(request, username: str) -> bool:
    value = request.get_signed_cookie(
        known_device_cookie_name(),
        default=None,
        salt=_DEVICE_SALT,
        max_age=KNOWN_DEVICE_DAYS * 24 * 3600,
    )
    return value is not None and value == account_key(username)


def _window() -> int:
    return settings.LOCKOUT_MINUTES * 60


def account_slowed(request, username: str) -> bool:
    """True while this account may not be tried from this browser yet: past the account-wide
    failure count, within SLOW_SECONDS of the last failure, from a browser not known.
    The same for accounts that do not exist (the count is by the typed name)."""
    key = account_key(username)
    if throttle_count(key=f"signin-account:{key}") < settings.LOCKOUT_FAILURES * 2:
        return False
    if is_known_device(request, username):
        return False
    last = cache.get(f"portal:signin-last:{key}")
    return last is not None and time.time() - last < SLOW_SECONDS


@receiver(user_login_failed)
def _count_account_failure(sender, credentials, request=None, **kwargs):
    key = account_key(lockout_username(request, credentials))
    throttle_hit(key=f"signin-account:{key}", limit=0, window_seconds=_window())
    cache.set(f"portal:signin-last:{key}", time.time(), _window())
