"""Reads of patient data in the admin, and privilege changes, go to the audit log.

``AuditedAdminMixin`` records each list page (with the ids it showed) and each change,
history and delete-confirmation page, with the accounts they concern (for the access report);
the receivers below record changes to a user's staff/superuser/active flags, groups and
permissions, and to a group's permissions, with before and after, wherever they are made (a
request names its actor; otherwise the row says "outside a request"). On PostgreSQL the
flags are recorded by a trigger (migration 0009), so a queryset ``update()`` or raw SQL is
caught too.
"""

import json
from contextlib import contextmanager
from contextvars import ContextVar

from django.contrib.admin.utils import unquote
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connections
from django.db.models.signals import m2m_changed, post_save, pre_save
from django.dispatch import receiver

from .audit import current_http_request, current_request, record

PRIVILEGE_FIELDS = ("is_active", "is_staff", "is_superuser")
OUTSIDE_A_REQUEST = "outside a request"


def people_tag(ids) -> str:
    """The accounts a read concerns, as ``|3|17|``: the access report finds a patient's
    reads with one ``icontains`` on ``|<id>|`` (PostgreSQL and SQLite alike)."""
    ids = sorted({int(i) for i in ids if i is not None})
    return "|" + "|".join(map(str, ids)) + "|" if ids else ""


class AuditedAdminMixin:
    """For a ModelAdmin whose pages show patient data or accounts.

    Each list page, change page, history page and delete-confirmation page is one audit
    row naming what it showed and, in ``detail["people"]``, whose data that was.
    """

    # The attribute naming the account an object is about ("pk" for an account itself).
    person_field = "patient_id"

    def changelist_view(self, request, extra_context=None):
        response = super().changelist_view(request, extra_context)
        changelist = getattr(response, "context_data", {}).get("cl")
        if changelist is not None:
            shown = list(changelist.result_list)
            record(
                actor=request.user,
                action="admin.list_viewed",
                object_type=self.model._meta.label_lower,
                detail={
                    "ids": [str(obj.pk) for obj in shown],
                    "people": people_tag(getattr(obj, self.person_field) for obj in shown),
                },
            )
        return response

    def change_view(self, request, object_id, form_url="", extra_context=None):
        response = super().change_view(request, object_id, form_url, extra_context)
        return self._audit_object_read(request, response, "admin.viewed", object_id)

    def history_view(self, request, object_id, extra_context=None):
        response = super().history_view(request, object_id, extra_context)
        return self._audit_object_read(request, response, "admin.history_viewed", object_id)

    def delete_view(self, request, object_id, extra_context=None):
        # The confirmation page lists everything the object holds (a patient's intakes).
        response = super().delete_view(request, object_id, extra_context)
        return self._audit_object_read(request, response, "admin.delete_viewed", object_id)

    def _audit_object_read(self, request, response, action, object_id):
        if request.method == "GET" and response.status_code == 200:
            obj = self.get_object(request, unquote(object_id))
            record(
                actor=request.user,
                action=action,
                object_type=self.model._meta.label_lower,
                object_id=unquote(object_id),
                detail={"people": people_tag([getattr(obj, self.person_field, None)])},
            )
        return response


# The administrator a management command names (``--by``), while it runs.
_command_actor: ContextVar = ContextVar("portal_command_actor", default=None)


@contextmanager
def acting_as(actor):
    """Privilege changes made inside are recorded under ``actor``, with the context
    "command" (``erase_patient --by``, ``mfa_reset --by``)."""
    token = _command_actor.set(actor)
    try:
        yield
    finally:
        _command_actor.reset(token)


def _actor():
    request = current_http_request.get()
    if request is None:
        return _command_actor.get()
    user = getattr(request, "user", None)
    return user if getattr(user, "is_authenticated", False) else None


def _context() -> str:
    if current_http_request.get() is not None:
        return "request"
    return "command" if _command_actor.get() is not None else OUTSIDE_A_REQUEST


def _database_audits_privileges(using) -> bool:
    """PostgreSQL records flag changes itself (the trigger of migration 0009)."""
    return connections[using].vendor == "postgresql"


def _touches_privileges(update_fields) -> bool:
    # A sign-in saves last_login only: nothing to look at.
    return update_fields is None or bool(set(update_fields) & set(PRIVILEGE_FIELDS))


