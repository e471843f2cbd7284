"""Reads for the public pages, each a fixed, small number of SQL queries.

Lists (a topic's pages, previous/next, related pages, "pages for you") are made of the
English pages, each then swapped for its public version in the reader's language where
one exists (``in_language``): a page not yet approved in that language stays in English.
"""

from dataclasses import dataclass

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import Count, F, Q, Subquery
from django.utils import translation

from .models import ORIGINAL_LANGUAGE, Page, Topic


def reader_language() -> str:
    """The active language as one of the offered codes ("es", "en")."""
    return translation.get_supported_language_variant(
        translation.get_language() or ORIGINAL_LANGUAGE
    )


def in_language(pages, language: str) -> list[Page]:
    """The English ``pages`` with each one swapped for its public version in ``language``
    where there is one (one query; none for English)."""
    pages = list(pages)
    if language == ORIGINAL_LANGUAGE or not pages:
        return pages
    versions = {
        version.translation_of_id: version
        for version in Page.objects.published()
        .filter(language=language, translation_of__in=[p.pk for p in pages])
        .only("translation_of", "slug", "live_title", "live_summary", "order", "language")
    }
    return [versions.get(p.pk, p) for p in pages]


def version_for(page: Page, language: str) -> Page | None:
    """The public version of ``page`` in ``language`` (the page itself when it is in that
    language), or None when there is none."""
    if page.language == language:
        return page
    if language == ORIGINAL_LANGUAGE:
        original = page.translation_of
        return original if original is not None and original.is_public() else None
    return (
        Page.objects.published()
        .filter(translation_of_id=page.original.pk, language=language)
        .only("slug", "language")
        .first()
    )


@dataclass(frozen=True)
class PageContext:
    sources: list
    previous: Page | None
    next: Page | None
    related: list


@dataclass(frozen=True)
class Version:
    """One version of a page as the page template shows it: the live one (what the
    public reads) or the working copy (editors' previews)."""

    title: str
    summary: str
    body_html: str
    toc: list
    sources: list  # dicts: title, publisher, year, url
    related: list  # slugs
    reviewer_name: str = ""
    reviewer_credentials: str = ""
    reviewed_on: object = None  # the approval date, or None: awaiting clinical review
    is_demo_review: bool = False
    is_live: bool = True


def live_version(page: Page) -> Version:
    """The approved (or seed) version the public reads. No query beyond ``public_page``'s
    when the page came from it (live revision and reviewer are joined there)."""
    snapshot = page.live_revision.snapshot if page.live_revision_id else {}
    profile = page.reviewer_profile
    name = ""
    if page.reviewed_by_id:
        name = profile.public_name if profile else page.reviewed_by.get_full_name()
    return Version(
        title=page.live_title,
        summary=page.live_summary,
        body_html=page.live_body_html,
        toc=page.live_toc,
        sources=snapshot.get("sources", []),
        related=snapshot.get("related", []),
        reviewer_name=name,
        reviewer_credentials=profile.credentials if profile else "",
        reviewed_on=page.last_reviewed if page.reviewed_by_id else None,
        is_demo_review=bool(profile and profile.is_demo),
    )


def working_version(page: Page) -> Version:
    """The editors' working copy (the latest saved words), never stamped as reviewed."""
    return Version(
        title=page.title,
        summary=page.summary,
        body_html=page.body_html,
        toc=page.toc,
        sources=[source.as_snapshot() for source in page.sources.all()] if page.pk else [],
        related=sorted(page.related.values_list("slug", flat=True)) if page.pk else [],
        is_live=False,
    )


def topics_with_pages():
    published = Page.objects.published().filter(language=ORIGINAL_LANGUAGE)
    return (
        Topic.objects.annotate(page_count=Count("pages", filter=Q(pages__in=published)))
        .filter(page_count__gt=0)
        .order_by("order", "title")
    )


def topic_pages(topic: Topic, language: str = ORIGINAL_LANGUAGE) -> list[Page]:
    pages = topic.pages.published().filter(language=ORIGINAL_LANGUAGE)
    return in_language(pages.order_by("order", "live_title"), language)


