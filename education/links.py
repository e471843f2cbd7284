"""How other parts of the portal link to education pages: by stable slug only.

``page_url(slug)`` builds the address without touching the database (for templates and
emails). ``page_links(slugs)`` answers ``[{"slug", "title", "summary", "url"}, ...]`` for
the slugs that are published now, in the order asked, in one query; unknown or hidden
slugs are left out, so a caller never shows a link that would answer 404.
"""

from collections.abc import Iterable

from django.urls import reverse

from .models import Page


def page_url(slug: str) -> str:
    return reverse("education:page", args=[slug])


def page_links(slugs: Iterable[str]) -> list[dict]:
    wanted = list(dict.fromkeys(slugs))
    if not wanted:
        return []
    found = {
        slug: (title, summary)
        for slug, title, summary in Page.objects.published()
        .filter(slug__in=wanted)
        .values_list("slug", "live_title", "live_summary")
    }
    return [
        {"slug": slug, "title": found[slug][0], "summary": found[slug][1], "url": page_url(slug)}
        for slug in wanted
        if slug in found
    ]


def page_link(slug: str) -> dict | None:
    """One page's ``{"slug", "title", "summary", "url"}``, or None when it is not public."""
    links = page_links([slug])
    return links[0] if links else None
