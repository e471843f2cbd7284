"""The roles are Django groups; superusers are admins."""

import secrets
from functools import wraps

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.db import transaction
from django.http import Http404

PATIENTS = "Patients"
PSYCHIATRISTS = "Psychiatrists"
CONTENT_EDITORS = "Content editors"
# Approve education changes before patients see them; never their own edit.
CLINICAL_REVIEWERS = "Clinical reviewers"
ALL_GROUPS = (PATIENTS, PSYCHIATRISTS, CONTENT_EDITORS, CLINICAL_REVIEWERS)
# Who hears about STAT intakes; settings.ONCALL_GROUP may name another group.
ONCALL_GROUP_DEFAULT = "On-call psychiatrists"
# A safety net only: user and membership changes drop the entry at once (portal/signals.py).
ROLES_CACHE_SECONDS = 300


def _roles_key(user_id) -> str:
    return f"portal:roles:{user_id}"


def shared_entry(user_id) -> tuple[str, frozenset[str]]:
    """``(stamp, group names)`` from the shared cache, read from the database and shared
    when missing. The stamp is new each time, so it names this version of the user (see
    ``portal.identity``); ``forget_roles`` drops the entry."""
    entry = cache.get(_roles_key(user_id))
    if entry is None:
        names = Group.objects.filter(user__id=user_id).values_list("name", flat=True)
        entry = (secrets.token_hex(8), frozenset(names))
        cache.set(_roles_key(user_id), entry, ROLES_CACHE_SECONDS)
    return entry


def group_names(user) -> frozenset[str]:
    """The user's group names, once per request; from the shared cache when there is one
    (``forget_roles`` drops the entry the moment membership changes)."""
    names = getattr(user, "_group_names", None)
    if names is None:
        if settings.SHARED_CACHE:
            names = shared_entry(user.pk)[1]
        else:
            names = frozenset(user.groups.values_list("name", flat=True))
        user._group_names = names
    return names


def forget_roles(user_ids) -> None:
    """Drop the shared entries now and again when the transaction commits, so a request
    that read the old rows meanwhile cannot leave them cached."""
    if not settings.SHARED_CACHE:
        return
    keys = [_roles_key(user_id) for user_id in user_ids]
    cache.delete_many(keys)
    transaction.on_commit(lambda: cache.delete_many(keys))


def _in_group(user, name: str) -> bool:
    return user.is_authenticated and name in group_names(user)


def is_patient(user) -> bool:
    return _in_group(user, PATIENTS)


def is_psychiatrist(user) -> bool:
    return _in_group(user, PSYCHIATRISTS)


def is_editor(user) -> bool:
    return user.is_authenticated and (user.is_superuser or _in_group(user, CONTENT_EDITORS))


# Groups whose members see patient data or edit what patients read: they are staff.
STAFF_GROUPS = (PSYCHIATRISTS, CONTENT_EDITORS, CLINICAL_REVIEWERS, "Clinical leads")


def is_staff_account(user) -> bool:
    """Staff of any kind: admins, Django staff, or a member of a staff group."""
    return user.is_authenticated and (
        user.is_superuser or user.is_staff or bool(group_names(user) & set(STAFF_GROUPS))
    )


def is_clinical_reviewer(user) -> bool:
    """Who may approve an education page. Group members only, not every superuser: a
    clinician signs off what patients read."""
    return _in_group(user, CLINICAL_REVIEWERS)


def is_staff_inviter(user) -> bool:
    """Who may invite a patient: psychiatrists and admins."""
    return user.is_authenticated and (user.is_superuser or is_psychiatrist(user))


def role_required(check):
    """Sign-in first, then 404 (not 403) for the wrong role: we do not confirm what exists."""

    def decorator(view):
        @login_required
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not check(request.user):
                raise Http404
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


patient_required = role_required(is_patient)
psychiatrist_required = role_required(is_psychiatrist)
inviter_required = role_required(is_staff_inviter)
