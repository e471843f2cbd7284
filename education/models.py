"""Topics, pages, their sources and revisions.

A page's Markdown is rendered and sanitised in ``Page.save`` (never per request), so the
public view only outputs ``body_html``. Writes that matter (publish, unpublish, revert, a
seed load) go through ``education.services``; every one of them leaves a revision.
"""

from datetime import date

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from portal.fields import LanguageField, person_field

from .rendering import render_markdown

# Every page is first written in English; a version in another language is a page of its own
# (``Page.translation_of``) that goes through the same two-person clinical sign-off.
ORIGINAL_LANGUAGE = "en"

# Public URLs live under /learn/topics/<slug>/ and /learn/pages/<slug>/; these words are
# path segments of their own and cannot be slugs.
RESERVED_SLUGS = {"search", "topics", "pages", "preview"}


def _not_reserved(value: str) -> None:
    if value in RESERVED_SLUGS:
        raise ValidationError(
            "This word is used by the site itself; choose another slug.", code="reserved"
        )


class Topic(models.Model):
    title = models.CharField(max_length=120)
    slug = models.SlugField(max_length=120, unique=True, validators=[_not_reserved])
    summary = models.CharField(max_length=300, blank=True)
    order = models.PositiveIntegerField(default=0)
    # A topic's name is a label, not clinical content: no review, one JSON field so a new
    # language is data, e.g. {"es": {"title": "...", "summary": "..."}}.
    translations = models.JSONField(
        default=dict,
        blank=True,
        help_text='Title and summary in other languages: {"es": {"title": "…", "summary": "…"}}.',
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["order", "title"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("education:topic", args=[self.slug])

    def title_in(self, language: str) -> str:
        return (self.translations.get(language) or {}).get("title") or self.title

    def summary_in(self, language: str) -> str:
        return (self.translations.get(language) or {}).get("summary") or self.summary


class PageQuerySet(models.QuerySet):
    def published(self, now=None):
        """What the public may see: published, with a live version. ``now`` is accepted
        for callers that pass it; a scheduled version goes live through
        ``services.pages_release_scheduled`` (the beat task), not at read time."""
        return self.filter(status=Page.Status.PUBLISHED, live_revision__isnull=False)

    def overdue_for_review(self, today: date | None = None):
        """Never reviewed, or the review interval has run out (today or earlier)."""
        today = today or timezone.localdate()
        return self.filter(Q(review_due__isnull=True) | Q(review_due__lte=today))

    def waiting_for_review(self):
        return self.filter(review_state=Page.ReviewState.SUBMITTED)


class ReviewerProfile(models.Model):
    """What the public page says about the clinician who approved it."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reviewer_profile"
    )
    display_name = models.CharField(
        max_length=120, blank=True, help_text="As shown on pages. Blank: the user's full name."
    )
    credentials = models.CharField(max_length=120, help_text="For example: MD, psychiatrist")
    is_demo = models.BooleanField(
        default=False, help_text="A demo account: pages it approves are labelled as a demo."
    )

    def __str__(self):
        return self.public_name

    @property
    def public_name(self) -> str:
        return self.display_name or self.user.get_full_name() or self.user.get_username()


class Page(models.Model):
    """A page has two versions, as in Wagtail: the working copy (the fields editors edit,
    and the latest revision) and the live version (``live_*``, the approved revision the
    public reads). Editing never changes the live version; only a clinical reviewer's
    approval (or the seed loader, unapproved and labelled so) does."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Not public"
        PUBLISHED = "published", "Published"

    class ReviewState(models.TextChoices):
        DRAFT = "draft", "Draft: not submitted"
        SUBMITTED = "submitted", "Waiting for clinical review"
        CHANGES_REQUESTED = "changes_requested", "Changes requested"
        SCHEDULED = "scheduled", "Approved: waiting for its go-live time"
        APPROVED = "approved", "Approved: live"

    topic = models.ForeignKey(Topic, on_delete=models.PROTECT, related_name="pages")
    language = LanguageField(
        default=ORIGINAL_LANGUAGE,
        help_text="The language of this version's words.",
    )
    translation_of = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="translations",
        limit_choices_to={"translation_of__isnull": True},
        verbose_name="version of",
        help_text="For a version in another language: the English page it says in that "
        "language. Blank for an English page.",
    )
    title = models.CharField(max_length=200)
    slug = models.SlugField(
        max_length=120,
        unique=True,
        validators=[_not_reserved],
        help_text="Part of the page's web address. Other parts of the portal link by it.",
    )
    summary = models.CharField(
        max_length=300, help_text="One or two plain sentences shown under the title."
    )
    body = models.TextField(help_text="Markdown. Start sections with ## (the title is the top).")
    order = models.PositiveIntegerField(default=0, help_text="Position within the topic.")
    status = models.CharField(
        max_length=16, choices=Status.choices, default=Status.DRAFT, editable=False
    )
    go_live_at = models.DateTimeField(
        "go live at",
        null=True,
        blank=True,
        help_text="Optional. Once approved, this version waits for this time before the "
        "public sees it.",
    )
    review_state = models.CharField(
        max_length=20, choices=ReviewState.choices, default=ReviewState.DRAFT, editable=False
    )
    # The live version: what the public reads, copied from an approved revision.
    live_revision = models.ForeignKey(
        "PageRevision", null=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )
    live_title = models.CharField(max_length=200, editable=False, default="")
    live_summary = models.CharField(max_length=300, editable=False, default="")
    live_body = models.TextField(editable=False, default="")
    live_body_html = models.TextField(editable=False, default="")
    live_toc = models.JSONField(editable=False, default=list)
    # Who approved the live version and when; empty for seed content never reviewed.
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
        editable=False,
        verbose_name="clinical reviewer",
    )
    approved_at = models.DateTimeField(null=True, editable=False)
    last_reviewed = models.DateField("last clinically reviewed", null=True, editable=False)
    # An approved revision waiting for its go-live time.
    scheduled_revision = models.ForeignKey(
        "PageRevision", null=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )
    scheduled_for = models.DateTimeField(null=True, editable=False)
    # Who has the edit form open, and since when (a notice to others, not a hard lock).
    locked_by = person_field(editable=False)
    locked_at = models.DateTimeField(null=True, editable=False)
    review_interval_months = models.PositiveSmallIntegerField(
        default=12, validators=[MinValueValidator(1), MaxValueValidator(60)]
    )
    related = models.ManyToManyField(
        "self", symmetrical=False, blank=True, related_name="+", verbose_name="related pages"
    )

    body_html = models.TextField(editable=False, default="")
    toc = models.JSONField(editable=False, default=list)
    review_due = models.DateField(null=True, editable=False)
    # The review_due date a reminder went out for: one reminder per page per interval.
    review_reminder_sent_for = models.DateField(null=True, editable=False)
    # Bumped at every save; the admin form refuses an edit started on an older version.
    version = models.PositiveIntegerField(default=0, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PageQuerySet.as_manager()

    class Meta:
        ordering = ["topic__order", "topic__title", "order", "title"]
        indexes = [models.Index(fields=["topic", "status", "order"])]
        constraints = [
            # One version per language of each English page.
            models.UniqueConstraint(
                fields=["translation_of", "language"], name="one_version_per_language"
            ),
            # An English page is an original; every other language is a version of one.
            models.CheckConstraint(
                condition=(
                    Q(translation_of__isnull=True, language=ORIGINAL_LANGUAGE)
                    | (Q(translation_of__isnull=False) & ~Q(language=ORIGINAL_LANGUAGE))
                ),
                name="translation_is_in_another_language",
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        rendered = render_markdown(self.body)
        self.body_html, self.toc = rendered.html, rendered.toc
        self.review_due = self.compute_review_due()
        self.version += 1
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {
                *kwargs["update_fields"],
                *("body_html", "toc", "review_due", "version", "updated_at"),
            }
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("education:page", args=[self.slug])

    def compute_review_due(self) -> date | None:
        if self.last_reviewed is None:
            return None
        return self.last_reviewed + relativedelta(months=self.review_interval_months)

    def is_public(self, now=None) -> bool:
        return self.status == self.Status.PUBLISHED and self.live_revision_id is not None

    @property
    def original(self) -> "Page":
        """The English page this one is a version of (itself when it is the English one)."""
        return self.translation_of if self.translation_of_id else self

    @property
    def reviewer_profile(self):
        """The approving reviewer's profile, or None (seed content, or no profile)."""
        if self.reviewed_by_id is None:
            return None
        return getattr(self.reviewed_by, "reviewer_profile", None)

    @property
    def is_overdue_for_review(self) -> bool:
        return self.review_due is None or self.review_due <= timezone.localdate()


class Source(models.Model):
    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="sources")
    title = models.CharField(max_length=300)
    publisher = models.CharField(max_length=200, blank=True)
    year = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MinValueValidator(1800), MaxValueValidator(2100)]
    )
    url = models.URLField("URL", max_length=500, blank=True)
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["order", "id"]

    def __str__(self):
        return self.title

    def as_snapshot(self) -> dict:
        return {
            "title": self.title,
            "publisher": self.publisher,
            "year": self.year,
            "url": self.url,
            "order": self.order,
        }


