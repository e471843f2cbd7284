import pytest
from django.urls import reverse

from education.models import Page
from education.slugs import GETTING_HELP_NOW
from tests.factories import make_clinical_reviewer, make_page, make_user

pytestmark = pytest.mark.django_db


def change_url(page):
    return reverse("admin:education_page_change", args=[page.pk])


def form_data(page, **overrides):
    """What the admin change form posts for ``page`` as the editor loaded it."""
    data = {
        "topic": page.topic_id,
        "title": page.title,
        "slug": page.slug,
        "summary": page.summary,
        "body": page.body,
        "order": page.order,
        "review_interval_months": page.review_interval_months,
        "change_note": "",
        "loaded_version": page.version,
        "sources-TOTAL_FORMS": 0,
        "sources-INITIAL_FORMS": 0,
        "sources-MIN_NUM_FORMS": 0,
        "sources-MAX_NUM_FORMS": 1000,
        "_continue": "Save and continue editing",
    }
    data.update(overrides)
    return data


@pytest.fixture
def page():
    return make_page("a-page", body="Old words.")


def test_editor_sees_the_page_list_with_status_and_review_columns(client, editor, page):
    client.force_login(editor)
    html = client.get(reverse("admin:education_page_changelist")).content.decode()
    assert "Overdue for review" in html and "Published" in html


def test_the_overdue_filter_lists_only_overdue_pages(client, editor):
    make_page("reviewed", approved_by=make_clinical_reviewer())
    make_page("never-reviewed")
    client.force_login(editor)
    response = client.get(reverse("admin:education_page_changelist"), {"review": "overdue"})
    assert [p.slug for p in response.context["cl"].result_list] == ["never-reviewed"]


def test_an_editor_save_keeps_a_revision_with_who_and_the_note(client, editor, page):
    client.force_login(editor)
    data = form_data(page, body="New words.", change_note="Simpler words")
    response = client.post(change_url(page), data)
    assert response.status_code == 302
    revision = page.revisions.first()
    assert (revision.author, revision.change_note, revision.snapshot["body"]) == (
        editor,
        "Simpler words",
        "New words.",
    )


def test_a_stale_edit_is_refused_and_overwrites_nothing(client, editor, page):
    client.force_login(editor)
    loaded = form_data(page, body="Editor A's words.")
    client.post(change_url(page), form_data(page, body="Editor B's words."))
    response = client.post(change_url(page), loaded)
    assert "Someone else saved this page after you opened it" in response.content.decode()
    assert Page.objects.get(pk=page.pk).body == "Editor B's words."


def test_the_slug_of_a_linked_page_cannot_change(client, editor):
    linked = make_page(GETTING_HELP_NOW)
    client.force_login(editor)
    response = client.post(change_url(linked), form_data(linked, slug="renamed"))
    assert "Other parts of the portal link to this page" in response.content.decode()


def test_the_unpublish_button_hides_the_page(client, editor, page):
    client.force_login(editor)
    client.post(reverse("admin:education_page_unpublish", args=[page.pk]))
    assert Page.objects.get(pk=page.pk).status == "draft"


def test_the_unpublish_action_makes_pages_drafts(client, editor, page):
    client.force_login(editor)
    client.post(
        reverse("admin:education_page_changelist"),
        {"action": "unpublish_selected", "_selected_action": [page.pk]},
    )
    assert Page.objects.get(pk=page.pk).status == "draft"


def test_unpublish_needs_a_post(client, editor, page):
    client.force_login(editor)
    response = client.get(reverse("admin:education_page_unpublish", args=[page.pk]))
    assert response.status_code == 405


def test_an_editor_can_preview_a_draft(client, editor):
    draft = make_page("draft", published=False, body="Draft words.")
    client.force_login(editor)
    response = client.get(reverse("admin:education_page_preview", args=[draft.pk]))
    assert "Draft words." in response.content.decode()
    assert "The public cannot see this page yet" in response.content.decode()


def test_an_editors_save_of_a_live_page_leaves_the_public_version_alone(client, editor, page):
    client.force_login(editor)
    client.post(change_url(page), form_data(page, body="New words."))
    page.refresh_from_db()
    assert (page.body, page.live_body, page.review_state) == ("New words.", "Old words.", "draft")


