"""Issue 22's education: the street-pills and kratom/phenibut pages, the additions to the
existing pages (clinical-reference.md sections 3, 8 and 9), the two-person sign-off of the
demo, and the flags' links to pages that exist and are published."""

import ast
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils.html import escape

from education import slugs
from education.content import CONTENT_DIR, load_sources, load_topics
from education.links import page_url
from education.models import Page, PageRevision
from intake.clinical import catalog_data
from intake.clinical.rules import RULES
from portal import roles
from tests.clinical.helpers import flags, med
from tests.education.textcheck import grade_level, run_hash, seed_run_hashes, word_runs
from tests.factories import make_user

NEW_PAGES = (slugs.STREET_PILLS, slugs.KRATOM_PHENIBUT)
SPECS = {page.slug: page for topic in load_topics() for page in topic.pages}
RULES_DIR = Path(__file__).resolve().parents[2] / "intake" / "clinical" / "rules"
POISON_CONTROL = "1-800-222-1222"


def _body(slug: str) -> str:
    return " ".join(SPECS[slug].body.split())


def _section(slug: str, heading: str) -> str:
    body = _body(slug)
    start = body.index(f"## {heading}")
    end = body.find("## ", start + 3)
    return body[start : end if end > 0 else None]


@pytest.fixture
def demo_reviewer(db):
    return make_user("reviewer@demo.example", groups=(roles.CLINICAL_REVIEWERS,), is_staff=True)


@pytest.fixture
def demo(demo_reviewer):
    """The education part of ``make run``'s ``load_demo``: the seed, then the demo review."""
    call_command("load_education_demo", stdout=None)
    call_command("approve_education_demo", reviewer=demo_reviewer.username, stdout=None)
    return demo_reviewer


# ---- the new pages ---------------------------------------------------------------------------
@pytest.mark.parametrize("slug", NEW_PAGES)
def test_a_new_page_is_a_content_file_linked_by_slug(slug):
    assert (CONTENT_DIR / slugs.TOPIC_CLONAZEPAM / f"{slug}.md").exists()
    assert slug in slugs.LINKED_SLUGS


@pytest.mark.parametrize("slug", NEW_PAGES)
def test_a_new_page_is_published_after_a_draft_and_a_different_reviewers_approval(demo, slug):
    page = Page.objects.get(slug=slug)
    assert Page.objects.published().filter(slug=slug).exists()
    assert (page.review_state, page.reviewed_by) == (Page.ReviewState.APPROVED, demo)
    drafted = page.revisions.filter(kind__in=PageRevision.CONTENT_KINDS).order_by("number")
    approved = page.revisions.get(kind=PageRevision.Kind.APPROVED)
    assert drafted.exists() and all(r.author_id != demo.pk for r in drafted)
    assert approved.author == demo and approved.number > drafted.last().number
    assert page.live_body == page.body


@pytest.mark.parametrize("slug", NEW_PAGES)
def test_a_new_page_shows_its_sources_the_disclaimer_and_988(client, demo, slug):
    html = client.get(page_url(slug)).content.decode()
    sources = load_sources()
    assert SPECS[slug].sources
    for key in SPECS[slug].sources:
        assert escape(sources[key]["title"]) in html, key
    assert "Medical disclaimer" in html
    assert 'href="tel:988"' in html and "call or text 988" in _body(slug)
    assert "911" in _body(slug) and POISON_CONTROL in _body(slug)


@pytest.mark.parametrize("slug", NEW_PAGES)
def test_a_new_page_is_in_the_projects_own_plain_words(slug):
    text = SPECS[slug].text
    assert [run for run in word_runs(text) if run_hash(run) in seed_run_hashes()] == []
    assert grade_level(text) <= 6.5
    assert "prescriber" in text


def test_the_street_pills_page_warns_of_fentanyl_and_designer_benzos():
    body = _body(slugs.STREET_PILLS)
    for part in ("fentanyl", "bromazolam", "One Pill Can Kill", "7 in 10", "from a pharmacy"):
        assert part in body, part
    assert "Never take a pill from" in body
    assert "naloxone" in _section(slugs.STREET_PILLS, "Keep naloxone close")


def test_the_kratom_page_says_opioid_like_sedative_dangerous_with_a_benzo_and_withdrawal():
    assert "like an opioid" in SPECS[slugs.KRATOM_PHENIBUT].summary
    kratom = _section(slugs.KRATOM_PHENIBUT, "Kratom acts like an opioid")
    assert "opioid taken with a benzo" in kratom and "breathing" in kratom
    assert "sedative" in _section(slugs.KRATOM_PHENIBUT, "Phenibut acts like a sedative")
    withdrawal = _section(slugs.KRATOM_PHENIBUT, "Dependence and withdrawal")
    assert "seizures" in withdrawal and "do not stop on your own" in withdrawal


# ---- additions to the pages that were there ----------------------------------------------------
@pytest.mark.parametrize(
    "slug",
    [slugs.GETTING_HELP_NOW, slugs.ALCOHOL_OPIOIDS_SEDATIVES, slugs.NALOXONE, *NEW_PAGES],
)
def test_where_overdose_is_discussed_poison_control_is_given_and_cited(slug):
    assert POISON_CONTROL in _body(slug)
    assert "poison_help" in SPECS[slug].sources


