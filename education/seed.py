"""Load the seed topics and pages. Idempotent, and never overwrites an editor's work.

A page that exists is left alone once any person has saved, published or reverted it
(any revision with an author). A page only the seed has touched is refreshed when the
seed changed, so fixes to the seed reach fresh installs and untouched demos alike. Each
page the seed writes gets one full revision (text, sources and related pages).
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


def _differs(page: Page, fields: dict, sources: list[dict], related: list[str]) -> bool:
    current = {name: getattr(page, name) for name in fields}
    current_sources = [
        {key: source.as_snapshot()[key] for key in ("title", "publisher", "year", "url")}
        for source in page.sources.all()
    ]
    current_related = sorted(page.related.values_list("slug", flat=True))
    return (current, current_sources, current_related) != (fields, sources, sorted(related))


def _ensure_pages(topic, module) -> set[str]:
    """Create any missing page bare, so related links can point at every page of the topic."""
    created = set()
    for spec in module.PAGES:
        if not Page.objects.filter(slug=spec["slug"]).exists():
            Page(
                topic=topic,
                slug=spec["slug"],
                status=Page.Status.PUBLISHED,
                last_reviewed=timezone.localdate(),
                **_page_fields(module, spec, 0),
            ).save()
            created.add(spec["slug"])
    return created


def _load_page(module, spec, order, created: set[str], report: SeedReport) -> None:
    fields = _page_fields(module, spec, order)
    sources = [SOURCES[key] for key in spec["sources"]]
    page = Page.objects.get(slug=spec["slug"])
    if spec["slug"] not in created:
        edited = page.revisions.exclude(author=None).exists()
        if edited or not _differs(page, fields, sources, spec["related"]):
            report.kept.append(page.slug)
            return
    for name, value in fields.items():
        setattr(page, name, value)
    services.page_save(
        page=page,
        author=None,
        change_note=SEED_NOTE,
        sources=sources,
        related_slugs=spec["related"],
    )
    (report.created if spec["slug"] in created else report.updated).append(page.slug)


@transaction.atomic
def load_seed() -> SeedReport:
    report = SeedReport()
    for module in TOPICS:
        topic, _ = Topic.objects.get_or_create(
            slug=module.TOPIC["slug"],
            defaults={k: v for k, v in module.TOPIC.items() if k != "slug"},
        )
        created = _ensure_pages(topic, module)
        for order, spec in enumerate(module.PAGES, start=1):
            _load_page(module, spec, order, created, report)
    return report
