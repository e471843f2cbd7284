import dataclasses
import re

import pytest
from django.core.management import call_command
from django.urls import resolve

from education import seed, services, slugs
from education.content import CONTENT_DIR, ContentError, load_sources, load_topics, read_page
from education.models import Page, PageRevision
from tests.education.textcheck import grade_level, run_hash, seed_run_hashes, word_runs

# Every number a page may show, from ../shared/clinical-reference.md (doses, times, years,
# ages, percentages, the instruments' counts) and the crisis lines.
REFERENCE_NUMBERS = {
    "0", "0.125", "0.25", "0.5", "0.75", "1", "2", "2.5", "3", "4", "6", "7", "9", "10",
    "12", "19", "20", "21", "30", "40", "41", "60", "65", "2002", "2004", "2011", "2014",
    "2016", "2020", "2021", "2022", "2023", "911", "988", "838255",
    # Added with issue 14, each traced on its page to a listed source (see figures):
    "25",  # the antidepressant boxed warning: children, teens and young adults under 25
    # Added with issue 22 (section 9): the Poison Control line, 1-800-222-1222.
    "800", "222", "1222",
}  # fmt: skip
PAGES = [page for topic in load_topics() for page in topic.pages]
PAGE_TEXTS = [pytest.param(spec.text, id=spec.slug) for spec in PAGES]
PAGE_SPECS = [pytest.param(spec, id=spec.slug) for spec in PAGES]


@pytest.fixture
def seeded(db):
    call_command("load_education_demo", stdout=None)


def test_the_seed_has_a_page_for_every_subject_in_the_design():
    assert len(PAGES) >= 12
    assert {spec.slug for spec in PAGES} >= set(slugs.LINKED_SLUGS)


@pytest.mark.parametrize("path", sorted(CONTENT_DIR.glob("*/*.md")), ids=lambda path: path.stem)
def test_every_content_file_has_complete_front_matter(path):
    spec = read_page(path, load_sources())
    assert spec.title and spec.summary and spec.sources and spec.related
    assert 1 <= spec.review_interval_months <= 60


def test_a_file_with_a_mistake_is_refused_with_its_name(tmp_path, monkeypatch):
    bad = CONTENT_DIR / "clonazepam" / "getting-help-now.md"
    broken = tmp_path / "getting-help-now.md"
    broken.write_text(bad.read_text().replace("sources:", "sauces:", 1))
    monkeypatch.setattr("education.content.CONTENT_DIR", tmp_path)
    with pytest.raises(ContentError, match="getting-help-now.md: front matter is missing"):
        read_page(broken, load_sources())


# The emergency number is a phone number, not a clinical figure.
EMERGENCY_NUMBERS = {"911"}


def _numbers(text: str) -> set[str]:
    """The figures a reader sees: not link addresses, list markers, instrument names
    (GAD-7) or the emergency number."""
    text = re.sub(r"\]\([^)]*\)", "]", text)
    text = re.sub(r"^\s*\d+\. ", "", text, flags=re.M)
    text = re.sub(r"\b[A-Z]{2,}-\d+", "", text)
    return set(re.findall(r"\d+(?:\.\d+)?", text)) - EMERGENCY_NUMBERS


@pytest.mark.parametrize("spec", PAGE_SPECS)
def test_every_number_on_a_page_has_a_source_listed_on_that_page(spec):
    flat = " ".join(spec.text.split())
    traced = set()
    for figure in spec.figures:
        assert figure["text"] in flat, f"figure not on the page: {figure['text']}"
        assert figure["source"] in spec.sources
        traced |= _numbers(figure["text"])
    assert _numbers(spec.text) - traced == set()


def test_the_flagged_timing_figures_trace_to_a_listed_source():
    figures = {
        figure["text"]: figure["source"]
        for spec in PAGES
        if spec.slug in (slugs.AT_A_GLANCE, slugs.WHAT_TO_EXPECT)
        for figure in spec.figures
    }
    assert {"30 to 60 minutes", "6 to 12 hours", "30 to 40 hours"} <= set(figures)


