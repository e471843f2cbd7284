"""A patient's accounting of disclosures: which staff looked at their intakes, and when."""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Q

from . import roles
from .models import AuditEvent

# Reads of a patient's intake by staff (actions written by the review and admin views).
READ_ACTIONS = (
    "intake.viewed",
    "intake.safety_viewed",
    "intake.printed",
    "intake.exported",
    "admin.viewed",
)
WORDS = {
    "intake.viewed": "Read your answers",
    "intake.safety_viewed": "Read your safety answers",
    "intake.printed": "Printed your answers",
    "intake.exported": "Exported your answers",
    "admin.viewed": "Opened your intake record",
    "queue.viewed": "Saw your intake in the review list",
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
        return "Administrator"
    names = roles.group_names(user)
    for group, word in (
        (roles.PSYCHIATRISTS, "Psychiatrist"),
        ("Clinical reviewers", "Clinical reviewer"),
        (roles.CONTENT_EDITORS, "Content editor"),
    ):
        if group in names:
            return word
    return "Staff"


def access_rows(*, patient) -> list[AccessRow]:
    """Staff views of this patient's intakes, newest first: name, role, what, when only."""
    from intake.models import Intake

    intakes = list(Intake.objects.filter(patient=patient).values_list("pk", "public_id"))
    if not intakes:
        return []
    direct = Q(
        object_type="intake.intake",
        action__in=READ_ACTIONS,
        object_id__in=[str(pk) for pk, _ in intakes],
    )
    listed = Q(action="queue.viewed")
    listed_any = Q()
    for _, public_id in intakes:
        listed_any |= Q(detail__icontains=public_id.hex)
    events = (
        AuditEvent.objects.filter(direct | (listed & listed_any))
        .exclude(actor=None)
        .exclude(actor=patient)
        .select_related("actor")[:LIMIT]
    )
    return [
        AccessRow(
            name=event.actor.get_full_name() or "A member of staff",
            role=_role(event.actor),
            what=WORDS.get(event.action, "Viewed your intake"),
            at=event.at,
        )
        for event in events
    ]
