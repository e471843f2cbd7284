"""Markdown to safe HTML, done once when a page is saved (never per request).

Editors write Markdown; python-markdown turns it into HTML (raw HTML in the source passes
through it), then nh3 keeps only an allow-list of tags, attributes and URL schemes. So no
script, no event handler, no ``javascript:`` or ``data:`` URL survives, whatever is typed.
"""

import re
from dataclasses import dataclass, field
from functools import lru_cache
from html import unescape

import markdown
import nh3
from django.utils.text import slugify

# The page title is the only <h1>: a "# heading" in a body becomes an <h2>.
HEADING_TAGS = {"h2", "h3", "h4", "h5", "h6"}
ALLOWED_TAGS = HEADING_TAGS | {
    "p",
    "br",
    "hr",
    "ul",
    "ol",
    "li",
    "strong",
    "em",
    "b",
    "i",
    "a",
    "blockquote",
    "code",
    "pre",
    "abbr",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "caption",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "abbr": {"title"},
    "th": {"scope"},
    **{tag: {"id"} for tag in HEADING_TAGS},
}
URL_SCHEMES = {"http", "https", "mailto", "tel"}
# Every id in a page body carries this prefix, so nothing typed into a page can clash with
# the ids of the site around it (``main``, the navigation, form fields).
ID_PREFIX = "sec-"
# A page with this many top-level sections or more gets a table of contents.
TOC_MIN_SECTIONS = 3

_H1 = re.compile(r"<(/?)h1\b", re.IGNORECASE)

_CLEANER = nh3.Cleaner(
    tags=ALLOWED_TAGS,
    clean_content_tags={"script", "style"},
    attributes=ALLOWED_ATTRIBUTES,
    url_schemes=URL_SCHEMES,
    link_rel="noopener noreferrer",
    id_prefix=ID_PREFIX,
    strip_comments=True,
)


@dataclass(frozen=True)
class Rendered:
    html: str
    toc: list[dict] = field(default_factory=list)


def _heading_id(value: str, separator: str) -> str:
    return ID_PREFIX + (slugify(value) or "section")


def _toc_entries(tokens: list[dict]) -> list[dict]:
    """Sections (levels 1 and 2) as ``[{"id": ..., "name": ...}]``; names are plain text."""
    entries = []
    for token in tokens:
        entries.append({"id": token["id"], "name": unescape(token["name"])})
        entries.extend(_toc_entries(token.get("children", [])))
    return entries


def render_markdown(source: str) -> Rendered:
    """Render and sanitise a page body; also return its table of contents (maybe empty)."""
    html, entries = _rendered(source or "")
    return Rendered(html=html, toc=[dict(entry) for entry in entries])


# A page is saved several times with the same body (a draft, its revision, going live: four
# renders of each of the 38 demo pages in load_education_demo, 1.2 s of its 3.8 s): the
# same text renders the same way, so the last few results are kept (pure, keyed by text).
@lru_cache(maxsize=64)
def _rendered(source: str) -> tuple[str, tuple[dict, ...]]:
    md = markdown.Markdown(
        extensions=["toc", "tables", "sane_lists"],
        extension_configs={"toc": {"slugify": _heading_id, "toc_depth": "1-2"}},
        output_format="html",
    )
    raw = _H1.sub(r"<\1h2", md.convert(source))
    entries = _toc_entries(md.toc_tokens)
    return sanitise(raw), tuple(entries) if len(entries) >= TOC_MIN_SECTIONS else ()


def sanitise(html: str) -> str:
    """The allow-list alone decides what survives; see the module docstring."""
    return _CLEANER.clean(html)