class PageRevision(models.Model):
    """A full snapshot of a page (fields, sources, related pages) after one step: a save,
    a submission, a review decision, going live."""

    class Kind(models.TextChoices):
        SAVED = "saved", "Saved"
        SEED = "seed", "Loaded from the seed"
        REVERTED = "reverted", "Reverted"
        SUBMITTED = "submitted", "Submitted for review"
        CHANGES_REQUESTED = "changes_requested", "Changes requested"
        APPROVED = "approved", "Approved"
        WENT_LIVE = "went_live", "Went live"
        UNPUBLISHED = "unpublished", "Unpublished"

    # The kinds that change what the page says (the others record a step about it).
    CONTENT_KINDS = (Kind.SAVED, Kind.SEED, Kind.REVERTED)

    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField()
    created_at = models.DateTimeField(default=timezone.now)
    author = person_field(blank=True)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.SAVED)
    change_note = models.CharField(max_length=300, blank=True)
    snapshot = models.JSONField()

    class Meta:
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(fields=["page", "number"], name="unique_revision_number")
        ]

    def __str__(self):
        return f"{self.page} revision {self.number}"

    @property
    def author_label(self) -> str:
        if self.author is None:
            return "Seed content (no person)"
        return self.author.get_full_name() or self.author.get_username()
