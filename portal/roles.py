"""The roles are Django groups; superusers are admins."""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.http import Http404

PATIENTS = "Patients"
PSYCHIATRISTS = "Psychiatrists"
CONTENT_EDITORS = "Content editors"
# Approve education changes before patients see them; never their own edit.
CLINICAL_REVIEWERS = "Clinical reviewers"
ALL_GROUPS = (PATIENTS, PSYCHIATRISTS, CONTENT_EDITORS, CLINICAL_REVIEWERS)
# Who hears about STAT intakes; settings.ONCALL_GROUP may name another group.
ONCALL_GROUP_DEFAULT = "On-call psychiatrists"
# The second step of the STAT escalation ladder; settings.ESCALATION_GROUP may name another.
ESCALATION_GROUP_DEFAULT = "Clinical leads"


def group_names(user) -> frozenset[str]:
    """The user's group names, read once per request (the user object lives as long as
    the request)."""
    names = getattr(user, "_group_names", None)
    if names is None:
        names = user._group_names = frozenset(user.groups.values_list("name", flat=True))
    return names


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
