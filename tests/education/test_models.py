import datetime

import pytest
import time_machine

from education import services
from education.models import Page
from tests.factories import make_page

pytestmark = pytest.mark.django_db


def test_saving_a_page_renders_its_body_once_into_html():
    page = make_page(body="## Title\n\n<script>x</script>**safe**")
    assert page.body_html.startswith('<h2 id="sec-title">Title</h2>')
    assert "<script" not in page.body_html and "<strong>safe</strong>" in page.body_html


@pytest.mark.parametrize(
    ("last_reviewed", "months", "due"),
    [
        (datetime.date(2025, 1, 31), 12, datetime.date(2026, 1, 31)),
        (datetime.date(2025, 8, 31), 6, datetime.date(2026, 2, 28)),
        (None, 12, None),
    ],
    ids=["a-year", "end-of-month", "never-reviewed"],
)
def test_review_due_date_is_last_review_plus_the_interval(last_reviewed, months, due):
    page = make_page(last_reviewed=last_reviewed, review_interval_months=months)
    assert page.review_due == due


@time_machine.travel("2026-06-01 12:00Z")
def test_overdue_means_never_reviewed_or_past_the_interval():
    make_page("fresh", last_reviewed=datetime.date(2026, 1, 1))
    make_page("stale", last_reviewed=datetime.date(2025, 6, 1))
    make_page("never", last_reviewed=None)
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


def test_revert_keeps_the_page_published_state(editor):
    page = make_page(published=False)
    first = page.revisions.get()
    services.page_publish(page=page, actor=editor)
    services.page_revert(page=page, revision=first, actor=editor)
    assert Page.objects.get(pk=page.pk).status == Page.Status.PUBLISHED


def test_publishing_twice_is_refused(editor):
    page = make_page(published=True)
    with pytest.raises(services.IllegalTransition):
        services.page_publish(page=page, actor=editor)


def test_publishing_records_a_revision_and_an_audit_row(editor):
    from portal.models import AuditEvent

    page = make_page(published=False)
    services.page_publish(page=page, actor=editor)
    assert page.revisions.first().change_note == "Page published."
    assert AuditEvent.objects.filter(action="education.page_published", actor=editor).exists()


def test_rerendering_replaces_html_saved_under_an_older_sanitiser():
    from django.core.management import call_command

    page = make_page(body="Hello")
    Page.objects.filter(pk=page.pk).update(body_html="<script>old</script>")
    call_command("rerender_education_pages", stdout=None)
    assert Page.objects.get(pk=page.pk).body_html == "<p>Hello</p>"
