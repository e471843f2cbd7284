from types import SimpleNamespace

import pytest
import time_machine
from django.urls import reverse

from education import selectors, services
from education.models import Page
from tests.factories import make_clinical_reviewer, make_page, make_topic

pytestmark = pytest.mark.django_db


@pytest.fixture
def topic():
    return make_topic("clonazepam", title="Clonazepam")


@pytest.fixture
def reviewer():
    return make_clinical_reviewer(first_name="Demo", last_name="Reviewer", credentials="MD")


@pytest.fixture
def public_page(topic, reviewer, editor):
    first = make_page("first-page", topic=topic, order=1, title="First page")
    page = make_page(
        "middle-page",
        topic=topic,
        order=2,
        title="Middle page",
        body="## Part\n\nThe **middle** words.",
        published=False,
    )
    source = {
        "title": "KLONOPIN label",
        "publisher": "FDA",
        "year": 2023,
        "url": "https://fda.example/",
    }
    services.page_save(
        page=page,
        author=editor,
        change_note="Sources",
        sources=[source],
        related_slugs=[first.slug],
    )
    make_page("last-page", topic=topic, order=3, title="Last page")
    services.page_submit(page=page, actor=editor)
    with time_machine.travel("2026-03-04 15:00Z"):
        services.page_approve(page=page, reviewer=reviewer)
    return Page.objects.get(pk=page.pk)


def test_the_topic_index_and_topic_page_list_published_pages(client, public_page):
    index = client.get(reverse("education:index"))
    topic = client.get(reverse("education:topic", args=["clonazepam"]))
    assert "Clonazepam" in index.content.decode()
    assert [p.title for p in topic.context["pages"]] == ["First page", "Middle page", "Last page"]


def test_a_published_page_shows_review_sources_neighbours_disclaimer_and_988(client, public_page):
    html = client.get(public_page.get_absolute_url()).content.decode()
    for expected in (
        "Medically reviewed by Demo Reviewer, MD on",
        "4 March 2026",
        "KLONOPIN label",
        "FDA, 2023",
        "Previous: First page",
        "Next: Last page",
        "Related pages",
        "Medical disclaimer",
        'href="tel:988"',
        "<strong>middle</strong>",
    ):
        assert expected in html, expected


def test_a_draft_answers_404_to_the_public(client):
    page = make_page("hidden", published=False)
    assert client.get(page.get_absolute_url()).status_code == 404


def test_an_unapproved_page_says_it_awaits_clinical_review(client):
    page = make_page("seeded")
    html = client.get(page.get_absolute_url()).content.decode()
    assert "Awaiting clinical review" in html and "Medically reviewed by" not in html


def test_the_public_reads_the_approved_words_until_an_edit_is_approved(
    client, public_page, editor, reviewer
):
    public_page.body = "Unreviewed words."
    services.page_save(page=public_page, author=editor, change_note="Edit")
    before = client.get(public_page.get_absolute_url()).content.decode()
    services.page_submit(page=public_page, actor=editor)
    services.page_approve(page=public_page, reviewer=reviewer)
    after = client.get(public_page.get_absolute_url()).content.decode()
    assert "middle" in before and "Unreviewed words." not in before
    assert "Unreviewed words." in after


@pytest.mark.parametrize("persona", ["patient", "psychiatrist", "editor"], ids=str)
def test_signed_in_users_still_get_404_for_a_draft_on_the_public_address(client, request, persona):
    client.force_login(request.getfixturevalue(persona))
    page = make_page("hidden", published=False)
    assert client.get(page.get_absolute_url()).status_code == 404


def test_a_topic_without_published_pages_answers_404(client, topic):
    make_page("draft-only", topic=topic, published=False)
    assert client.get(reverse("education:topic", args=["clonazepam"])).status_code == 404


def test_a_published_page_takes_at_most_three_queries(
    client, public_page, django_assert_max_num_queries
):
    with django_assert_max_num_queries(3):
        response = client.get(public_page.get_absolute_url())
    assert response.status_code == 200


def test_a_repeat_request_with_the_etag_answers_304_without_a_body(client, public_page):
    first = client.get(public_page.get_absolute_url())
    again = client.get(public_page.get_absolute_url(), HTTP_IF_NONE_MATCH=first["ETag"])
    assert (again.status_code, again.content) == (304, b"")


def test_a_repeat_request_with_if_modified_since_answers_304(client, public_page):
    first = client.get(public_page.get_absolute_url())
    again = client.get(
        public_page.get_absolute_url(), HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]
    )
    assert again.status_code == 304


def test_approving_any_page_changes_the_etag(client, public_page, editor, reviewer):
    before = client.get(public_page.get_absolute_url())["ETag"]
    neighbour = Page.objects.get(slug="last-page")
    neighbour.title = "Renamed last page"
    services.page_save(page=neighbour, author=editor, change_note="Rename")
    services.page_submit(page=neighbour, actor=editor)
    services.page_approve(page=neighbour, reviewer=reviewer)
    after = client.get(public_page.get_absolute_url(), HTTP_IF_NONE_MATCH=before)
    assert after.status_code == 200
    assert "Renamed last page" in after.content.decode()


def test_a_conditional_request_takes_one_small_query(
    client, public_page, django_assert_max_num_queries
):
    etag = client.get(public_page.get_absolute_url())["ETag"]
    with django_assert_max_num_queries(1) as queries:
        response = client.get(public_page.get_absolute_url(), HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304
    # The page's stamp only: not its text, topic, revision or reviewer.
    sql = queries.captured_queries[0]["sql"]
    assert "body_html" not in sql and "JOIN" not in sql.upper()


def test_the_page_view_never_renders_markdown(client, public_page, monkeypatch):
    def explode(source):
        raise AssertionError("Markdown rendered during a request")

    monkeypatch.setattr("education.models.render_markdown", explode)
    assert client.get(public_page.get_absolute_url()).status_code == 200


def test_search_finds_published_pages_only(client, topic):
    make_page("tapering", topic=topic, title="Stopping slowly", body="A slow taper plan.")
    make_page("secret", topic=topic, published=False, body="A slow taper plan in a draft.")
    response = client.get(reverse("education:search"), {"q": "taper"})
    assert [p.slug for p in response.context["results"]] == ["tapering"]


@pytest.mark.postgres
def test_postgres_search_ranks_title_matches_above_body_matches(topic):
    make_page("body-match", topic=topic, title="Other things", body="Alcohol is mentioned here.")
    make_page("title-match", topic=topic, title="Alcohol and benzos", body="Words.")
    assert [p.slug for p in selectors.search_pages("alcohol")] == ["title-match", "body-match"]


@pytest.mark.postgres
def test_postgres_search_understands_word_forms(topic):
    make_page("falls", topic=topic, title="Preventing falls", body="Someone who falls.")
    assert [p.slug for p in selectors.search_pages("falling")] == ["falls"]


def test_the_plain_fallback_search_needs_every_word(monkeypatch, topic):
    monkeypatch.setattr(selectors, "connection", SimpleNamespace(vendor="sqlite"))
    make_page("both", topic=topic, body="alcohol and opioids")
    make_page("one", topic=topic, body="alcohol only")
    assert [p.slug for p in selectors.search_pages("opioids alcohol")] == ["both"]


def test_an_empty_search_shows_the_form_without_results(client):
    response = client.get(reverse("education:search"))
    assert (response.status_code, response.context["searched"]) == (200, False)


def test_a_too_long_search_is_explained(client):
    response = client.get(reverse("education:search"), {"q": "x" * 300})
    assert "There is a problem" in response.content.decode()
