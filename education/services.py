"""Writes to education pages. Each leaves a revision; publication changes leave an audit row."""

from django.db import transaction
from django.utils.dateparse import parse_date

from portal import audit

from .models import Page, PageRevision, Source, Topic

# The fields a revision keeps and a revert restores. Publication (status, publish time) is
# not content: a revert changes what a page says, never whether the public can see it.
CONTENT_FIELDS = (
    "title",
    "slug",
    "summary",
    "body",
    "order",
    "reviewer_name",
    "reviewer_credentials",
    "last_reviewed",
    "review_interval_months",
)


class IllegalTransition(Exception):
    """A page cannot move to the status asked for (for example publishing it twice)."""


def page_snapshot(page: Page) -> dict:
    """Everything a revision keeps, as JSON-ready values."""
    data = {name: getattr(page, name) for name in CONTENT_FIELDS}
    data["last_reviewed"] = page.last_reviewed.isoformat() if page.last_reviewed else None
    data["topic"] = page.topic.slug
    data["status"] = page.status
    data["publish_at"] = page.publish_at.isoformat() if page.publish_at else None
    data["sources"] = [source.as_snapshot() for source in page.sources.all()]
    data["related"] = sorted(page.related.values_list("slug", flat=True))
    return data


@transaction.atomic
def revision_record(*, page: Page, author, change_note: str = "") -> PageRevision:
    """Snapshot the page as saved now. Call after its sources and related pages are saved."""
    last = page.revisions.order_by("-number").values_list("number", flat=True).first() or 0
    return PageRevision.objects.create(
        page=page,
        number=last + 1,
        author=author if getattr(author, "is_authenticated", False) else None,
        change_note=change_note[:300],
        snapshot=page_snapshot(page),
    )


@transaction.atomic
def page_save(
    *,
    page: Page,
    author,
    change_note: str,
    sources: list[dict] | None = None,
    related_slugs: list[str] | None = None,
) -> Page:
    """Save a page with (optionally) its whole source list and related pages, then snapshot."""
    page.save()
    if sources is not None:
        page.sources.all().delete()
        Source.objects.bulk_create(
            Source(page=page, **{"order": index, **source}) for index, source in enumerate(sources)
        )
    if related_slugs is not None:
        page.related.set(Page.objects.filter(slug__in=related_slugs).exclude(pk=page.pk))
    revision_record(page=page, author=author, change_note=change_note)
    return page


@transaction.atomic
def page_set_status(*, page: Page, status: str, actor) -> Page:
    """The one transition function: draft <-> published, with a revision and an audit row."""
    page = Page.objects.select_for_update().get(pk=page.pk)
    if page.status == status:
        raise IllegalTransition(f"The page is already {page.get_status_display().lower()}.")
    page.status = status
    page.save(update_fields=["status"])
    verb = "published" if status == Page.Status.PUBLISHED else "unpublished"
    revision_record(page=page, author=actor, change_note=f"Page {verb}.")
    audit.record(actor=actor, action=f"education.page_{verb}", obj=page)
    return page


def page_publish(*, page: Page, actor) -> Page:
    return page_set_status(page=page, status=Page.Status.PUBLISHED, actor=actor)


def page_unpublish(*, page: Page, actor) -> Page:
    return page_set_status(page=page, status=Page.Status.DRAFT, actor=actor)


@transaction.atomic
def page_revert(*, page: Page, revision: PageRevision, actor) -> Page:
    """Restore a revision's content (not its publication state) as a new revision."""
    if revision.page_id != page.pk:
        raise ValueError("That revision belongs to another page.")
    page = Page.objects.select_for_update().get(pk=page.pk)
    data = revision.snapshot
    for name in CONTENT_FIELDS:
        setattr(page, name, data.get(name, getattr(page, name)))
    page.last_reviewed = parse_date(data["last_reviewed"]) if data.get("last_reviewed") else None
    topic = Topic.objects.filter(slug=data.get("topic")).first()
    if topic is not None:
        page.topic = topic
    page_save(
        page=page,
        author=actor,
        change_note=f"Reverted to revision {revision.number}.",
        sources=[_source_fields(source) for source in data.get("sources", [])],
        related_slugs=data.get("related", []),
    )
    audit.record(actor=actor, action="education.page_reverted", obj=page)
    return page


def _source_fields(source: dict) -> dict:
    return {key: source.get(key) or default for key, default in _SOURCE_DEFAULTS.items()}


_SOURCE_DEFAULTS = {"title": "", "publisher": "", "year": None, "url": ""}
