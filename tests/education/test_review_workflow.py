"""Nothing reaches patients without a clinical reviewer's sign-off, and never their own."""

import datetime

import pytest
import time_machine
from django.core.management import call_command
from django.urls import reverse

from education import services
from education.models import Page, PageRevision
from education.tasks import release_scheduled_pages
from portal.models import AuditEvent
from tests.factories import make_clinical_reviewer, make_page

pytestmark = pytest.mark.django_db
State = Page.ReviewState


@pytest.fixture
def reviewer():
    return make_clinical_reviewer(
        first_name="Rex", last_name="Reed", credentials="MD, psychiatrist"
    )


@pytest.fixture
def second_reviewer():
    return make_clinical_reviewer("una@clinic.example", first_name="Una", last_name="Ueda")


@pytest.fixture
def live_page(reviewer):
    return make_page("live-page", body="Approved words.", approved_by=reviewer)


def edit(page, author, body="Edited words."):
    page.body = body
    services.page_save(page=page, author=author, change_note="Edit")
    return page


GO_LIVE = datetime.datetime(2030, 5, 1, 9, 0, tzinfo=datetime.UTC)


def submit_for_may(page, editor) -> None:
    """An edit ("Words for May.") submitted for review, to go live at GO_LIVE once approved."""
    page.go_live_at = GO_LIVE
    edit(page, editor, body="Words for May.")
    services.page_submit(page=page, actor=editor)


def test_an_approved_page_is_live_with_its_reviewer_and_date(live_page, reviewer):
    assert (live_page.live_body, live_page.reviewed_by, live_page.review_state) == (
        "Approved words.",
        reviewer,
        State.APPROVED,
    )
    assert live_page.last_reviewed == datetime.date.today()


def test_an_edit_makes_a_draft_and_the_live_words_stay(live_page, editor):
    edit(live_page, editor)
    live_page.refresh_from_db()
    assert (live_page.review_state, live_page.live_body) == (State.DRAFT, "Approved words.")


def test_an_edit_back_to_the_approved_words_needs_no_review(live_page, editor):
    edit(live_page, editor)
    edit(live_page, editor, body="Approved words.")
    assert Page.objects.get(pk=live_page.pk).review_state == State.APPROVED


def test_an_editor_cannot_approve(live_page, editor):
    edit(live_page, editor)
    services.page_submit(page=live_page, actor=editor)
    with pytest.raises(services.IllegalTransition, match="Only a clinical reviewer"):
        services.page_approve(page=live_page, reviewer=editor)
    assert Page.objects.get(pk=live_page.pk).live_body == "Approved words."


def test_a_reviewer_cannot_approve_their_own_edit(live_page, reviewer, second_reviewer):
    edit(live_page, reviewer, body="The reviewer's own words.")
    services.page_submit(page=live_page, actor=reviewer)
    with pytest.raises(services.IllegalTransition, match="another clinical reviewer"):
        services.page_approve(page=live_page, reviewer=reviewer)
    services.page_approve(page=live_page, reviewer=second_reviewer)
    live_page.refresh_from_db()
    assert (live_page.live_body, live_page.reviewed_by) == (
        "The reviewer's own words.",
        second_reviewer,
    )


def test_only_a_submitted_page_can_be_approved(live_page, editor, reviewer):
    edit(live_page, editor)
    with pytest.raises(services.IllegalTransition, match="not waiting for a review"):
        services.page_approve(page=live_page, reviewer=reviewer)


def test_requesting_changes_needs_a_comment_and_sends_the_page_back(live_page, editor, reviewer):
    edit(live_page, editor)
    services.page_submit(page=live_page, actor=editor)
    with pytest.raises(services.IllegalTransition):
        services.page_request_changes(page=live_page, reviewer=reviewer, comment="  ")
    services.page_request_changes(page=live_page, reviewer=reviewer, comment="Cite the label.")
    live_page.refresh_from_db()
    assert (live_page.review_state, live_page.revisions.first().change_note) == (
        State.CHANGES_REQUESTED,
        "Cite the label.",
    )


def test_every_step_is_a_revision_with_author_and_comment_and_is_audited(
    live_page, editor, reviewer
):
    edit(live_page, editor)
    services.page_submit(page=live_page, actor=editor, comment="Please check")
    services.page_request_changes(page=live_page, reviewer=reviewer, comment="Fix the dose")
    edit(live_page, editor, body="Fixed words.")
    services.page_submit(page=live_page, actor=editor)
    services.page_approve(page=live_page, reviewer=reviewer, comment="Good")
    steps = list(
        live_page.revisions.filter(number__gt=live_page.live_revision.number)
        .order_by("number")
        .values_list("kind", "author__username", "change_note")
    )
    assert steps == [
        ("saved", editor.username, "Edit"),
        ("submitted", editor.username, "Please check"),
        ("changes_requested", reviewer.username, "Fix the dose"),
        ("saved", editor.username, "Edit"),
        ("submitted", editor.username, "Submitted for clinical review."),
        ("approved", reviewer.username, "Good"),
    ]
    actions = set(
        AuditEvent.objects.filter(object_id=str(live_page.pk)).values_list("action", flat=True)
    )
    assert {
        "education.page_saved",
        "education.page_submitted",
        "education.page_changes_requested",
        "education.page_approved",
    } <= actions


