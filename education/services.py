"""Writes to education pages: saves, the clinical review workflow, going live.

Every step leaves a revision (who, when, what kind of step, the comment) and an audit row.
The workflow: an editor saves the working copy (draft) and submits it; a clinical reviewer
approves it (it goes live, at once or at its go-live time) or requests changes with a
comment. Only a member of "Clinical reviewers" approves, and never a version they edited:
two people stand behind every change patients see.
"""

from datetime import datetime

from django.db import transaction
from django.utils import timezone

from portal import audit
from portal.roles import is_clinical_reviewer

from .models import Page, PageRevision, Source, Topic
from .rendering import render_markdown

Kind = PageRevision.Kind
State = Page.ReviewState

# The fields a revision keeps and a revert restores. Publication and review (status,
# approval, go-live) are not content: a revert changes what the working copy says only.
CONTENT_FIELDS = ("title", "slug", "summary", "body", "order", "review_interval_months")
# What patients read: a change to any of these needs a clinical review.
REVIEWED_FIELDS = ("title", "summary", "body", "sources", "related")


class IllegalTransition(Exception):
    """A step the page's state or the person's role does not allow; the message says why."""


def page_snapshot(page: Page) -> dict:
    """Everything a revision keeps, as JSON-ready values."""
    data = {name: getattr(page, name) for name in CONTENT_FIELDS}
    data["topic"] = page.topic.slug
    data["status"] = page.status
    data["go_live_at"] = page.go_live_at.isoformat() if page.go_live_at else None
    data["sources"] = [source.as_snapshot() for source in page.sources.all()]
    data["related"] = sorted(page.related.values_list("slug", flat=True))
    return data


def reviewed_content(snapshot: dict | None) -> tuple:
    """The part of a snapshot a reviewer signs off (sources without their order)."""
    snapshot = snapshot or {}
    sources = [
        tuple((source.get(key) or "") for key in ("title", "publisher", "year", "url"))
        for source in snapshot.get("sources", [])
    ]
    return (
        snapshot.get("title"),
        snapshot.get("summary"),
        (snapshot.get("body") or "").strip(),
        sources,
        sorted(snapshot.get("related") or []),
    )


def live_snapshot(page: Page) -> dict | None:
    return page.live_revision.snapshot if page.live_revision_id else None


def differs_from_live(page: Page) -> bool:
    return reviewed_content(page_snapshot(page)) != reviewed_content(live_snapshot(page))


@transaction.atomic
def revision_record(
    *, page: Page, author, change_note: str = "", kind: str = Kind.SAVED
) -> PageRevision:
    """Snapshot the page as saved now. Call after its sources and related pages are saved.

    A content revision (a save, a revert) returns the working copy to "draft" when what
    patients would read now differs from the live version: the review stamp belongs to
    the approved words only, so any change clears it until the next approval.
    """
    last = page.revisions.order_by("-number").values_list("number", flat=True).first() or 0
    revision = PageRevision.objects.create(
        page=page,
        number=last + 1,
        author=author if getattr(author, "is_authenticated", False) else None,
        kind=kind,
        change_note=change_note[:300],
        snapshot=page_snapshot(page),
    )
    if kind in PageRevision.CONTENT_KINDS:
        _after_content_change(page)
    return revision


def _after_content_change(page: Page) -> None:
    approved_live = page.live_revision_id is not None and page.reviewed_by_id is not None
    # Back to exactly the approved words, there is nothing to review.
    state = State.DRAFT if differs_from_live(page) or not approved_live else State.APPROVED
    if page.review_state != state or page.scheduled_revision_id:
        # A new edit replaces any approved version still waiting for its go-live time.
        page.review_state = state
        page.scheduled_revision, page.scheduled_for = None, None
        page.save(update_fields=["review_state", "scheduled_revision", "scheduled_for"])


@transaction.atomic
def page_save(
    *,
    page: Page,
    author,
    change_note: str,
    sources: list[dict] | None = None,
    related_slugs: list[str] | None = None,
    kind: str = Kind.SAVED,
) -> Page:
    """Save the working copy with (optionally) its sources and related pages, then
    snapshot it. The live version is untouched."""
    page.save()
    if sources is not None:
        page.sources.all().delete()
        Source.objects.bulk_create(
            Source(page=page, **{"order": index, **source}) for index, source in enumerate(sources)
        )
    if related_slugs is not None:
        page.related.set(Page.objects.filter(slug__in=related_slugs).exclude(pk=page.pk))
    revision_record(page=page, author=author, change_note=change_note, kind=kind)
    if kind == Kind.SAVED and author is not None:
        audit.record(actor=author, action="education.page_saved", obj=page)
    return page