def test_revision_page_shows_a_readable_diff(client, editor, page):
    client.force_login(editor)
    client.post(change_url(page), form_data(page, body="New words."))
    url = reverse("admin:education_page_revision", args=[page.pk, page.revisions.first().number])
    html = client.get(url).content.decode()
    assert "<del>Old words.</del>" in html and "<ins>New words.</ins>" in html


def test_revert_from_the_admin_restores_the_old_text(client, editor, page):
    client.force_login(editor)
    client.post(change_url(page), form_data(page, body="New words."))
    client.post(reverse("admin:education_page_revert", args=[page.pk, 1]))
    page.refresh_from_db()
    assert (page.body, page.review_state) == ("Old words.", "draft")


def test_the_revisions_list_names_who_saved(client, editor, page):
    client.force_login(editor)
    client.post(change_url(page), form_data(page, body="New words.", change_note="Tidy"))
    html = client.get(reverse("admin:education_page_revisions", args=[page.pk])).content.decode()
    assert "Eve Evans" in html and "Tidy" in html


@pytest.mark.parametrize(
    "url_name",
    ["admin:auth_user_changelist", "admin:portal_auditevent_changelist"],
    ids=["users", "audit-log"],
)
def test_editors_cannot_open_users_or_the_audit_log(client, editor, url_name):
    client.force_login(editor)
    assert client.get(reverse(url_name)).status_code == 403


def test_the_admin_index_shows_editors_only_education_and_consent_documents(client, editor):
    # They draft and approve the consent documents too; nothing about a patient.
    client.force_login(editor)
    apps = client.get(reverse("admin:index")).context["app_list"]
    shown = {app["app_label"]: [m["object_name"] for m in app["models"]] for app in apps}
    assert set(shown) == {"education", "intake"} and shown["intake"] == ["ConsentDocument"]


@pytest.mark.parametrize("persona", ["patient", "psychiatrist"], ids=str)
@pytest.mark.parametrize(
    "url_name",
    ["admin:education_page_changelist", "admin:education_page_preview"],
    ids=["page-list", "preview"],
)
def test_patients_and_psychiatrists_cannot_reach_the_education_admin(
    client, request, persona, url_name, page
):
    client.force_login(request.getfixturevalue(persona))
    args = [page.pk] if url_name.endswith("preview") else []
    response = client.get(reverse(url_name, args=args))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


def test_staff_without_education_rights_cannot_preview(client, page):
    client.force_login(make_user("staff@clinic.example", is_staff=True))
    response = client.get(reverse("admin:education_page_preview", args=[page.pk]))
    assert response.status_code == 403


def test_a_linked_page_cannot_be_deleted(client, editor):
    linked = make_page(GETTING_HELP_NOW)
    client.force_login(editor)
    response = client.post(
        reverse("admin:education_page_delete", args=[linked.pk]), {"post": "yes"}
    )
    assert response.status_code == 403
    assert Page.objects.filter(pk=linked.pk).exists()


def test_an_editor_can_add_a_page_which_starts_as_a_draft_with_a_revision(client, editor):
    topic = make_page("existing").topic
    client.force_login(editor)
    data = {
        **form_data(Page(topic=topic, slug="new-page", title="New", summary="S", body="B")),
        "loaded_version": "",
    }
    client.post(reverse("admin:education_page_add"), data)
    page = Page.objects.get(slug="new-page")
    assert (page.status, page.revisions.get().change_note) == ("draft", "Created.")
    assert page.live_revision is None


def test_preview_changes_shows_the_unsaved_words_and_saves_nothing(client, editor):
    published = make_page("live-page", body="Live words.")
    revisions = published.revisions.count()
    client.force_login(editor)
    url = reverse("admin:education_page_preview_changes", args=[published.pk])
    body = "## Fresh heading\n\nUnsaved words.<script>alert(1)</script>"
    html = client.post(url, form_data(published, body=body)).content.decode()
    published.refresh_from_db()
    assert "Unsaved words." in html and "<script>alert" not in html
    assert (published.body, published.revisions.count()) == ("Live words.", revisions)


def test_the_edit_form_offers_a_preview_of_unsaved_changes(client, editor, page):
    client.force_login(editor)
    html = client.get(change_url(page)).content.decode()
    assert reverse("admin:education_page_preview_changes", args=[page.pk]) in html


def test_preview_changes_needs_a_post(client, editor, page):
    client.force_login(editor)
    url = reverse("admin:education_page_preview_changes", args=[page.pk])
    assert client.get(url).status_code == 405
