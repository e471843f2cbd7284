"""django-axes glue: the username it counts, the page it shows, and the audit row it writes."""

from axes.signals import user_locked_out
from django.conf import settings
from django.contrib.auth import get_user_model
from django.dispatch import receiver
from django.shortcuts import render

from .audit import record


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
