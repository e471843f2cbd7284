"""A patient's accounting of disclosures: which staff looked at their intakes, and when."""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from . import roles
from .models import AuditEvent
from .patient_records import patient_records

# Reads of a patient's intake by staff, written by the review views with the intake's id.
READ_ACTIONS = (
    "intake.viewed",
    "intake.safety_viewed",
    "intake.printed",
    "intake.exported",
    "consent.viewed",
    "admin.viewed",
    "admin.history_viewed",
    "admin.delete_viewed",
)
WORDS = {
    "intake.viewed": _("Read your answers"),
    "intake.safety_viewed": _("Read your safety answers"),
    "intake.printed": _("Printed your answers"),
    "intake.exported": _("Exported your answers"),
    "consent.viewed": _("Read a consent document you signed"),
    "queue.viewed": _("Saw your intake in the review list"),
    "admin.history_viewed": _("Opened the history of your record"),
    "admin.list_viewed": _("Saw your name in a list"),
    "audit.viewed": _("Looked at who has seen your records"),
}
# Admin pages of one object say which kind of record they opened.
OPENED = {
    ("admin.viewed", "auth.user"): _("Opened your account record"),
    ("admin.delete_viewed", "auth.user"): _("Opened the page to delete your account"),
    ("admin.viewed", "intake.intake"): _("Opened your intake record"),
    ("admin.delete_viewed", "intake.intake"): _("Opened the page to delete your intake"),
}
LIMIT = 200


@dataclass(frozen=True)
class AccessRow:
    name: str
    role: str
    what: str
    at: datetime


def _role(user) -> str:
    if user.is_superuser:
        return _("Administrator")
    names = roles.group_names(user)
    for group, word in (
        (roles.PSYCHIATRISTS, _("Psychiatrist")),
        ("Clinical reviewers", _("Clinical reviewer")),
        (roles.CONTENT_EDITORS, _("Content editor")),
    ):
        if group in names:
            return word
    return _("Staff")


def _what(event) -> str:
    return OPENED.get((event.action, event.object_type)) or WORDS.get(
        event.action, _("Viewed your records")
    )


def access_rows(*, patient) -> list[AccessRow]:
    """Staff reads of anything about this patient, newest first: their account in the admin
    (its page, history, delete page, lists naming it), their intakes (review, print,
    export, admin), the audit viewer filtered to them. Name, role, what, when only."""
    about = Q(detail__people__icontains=f"|{patient.pk}|")
    for row in patient_records(patient.pk):
        about |= Q(object_type=row.object_type, object_id=row.object_id, action__in=READ_ACTIONS)
        if row.public_id:
            about |= Q(action="queue.viewed", detail__icontains=row.public_id)
    events = (
        AuditEvent.objects.filter(about)
        .exclude(actor=None)
        .exclude(actor=patient)
        .select_related("actor")[:LIMIT]
    )
    return [
        AccessRow(
            name=event.actor.get_full_name() or _("A member of staff"),
            role=_role(event.actor),
            what=_what(event),
            at=event.at,
        )
        for event in events
    ]
