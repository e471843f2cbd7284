"""Idle sign-out (HIPAA 164.312(a)(2)(iv)): the server ends a session after
PORTAL_STAFF_IDLE_MINUTES (staff) or PORTAL_PATIENT_IDLE_MINUTES (patients) without a
request, and always PORTAL_SESSION_MAX_HOURS after sign-in, with or without JavaScript.
``static/portal/idle.js`` only warns two minutes before and lets the person stay.
"""

from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.utils import timezone

from . import roles
from .audit import record

LAST_SEEN_KEY = "portal_last_seen"
IDLE_LIMIT_KEY = "portal_idle_seconds"
SIGNED_IN_AT_KEY = "portal_signed_in_at"
WARNING_SECONDS = 120
# Asking how long is left is not activity: an open tab must not keep a session alive.
STATUS_PATH = "/accounts/session/"


def idle_limit_seconds(user) -> int:
    minutes = (
        settings.STAFF_IDLE_MINUTES
        if roles.is_staff_account(user)
        else settings.PATIENT_IDLE_MINUTES
    )
    return minutes * 60


def _now() -> float:
    return timezone.now().timestamp()


def seconds_left(request) -> int:
    """Seconds until the session ends, idle or absolute, whichever comes first."""
    session, now = request.session, _now()
    if IDLE_LIMIT_KEY not in session:  # a session from before this rule
        session[IDLE_LIMIT_KEY] = idle_limit_seconds(request.user)
    idle_end = session.get(LAST_SEEN_KEY, now) + session[IDLE_LIMIT_KEY]
    absolute_end = session.get(SIGNED_IN_AT_KEY, now) + settings.SESSION_MAX_HOURS * 3600
    return max(0, int(min(idle_end, absolute_end) - now))


@receiver(user_logged_in)
def _start_the_clocks(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        request.session[SIGNED_IN_AT_KEY] = request.session[LAST_SEEN_KEY] = _now()
        request.session[IDLE_LIMIT_KEY] = idle_limit_seconds(user)


class IdleTimeoutMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # The session alone says whether someone is signed in: no user row is read here.
        if "_auth_user_id" in request.session:
            if seconds_left(request) <= 0:
                if request.user.is_authenticated:
                    record(actor=request.user, action="auth.idle_logoff", obj=request.user)
                # The request goes on signed out: a page then asks to sign in (and a patient's
                # posted answers are kept by intake.views.resume).
                logout(request)
            elif request.path != STATUS_PATH:
                request.session[LAST_SEEN_KEY] = _now()
                request.session.setdefault(SIGNED_IN_AT_KEY, _now())
        return self.get_response(request)


def idle_context(request) -> dict:
    """For the warning dialog in base.html (signed-in pages only). An error page for a
    request stopped before the user was read (a bad Host header) has no dialog."""
    if "_auth_user_id" not in getattr(request, "session", {}) or not hasattr(request, "user"):
        return {}
    return {"idle_seconds_left": seconds_left(request), "idle_warning_seconds": WARNING_SECONDS}
