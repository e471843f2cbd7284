"""The three roles are Django groups; superusers are admins."""

from functools import wraps

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.http import Http404

PATIENTS = "Patients"
PSYCHIATRISTS = "Psychiatrists"
CONTENT_EDITORS = "Content editors"
ALL_GROUPS = (PATIENTS, PSYCHIATRISTS, CONTENT_EDITORS)
# Who hears about STAT intakes; settings.ONCALL_GROUP may name another group.
ONCALL_GROUP_DEFAULT = "On-call psychiatrists"
# A safety net only: membership changes drop the cached entry at once (portal/signals.py).
ROLES_CACHE_SECONDS = 300


def _roles_key(user_id) -> str:
    return f"portal:roles:{user_id}"


def group_names(user) -> frozenset[str]:
    """The user's group names, once per request; from the shared cache when there is one
    (``forget_roles`` drops the entry the moment membership changes)."""
    names = getattr(user, "_group_names", None)
    if names is None:
        names = cache.get(_roles_key(user.pk)) if settings.SHARED_CACHE else None
        if names is None:
            names = frozenset(user.groups.values_list("name", flat=True))
            if settings.SHARED_CACHE:
                cache.set(_roles_key(user.pk), names, ROLES_CACHE_SECONDS)
        user._group_names = names
    return names


def forget_roles(user_ids) -> None:
    if settings.SHARED_CACHE:
        cache.delete_many([_roles_key(user_id) for user_id in user_ids])


def _in_group(user, name: str) -> bool:
    return user.is_authenticated and name in group_names(user)


def is_patient(user) -> bool:
    return _in_group(user, PATIENTS)


def is_psychiatrist(user) -> bool:
    return _in_group(user, PSYCHIATRISTS)


def is_editor(user) -> bool:
    return user.is_authenticated and (user.is_superuser or _in_group(user, CONTENT_EDITORS))


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
