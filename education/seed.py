"""Load the seed topics and pages. Idempotent, and never overwrites an editor's work.

A page that exists is left alone once any person has changed its words (a save or a
revert with an author). A page only the seed has touched is refreshed when the seed
changed, so fixes to the seed reach fresh installs and untouched demos alike. Each page
the seed writes gets one full revision (text, sources and related pages).

Seed words carry no clinical approval. They go live only on a page with no approved
version (the public page then says "awaiting clinical review"); on a page a reviewer
has approved, a changed seed becomes a draft waiting for review like any other edit.
"""

from dataclasses import dataclass, field

from django.db import transaction

from . import services
from .content import clonazepam
from .content.sources import SOURCES
from .models import Page, PageRevision, Topic

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
            Page(topic=topic, slug=spec["slug"], **_page_fields(module, spec, 0)).save()
            created.add(spec["slug"])
    return created


def edited_by_a_person(page: Page) -> bool:
    return page.revisions.filter(kind__in=PageRevision.CONTENT_KINDS, author__isnull=False).exists()


def _load_page(module, spec, order, created: set[str], report: SeedReport) -> None:
    fields = _page_fields(module, spec, order)
    sources = [SOURCES[key] for key in spec["sources"]]
    page = Page.objects.get(slug=spec["slug"])
    untouched = not edited_by_a_person(page)
    if spec["slug"] not in created and not (
        untouched and _differs(page, fields, sources, spec["related"])
    ):
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
        kind=PageRevision.Kind.SEED,
    )
    if page.reviewed_by_id is None:
        services.page_seed_live(page=page, revision=page.revisions.order_by("-number").first())
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


@transaction.atomic
def approve_demo_pages(*, reviewer) -> list[str]:
    """For ``load_demo`` only: the demo reviewer approves the seed pages nobody has edited
    and nobody has approved yet. Their profile marks them as a demo, so the public page
    says it is a demo review. Answers the slugs approved."""
    approved = []
    for module in TOPICS:
        for spec in module.PAGES:
            page = Page.objects.get(slug=spec["slug"])
            if edited_by_a_person(page) or page.review_state != Page.ReviewState.DRAFT:
                continue
            services.page_submit(page=page, actor=None, comment="Demo content.")
            services.page_approve(page=page, reviewer=reviewer, comment="Demo approval.")
            approved.append(page.slug)
    return approved