def test_the_naloxone_steps_include_rescue_breathing_and_a_second_dose():
    steps = _section(slugs.NALOXONE, "If someone may be overdosing")
    for part in ("Call 911", "Give the naloxone", "rescue breaths", "recovery position",
                 "until help arrives", "after 2 to 3 minutes", "second dose"):  # fmt: skip
        assert part in steps, part
    assert steps.index("Call 911") < steps.index("rescue breaths") < steps.index("second dose")
    assert "samhsa_overdose_toolkit" in SPECS[slugs.NALOXONE].sources


def test_the_pregnancy_page_gives_the_labels_data_and_the_registry():
    label = _section(slugs.PREGNANCY_BREASTFEEDING, "What the label says about the newborn")
    for part in ("updated in 2023", "late in pregnancy", "very sleepy", "withdrawal",
                 "not to stop it all at once"):  # fmt: skip
        assert part in label, part
    assert "passes into breast milk" in _body(slugs.PREGNANCY_BREASTFEEDING)
    registry = _section(slugs.PREGNANCY_BREASTFEEDING, "The pregnancy registry")
    assert "National Pregnancy Registry for Psychiatric Medications" in registry
    assert "Massachusetts General Hospital" in registry
    assert "pregnancy_registry" in SPECS[slugs.PREGNANCY_BREASTFEEDING].sources


def test_the_alternatives_page_warns_of_mania_with_antidepressants_in_bipolar_disorder():
    bipolar = _section(slugs.ALTERNATIVES, "If you have bipolar disorder")
    for part in ("antidepressant", "mania", "bipolar I", "tell your prescriber"):
        assert part in bipolar, part
    assert "canmat_isbd_2018" in SPECS[slugs.ALTERNATIVES].sources


def test_the_2020_boxed_warning_names_everything_it_covers():
    misuse = _section(slugs.STOPPING_SAFELY, "Misuse and addiction")
    warning = misuse[misuse.index("In 2020") : misuse.index("Taking more")]
    for part in ("abuse", "misuse", "addiction", "physical dependence", "withdrawal reactions"):
        assert part in warning, part


# ---- the flags' links --------------------------------------------------------------------------
def _slugs_named_in_rule_files() -> set[str]:
    """Every ``slugs.NAME`` a rule module reads (constants only, not functions)."""
    named = set()
    for path in RULES_DIR.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if (
                isinstance(node, ast.Attribute)
                and isinstance(node.value, ast.Name)
                and node.value.id == "slugs"
            ):
                value = getattr(slugs, node.attr)
                if isinstance(value, str):
                    named.add(value)
    return named


def _slugs_a_flag_may_link() -> set[str]:
    named = _slugs_named_in_rule_files() - {slugs.TOPIC_CLONAZEPAM}
    named |= {slug for pages in slugs.FLAG_PAGES.values() for slug in pages}
    return named | set(slugs.SUBSTANCE_PAGES.values())


def test_every_slug_a_rule_or_flag_pages_names_is_a_content_file():
    files = {path.stem for path in CONTENT_DIR.glob("*/*.md")}
    named = _slugs_a_flag_may_link()
    assert {slugs.STREET_PILLS, slugs.KRATOM_PHENIBUT, slugs.NALOXONE} <= named
    assert named - files == set()


def test_every_slug_a_flag_may_link_is_published_in_the_demo(demo):
    published = set(Page.objects.published().values_list("slug", flat=True))
    assert _slugs_a_flag_may_link() - published == set()


def test_flag_pages_name_only_real_flags():
    assert set(slugs.FLAG_PAGES) - set(RULES) == set()


def test_each_substance_with_a_page_is_a_catalog_name():
    generics = {row["generic"] for row in catalog_data.MEDICATIONS}
    assert set(slugs.SUBSTANCE_PAGES) - generics == set()


@pytest.mark.parametrize(
    ("case", "code", "page"),
    [
        ({"medications": [med("Klonopin", 1, 2), med("kratom")]}, "opioid_benzo",
         slugs.KRATOM_PHENIBUT),
        ({"medications": [med("Klonopin", 1, 2), med("phenibut")]}, "cns_load",
         slugs.KRATOM_PHENIBUT),
        ({"medications": [med("bars", 2, prescribed=False)]}, "misuse_signals",
         slugs.STREET_PILLS),
        ({"medications": [med("Klonopin", 1, 2), med("bromazolam")]}, "multiple_benzos",
         slugs.STREET_PILLS),
        ({"medications": [med("Klonopin", 1, 2), med("oxycodone", 5)]}, "opioid_benzo",
         slugs.ALCOHOL_OPIOIDS_SEDATIVES),
    ],
    ids=["kratom-with-a-benzo", "phenibut-with-a-benzo", "street-bars",
         "designer-benzo", "a-prescribed-opioid-keeps-its-page"],
)  # fmt: skip
def test_a_flag_about_a_street_or_online_substance_links_its_page(case, code, page):
    assert flags(case)[code]["education"] == page


@pytest.mark.parametrize(
    ("flag", "page"),
    [
        ("misuse_signals", slugs.STREET_PILLS),
        ("possible_misuse_signals", slugs.STREET_PILLS),
        ("dast_moderate", slugs.STREET_PILLS),
        ("dast_moderate", slugs.KRATOM_PHENIBUT),
        ("possible_opioid_benzo", slugs.NALOXONE),
    ],
    ids=str,
)
def test_a_flag_brings_the_street_substance_pages_into_pages_for_you(patient, flag, page):
    from intake.summary import education_slugs
    from tests.factories import make_intake

    intake = make_intake(patient, evaluation={"flags": [{"code": flag, "education": ""}]})
    assert page in education_slugs(intake)
