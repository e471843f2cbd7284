"""An editor changes a page; the public reads it only once a clinical reviewer approves it."""

import re

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone
from playwright.sync_api import expect

from education import services, slugs
from education.models import Page, ReviewerProfile
from portal.roles import CLINICAL_REVIEWERS, CONTENT_EDITORS
from tests.browser import sign_in
from tests.factories import make_clinical_reviewer, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
NEW_TEXT = "Bring your pill bottles to the visit so nothing is missed."
PASSWORD = "quiet-meadow-lantern-2026"


def test_an_edit_reaches_the_public_only_after_a_clinical_reviewer_approves_it(
    page, chromium, live_server, axe
):
    call_command("load_education_demo", stdout=None)
    target = Page.objects.get(slug=slugs.WHAT_TO_EXPECT)
    first_reviewer = make_clinical_reviewer(
        "una@clinic.example", first_name="Una", last_name="Ueda"
    )
    with time_machine.travel("2026-03-04 15:00Z"):
        services.page_submit(page=target, actor=None)
        services.page_approve(page=target, reviewer=first_reviewer)
    make_user("eddie@clinic.example", groups=(CONTENT_EDITORS,), password=PASSWORD, is_staff=True)
    reviewer = make_clinical_reviewer(
        "rex@clinic.example", first_name="Rex", last_name="Reed", credentials="MD, psychiatrist"
    )
    reviewer.set_password(PASSWORD)
    reviewer.save()

    # The admin must work under the strict CSP (checked before axe injects its styles).
    csp_errors = []
    page.on(
        "console",
        lambda msg: csp_errors.append(msg.text) if "Content Security Policy" in msg.text else None,
    )
    sign_in(page, "eddie@clinic.example", PASSWORD)
    page.goto(f"/admin/education/page/{target.pk}/change/")
    body = page.get_by_label("Body")
    body.fill(body.input_value() + f"\n\n{NEW_TEXT}\n")
    page.get_by_label("What did you change?").fill("Added advice about pill bottles")
    page.get_by_role("button", name="Save and continue editing").click()
    expect(page.locator(".messagelist")).to_contain_text("changed successfully")
    page.get_by_role("link", name="Compare with live").click()
    expect(page.get_by_role("region", name=re.compile("Working copy"))).to_contain_text(NEW_TEXT)
    expect(page.get_by_role("region", name=re.compile("Live version"))).not_to_contain_text(
        NEW_TEXT
    )
    page.go_back()
    page.get_by_label("Note for the reviewer (optional)").fill("Pill bottles")
    page.get_by_role("button", name="Submit the saved version for clinical review").click()
    expect(page.locator(".messagelist")).to_contain_text("waiting for clinical review")
    assert csp_errors == []

    public = chromium.new_context(base_url=live_server.url).new_page()
    public.goto(target.get_absolute_url())
    expect(public.locator(".education-body")).not_to_contain_text(NEW_TEXT)
    expect(public.locator(".education-review")).to_contain_text("Una Ueda, MD on 4 March 2026")
    axe(public, "education-page-approved")

    # The editor cannot approve: the review page offers them no decision.
    page.goto("/admin/education/page/reviews/")
    page.get_by_role("link", name=target.title).click()
    expect(page.get_by_text("Only a clinical reviewer can approve")).to_be_visible()
    expect(page.get_by_role("button", name=re.compile("^Approve"))).to_have_count(0)
    axe(page, "admin-review-page-editor")

    reviewing = chromium.new_context(base_url=live_server.url).new_page()
    sign_in(reviewing, "rex@clinic.example", PASSWORD)
    reviewing.goto("/admin/education/page/reviews/")
    axe(reviewing, "admin-review-list")
    reviewing.get_by_role("link", name=target.title).click()
    expect(reviewing.locator(".education-diff ins", has_text=NEW_TEXT)).to_be_visible()
    axe(reviewing, "admin-review-page-reviewer")
    reviewing.get_by_role("link", name="Compare side by side").click()
    expect(reviewing.get_by_role("region", name=re.compile("Working copy"))).to_contain_text(
        NEW_TEXT
    )
    axe(reviewing, "admin-compare")
    reviewing.go_back()
    reviewing.get_by_label("Comment").fill("Checked against the label")
    reviewing.get_by_role("button", name="Approve").click()
    expect(reviewing.locator(".messagelist")).to_contain_text("approved")

    public.reload()
    expect(public.locator(".education-body")).to_contain_text(NEW_TEXT)
    today = timezone.localdate()
    expect(public.locator(".education-review")).to_contain_text(
        f"Medically reviewed by Rex Reed, MD, psychiatrist on {today.day} {today:%B %Y}"
    )
    axe(public, "education-page-newly-approved")
    public.context.close()
    reviewing.context.close()


def test_a_reviewer_cannot_approve_their_own_edit(page, axe):
    call_command("load_education_demo", stdout=None)
    target = Page.objects.get(slug=slugs.ALTERNATIVES)
    both = make_user(
        "rex@clinic.example",
        groups=(CONTENT_EDITORS, CLINICAL_REVIEWERS),
        password=PASSWORD,
        is_staff=True,
    )
    ReviewerProfile.objects.create(user=both, credentials="MD")
    sign_in(page, "rex@clinic.example", PASSWORD)
    page.goto(f"/admin/education/page/{target.pk}/change/")
    page.locator("#id_summary").fill(NEW_TEXT)
    page.get_by_role("button", name="Save and continue editing").click()
    page.get_by_role("button", name="Submit the saved version for clinical review").click()
    page.get_by_role("link", name="Review", exact=True).click()
    expect(page.get_by_text("You edited this version")).to_be_visible()
    expect(page.get_by_role("button", name=re.compile("^Approve"))).to_have_count(0)
    axe(page, "admin-review-own-edit")
    assert Page.objects.get(pk=target.pk).live_summary != NEW_TEXT


def test_the_public_search_finds_approved_words_only(page, axe):
    call_command("load_education_demo", stdout=None)
    target = Page.objects.get(slug=slugs.ALTERNATIVES)
    target.body += "\n\nBring your pill bottles.\n"
    services.page_save(page=target, author=make_user("ed@clinic.example"), change_note="Edit")
    page.goto("/learn/search/?q=pill+bottles")
    expect(page.get_by_role("link", name=target.title)).to_have_count(0)
    axe(page, "education-search-no-results")


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


def test_the_new_pages_read_well_on_a_phone(phone_page, axe):
    call_command("load_education_demo", stdout=None)
    for slug in (
        slugs.PREGNANCY_BREASTFEEDING,
        slugs.MISSED_DOSES,
        slugs.STORING_SAFELY,
        slugs.NALOXONE,
        slugs.TABLET_STRENGTHS,
    ):
        phone_page.goto(f"/learn/pages/{slug}/")
        expect(phone_page.locator(".education-review")).to_contain_text("Awaiting clinical review")
        axe(phone_page, f"education-{slug}-phone")
