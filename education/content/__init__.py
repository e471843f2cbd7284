"""The seed education content: one Markdown file per page with YAML front matter.

Layout: ``<topic>/_topic.yaml`` (slug, title, summary, order) and ``<topic>/<slug>.md``
for each page; ``sources.yaml`` holds every source by key. A page's front matter:

    title, slug, summary, order, review_interval_months,
    sources: [source keys]          # listed under the page
    related: [page slugs]           # listed under the page
    figures:                        # where each number on the page comes from
      - text: "30 to 60 minutes"    # words as they appear on the page
        source: cleveland           # one of the page's sources

``load_topics()`` reads and checks them all; a mistake raises ``ContentError`` naming the
file, so a bad file never half-loads.

A version of a page in another language lives in ``<topic>/<language>/<slug>.md`` (its own
slug, in its language) with ``translation_of: <english slug>`` in its front matter instead
of ``order`` and ``review_interval_months`` (it keeps the English page's); ``related``
names English pages (readers are shown their version in the reader's language). The
topic's name in that language goes in ``_topic.yaml`` under ``translations``.
``load_translations()`` reads them.
"""

from dataclasses import dataclass
from pathlib import Path

import frontmatter
import yaml

CONTENT_DIR = Path(__file__).parent
SOURCES_FILE = CONTENT_DIR / "sources.yaml"
TOPIC_FILE = "_topic.yaml"
PAGE_KEYS = {"title", "slug", "summary", "order", "review_interval_months", "sources", "related"}
OPTIONAL_PAGE_KEYS = {"figures"}
TRANSLATION_KEYS = {"title", "slug", "summary", "translation_of", "sources", "related"}
TOPIC_KEYS = {"slug", "title", "summary", "order"}
OPTIONAL_TOPIC_KEYS = {"translations"}
SOURCE_KEYS = {"title", "publisher", "year", "url"}


class ContentError(ValueError):
    """A content file is malformed; the message names the file and the problem."""


@dataclass(frozen=True)
class _Words:
    """What a page file and a language version's file both hold."""

    slug: str
    title: str
    summary: str
    sources: tuple[str, ...]
    related: tuple[str, ...]
    figures: tuple[dict, ...]
    body: str
    path: Path

    @property
    def text(self) -> str:
        """Everything a reader sees: title, summary and body."""
        return f"{self.title}\n{self.summary}\n{self.body}"


@dataclass(frozen=True)
class PageSpec(_Words):
    order: int
    review_interval_months: int


@dataclass(frozen=True)
class TranslationSpec(_Words):
    """A page's version in another language, from ``<topic>/<language>/<slug>.md``; its
    order and review interval are its English page's."""

    language: str
    translation_of: str


@dataclass(frozen=True)
class TopicSpec:
    slug: str
    title: str
    summary: str
    order: int
    pages: tuple[PageSpec, ...]
    translations: dict | None = None

    def fields(self) -> dict:
        return {
            "title": self.title,
            "summary": self.summary,
            "order": self.order,
            "translations": self.translations or {},
        }


def load_sources() -> dict[str, dict]:
    data = yaml.safe_load(SOURCES_FILE.read_text(encoding="utf-8"))
    for key, source in data.items():
        if set(source) != SOURCE_KEYS:
            raise ContentError(f"{SOURCES_FILE.name}: {key} needs exactly {sorted(SOURCE_KEYS)}")
    return data


def _require(condition: bool, path: Path, problem: str) -> None:
    if not condition:
        raise ContentError(f"{path.relative_to(CONTENT_DIR)}: {problem}")


def _read_front_matter(path: Path, sources: dict, required: set[str]):
    post = frontmatter.loads(path.read_text(encoding="utf-8"))
    meta = post.metadata
    missing, unknown = required - set(meta), set(meta) - required - OPTIONAL_PAGE_KEYS
    _require(not missing, path, f"front matter is missing {sorted(missing)}")
    _require(not unknown, path, f"front matter has unknown keys {sorted(unknown)}")
    _require(meta["slug"] == path.stem, path, "the slug must match the file name")
    _require(bool(str(post.content).strip()), path, "the body is empty")
    unknown_sources = set(meta["sources"]) - set(sources)
    _require(not unknown_sources, path, f"unknown sources {sorted(unknown_sources)}")
    return post, meta, _figures(path, meta)


