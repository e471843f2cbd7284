"""Reads for the public pages, each a fixed, small number of SQL queries."""

from dataclasses import dataclass

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import Count, Exists, F, OuterRef, Q, Subquery
from django.utils import timezone

from .models import Page, Topic

RelatedLink = Page.related.through


@dataclass(frozen=True)
class PageContext:
    sources: list
    previous: Page | None
    next: Page | None
    related: list


def topics_with_pages():
    published = Page.objects.published()
    return (
        Topic.objects.annotate(page_count=Count("pages", filter=Q(pages__in=published)))
        .filter(page_count__gt=0)
        .order_by("order", "title")
    )


def topic_pages(topic: Topic):
    return topic.pages.published().order_by("order", "title")


def public_page(slug: str) -> Page | None:
    """The published page with its topic, and when anything on the site last changed.

    ``site_changed`` and ``site_published`` (latest edit, latest scheduled publication that
    has come) go into the page's ETag: previous/next and related links show other pages'
    titles, so their changes must change this page's ETag too. One query.
    """
    now = timezone.now()
    latest_edit = Page.objects.order_by("-updated_at").values("updated_at")[:1]
    latest_release = (
        Page.objects.filter(publish_at__lte=now).order_by("-publish_at").values("publish_at")[:1]
    )
    return (
        Page.objects.published(now)
        .select_related("topic")
        .annotate(site_changed=Subquery(latest_edit), site_published=Subquery(latest_release))
        .filter(slug=slug)
        .first()
    )


def page_context(page: Page) -> PageContext:
    """Sources, previous/next in the topic and related pages: two queries."""
    sources = list(page.sources.all())
    related_ids = RelatedLink.objects.filter(from_page_id=page.pk).values("to_page_id")
    neighbours = list(
        Page.objects.published()
        .filter(Q(topic_id=page.topic_id) | Q(pk__in=related_ids))
        .annotate(
            is_related=Exists(
                RelatedLink.objects.filter(from_page_id=page.pk, to_page_id=OuterRef("pk"))
            )
        )
        .only("slug", "title", "summary", "order", "topic_id")
        .order_by("order", "title")
    )
    siblings = [p for p in neighbours if p.topic_id == page.topic_id or p.pk == page.pk]
    index = next((i for i, p in enumerate(siblings) if p.pk == page.pk), None)
    previous = siblings[index - 1] if index else None
    following = siblings[index + 1] if index is not None and index + 1 < len(siblings) else None
    if index is None and siblings:  # a preview of a hidden page: start of the topic
        following = siblings[0]
    related = [p for p in neighbours if p.is_related and p.pk != page.pk]
    return PageContext(sources=sources, previous=previous, next=following, related=related)


def search_pages(query: str, limit: int = 50):
    """Published pages matching the words, best first.

    PostgreSQL: full-text search (English stemming) ranked title > summary > body.
    Elsewhere (the SQLite zero set-up): every word must appear somewhere, by title order.
    """
    query = query.strip()
    if not query:
        return Page.objects.none()
    pages = Page.objects.published().select_related("topic")
    if connection.vendor == "postgresql":
        vector = (
            SearchVector("title", weight="A", config="english")
            + SearchVector("summary", weight="B", config="english")
            + SearchVector("body", weight="C", config="english")
        )
        search = SearchQuery(query, search_type="websearch", config="english")
        return (
            pages.annotate(document=vector, rank=SearchRank(vector, search))
            .filter(document=search)
            .order_by(F("rank").desc(), "title")[:limit]
        )
    for word in query.split():
        pages = pages.filter(
            Q(title__icontains=word) | Q(summary__icontains=word) | Q(body__icontains=word)
        )
    return pages.order_by("topic__order", "order", "title")[:limit]