def _locked(page: Page) -> Page:
    return Page.objects.select_for_update().select_related("topic").get(pk=page.pk)


def _step(page: Page, *, actor, kind: str, state: str, comment: str, action: str) -> PageRevision:
    page.review_state = state
    page.save(update_fields=["review_state"])
    revision = revision_record(page=page, author=actor, change_note=comment, kind=kind)
    audit.record(actor=actor, action=action, obj=page)
    return revision


@transaction.atomic
def page_submit(*, page: Page, actor, comment: str = "") -> Page:
    """The editor asks for a clinical review of the working copy."""
    page = _locked(page)
    if page.review_state not in (State.DRAFT, State.CHANGES_REQUESTED):
        raise IllegalTransition(
            f"This page cannot be submitted now: {page.get_review_state_display().lower()}."
        )
    _step(
        page,
        actor=actor,
        kind=Kind.SUBMITTED,
        state=State.SUBMITTED,
        comment=comment or "Submitted for clinical review.",
        action="education.page_submitted",
    )
    return page


def edit_authors_since_live(page: Page) -> set[int]:
    """The people who changed the words since the live version (or ever, if none)."""
    revisions = page.revisions.filter(kind__in=PageRevision.CONTENT_KINDS, author__isnull=False)
    if page.live_revision_id:
        revisions = revisions.filter(number__gt=page.live_revision.number)
    return set(revisions.values_list("author_id", flat=True))


def _check_reviewer(page: Page, reviewer) -> None:
    if not is_clinical_reviewer(reviewer):
        raise IllegalTransition("Only a clinical reviewer can review a page.")
    if page.review_state != State.SUBMITTED:
        raise IllegalTransition("This page is not waiting for a review.")


@transaction.atomic
def page_request_changes(*, page: Page, reviewer, comment: str) -> Page:
    """The reviewer sends the working copy back to the editors with a comment."""
    page = _locked(page)
    _check_reviewer(page, reviewer)
    if not comment.strip():
        raise IllegalTransition("Say what needs to change.")
    _step(
        page,
        actor=reviewer,
        kind=Kind.CHANGES_REQUESTED,
        state=State.CHANGES_REQUESTED,
        comment=comment.strip(),
        action="education.page_changes_requested",
    )
    return page


def latest_revision_number(page: Page) -> int:
    return page.revisions.order_by("-number").values_list("number", flat=True).first() or 0


@transaction.atomic
def page_approve(
    *,
    page: Page,
    reviewer,
    comment: str = "",
    seen_revision: int | None = None,
    now: datetime | None = None,
) -> Page:
    """The reviewer signs off the working copy. It goes live now, or at its go-live time.

    ``seen_revision``: the latest revision when the reviewer opened the page; if anything
    happened since, the approval is refused, so a reviewer approves exactly what they read.
    """
    now = now or timezone.now()
    page = _locked(page)
    _check_reviewer(page, reviewer)
    if reviewer.pk in edit_authors_since_live(page):
        raise IllegalTransition(
            "You edited this version, so another clinical reviewer must approve it."
        )
    if not hasattr(reviewer, "reviewer_profile"):
        raise IllegalTransition(
            "Your reviewer profile (the name and credentials shown on pages) is missing: "
            "ask an admin to add it, then approve."
        )
    if seen_revision is not None and seen_revision != latest_revision_number(page):
        raise IllegalTransition(
            "The page changed after you opened it. Read the changes again, then decide."
        )
    waits = page.go_live_at is not None and page.go_live_at > now
    revision = _step(
        page,
        actor=reviewer,
        kind=Kind.APPROVED,
        state=State.SCHEDULED if waits else State.APPROVED,
        comment=comment or "Approved.",
        action="education.page_approved",
    )
    if waits:
        page.scheduled_revision, page.scheduled_for = revision, page.go_live_at
        page.save(update_fields=["scheduled_revision", "scheduled_for"])
    else:
        _make_live(page, revision, approved=True)
    return page


