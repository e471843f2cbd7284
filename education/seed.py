"""Load the seed topics and pages. Idempotent, and never overwrites an editor's work.

A page that exists is left alone once any person has saved, published or reverted it
(any revision with an author). A page only the seed has touched is refreshed when the
seed text changed, so fixes to the seed reach fresh installs and untouched demos alike.
"""

from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from . import services
from .content import clonazepam
from .content.sources import SOURCES
from .models import Page, Topic

SEED_NOTE = "Loaded from the seed content."
TOPICS = (clonazepam,)


@dataclass
class SeedReport:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)


def _page_fields(module, spec: dict, order: int) -> dict:
    return {
        "title": spec["title"],
        "summary": spec["summary"],
        "body": spec["body"].strip() + "\n",
        "order": order,
        **module.REVIEWER,
    }


def _differs(page: Page, fields: dict, sources: list[dict]) -> bool:
    current = {name: getattr(page, name) for name in fields}
    current_sources = [
        {k: s[k] for k in ("title", "publisher", "year", "url")}
        for s in (source.as_snapshot() for source in page.sources.all())
    ]
    return current != fields or current_sources != sources


def _load_page(topic, module, spec, order, report: SeedReport) -> None:
    fields = _page_fields(module, spec, order)
    sources = [SOURCES[key] for key in spec["sources"]]
    page = Page.objects.filter(slug=spec["slug"]).first()
    if page is None:
        page = Page(topic=topic, slug=spec["slug"], status=Page.Status.PUBLISHED, **fields)
        page.last_reviewed = timezone.localdate()
        services.page_save(page=page, author=None, change_note=SEED_NOTE, sources=sources)
        report.created.append(page.slug)
        return
    if page.revisions.exclude(author=None).exists() or not _differs(page, fields, sources):
        report.kept.append(page.slug)
        return
    for name, value in fields.items():
        setattr(page, name, value)
    services.page_save(page=page, author=None, change_note=SEED_NOTE, sources=sources)
    report.updated.append(page.slug)


def _link_related(module) -> None:
    """Related pages are set once, when the seed creates a page, never changed later."""
    for spec in module.PAGES:
        page = Page.objects.get(slug=spec["slug"])
        if not page.related.exists() and not page.revisions.exclude(author=None).exists():
            page.related.set(Page.objects.filter(slug__in=spec["related"]))


@transaction.atomic
def load_seed() -> SeedReport:
    report = SeedReport()
    for module in TOPICS:
        topic, _ = Topic.objects.get_or_create(
            slug=module.TOPIC["slug"],
            defaults={k: v for k, v in module.TOPIC.items() if k != "slug"},
        )
        for order, spec in enumerate(module.PAGES, start=1):
            _load_page(topic, module, spec, order, report)
        _link_related(module)
    return report
