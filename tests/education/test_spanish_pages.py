"""Education pages in Spanish (issue 26): each version is a page of its own with the same
two-person clinical sign-off; readers get their language's approved version, and a page
not yet approved in it stays in English with a plain note. The seed's Spanish versions
carry the English pages' facts and the 988 line in Spanish."""

import re

import pytest
from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from playwright.sync_api import expect

from education import services, slugs
from education.content import load_sources, load_topics, load_translations
from education.links import page_links, page_url
from education.models import Page, PageRevision
from portal import roles
from portal.language import set_preferred_language
from tests.education.test_safety_pages import _slugs_a_flag_may_link
from tests.factories import (
    make_clinical_reviewer,
    make_editor,
    make_page,
    make_patient,
    make_submitted_intake,
    make_user,
)

TRANSLATIONS = load_translations()
ENGLISH = {page.slug: page for topic in load_topics() for page in topic.pages}
SPANISH = [pytest.param(spec, id=spec.slug) for spec in TRANSLATIONS]
ES = {"HTTP_ACCEPT_LANGUAGE": "es-US,es;q=0.9"}
EN = {"HTTP_ACCEPT_LANGUAGE": "en-US,en;q=0.9"}


@pytest.fixture
def demo(db):
    """What ``make run`` loads: the seed, then the demo reviewer's approval."""
    reviewer = make_user("reviewer@demo.example", groups=(roles.CLINICAL_REVIEWERS,), is_staff=True)
    call_command("load_education_demo", stdout=None)
    call_command("approve_education_demo", reviewer=reviewer.username, stdout=None)
    return reviewer


def _spanish(slug: str) -> Page:
    return Page.objects.get(translation_of__slug=slug, language="es")


# ---- the content files --------------------------------------------------------------------
def test_every_page_a_flag_or_the_crisis_help_links_to_has_a_spanish_version():
    translated = {spec.translation_of for spec in TRANSLATIONS if spec.language == "es"}
    wanted = _slugs_a_flag_may_link() | {slugs.GETTING_HELP_NOW}
    assert wanted - translated == set()


def _numbers(text: str) -> set[str]:
    """As the English content test reads them: no link addresses, list markers,
    instrument names (GAD-7) or 911."""
    text = re.sub(r"\]\([^)]*\)", "]", text)
    text = re.sub(r"^\s*\d+\. ", "", text, flags=re.M)
    text = re.sub(r"\b[A-Z]{2,}-\d+", "", text)
    return set(re.findall(r"\d+(?:\.\d+)?", text)) - {"911"}


@pytest.mark.parametrize("spec", SPANISH)
def test_every_number_on_a_spanish_page_is_traced_to_a_source_listed_on_it(spec):
    flat = " ".join(spec.text.split())
    traced = set()
    for figure in spec.figures:
        assert figure["text"] in flat, f"figure not on the page: {figure['text']}"
        assert figure["source"] in spec.sources
        traced |= _numbers(figure["text"])
    assert _numbers(spec.text) - traced == set()


@pytest.mark.parametrize("spec", SPANISH)
def test_a_spanish_page_carries_its_english_pages_facts_and_sources(spec):
    english = ENGLISH[spec.translation_of]
    # The 988 line in Spanish ("llame al 988 y oprima 2") may add its numbers.
    assert _numbers(spec.text) - _numbers(english.text) <= {"2", "988"}
    assert _numbers(english.text) - _numbers(spec.text) == set()
    assert set(spec.sources) == set(english.sources)


@pytest.mark.parametrize("spec", SPANISH)
def test_a_spanish_page_that_gives_the_crisis_line_gives_it_in_spanish(spec):
    english = " ".join(ENGLISH[spec.translation_of].text.split())
    flat = " ".join(spec.text.split())
    if "call or text 988" in english or "Call or text **988**" in english:
        assert "988 y oprima 2" in flat and "AYUDA" in flat


