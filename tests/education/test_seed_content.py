import re

import pytest
from django.core.management import call_command
from django.urls import resolve

from education import services, slugs
from education.content.clonazepam import PAGES
from education.models import Page, PageRevision
from tests.education.textcheck import grade_level, run_hash, seed_run_hashes, word_runs

# Every number a page may show, from ../shared/clinical-reference.md (doses, times, years,
# ages, percentages, the instruments' counts) and the crisis lines.
REFERENCE_NUMBERS = {
    "0", "0.125", "0.25", "0.5", "0.75", "1", "2", "2.5", "3", "4", "6", "7", "9", "10",
    "12", "19", "20", "21", "30", "40", "41", "60", "65", "2002", "2004", "2011", "2014",
    "2016", "2020", "2021", "2022", "2023", "911", "988", "838255",
}  # fmt: skip
PAGE_TEXTS = [
    pytest.param(f"{spec['title']}\n{spec['summary']}\n{spec['body']}", id=spec["slug"])
    for spec in PAGES
]


@pytest.fixture
def seeded(db):
    call_command("load_education_demo", stdout=None)


def test_the_seed_has_a_page_for_every_subject_in_the_design():
    assert len(PAGES) >= 12
    assert {spec["slug"] for spec in PAGES} >= set(slugs.LINKED_SLUGS)


def test_every_linked_slug_exists_and_is_published_after_the_seed_load(seeded):
    published = set(Page.objects.published().values_list("slug", flat=True))
    assert set(slugs.LINKED_SLUGS) - published == set()


def test_loading_the_seed_twice_duplicates_nothing(seeded):
    counts = (Page.objects.count(), PageRevision.objects.count())
    call_command("load_education_demo", stdout=None)
    assert (Page.objects.count(), PageRevision.objects.count()) == counts


def test_the_seed_never_overwrites_an_editors_change(seeded, editor, monkeypatch):
    page = Page.objects.get(slug=slugs.OLDER_ADULTS)
    page.body = "An editor's own words."
    services.page_save(page=page, author=editor, change_note="Rewrite")
    spec = next(spec for spec in PAGES if spec["slug"] == slugs.OLDER_ADULTS)
    monkeypatch.setitem(spec, "body", "A newer seed text.")
    call_command("load_education_demo", stdout=None)
    assert Page.objects.get(slug=slugs.OLDER_ADULTS).body == "An editor's own words."


def test_the_seed_refreshes_a_page_nobody_has_touched(seeded, monkeypatch):
    spec = next(spec for spec in PAGES if spec["slug"] == slugs.ALTERNATIVES)
    monkeypatch.setitem(spec, "body", "A corrected seed text.")
    call_command("load_education_demo", stdout=None)
    assert Page.objects.get(slug=slugs.ALTERNATIVES).body == "A corrected seed text.\n"


def test_every_seed_page_has_sources_and_no_clinical_approval(seeded):
    pages = Page.objects.filter(topic__slug=slugs.TOPIC_CLONAZEPAM)
    assert all(page.sources.exists() for page in pages)
    assert {(page.reviewed_by_id, page.last_reviewed) for page in pages} == {(None, None)}


def test_seed_pages_link_to_related_pages(seeded):
    page = Page.objects.get(slug=slugs.AT_A_GLANCE)
    assert page.related.filter(slug=slugs.STOPPING_SAFELY).exists()


@pytest.mark.parametrize("text", PAGE_TEXTS)
def test_no_run_of_eight_words_from_the_seed_article_is_carried_over(text):
    copied = [run for run in word_runs(text) if run_hash(run) in seed_run_hashes()]
    assert copied == []


def test_the_copy_check_would_catch_a_copied_sentence():
    copied = "It falls in the middle of the typical therapeutic range, they said."
    assert any(run_hash(run) in seed_run_hashes() for run in word_runs(copied))


@pytest.mark.parametrize("text", PAGE_TEXTS)
def test_pages_read_at_about_an_eighth_grade_level(text):
    assert grade_level(text) <= 8.5


@pytest.mark.parametrize("text", PAGE_TEXTS)
def test_every_number_on_a_page_comes_from_the_clinical_reference(text):
    numbers = set(re.findall(r"\d+(?:\.\d+)?", text))
    assert numbers - REFERENCE_NUMBERS == set()


@pytest.mark.parametrize("text", PAGE_TEXTS)
def test_no_page_advertises_or_tells_a_reader_to_change_a_dose_alone(text):
    lowered = text.lower()
    assert "blossom" not in lowered and "board-certified" not in lowered
    assert "prescriber" in lowered


def test_getting_help_now_gives_988_the_veterans_line_and_911(seeded):
    body = Page.objects.get(slug=slugs.GETTING_HELP_NOW).body_html
    assert all(part in body for part in ("988", "press 1", "838255", "911"))


def test_every_link_between_seed_pages_points_at_a_published_page(seeded):
    published = set(Page.objects.published().values_list("slug", flat=True))
    for page in Page.objects.all():
        for path in re.findall(r'href="(/[^"]*)"', page.body_html):
            match = resolve(path)
            assert match.view_name == "education:page" and match.kwargs["slug"] in published


def test_the_first_revision_of_a_seed_page_is_complete(seeded):
    revision = Page.objects.get(slug=slugs.AT_A_GLANCE).revisions.get()
    assert revision.snapshot["related"] and revision.snapshot["sources"]
