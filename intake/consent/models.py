"""Consent documents, signatures and withdrawals (registered in the intake app).

A document version is drafted by an editor and approved by a clinical reviewer who did not
draft it (``intake.consent.services``). Once approved it never changes: a new text is a new
row with the next version. Signatures and withdrawals are append-only events.
"""

import hashlib

from django.db import models
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from portal.fields import LanguageField, person_field


def text_sha256(text: str) -> str:
    """The hash a signature records: of the exact text shown, UTF-8."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class ImmutableRecord(Exception):
    """An approved document, a signature or a withdrawal was about to be changed."""


class ConsentKind(models.TextChoices):
    TELEHEALTH = "telehealth", _("Consent to care by video")
    PRIVACY_NOTICE = "privacy_notice", _("Privacy notice acknowledgement")
    CONTROLLED_SUBSTANCE = "controlled_substance", _("Controlled-medicine agreement")


class ConsentDocumentQuerySet(models.QuerySet):
    def approved(self):
        return self.filter(status=ConsentDocument.Status.APPROVED)


class ConsentDocument(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft: waiting for a clinical reviewer"
        APPROVED = "approved", "Approved: patients sign this version"

    kind = models.CharField(max_length=30, choices=ConsentKind.choices)
    # Each language's text is its own versioned document, approved on its own: a patient
    # reads and signs the current version in their language (English when there is none).
    language = LanguageField(default="en")
    version = models.PositiveIntegerField(editable=False)
    title = models.CharField(max_length=200)
    text = models.TextField(help_text="Plain text; a blank line starts a new paragraph.")
    sha256 = models.CharField(max_length=64, editable=False)
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.DRAFT, editable=False
    )
    drafted_by = person_field(editable=False)
    approved_by = person_field(editable=False, related_name="+")
    approved_at = models.DateTimeField(null=True, editable=False)
    # Chosen by the approver: whether patients who signed an earlier version sign again.
    asks_again = models.BooleanField(default=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    objects = ConsentDocumentQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "language", "version"], name="consent_kind_language_version"
            ),
            models.CheckConstraint(
                condition=models.Q(approved_by__isnull=True)
                | ~models.Q(approved_by=models.F("drafted_by")),
                name="consent_approver_not_author",
            ),
        ]
        ordering = ["kind", "language", "-version"]

    def __str__(self):
        return f"{self.get_kind_display()} ({self.get_language_display()}), version {self.version}"

    def save(self, *args, **kwargs):
        if not self._state.adding and self._stored_status() == self.Status.APPROVED:
            raise ImmutableRecord("An approved version never changes; draft a new version.")
        self.sha256 = text_sha256(self.text)
        super().save(*args, **kwargs)

    @property
    def language_name(self) -> str:
        """The language's English name ("Spanish"), for the care team's pages."""
        return translation.get_language_info(self.language)["name"]

    def _stored_status(self) -> str | None:
        return type(self).objects.filter(pk=self.pk).values_list("status", flat=True).first()

    @property
    def is_approved(self) -> bool:
        return self.status == self.Status.APPROVED


class _AppendOnly(models.Model):
    """A row written once: saving it again raises ``ImmutableRecord``. It goes only with its
    intake (a patient's erasure deletes their intakes, and these rows with them)."""

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise ImmutableRecord(f"A {self._meta.verbose_name} is never edited.")
        super().save(*args, **kwargs)


class ConsentSignature(_AppendOnly):
    document = models.ForeignKey(ConsentDocument, on_delete=models.PROTECT, related_name="+")
    intake = models.ForeignKey(
        "intake.Intake", on_delete=models.CASCADE, related_name="consent_signatures"
    )
    user = person_field()
    typed_name = models.CharField(max_length=200)
    # The exact text the patient read (the document and, for care by video, their own
    # emergency plan), and its hash when signed: the verification page recomputes it.
    shown_text = models.TextField()
    text_sha256 = models.CharField(max_length=64)
    signed_at = models.DateTimeField(default=timezone.now)
    client_ip = models.GenericIPAddressField(null=True, blank=True)
    user_agent = models.CharField(max_length=400, blank=True)

    class Meta:
        ordering = ["-signed_at", "-pk"]
        indexes = [models.Index(fields=["intake", "-signed_at"], name="consent_sig_intake")]

    def __str__(self):
        return f"{self.document} signed {self.signed_at:%Y-%m-%d %H:%M}"

    @property
    def verification_code(self) -> str:
        """What the patient's copy prints: the first 16 hex digits of the hash, grouped."""
        head = self.text_sha256[:16].upper()
        return "-".join(head[i : i + 4] for i in range(0, 16, 4))

    def text_matches(self) -> bool:
        return text_sha256(self.shown_text) == self.text_sha256


class ConsentWithdrawal(_AppendOnly):
    signature = models.OneToOneField(
        ConsentSignature, on_delete=models.CASCADE, related_name="withdrawal"
    )
    user = person_field()
    withdrawn_at = models.DateTimeField(default=timezone.now)
    client_ip = models.GenericIPAddressField(null=True, blank=True)
    user_agent = models.CharField(max_length=400, blank=True)

    class Meta:
        ordering = ["-withdrawn_at"]

    def __str__(self):
        return f"Withdrawal of {self.signature}"
