import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone

from .fields import LanguageField, person_field


class AppendOnlyQuerySet(models.QuerySet):
    """Audit rows are never changed or removed, in bulk either (PostgreSQL also refuses it to
    the application's role: ``manage.py db_roles``; SQLite by a trigger on UPDATE)."""

    def update(self, **kwargs):
        raise PermissionError("Audit events are append-only.")

    def delete(self):
        raise PermissionError("Audit events are append-only.")


class AuditEvent(models.Model):
    """An append-only record of who did what to which object, and when.

    It names objects by type and id only: never a patient's answers, names or emails.
    """

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    action = models.CharField(max_length=64, db_index=True)
    object_type = models.CharField(max_length=64, blank=True)
    object_id = models.CharField(max_length=64, blank=True)
    at = models.DateTimeField(default=timezone.now, db_index=True)
    request_id = models.CharField(max_length=64, blank=True)
    incoming_request_id = models.CharField(max_length=64, blank=True)
    client_ip = models.GenericIPAddressField(null=True, blank=True)
    user_agent = models.CharField(max_length=256, blank=True)
    # Ids only: the intakes a page showed, privilege fields before and after a change.
    detail = models.JSONField(default=dict, blank=True)

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["object_type", "object_id", "-at"])]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M:%S} {self.action} {self.object_type}:{self.object_id}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise PermissionError("Audit events are append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionError("Audit events are append-only.")


INVITATION_INTAKE_KINDS = [
    ("", "Clinic default: a follow-up if the patient has sent an intake before"),
    ("first", "First visit: every question"),
    ("follow_up", "Follow-up: start from the last answers"),
]


class Invitation(models.Model):
    """A staff invitation for one patient and one visit; its link is signed and single-use."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    email = models.EmailField()
    first_name = models.CharField(max_length=80)
    last_name = models.CharField(max_length=80)
    visit_at = models.DateTimeField()
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)
    accepted_at = models.DateTimeField(null=True, blank=True)
    patient = person_field(blank=True, related_name="invitations")
    # Set by staff: the email is written in it and the patient's profile starts with it.
    language = LanguageField(default="en")
    # What the visit's intake asks; "" leaves it to the clinic's default (a follow-up for a
    # patient who has sent an intake before). The intake app reads it (portal never imports
    # intake, so the values are spelled here as intake's IntakeKind spells them).
    intake_kind = models.CharField(
        max_length=10, choices=INVITATION_INTAKE_KINDS, default="", blank=True
    )

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"Invitation {self.public_id}"

    @property
    def is_used(self) -> bool:
        return self.accepted_at is not None


class PendingRegistration(models.Model):
    """A self-registration waiting for its email link (``portal/registration.py``): the
    account is made only when the address's owner follows the link, so the form never has
    to say whether an account exists. The password is kept hashed, as on an account."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    email = models.EmailField()
    first_name = models.CharField(max_length=80)
    last_name = models.CharField(max_length=80)
    password = models.CharField(max_length=128)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    # The language of the page the person registered on: the link's email is written in
    # it, and the new account's profile starts with it.
    language = LanguageField(default="en")

    def __str__(self):
        return f"Pending registration {self.public_id}"


class CacheGeneration(models.Model):
    """One row: the generation every shared-cache key carries (``portal/resilient_cache.py``).

    A write to the shared cache that failed or was skipped while the cache was unreachable
    bumps it, in the same database transaction as the change the cache missed, so an entry
    left behind in Redis (a signed-out session, say) is never read again once Redis is back.
    """

    value = models.PositiveBigIntegerField(default=0)

    def __str__(self):
        return f"cache generation {self.value}"


class LegalHold(models.Model):
    """A patient whose records must be kept (litigation, a regulator's request): erasure on
    request is refused while the hold exists. Placed and lifted by an administrator."""

    patient = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="legal_hold"
    )
    reason = models.CharField(max_length=200)
    placed_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return f"Legal hold on user {self.patient_id}"


class PatientProfile(models.Model):
    """What a patient chose about the portal itself: the language of its pages and emails
    (set by staff when inviting, changed by the patient with the link on every page)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="patient_profile"
    )
    preferred_language = LanguageField(default="en")

    def __str__(self):
        return f"Profile of user {self.user_id}"
