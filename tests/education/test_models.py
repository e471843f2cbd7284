import datetime

import pytest
import time_machine

from education import services
from education.models import Page
from tests.factories import make_clinical_reviewer, make_page

pytestmark = pytest.mark.django_db


def test_saving_a_page_renders_its_body_once_into_html():
    page = make_page(body="## Title\n\n<script>x</script>**safe**")
    assert page.body_html.startswith('<h2 id="sec-title">Title</h2>')
    assert "<script" not in page.body_html and "<strong>safe</strong>" in page.body_html


@pytest.mark.parametrize(
    ("approved_on", "months", "due"),
    [
        ("2025-01-31 12:00Z", 12, datetime.date(2026, 1, 31)),
        ("2025-08-31 12:00Z", 6, datetime.date(2026, 2, 28)),
        (None, 12, None),
    ],
    ids=["a-year", "end-of-month", "never-reviewed"],
)
def test_review_due_date_is_the_approval_date_plus_the_interval(approved_on, months, due):
    if approved_on is None:
        page = make_page(review_interval_months=months)
    else:
        with time_machine.travel(approved_on):
            page = make_page(approved_by=make_clinical_reviewer(), review_interval_months=months)
    assert page.review_due == due


@time_machine.travel("2026-06-01 12:00Z")
def test_overdue_means_never_reviewed_or_past_the_interval():
    reviewer = make_clinical_reviewer()
    with time_machine.travel("2026-01-01 12:00Z"):
        make_page("fresh", approved_by=reviewer)
    with time_machine.travel("2025-06-01 12:00Z"):
        make_page("stale", approved_by=reviewer)
    make_page("never")
    overdue = set(Page.objects.overdue_for_review().values_list("slug", flat=True))
    assert overdue == {"stale", "never"}


def test_every_save_keeps_a_full_snapshot_with_author_and_note(editor):
    page = make_page(body="first")
    page.body = "second"
    services.page_save(page=page, author=editor, change_note="Clearer wording")
    latest = page.revisions.first()
    assert (latest.number, latest.author, latest.change_note) == (2, editor, "Clearer wording")
    assert latest.snapshot["body"] == "second"


def test_revert_restores_the_content_as_a_new_revision(editor):
    page = make_page(body="original words", title="Original")
    first = page.revisions.get()
    page.body, page.title = "changed words", "Changed"
    services.page_save(page=page, author=editor, change_note="Edit", sources=[{"title": "S"}])
    services.page_revert(page=page, revision=first, actor=editor)
    page.refresh_from_db()
    assert (page.title, page.body, page.sources.count()) == ("Original", "original words", 0)
    assert page.revisions.first().change_note == "Reverted to revision 1."


def test_revert_changes_the_working_copy_only(editor):
    page = make_page(body="live words")
    page.body = "edited words"
    services.page_save(page=page, author=editor, change_note="Edit")
    services.page_revert(page=page, revision=page.revisions.last(), actor=editor)
    page.refresh_from_db()
    assert (page.status, page.live_body, page.review_state) == (
        Page.Status.PUBLISHED,
        "live words",
        Page.ReviewState.DRAFT,
    )


def test_rerendering_replaces_html_saved_under_an_older_sanitiser():
    from django.core.management import call_command

    page = make_page(body="Hello")
    Page.objects.filter(pk=page.pk).update(
        body_html="<script>old</script>", live_body_html="<script>old</script>"
    )
    call_command("rerender_education_pages", stdout=None)
    page.refresh_from_db()
    assert (page.body_html, page.live_body_html) == ("<p>Hello</p>", "<p>Hello</p>")