def _make_live(page: Page, revision: PageRevision, *, approved: bool) -> None:
    """Copy a revision into the live version; ``approved`` stamps it with its reviewer."""
    data = revision.snapshot
    rendered = render_markdown(data.get("body") or "")
    page.live_revision = revision
    page.live_title, page.live_summary = data.get("title", ""), data.get("summary", "")
    page.live_body = data.get("body", "")
    page.live_body_html, page.live_toc = rendered.html, rendered.toc
    page.reviewed_by = revision.author if approved else None
    page.approved_at = revision.created_at if approved else None
    page.last_reviewed = timezone.localdate(revision.created_at) if approved else None
    page.status = Page.Status.PUBLISHED
    page.scheduled_revision, page.scheduled_for = None, None
    page.save()


@transaction.atomic
def page_seed_live(*, page: Page, revision: PageRevision) -> Page:
    """The seed loader's words go live unapproved: the public page says "awaiting
    clinical review" until a reviewer approves them."""
    page = _locked(page)
    _make_live(page, revision, approved=False)
    page.review_state = State.DRAFT
    page.save(update_fields=["review_state"])
    return page


def pages_release_scheduled(*, now: datetime | None = None) -> list[str]:
    """Make live every approved version whose go-live time has come; answer their slugs."""
    now = now or timezone.now()
    released = []
    due = Page.objects.filter(scheduled_for__lte=now, scheduled_revision__isnull=False)
    for pk in due.values_list("pk", flat=True):
        if _release_one(pk, now):
            released.append(Page.objects.values_list("slug", flat=True).get(pk=pk))
    return released


@transaction.atomic
def _release_one(pk: int, now: datetime) -> bool:
    page = (
        Page.objects.select_for_update(skip_locked=True)
        .filter(pk=pk, scheduled_for__lte=now, scheduled_revision__isnull=False)
        .first()
    )
    if page is None:
        return False  # released meanwhile by another worker
    approved = page.scheduled_revision
    _make_live(page, approved, approved=True)
    page.review_state = State.APPROVED
    page.save(update_fields=["review_state"])
    revision_record(page=page, author=None, change_note="Went live.", kind=Kind.WENT_LIVE)
    audit.record(actor=None, action="education.page_went_live", obj=page)
    return True


@transaction.atomic
def page_unpublish(*, page: Page, actor) -> Page:
    """Hide the live version from the public (an editor may always take words away)."""
    page = _locked(page)
    if page.status != Page.Status.PUBLISHED:
        raise IllegalTransition("The page is not public.")
    page.status = Page.Status.DRAFT
    page.save(update_fields=["status"])
    revision_record(page=page, author=actor, change_note="Unpublished.", kind=Kind.UNPUBLISHED)
    audit.record(actor=actor, action="education.page_unpublished", obj=page)
    return page


LOCK_MINUTES = 30


@transaction.atomic
def page_lock(*, page: Page, user, now: datetime | None = None) -> Page | None:
    """Note that ``user`` has the edit form open. Answer the page when someone else
    already has it open (their lock is younger than ``LOCK_MINUTES``), else None."""
    now = now or timezone.now()
    page = _locked(page)
    held = (
        page.locked_by_id not in (None, user.pk)
        and page.locked_at is not None
        and (now - page.locked_at).total_seconds() < LOCK_MINUTES * 60
    )
    if held:
        return page
    page.locked_by, page.locked_at = user, now
    Page.objects.filter(pk=page.pk).update(locked_by=user, locked_at=now)
    return None


def page_unlock(*, page: Page, user) -> None:
    """Drop ``user``'s edit lock (someone else's stays)."""
    Page.objects.filter(pk=page.pk, locked_by=user).update(locked_by=None, locked_at=None)


@transaction.atomic
def page_revert(*, page: Page, revision: PageRevision, actor) -> Page:
    """Restore a revision's words into the working copy, as a new (draft) revision."""
    if revision.page_id != page.pk:
        raise ValueError("That revision belongs to another page.")
    page = _locked(page)
    data = revision.snapshot
    for name in CONTENT_FIELDS:
        setattr(page, name, data.get(name, getattr(page, name)))
    topic = Topic.objects.filter(slug=data.get("topic")).first()
    if topic is not None:
        page.topic = topic
    page_save(
        page=page,
        author=actor,
        change_note=f"Reverted to revision {revision.number}.",
        sources=[_source_fields(source) for source in data.get("sources", [])],
        related_slugs=data.get("related", []),
        kind=Kind.REVERTED,
    )
    audit.record(actor=actor, action="education.page_reverted", obj=page)
    return page


def _source_fields(source: dict) -> dict:
    return {key: source.get(key) or default for key, default in _SOURCE_DEFAULTS.items()}


_SOURCE_DEFAULTS = {"title": "", "publisher": "", "year": None, "url": ""}
