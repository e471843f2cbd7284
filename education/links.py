"""How other parts of the portal link to education pages: by stable slug only.

``page_url(slug)`` builds the address without touching the database (for templates and
emails). ``page_links(slugs)`` answers ``[{"slug", "title", "summary", "url", "lang",
"notice"}, ...]`` for the slugs that are published now, in the order asked, in the
reader's language (the active one): each English page is swapped for its approved version
in that language, or kept in English with a plain ``notice`` saying so. Unknown or hidden
slugs are left out, so a caller never shows a link that would answer 404.
"""

from collections.abc import Iterable

from django.urls import reverse
from django.utils.translation import gettext as _

from .models import ORIGINAL_LANGUAGE, Page
from .selectors import in_language, reader_language


def page_url(slug: str) -> str:
    return reverse("education:page", args=[slug])


def page_links(slugs: Iterable[str], language: str | None = None) -> list[dict]:
    wanted = list(dict.fromkeys(slugs))
    if not wanted:
        return []
    language = language or reader_language()
    originals = {
        page.slug: page
        for page in Page.objects.published()
        .filter(slug__in=wanted, language=ORIGINAL_LANGUAGE)
        .only("slug", "live_title", "live_summary", "language")
    }
    found = [slug for slug in wanted if slug in originals]
    shown = in_language([originals[slug] for slug in found], language)
    return [_link(slug, page, language) for slug, page in zip(found, shown, strict=True)]


def _link(slug: str, page: Page, language: str) -> dict:
    missing = page.language != language
    return {
        "slug": slug,
        "title": page.live_title,
        "summary": page.live_summary,
        "url": page_url(page.slug),
        "lang": page.language,
        "notice": _("Not yet available in your language: this page opens in English.")
        if missing
        else "",
    }


def page_link(slug: str) -> dict | None:
    """One page's link (as in ``page_links``), or None when it is not public."""
    links = page_links([slug])
    return links[0] if links else None
