"""The three roles are Django groups; superusers are admins."""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.http import Http404

PATIENTS = "Patients"
PSYCHIATRISTS = "Psychiatrists"
CONTENT_EDITORS = "Content editors"
ALL_GROUPS = (PATIENTS, PSYCHIATRISTS, CONTENT_EDITORS)
# Who hears about STAT intakes; settings.ONCALL_GROUP may name another group.
ONCALL_GROUP_DEFAULT = "On-call psychiatrists"


def _in_group(user, name: str) -> bool:
    if not user.is_authenticated:
        return False
    cache = getattr(user, "_group_names", None)
    if cache is None:
        cache = set(user.groups.values_list("name", flat=True))
        user._group_names = cache
    return name in cache


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
