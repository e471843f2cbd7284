"""An editor changes, previews and publishes a page; the public then reads it."""

import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from education import slugs
from education.models import Page, Topic
from portal.roles import CONTENT_EDITORS
from tests.browser import sign_in
from tests.factories import make_page, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
NEW_TEXT = "Bring your pill bottles to the visit so nothing is missed."
PASSWORD = "quiet-meadow-lantern-2026"


def test_editor_edits_previews_publishes_and_the_public_sees_it(page, chromium, live_server, axe):
    call_command("load_education_demo", stdout=None)
    topic = Topic.objects.get(slug=slugs.TOPIC_CLONAZEPAM)
    draft = make_page("preparing-for-your-visit", topic=topic, published=False, order=20)
    make_user("eddie@clinic.example", groups=(CONTENT_EDITORS,), password=PASSWORD, is_staff=True)

    # The admin must work under the strict CSP. (axe-core injects styles of its own, so the
    # admin pages' axe checks are in the next test.)
    csp_errors = []
    page.on(
        "console",
        lambda msg: csp_errors.append(msg.text) if "Content Security Policy" in msg.text else None,
    )
    sign_in(page, "eddie@clinic.example", PASSWORD)
    page.goto(f"/admin/education/page/{draft.pk}/change/")
    page.get_by_label("Body").fill(f"## Before the visit\n\n{NEW_TEXT}")
    page.get_by_label("What did you change?").fill("Added advice about pill bottles")
    page.get_by_role("button", name="Save and continue editing").click()
    expect(page.locator(".messagelist")).to_contain_text("changed successfully")

    page.get_by_role("link", name="Preview", exact=True).click()
    expect(page.locator(".education-body")).to_contain_text(NEW_TEXT)
    expect(page.get_by_role("status").first).to_contain_text("The public cannot see this page yet")
    page.get_by_role("link", name="Back to editing").click()
    page.get_by_role("button", name="Publish").click()
    expect(page.locator(".messagelist")).to_contain_text("published")
    assert Page.objects.get(pk=draft.pk).status == Page.Status.PUBLISHED
    assert csp_errors == []

    public = chromium.new_context(base_url=live_server.url).new_page()
    public.goto("/learn/")
    axe(public, "education-index")
    public.get_by_role("link", name="Clonazepam (Klonopin)").click()
    axe(public, "education-topic")
    public.get_by_role("link", name=draft.title).click()
    expect(public.locator(".education-body")).to_contain_text(NEW_TEXT)
    axe(public, "education-page")
    public.get_by_role("link", name="Clonazepam (Klonopin)").click()
    public.get_by_label("Search the pages").fill("pill bottles")
    public.get_by_role("button", name="Search").click()
    expect(public).to_have_url(re.compile(r"/learn/search/\?q=pill\+bottles"))
    expect(public.get_by_role("link", name=draft.title)).to_be_visible()
    axe(public, "education-search-results")
    public.context.close()


def test_a_seed_page_reads_well_on_a_phone(phone_page, axe):
    call_command("load_education_demo", stdout=None)
    phone_page.goto(f"/learn/pages/{slugs.ALCOHOL_OPIOIDS_SEDATIVES}/")
    expect(phone_page.get_by_role("heading", level=1)).to_have_text(
        "Alcohol, opioids and other sedatives"
    )
    expect(phone_page.get_by_role("navigation", name="On this page")).to_be_visible()
    axe(phone_page, "education-page-phone")


def test_editor_finds_an_overdue_page_and_reverts_an_edit(page, axe):
    call_command("load_education_demo", stdout=None)
    target = Page.objects.get(slug=slugs.ALTERNATIVES)
    original = target.title
    make_user("eddie@clinic.example", groups=(CONTENT_EDITORS,), password=PASSWORD, is_staff=True)
    sign_in(page, "eddie@clinic.example", PASSWORD)

    page.goto("/admin/education/page/?review=overdue")
    axe(page, "admin-page-list-overdue")
    page.goto(f"/admin/education/page/{target.pk}/change/")
    axe(page, "admin-page-edit")
    page.locator("#id_title").fill("A worse title")
    page.get_by_role("button", name="Save and continue editing").click()
    page.get_by_role("link", name="Revisions").click()
    axe(page, "admin-page-revisions")
    page.get_by_role("link", name="Revision 1", exact=True).click()
    expect(page.locator(".education-diff del", has_text="A worse title")).to_be_visible()
    axe(page, "admin-page-revision-diff")
    page.get_by_role("button", name="Revert to revision 1").click()
    expect(page.locator(".messagelist")).to_contain_text("now says what it said in revision 1")
    assert Page.objects.get(pk=target.pk).title == original


def test_a_dose_table_in_a_page_has_ruled_cells_with_room_to_read(phone_page, axe):
    call_command("load_education_demo", stdout=None)
    phone_page.goto(f"/learn/pages/{slugs.DOSE_RANGE}/")
    cell = phone_page.locator(".education-body td").first
    style = cell.evaluate(
        "td => { const s = getComputedStyle(td); return [s.paddingLeft, s.borderTopWidth]; }"
    )
    assert "0px" not in style
    axe(phone_page, "education-page-with-table-phone")


def test_editor_previews_an_unsaved_change_to_a_published_page(page, axe):
    call_command("load_education_demo", stdout=None)
    target = Page.objects.get(slug=slugs.DOSE_RANGE)
    make_user("eddie@clinic.example", groups=(CONTENT_EDITORS,), password=PASSWORD, is_staff=True)
    sign_in(page, "eddie@clinic.example", PASSWORD)
    page.goto(f"/admin/education/page/{target.pk}/change/")
    page.locator("#id_summary").fill(NEW_TEXT)
    with page.context.expect_page() as opened:
        page.get_by_role("button", name=re.compile("Preview changes")).click()
    preview = opened.value
    expect(preview.locator(".lead")).to_have_text(NEW_TEXT)
    axe(preview, "education-preview-unsaved")
    assert Page.objects.get(pk=target.pk).summary != NEW_TEXT
