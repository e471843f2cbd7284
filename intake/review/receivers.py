"""The queue's reactions to intake events (connected in ``IntakeConfig.ready``)."""

from django.contrib.auth import get_user_model
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from ..models import Intake, IntakeStatus
from ..signals import intake_submitted
from .version import queue_changed


@receiver(intake_submitted, dispatch_uid="intake.review.stat_notification")
def owe_stat_notification(sender, *, intake, **kwargs):
    """Inside the submit transaction: the outbox row commits with the submission or not at
    all, and the send is asked for only after the commit."""
    from .services import stat_owed_on_submit

    stat_owed_on_submit(intake=intake)


@receiver(post_save, sender=Intake, dispatch_uid="intake.review.queue_changed_on_save")
def queue_changed_on_save(sender, instance, **kwargs):
    # A draft is not in the queue; its first submission is a bulk update (``IntakeQuerySet``).
    if instance.status != IntakeStatus.DRAFT:
        queue_changed()


@receiver(post_delete, sender=Intake, dispatch_uid="intake.review.queue_changed_on_delete")
@receiver(post_save, sender=get_user_model(), dispatch_uid="intake.review.queue_changed_user")
def queue_changed_on_delete_or_user_change(sender, **kwargs):
    # A patient's or psychiatrist's name shows in the queue's rows.
    queue_changed()