def _tell_the_trigger(using, *, inside: bool) -> None:
    """Name this request (or none) to the PostgreSQL trigger for the save about to run."""
    value = ""
    actor = _actor()
    if inside and actor is not None:
        request = current_request.get()
        value = json.dumps({
            "actor_id": actor.pk, "context": _context(), "request_id": request.request_id,
            "incoming_request_id": request.incoming_request_id,
            "client_ip": request.client_ip, "user_agent": request.user_agent,
        })  # fmt: skip
    with connections[using].cursor() as cursor:
        cursor.execute("SELECT set_config('portal.audit_context', %s, false)", [value])


@receiver(pre_save, sender=get_user_model())
def _remember_privileges(sender, instance, using, update_fields=None, **kwargs):
    if not _touches_privileges(update_fields):
        return
    if _database_audits_privileges(using):
        _tell_the_trigger(using, inside=True)
    elif instance.pk:
        old = sender.objects.filter(pk=instance.pk).values(*PRIVILEGE_FIELDS).first()
        instance._privileges_before = old


@receiver(post_save, sender=get_user_model())
def _audit_privileges(sender, instance, created, using, update_fields=None, **kwargs):
    if not _touches_privileges(update_fields):
        return
    after = {field: getattr(instance, field) for field in PRIVILEGE_FIELDS}
    privileged = instance.is_staff or instance.is_superuser
    if _database_audits_privileges(using):
        _tell_the_trigger(using, inside=False)
        # The trigger records privileged accounts; an account made in the admin is
        # recorded here whatever its flags.
        if created and not privileged and current_http_request.get() is not None:
            _record_created(instance, after)
        return
    before = None if created else getattr(instance, "_privileges_before", None)
    if created and (privileged or current_http_request.get() is not None):
        _record_created(instance, after)
    elif before is not None and before != after:
        record(actor=_actor(), action="user.privileges_changed", obj=instance,
               detail={"before": before, "after": after, "context": _context(),
                       "people": people_tag([instance.pk])})  # fmt: skip


def _record_created(instance, after) -> None:
    record(actor=_actor(), action="user.created", obj=instance,
           detail={"before": None, "after": after, "context": _context(),
                   "people": people_tag([instance.pk])})  # fmt: skip


def _names(queryset) -> list[str]:
    return sorted(str(item) for item in queryset)


def _m2m_audit(action_name, relation, *, anywhere=True):
    """Group and permission changes. ``anywhere``: also outside a request (a shell, a
    command); a group's permissions are set by the product's reference data at each migrate,
    so only changes made in the admin are recorded for them."""

    def handler(sender, instance, action, reverse, pk_set, **kwargs):
        if not anywhere and current_http_request.get() is None:
            return
        if action in ("pre_add", "pre_remove", "post_add", "post_remove") and not pk_set:
            return  # adding what is already there changes nothing
        # From the group's side (group.user_set.add) the ids name the users.
        current = None if reverse else _names(getattr(instance, relation).all())
        if action.startswith("pre_"):
            instance._m2m_before = current
            if reverse and action == "pre_clear" and relation == "groups":
                instance._m2m_members = list(instance.user_set.values_list("pk", flat=True))
            return
        if relation == "permissions":
            people = []
        elif reverse:
            people = pk_set or getattr(instance, "_m2m_members", [])
        else:
            people = [instance.pk]
        record(
            actor=_actor(),
            action=action_name,
            obj=instance,
            detail={
                "change": action.removeprefix("post_"),
                "ids": sorted(pk_set or []),
                "before": getattr(instance, "_m2m_before", None),
                "after": current,
                "context": _context(),
                "people": people_tag(people),
            },
        )

    return handler


User = get_user_model()
m2m_changed.connect(
    _m2m_audit("user.groups_changed", "groups"), sender=User.groups.through, weak=False
)
m2m_changed.connect(
    _m2m_audit("user.permissions_changed", "user_permissions"),
    sender=User.user_permissions.through,
    weak=False,
)
m2m_changed.connect(
    _m2m_audit("group.permissions_changed", "permissions", anywhere=False),
    sender=Group.permissions.through,
    weak=False,
)
