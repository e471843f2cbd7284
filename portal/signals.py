"""Sign-in events go to the audit log; user and group changes drop the cached identity."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete
from django.dispatch import receiver

from . import roles
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


@receiver(m2m_changed, sender=get_user_model().groups.through)
def _forget_roles_on_membership_change(sender, instance, action, reverse, pk_set, **kwargs):
    if not action.startswith("post_") and action != "pre_clear":
        return
    if reverse:  # group.user_set changed: the users are pk_set (or every member on clear)
        user_ids = pk_set or instance.user_set.values_list("pk", flat=True)
    else:
        user_ids = [instance.pk]
    roles.forget_roles(list(user_ids))


@receiver(pre_delete, sender=Group)
def _forget_roles_on_group_delete(sender, instance, **kwargs):
    roles.forget_roles(list(instance.user_set.values_list("pk", flat=True)))


@receiver(post_save, sender=Group)
def _forget_roles_on_group_rename(sender, instance, created, **kwargs):
    if not created:
        roles.forget_roles(list(instance.user_set.values_list("pk", flat=True)))


@receiver(post_save, sender=get_user_model())
@receiver(post_delete, sender=get_user_model())
def _forget_user_on_change(sender, instance, **kwargs):
    # Password, active flag, name: every process reads the row again (portal/identity.py).
    roles.forget_roles([instance.pk])