# ---- the model and the sign-off ------------------------------------------------------------
@pytest.mark.django_db
def test_a_page_has_at_most_one_version_per_language():
    original = make_page("first-page")
    make_page("primera-pagina", language="es", translation_of=original)
    with pytest.raises(IntegrityError), transaction.atomic():
        make_page("otra-primera-pagina", language="es", translation_of=original)


@pytest.mark.django_db
def test_a_version_in_another_language_must_name_its_english_page():
    with pytest.raises(IntegrityError), transaction.atomic():
        make_page("huerfana", language="es", published=False)


@pytest.mark.django_db
def test_a_spanish_version_needs_a_second_clinicians_approval_like_any_page():
    original = make_page("first-page")
    version = make_page("primera-pagina", language="es", translation_of=original, published=False)
    editor, reviewer = make_editor(), make_clinical_reviewer()
    version.body = "Palabras nuevas."
    services.page_save(page=version, author=reviewer, change_note="Traducción.")
    services.page_submit(page=version, actor=editor)
    with pytest.raises(services.IllegalTransition, match="another clinical reviewer"):
        services.page_approve(page=version, reviewer=reviewer)
    second = make_clinical_reviewer("una@clinic.example", credentials="MD")
    services.page_approve(page=version, reviewer=second)
    version.refresh_from_db()
    assert (version.is_public(), version.reviewed_by) == (True, second)


def test_the_demo_approves_each_spanish_version_by_a_reviewer_who_did_not_write_it(demo):
    version = _spanish(slugs.GETTING_HELP_NOW)
    drafted = version.revisions.filter(kind__in=PageRevision.CONTENT_KINDS)
    approved = version.revisions.get(kind=PageRevision.Kind.APPROVED)
    assert version.is_public() and version.reviewed_by == demo
    assert approved.author == demo and all(r.author_id != demo.pk for r in drafted)
    assert version.live_body == version.body


# ---- what readers see -----------------------------------------------------------------------
def test_a_spanish_reader_of_an_english_address_is_taken_to_the_spanish_version(client, demo):
    response = client.get(page_url(slugs.GETTING_HELP_NOW), **ES)
    assert response.status_code == 302
    assert response["Location"] == _spanish(slugs.GETTING_HELP_NOW).get_absolute_url()


def test_the_spanish_version_is_a_spanish_page_with_its_sources_disclaimer_and_988(client, demo):
    version = _spanish(slugs.GETTING_HELP_NOW)
    html = client.get(version.get_absolute_url(), **ES).content.decode()
    assert '<html lang="es">' in html and '<article class="education-page"' in html
    assert 'lang="es">' in html and "Obtener ayuda ahora" in html
    assert "oprima 2" in html and "Aviso médico" in html and "Fuentes" in html
    assert escape(load_sources()["lifeline_988"]["title"]) in html


def test_an_english_reader_of_a_spanish_address_is_taken_to_the_english_page(client, demo):
    response = client.get(_spanish(slugs.GETTING_HELP_NOW).get_absolute_url(), **EN)
    assert response["Location"] == page_url(slugs.GETTING_HELP_NOW)


def test_an_english_reader_still_gets_the_english_page_at_its_address(client, demo):
    response = client.get(page_url(slugs.GETTING_HELP_NOW), **EN)
    assert response.status_code == 200 and "Getting help now" in response.content.decode()


@pytest.mark.django_db
def test_a_page_not_yet_approved_in_spanish_says_so_in_spanish_and_shows_the_english(client):
    original = make_page("first-page", title="First page")
    make_page("primera-pagina", language="es", translation_of=original, published=False)
    html = client.get(original.get_absolute_url(), **ES).content.decode()
    assert "todavía no está disponible en español" in html
    assert '<article class="education-page" aria-labelledby="page-title" lang="en">' in html


