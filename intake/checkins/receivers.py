"""Where a sent intake goes, for check-ins (connected in ``IntakeConfig.ready``)."""

from django.dispatch import receiver

from ..models import IntakeKind
from ..signals import intake_submitted
from .services import checkin_route, checkin_schedule_default


@receiver(intake_submitted, dispatch_uid="intake.checkins.route")
def route_sent_checkin(sender, *, intake, **kwargs):
    """Inside the submit transaction, so a routine check-in is never seen in the open queue:
    a check-in is routed (``checkin_route``); any other intake gives its patient the clinic's
    default schedule when there is one and they have none."""
    if intake.kind == IntakeKind.CHECK_IN:
        checkin_route(intake=intake)
    else:
        checkin_schedule_default(intake=intake)
