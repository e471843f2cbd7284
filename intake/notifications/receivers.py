"""The notifications owed on intake events (connected in ``IntakeConfig.ready``)."""

from django.dispatch import receiver

from ..signals import intake_submitted, safety_answer_saved
from .services import stat_owed_for_unsent_safety_answer, stat_owed_on_submit


@receiver(intake_submitted, dispatch_uid="intake.notifications.stat_notification")
def owe_stat_notification(sender, *, intake, **kwargs):
    """Inside the submit transaction: the outbox row commits with the submission or not at
    all, and the send is asked for only after the commit."""
    stat_owed_on_submit(intake=intake)


@receiver(safety_answer_saved, dispatch_uid="intake.notifications.unsent_safety_notification")
def owe_unsent_safety_notification(sender, *, intake, **kwargs):
    """Inside the saving transaction, as for a STAT submit: the unsent intake with a
    positive safety answer owes the on-call psychiatrists the same message."""
    stat_owed_for_unsent_safety_answer(intake=intake)