def test_a_scheduled_version_goes_live_at_its_time(live_page, editor, reviewer):
    submit_for_may(live_page, editor)
    with time_machine.travel(GO_LIVE - datetime.timedelta(days=1)):
        services.page_approve(page=live_page, reviewer=reviewer)
        assert release_scheduled_pages() == 0
    live_page.refresh_from_db()
    assert (live_page.review_state, live_page.live_body) == (State.SCHEDULED, "Approved words.")
    with time_machine.travel(GO_LIVE + datetime.timedelta(seconds=30)):
        assert release_scheduled_pages() == 1
        live_page.refresh_from_db()
    assert (live_page.review_state, live_page.live_body) == (State.APPROVED, "Words for May.")
    assert live_page.reviewed_by == reviewer


def test_a_public_page_shows_the_go_live_version_only_at_its_time(
    client, live_page, editor, reviewer
):
    submit_for_may(live_page, editor)
    with time_machine.travel(GO_LIVE - datetime.timedelta(hours=1)):
        services.page_approve(page=live_page, reviewer=reviewer)
        release_scheduled_pages()
        before = client.get(live_page.get_absolute_url()).content.decode()
    with time_machine.travel(GO_LIVE + datetime.timedelta(minutes=1)):
        release_scheduled_pages()
        after = client.get(live_page.get_absolute_url()).content.decode()
    assert "Approved words." in before and "Words for May." not in before
    assert "Words for May." in after and "Medically reviewed by Rex Reed, MD, psychiatrist" in after


def test_an_edit_cancels_an_approved_version_waiting_to_go_live(live_page, editor, reviewer):
    submit_for_may(live_page, editor)
    services.page_approve(page=live_page, reviewer=reviewer)
    edit(live_page, editor, body="Other words.")
    live_page.refresh_from_db()
    assert (live_page.review_state, live_page.scheduled_revision) == (State.DRAFT, None)


def test_the_edit_lock_names_who_has_the_page_open(live_page, editor, reviewer):
    assert services.page_lock(page=live_page, user=editor) is None
    holder = services.page_lock(page=live_page, user=reviewer)
    assert holder.locked_by == editor


def test_an_edit_lock_expires(live_page, editor, reviewer):
    services.page_lock(page=live_page, user=editor)
    later = datetime.datetime.now(datetime.UTC) + datetime.timedelta(minutes=31)
    assert services.page_lock(page=live_page, user=reviewer, now=later) is None


# ---- the admin pages ----------------------------------------------------------------------
def test_the_review_list_shows_what_waits_to_editors_and_reviewers(
    client, live_page, editor, reviewer
):
    edit(live_page, editor)
    services.page_submit(page=live_page, actor=editor, comment="New dose wording")
    for person in (editor, reviewer):
        client.force_login(person)
        html = client.get(reverse("admin:education_page_reviews")).content.decode()
        assert "New dose wording" in html and live_page.title in html


def test_the_review_page_shows_the_diff_against_the_live_version(
    client, live_page, editor, reviewer
):
    edit(live_page, editor)
    services.page_submit(page=live_page, actor=editor)
    client.force_login(reviewer)
    html = client.get(reverse("admin:education_page_review", args=[live_page.pk])).content.decode()
    assert "<del>Approved words.</del>" in html and "<ins>Edited words.</ins>" in html


def test_an_editors_approve_post_is_refused(client, live_page, editor):
    edit(live_page, editor)
    services.page_submit(page=live_page, actor=editor)
    client.force_login(editor)
    url = reverse("admin:education_page_review", args=[live_page.pk])
    html = client.post(url, {"approve": "Approve"}, follow=True).content.decode()
    assert "Only a clinical reviewer" in html
    assert Page.objects.get(pk=live_page.pk).review_state == State.SUBMITTED


def test_a_reviewer_approves_from_the_review_page(client, live_page, editor, reviewer):
    edit(live_page, editor)
    services.page_submit(page=live_page, actor=editor)
    client.force_login(reviewer)
    url = reverse("admin:education_page_review", args=[live_page.pk])
    client.post(url, {"approve": "Approve", "comment": "Checked"})
    assert Page.objects.get(pk=live_page.pk).live_body == "Edited words."


