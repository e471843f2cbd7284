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

from .rendering import render_markdown

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
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["order", "title"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("education:topic", args=[self.slug])


class PageQuerySet(models.QuerySet):
    def published(self, now=None):
        """What the public may see: published, and its publish time (if any) has come."""
        now = now or timezone.now()
        return self.filter(status=Page.Status.PUBLISHED).filter(
            Q(publish_at__isnull=True) | Q(publish_at__lte=now)
        )

    def overdue_for_review(self, today: date | None = None):
        """Never reviewed, or the review interval has run out (today or earlier)."""
        today = today or timezone.localdate()
        return self.filter(Q(review_due__isnull=True) | Q(review_due__lte=today))


class Page(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        PUBLISHED = "published", "Published"

    topic = models.ForeignKey(Topic, on_delete=models.PROTECT, related_name="pages")
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
    publish_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text="Optional. A published page stays hidden from the public until this time.",
    )
    reviewer_name = models.CharField("medical reviewer", max_length=120, blank=True)
    reviewer_credentials = models.CharField(
        "reviewer's credentials", max_length=120, blank=True, help_text="For example: MD"
    )
    last_reviewed = models.DateField("last medically reviewed", null=True, blank=True)
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
        now = now or timezone.now()
        return self.status == self.Status.PUBLISHED and (
            self.publish_at is None or self.publish_at <= now
        )

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
    """A full snapshot of a page (fields, sources, related pages) after one save."""

    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField()
    created_at = models.DateTimeField(default=timezone.now)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
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
