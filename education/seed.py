"""Load the seed topics and pages from the content files (``education/content/``).
Idempotent, and never overwrites an editor's work.

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
from .content import PageSpec, TranslationSpec, load_sources, load_topics, load_translations
from .models import Page, PageRevision, Topic

SEED_NOTE = "Loaded from the seed content."


@dataclass
class SeedReport:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)


def _page_fields(spec: PageSpec) -> dict:
    return {
        "title": spec.title,
        "summary": spec.summary,
        "body": spec.body,
        "order": spec.order,
        "review_interval_months": spec.review_interval_months,
    }


def _differs(page: Page, fields: dict, sources: list[dict], related: list[str]) -> bool:
    current = {name: getattr(page, name) for name in fields}
    current_sources = [
        {key: source.as_snapshot()[key] for key in ("title", "publisher", "year", "url")}
        for source in page.sources.all()
    ]
    current_related = sorted(page.related.values_list("slug", flat=True))
    return (current, current_sources, current_related) != (fields, sources, sorted(related))


def _ensure_pages(topic: Topic, specs) -> set[str]:
    """Create any missing page bare, so related links can point at every page of the topic."""
    created = set()
    for spec in specs:
        if not Page.objects.filter(slug=spec.slug).exists():
            Page(topic=topic, slug=spec.slug, **_page_fields(spec)).save()
            created.add(spec.slug)
    return created


def edited_by_a_person(page: Page) -> bool:
    return page.revisions.filter(kind__in=PageRevision.CONTENT_KINDS, author__isnull=False).exists()


def _translation_fields(spec: TranslationSpec) -> dict:
    original = Page.objects.get(slug=spec.translation_of)
    return {
        "title": spec.title,
        "summary": spec.summary,
        "body": spec.body,
        "order": original.order,
        "review_interval_months": original.review_interval_months,
    }


def _ensure_translation(spec: TranslationSpec) -> bool:
    """Create the version bare if it is missing; True when it was created."""
    if Page.objects.filter(slug=spec.slug).exists():
        return False
    original = Page.objects.get(slug=spec.translation_of)
    Page(
        topic=original.topic,
        slug=spec.slug,
        language=spec.language,
        translation_of=original,
        **_translation_fields(spec),
    ).save()
    return True


def _load_page(
    spec: PageSpec | TranslationSpec,
    fields: dict,
    sources: dict,
    created: set[str],
    report: SeedReport,
) -> None:
    page_sources = [sources[key] for key in spec.sources]
    page = Page.objects.get(slug=spec.slug)
    untouched = not edited_by_a_person(page)
    if spec.slug not in created and not (
        untouched and _differs(page, fields, page_sources, list(spec.related))
    ):
        report.kept.append(page.slug)
        return
    for name, value in fields.items():
        setattr(page, name, value)
    services.page_save(
        page=page,
        author=None,
        change_note=SEED_NOTE,
        sources=page_sources,
        related_slugs=list(spec.related),
        kind=PageRevision.Kind.SEED,
    )
    if page.reviewed_by_id is None:
        services.page_seed_live(page=page, revision=page.revisions.order_by("-number").first())
    (report.created if spec.slug in created else report.updated).append(page.slug)


@transaction.atomic
def load_seed() -> SeedReport:
    report = SeedReport()
    sources = load_sources()
    topics = load_topics()
    for spec in topics:
        topic, _ = Topic.objects.get_or_create(slug=spec.slug, defaults=spec.fields())
        created = _ensure_pages(topic, spec.pages)
        for page_spec in spec.pages:
            _load_page(page_spec, _page_fields(page_spec), sources, created, report)
    for translation in load_translations():
        created = {translation.slug} if _ensure_translation(translation) else set()
        fields = _translation_fields(translation)
        _load_page(translation, fields, sources, created, report)
    return report


@transaction.atomic
def approve_demo_pages(*, reviewer) -> list[str]:
    """For ``load_demo`` only: the demo reviewer approves the seed pages nobody has edited
    and nobody has approved yet. Their profile marks them as a demo, so the public page
    says it is a demo review. Answers the slugs approved."""
    approved = []
    slugs = [spec.slug for topic in load_topics() for spec in topic.pages]
    slugs += [spec.slug for spec in load_translations()]
    for page in Page.objects.filter(slug__in=slugs).order_by("pk"):
        if edited_by_a_person(page) or page.review_state != Page.ReviewState.DRAFT:
            continue
        services.page_submit(page=page, actor=None, comment="Demo content.")
        services.page_approve(page=page, reviewer=reviewer, comment="Demo approval.")
        approved.append(page.slug)
    return approved