def test_a_reviewer_cannot_edit_a_page(client, live_page, reviewer):
    client.force_login(reviewer)
    response = client.post(reverse("admin:education_page_change", args=[live_page.pk]), {})
    assert response.status_code == 403


def test_a_second_editor_sees_who_is_editing(client, live_page, editor):
    from tests.factories import make_editor

    client.force_login(editor)
    client.get(reverse("admin:education_page_change", args=[live_page.pk]))
    client.force_login(make_editor("fay@clinic.example", first_name="Fay", last_name="Fox"))
    html = client.get(reverse("admin:education_page_change", args=[live_page.pk])).content.decode()
    assert "Eve Evans has been editing this page since" in html


def test_saving_and_leaving_the_page_releases_the_lock(client, live_page, editor):
    from tests.education.test_admin import form_data
    from tests.factories import make_editor

    client.force_login(editor)
    url = reverse("admin:education_page_change", args=[live_page.pk])
    client.get(url)
    data = {**form_data(live_page, body="New words."), "_save": "Save"}
    del data["_continue"]
    assert client.post(url, data).status_code == 302
    client.force_login(make_editor("fay@clinic.example"))
    assert "has been editing this page" not in client.get(url).content.decode()


def test_the_compare_page_shows_draft_and_live_side_by_side(client, live_page, editor):
    edit(live_page, editor)
    client.force_login(editor)
    html = client.get(reverse("admin:education_page_compare", args=[live_page.pk])).content.decode()
    assert html.index("Edited words.") < html.index("Approved words.")


# ---- the demo -----------------------------------------------------------------------------
def test_load_demo_approves_the_seed_as_a_labelled_demo_review(client):
    call_command("load_demo", stdout=None)
    page = Page.objects.get(slug="getting-help-now")
    html = client.get(page.get_absolute_url()).content.decode()
    assert page.reviewed_by.username == "reviewer@demo.example"
    assert "Medically reviewed by Demo Reviewer, MD on" in html and "Demo review:" in html
    assert not PageRevision.objects.filter(kind="saved").exists()


def test_a_reviewer_without_a_profile_cannot_approve(live_page, editor):
    from portal.roles import CLINICAL_REVIEWERS
    from tests.factories import make_user

    bare = make_user("nop@clinic.example", groups=(CLINICAL_REVIEWERS,), is_staff=True)
    edit(live_page, editor)
    services.page_submit(page=live_page, actor=editor)
    with pytest.raises(services.IllegalTransition, match="reviewer profile"):
        services.page_approve(page=live_page, reviewer=bare)


def test_an_approval_of_a_page_changed_since_it_was_opened_is_refused(
    client, live_page, editor, reviewer
):
    edit(live_page, editor)
    services.page_submit(page=live_page, actor=editor)
    client.force_login(reviewer)
    url = reverse("admin:education_page_review", args=[live_page.pk])
    seen = client.get(url).context["form"]["seen_revision"].value()
    services.page_request_changes(page=live_page, reviewer=reviewer, comment="Hold on")
    edit(live_page, editor, body="Words the reviewer never read.")
    services.page_submit(page=live_page, actor=editor)
    html = client.post(url, {"approve": "Approve", "seen_revision": seen}, follow=True)
    assert "The page changed after you opened it" in html.content.decode()
    assert Page.objects.get(pk=live_page.pk).live_body == "Approved words."


@pytest.mark.parametrize(
    "url_name",
    [
        "admin:education_page_changelist",
        "admin:education_page_change",
        "admin:education_page_compare",
        "admin:education_page_revisions",
    ],
    ids=["list", "page", "compare", "revisions"],
)
def test_a_reviewer_can_read_every_education_admin_page(client, live_page, reviewer, url_name):
    client.force_login(reviewer)
    args = [] if url_name.endswith("changelist") else [live_page.pk]
    assert client.get(reverse(url_name, args=args)).status_code == 200


def test_the_admin_index_shows_reviewers_only_education_and_consent_documents(client, reviewer):
    # They draft and approve the consent documents too; nothing about a patient.
    client.force_login(reviewer)
    apps = client.get(reverse("admin:index")).context["app_list"]
    shown = {app["app_label"]: [m["object_name"] for m in app["models"]] for app in apps}
    assert set(shown) == {"education", "intake"} and shown["intake"] == ["ConsentDocument"]


def test_a_patient_cannot_reach_the_review_list(client, patient):
    client.force_login(patient)
    response = client.get(reverse("admin:education_page_reviews"))
    assert response.status_code == 302 and "login" in response["Location"]