def _figures(path: Path, meta: dict) -> tuple[dict, ...]:
    figures = tuple(meta.get("figures") or ())
    for figure in figures:
        _require(set(figure) == {"text", "source"}, path, f"figure {figure} needs text and source")
        _require(
            figure["source"] in meta["sources"],
            path,
            f"figure source {figure['source']} is not listed",
        )
    return figures


def read_page(path: Path, sources: dict) -> PageSpec:
    post, meta, figures = _read_front_matter(path, sources, PAGE_KEYS)
    return PageSpec(
        slug=meta["slug"],
        title=meta["title"],
        summary=meta["summary"],
        order=int(meta["order"]),
        review_interval_months=int(meta["review_interval_months"]),
        sources=tuple(meta["sources"]),
        related=tuple(meta["related"]),
        figures=figures,
        body=post.content.strip() + "\n",
        path=path,
    )


def read_translation(path: Path, sources: dict) -> TranslationSpec:
    post, meta, figures = _read_front_matter(path, sources, TRANSLATION_KEYS)
    return TranslationSpec(
        language=path.parent.name,
        slug=meta["slug"],
        translation_of=meta["translation_of"],
        title=meta["title"],
        summary=meta["summary"],
        sources=tuple(meta["sources"]),
        related=tuple(meta["related"]),
        figures=figures,
        body=post.content.strip() + "\n",
        path=path,
    )


def read_topic(directory: Path, sources: dict) -> TopicSpec:
    meta = yaml.safe_load((directory / TOPIC_FILE).read_text(encoding="utf-8"))
    keys = set(meta) - OPTIONAL_TOPIC_KEYS
    _require(keys == TOPIC_KEYS, directory / TOPIC_FILE, f"needs exactly {sorted(TOPIC_KEYS)}")
    pages = sorted(
        (read_page(path, sources) for path in directory.glob("*.md")),
        key=lambda page: (page.order, page.slug),
    )
    return TopicSpec(pages=tuple(pages), **meta)


def load_topics() -> list[TopicSpec]:
    """Every topic with its pages in reading order, checked; related slugs must exist."""
    sources = load_sources()
    topics = [
        read_topic(directory, sources)
        for directory in sorted(CONTENT_DIR.iterdir())
        if (directory / TOPIC_FILE).exists()
    ]
    topics.sort(key=lambda topic: (topic.order, topic.slug))
    slugs = {page.slug for topic in topics for page in topic.pages}
    for page in (page for topic in topics for page in topic.pages):
        unknown = set(page.related) - slugs
        _require(not unknown, page.path, f"related pages that do not exist: {sorted(unknown)}")
    return topics


def load_translations() -> list[TranslationSpec]:
    """Every page version in another language, checked: each translates an English page
    that exists, at most once per language, and relates only pages that exist."""
    sources = load_sources()
    slugs = {page.slug for topic in load_topics() for page in topic.pages}
    found = [
        read_translation(path, sources)
        for topic_dir in sorted(CONTENT_DIR.iterdir())
        if (topic_dir / TOPIC_FILE).exists()
        for language_dir in sorted(topic_dir.iterdir())
        if language_dir.is_dir()
        for path in sorted(language_dir.glob("*.md"))
    ]
    seen = set()
    for spec in found:
        _require(spec.translation_of in slugs, spec.path, "translation_of names no English page")
        _require(spec.slug not in slugs, spec.path, "the slug is an English page's")
        key = (spec.translation_of, spec.language)
        _require(key not in seen, spec.path, "a second version in the same language")
        seen.add(key)
        unknown = set(spec.related) - slugs
        _require(not unknown, spec.path, f"related pages that do not exist: {sorted(unknown)}")
    return found