def test_every_linked_slug_exists_and_is_published_after_the_seed_load(seeded):
    published = set(Page.objects.published().values_list("slug", flat=True))
    assert set(slugs.LINKED_SLUGS) - published == set()


def test_loading_the_seed_twice_duplicates_nothing(seeded):
    counts = (Page.objects.count(), PageRevision.objects.count())
    call_command("load_education_demo", stdout=None)
    assert (Page.objects.count(), PageRevision.objects.count()) == counts


def _with_body(monkeypatch, slug: str, body: str) -> None:
    topics = load_topics()
    changed = [
        dataclasses.replace(
            topic,
            pages=tuple(
                dataclasses.replace(page, body=body) if page.slug == slug else page
                for page in topic.pages
            ),
        )
        for topic in topics
    ]
    monkeypatch.setattr(seed, "load_topics", lambda: changed)


def test_the_seed_never_overwrites_an_editors_change(seeded, editor, monkeypatch):
    page = Page.objects.get(slug=slugs.OLDER_ADULTS)
    page.body = "An editor's own words."
    services.page_save(page=page, author=editor, change_note="Rewrite")
    _with_body(monkeypatch, slugs.OLDER_ADULTS, "A newer seed text.\n")
    call_command("load_education_demo", stdout=None)
    assert Page.objects.get(slug=slugs.OLDER_ADULTS).body == "An editor's own words."


def test_the_seed_refreshes_a_page_nobody_has_touched(seeded, monkeypatch):
    _with_body(monkeypatch, slugs.ALTERNATIVES, "A corrected seed text.\n")
    call_command("load_education_demo", stdout=None)
    page = Page.objects.get(slug=slugs.ALTERNATIVES)
    assert (page.body, page.live_body) == ("A corrected seed text.\n",) * 2


def test_rerunning_the_loader_changes_nothing(seeded):
    before = list(Page.objects.order_by("pk").values_list("pk", "version", "updated_at"))
    call_command("load_education_demo", stdout=None)
    assert list(Page.objects.order_by("pk").values_list("pk", "version", "updated_at")) == before


def test_a_changed_seed_on_an_approved_page_waits_for_review(seeded, monkeypatch):
    from tests.factories import make_clinical_reviewer

    page = Page.objects.get(slug=slugs.ALTERNATIVES)
    services.page_submit(page=page, actor=None)
    services.page_approve(page=page, reviewer=make_clinical_reviewer())
    _with_body(monkeypatch, slugs.ALTERNATIVES, "A corrected seed text.\n")
    call_command("load_education_demo", stdout=None)
    page.refresh_from_db()
    assert (page.body, page.review_state) == ("A corrected seed text.\n", "draft")
    assert page.live_body != page.body


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
def test_every_number_on_a_page_is_one_from_the_clinical_reference(text):
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


def _body(slug: str) -> str:
    return " ".join(next(spec for spec in PAGES if spec.slug == slug).body.split())


def test_dangerous_withdrawal_goes_to_911_or_the_emergency_department_not_urgent_care():
    body = _body(slugs.GETTING_HELP_NOW)
    withdrawal = body[body.index("## Signs of dangerous withdrawal") :]
    withdrawal = withdrawal[: withdrawal.index("##", 3)]
    assert "urgent care" not in body.lower()
    assert "strong confusion" in withdrawal and "emergency department" in withdrawal
    assert "911" in withdrawal


def test_at_a_glance_says_what_the_boxed_warning_covers():
    body = _body(slugs.AT_A_GLANCE)
    warning = body[body.index("**The boxed warning.**") : body.index("2. **")]
    for part in ("opioids", "misused", "addiction", "depend", "withdrawal"):
        assert part in warning, part
    assert "alcohol" not in warning.lower()


def test_the_dose_range_never_reads_as_permission_above_the_prescribed_dose():
    body = _body(slugs.DOSE_RANGE)
    assert "for panic disorder only" not in body
    assert "Never take more than your prescriber has told you to" in body
