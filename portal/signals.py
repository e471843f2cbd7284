"""Sign-in events go to the audit log."""

from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from .audit import record


@receiver(user_logged_in)
def _audit_login(sender, request, user, **kwargs):
    record(actor=user, action="auth.login", obj=user)


@receiver(user_logged_out)
def _audit_logout(sender, request, user, **kwargs):
    if user is not None:
        record(actor=user, action="auth.logout", obj=user)


@receiver(user_login_failed)
def _audit_login_failed(sender, credentials, request=None, **kwargs):
    # The typed username may be an email address: store the account id when one matches,
    # never the text itself.
    username = credentials.get("username") or ""
    user = get_user_model().objects.filter(username__iexact=username).only("pk").first()
    record(
        actor=None,
        action="auth.login_failed",
        object_type="auth.user",
        object_id=user.pk if user else "",
    )