@pytest.mark.django_db
def test_pages_for_you_are_in_the_readers_language_with_a_note_where_not_yet():
    first = make_page("first-page")
    make_page("second-page", title="Second page")
    version = make_page("primera-pagina", title="Primera", language="es", translation_of=first)
    with translation.override("es"):
        spanish, english = page_links(["first-page", "second-page"])
    assert (spanish["title"], spanish["lang"], spanish["notice"]) == ("Primera", "es", "")
    assert spanish["url"] == version.get_absolute_url()
    assert (english["title"], english["lang"]) == ("Second page", "en")
    assert "todavía no está disponible" in english["notice"].lower()
    with translation.override("en"):
        assert [link["lang"] for link in page_links(["first-page", "second-page"])] == ["en"] * 2


def test_the_topic_lists_each_page_once_in_the_readers_language(client, demo):
    html = client.get(reverse("education:topic", args=[slugs.TOPIC_CLONAZEPAM]), **ES)
    html = html.content.decode()
    assert "Obtener ayuda ahora" in html and "Getting help now" not in html
    assert html.count('class="fw-semibold"') == len(ENGLISH)


@pytest.mark.django_db
def test_a_copy_cached_in_english_is_not_reused_for_a_spanish_reader(client):
    page = make_page("first-page", title="First page")
    etag = client.get(page.get_absolute_url(), **EN)["ETag"]
    again = client.get(page.get_absolute_url(), HTTP_IF_NONE_MATCH=etag, **EN)
    spanish = client.get(page.get_absolute_url(), HTTP_IF_NONE_MATCH=etag, **ES)
    assert (again.status_code, spanish.status_code) == (304, 200)
    assert "Accept-Language" in spanish["Vary"]


@pytest.mark.django_db
def test_a_spanish_search_finds_the_spanish_version_not_its_english_page(client):
    original = make_page("naloxone-page", title="Naloxone", body="Naloxone reverses opioids.")
    make_page(
        "pagina-naloxona",
        title="Naloxona",
        body="La naloxona revierte los opioides.",
        language="es",
        translation_of=original,
    )
    found = client.get(reverse("education:search"), {"q": "naloxona"}, **ES).content.decode()
    assert "/learn/pages/pagina-naloxona/" in found
    english = client.get(reverse("education:search"), {"q": "naloxone"}, **ES).content.decode()
    assert "/learn/pages/naloxone-page/" not in english


def test_a_spanish_patients_confirmation_lists_the_spanish_pages(client, demo):
    patient = make_patient("lucia@patients.example")
    set_preferred_language(patient, "es")
    intake = make_submitted_intake(patient, archetype="stat_imminent")
    client.force_login(patient)
    html = client.get(reverse("intake:confirmation", args=[intake.public_id])).content.decode()
    assert _spanish(slugs.GETTING_HELP_NOW).get_absolute_url() in html
    assert "Obtener ayuda ahora" in html and "Getting help now" not in html


# ---- in a browser ------------------------------------------------------------------------
@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_spanish_phone_reads_the_crisis_page_in_spanish_and_switches_to_english(
    chromium, live_server, axe
):
    reviewer = make_user("reviewer@demo.example", groups=(roles.CLINICAL_REVIEWERS,), is_staff=True)
    call_command("load_education_demo", stdout=None)
    call_command("approve_education_demo", reviewer=reviewer.username, stdout=None)
    context = chromium.new_context(
        viewport={"width": 360, "height": 780}, base_url=live_server.url, locale="es-US"
    )
    context.set_default_timeout(30_000)
    page = context.new_page()
    page.goto(page_url(slugs.GETTING_HELP_NOW))
    expect(page.get_by_role("heading", level=1)).to_have_text("Obtener ayuda ahora")
    expect(page.locator("html")).to_have_attribute("lang", "es")
    expect(page.locator("article")).to_have_attribute("lang", "es")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360  # no sideways scroll
    axe(page, "education-page-es-360px")

    page.get_by_role("button", name="English").click()  # the switch, no script needed
    expect(page.get_by_role("heading", level=1)).to_have_text("Getting help now")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    context.close()