def public_page(slug: str) -> Page | None:
    """The published page with its topic, live revision and reviewer, and when anything
    on the site last changed.

    ``site_changed`` (the latest save of any page: an edit, an approval, a version going
    live) goes into the page's ETag: previous/next and related links show other pages'
    titles, so their changes must change this page's ETag too. One query.
    """
    latest_edit = Page.objects.order_by("-updated_at").values("updated_at")[:1]
    return (
        Page.objects.published()
        .select_related("topic", "translation_of", "live_revision", "reviewed_by__reviewer_profile")
        .annotate(site_changed=Subquery(latest_edit))
        .filter(slug=slug)
        .first()
    )


def page_stamp(slug: str) -> tuple | None:
    """What a published page's ETag is made of, without the page itself: ``(pk, version,
    updated_at, site_changed)``, or None. A small query that answers a conditional GET."""
    latest_edit = Page.objects.order_by("-updated_at").values("updated_at")[:1]
    return (
        Page.objects.published()
        .filter(slug=slug)
        .annotate(site_changed=Subquery(latest_edit))
        .order_by("pk")
        .values_list("pk", "version", "updated_at", "site_changed")
        .first()
    )


def page_context(page: Page, version: Version, language: str = ORIGINAL_LANGUAGE) -> PageContext:
    """Previous/next in the topic and the version's related pages (both by their English
    pages), shown in ``language`` where a version exists: two queries (one for English)."""
    originals = list(
        Page.objects.published()
        .filter(language=ORIGINAL_LANGUAGE)
        .filter(Q(topic_id=page.topic_id) | Q(slug__in=version.related))
        .only("slug", "live_title", "live_summary", "order", "topic_id", "language")
        .order_by("order", "live_title")
    )
    shown = dict(zip([p.pk for p in originals], in_language(originals, language), strict=True))
    own = page.original.pk
    siblings = [p for p in originals if p.topic_id == page.topic_id]
    index = next((i for i, p in enumerate(siblings) if p.pk == own), None)
    previous = siblings[index - 1] if index else None
    following = siblings[index + 1] if index is not None and index + 1 < len(siblings) else None
    if index is None and siblings:  # a preview of a hidden page: start of the topic
        following = siblings[0]
    related = [shown[p.pk] for p in originals if p.slug in version.related and p.pk != own]
    return PageContext(
        sources=version.sources,
        previous=shown[previous.pk] if previous else None,
        next=shown[following.pk] if following else None,
        related=related,
    )


def search_pages(query: str, limit: int = 50):
    """Published pages matching the words, best first.

    PostgreSQL: full-text search (English stemming) ranked title > summary > body.
    Elsewhere (the SQLite zero set-up): every word must appear somewhere, by title order.
    """
    query = query.strip()
    if not query:
        return Page.objects.none()
    pages = Page.objects.published().select_related("topic")
    # An English reader finds the English pages; others find their language's versions,
    # and the English pages that have none yet.
    language = reader_language()
    pages = pages.filter(language__in={ORIGINAL_LANGUAGE, language})
    if language != ORIGINAL_LANGUAGE:
        versions = Page.objects.published().filter(language=language)
        pages = pages.exclude(pk__in=versions.values("translation_of"))
    if connection.vendor == "postgresql":
        vector = (
            SearchVector("live_title", weight="A", config="english")
            + SearchVector("live_summary", weight="B", config="english")
            + SearchVector("live_body", weight="C", config="english")
        )
        search = SearchQuery(query, search_type="websearch", config="english")
        return (
            pages.annotate(document=vector, rank=SearchRank(vector, search))
            .filter(document=search)
            .order_by(F("rank").desc(), "live_title")[:limit]
        )
    for word in query.split():
        pages = pages.filter(
            Q(live_title__icontains=word)
            | Q(live_summary__icontains=word)
            | Q(live_body__icontains=word)
        )
    return pages.order_by("topic__order", "order", "live_title")[:limit]
