"""The questionnaire's own words in Spanish (issue 26): page titles, intros, "why we ask"
and safety notices come from the declaration (intake/sections.py), the goals page's labels,
hint and error from its form; an English patient sees the same pages in English."""

import re
from html.parser import HTMLParser

import pytest
from django.test import Client
from django.urls import reverse

from intake.consent.texts import FIRST_VERSIONS, FIRST_VERSIONS_ES
from intake.forms.contact import STATE_NAMES
from intake.sections import questionnaire
from intake.services import intake_create
from intake.summary import describe_medication
from tests.factories import make_intake, make_submitted_intake
from tests.intake.answers import COMPLETE, COMPLETE_DETAILS

pytestmark = pytest.mark.django_db


def _page(patient, path, *, language="es-US,es;q=0.9", data=None):
    intake = make_intake(patient)
    browser = Client(HTTP_ACCEPT_LANGUAGE=language)
    browser.force_login(patient)
    url = reverse("intake:step", args=[intake.public_id, path])
    response = browser.post(url, data) if data is not None else browser.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_the_goals_page_in_spanish(patient):
    html = _page(patient, "goals/")
    assert '<html lang="es">' in html
    assert "Lo que quiere de su cita" in html
    assert "¿Qué le gustaría lograr en su cita? (opcional)" in html
    assert "Su psiquiatra lee esto antes de su cita" in html
    assert "¿Qué es lo que más le preocupa ahora? (opcional)" in html
    assert "What would you like" not in html


def test_a_goals_answer_too_long_is_refused_in_spanish(patient):
    html = _page(patient, "goals/", data={"hopes": "x" * 1001, "worries": ""})
    assert "Hay un problema" in html and "Use 1000 caracteres o menos" in html


def test_page_titles_intros_and_the_safety_notice_in_spanish(patient):
    about = _page(patient, "about/")
    assert "Sobre usted" in about
    assert "Unos datos que cambian qué medicamentos y qué dosis son más seguros" in about
    safety = _page(patient, "safety/")
    assert "Su seguridad" in safety
    assert "Su equipo de atención ve sus respuestas a estas preguntas en cuanto las guarda" in (
        safety
    )


def test_the_same_pages_stay_english_for_an_english_browser(patient):
    html = _page(patient, "goals/", language="en-US,en;q=0.9")
    assert "What would you like to get from your visit? (optional)" in html
    assert "Your psychiatrist reads this before your visit" in html


# ---- every patient page: no text left in English ------------------------------------------
# Words that are the same in both languages, names and the instruments' short names.
SAME_IN_BOTH = {
    "No",
    "Alcohol",
    "Alcohol (AUDIT-C)",
    "Error:",
    "PDF",
    "(PDF)",
    "JSON",
    "mg",
    "Total",
    "Klonopin",
}
NAMES = {*(str(name) for name in STATE_NAMES.values()), "Alice Adams", "Alice"}


class _Text(HTMLParser):
    """The visible text nodes of a page: not scripts or styles, not what the patient typed
    (a text box's content), not the switch to the other language (marked with its ``lang``)."""

    HIDDEN = {"script", "style", "textarea"}
    VOID = {"br", "input", "img", "meta", "link", "hr"}

    def __init__(self):
        super().__init__()
        self.skipping: list[str] = []
        self.nodes: list[str] = []

    def handle_starttag(self, tag, attrs):
        hidden = tag in self.HIDDEN or (dict(attrs).get("lang") and tag != "html")
        if (self.skipping or hidden) and tag not in self.VOID:
            self.skipping.append(tag)

    def handle_endtag(self, tag):
        if self.skipping and self.skipping[-1] == tag:
            self.skipping.pop()

    def handle_data(self, data):
        text = " ".join(data.split())
        if text and not self.skipping:
            self.nodes.append(text)


def _nodes(html: str) -> list[str]:
    parser = _Text()
    parser.feed(html)
    return parser.nodes


def _english_left(spanish: str, english: str, own_words: set[str]) -> list[str]:
    english_nodes = set(_nodes(english))
    return sorted(
        {
            node
            for node in _nodes(spanish)
            if node in english_nodes
            and re.search(r"[A-Za-z]{2}", node)
            and node not in SAME_IN_BOTH | NAMES | own_words
        }
    )


def _every_page_applies(intake) -> None:
    """Answers under which every declared page applies (a benzodiazepine, drug use, a
    safety answer that asks the follow-ups, past medicines)."""
    answers = {
        **COMPLETE,
        "medications": [{**COMPLETE["medications"][0], "name": "Klonopin", "strength_mg": 0.5}],
        "substances": {**COMPLETE["substances"], "drug_use_past_year": True},
        "cssrs": {"q1": True, "q2": True, "q6": False},
        "psych_history": {"took_past_medicines": True, "past_medicines": []},
    }
    intake.answers = answers
    intake.details = {**COMPLETE_DETAILS, "seen": ["about"]}
    intake.save()


def _patient_pages(intake, sent) -> dict[str, str]:
    """Every page the patient sees, by name: each declared page of the questionnaire (so a
    new page is checked without a change here), then the others."""
    pages = {key: page.url(intake.public_id) for key, page in questionnaire().steps_by_key.items()}
    for name, args in {
        "tasks": (),
        "check": (),
        "medication_add": (),
        "medication_edit": (0,),
        "medication_edit_how": (0,),
        "consent": (),
        "privacy_notice": (),
    }.items():
        pages[name] = reverse(f"intake:{name}", args=[intake.public_id, *args])
    for slug in ("telehealth", "privacy-notice", "controlled-medicine"):
        pages[f"consent {slug}"] = reverse("intake:consent_sign", args=[intake.public_id, slug])
    pages["home"] = reverse("intake:home")  # two intakes: the list of them
    pages["confirmation"] = reverse("intake:confirmation", args=[sent.public_id])
    pages["sent answers"] = reverse("intake:check", args=[sent.public_id])
    pages["scores"] = reverse("intake:scores", args=[sent.public_id])
    return pages


def test_no_english_is_left_on_any_patient_page(patient):
    """Each patient page rendered for a Spanish and an English browser: no visible text
    node may be the same in both, apart from names, numbers and the patient's own words.
    The consent documents are checked too: each has an approved Spanish version."""
    # Nothing signed yet: each consent page shows the document to sign, in the page's
    # language (a signed one shows the text that was signed, whatever the page's).
    intake = make_intake(patient, consents=False)
    _every_page_applies(intake)
    sent = make_submitted_intake(patient, visit_in_hours=96)
    own_words = {*_own_words(intake), *_own_words(sent)}
    browsers = {
        language: Client(HTTP_ACCEPT_LANGUAGE=header)
        for language, header in (("es", "es-US,es;q=0.9"), ("en", "en-US,en;q=0.9"))
    }
    for browser in browsers.values():
        browser.force_login(patient)
    left = {}
    for name, address in _patient_pages(intake, sent).items():
        spanish, english = (browsers[lang].get(address) for lang in ("es", "en"))
        assert spanish.status_code == 200, (name, spanish.status_code)
        assert '<html lang="es">' in spanish.content.decode(), name
        if found := _english_left(spanish.content.decode(), english.content.decode(), own_words):
            left[name] = found
    assert not left, "\n".join(f"{name}: {words}" for name, words in left.items())


def _own_words(intake) -> set[str]:
    """What the patient typed (names, an address, their goals) and the medicine names,
    as the pages show them."""
    contact = intake.details.get("contact") or {}
    words = {contact.get("visit_address", ""), *(contact.get("emergency_contact") or {}).values()}
    words |= {str(v) for v in (intake.answers.get("goals") or {}).values()}
    for medication in intake.answers.get("medications") or []:
        matched = describe_medication(medication)["matched"]
        words |= {medication["name"], matched, f"({matched})", f"{medication['name']} ({matched})"}
    return words


def test_every_page_says_what_is_wrong_in_spanish(patient):
    """Each declared page sent empty (and a medicine with no name): the error summary and
    the messages beside the questions are in Spanish."""
    intake = make_intake(patient)
    _every_page_applies(intake)
    browsers = {
        language: Client(HTTP_ACCEPT_LANGUAGE=header)
        for language, header in (("es", "es-US,es;q=0.9"), ("en", "en-US,en;q=0.9"))
    }
    for browser in browsers.values():
        browser.force_login(patient)
    pages = {key: page.url(intake.public_id) for key, page in questionnaire().steps_by_key.items()}
    pages["medication_add"] = reverse("intake:medication_add", args=[intake.public_id])
    own_words = _own_words(intake)
    left = {}
    for name, address in pages.items():
        responses = {}
        for language, browser in browsers.items():
            _every_page_applies(intake)  # (what an earlier post saved is undone)
            # A field no page has: an empty POST would leave the medicines list unbound.
            responses[language] = browser.post(address, {"x": ""})
        spanish, english = (responses[language].content.decode() for language in ("es", "en"))
        if responses["es"].status_code == 302:
            continue  # every question on the page is optional
        assert "Hay un problema" in spanish, name
        if found := _english_left(spanish, english, own_words):
            left[name] = found
    assert not left, "\n".join(f"{name}: {words}" for name, words in left.items())


@pytest.mark.parametrize("kind", ["follow_up", "check_in"])
def test_no_english_is_left_on_a_returning_patients_pages(patient, kind):
    """A follow-up and a check-in, opened after a sent intake: each page their
    questionnaire declares, and their task list, in Spanish."""
    sent = make_submitted_intake(patient, visit_in_hours=24)
    intake = intake_create(patient=patient, kind=kind)
    browsers = {
        language: Client(HTTP_ACCEPT_LANGUAGE=header)
        for language, header in (("es", "es-US,es;q=0.9"), ("en", "en-US,en;q=0.9"))
    }
    for browser in browsers.values():
        browser.force_login(patient)
    pages = {s.key: s.url(intake.public_id) for s in questionnaire(kind).steps_by_key.values()}
    pages["tasks"] = reverse("intake:tasks", args=[intake.public_id])
    own_words = {*_own_words(sent), *_own_words(intake)}
    left = {}
    for name, address in pages.items():
        spanish, english = (browsers[lang].get(address, follow=True) for lang in ("es", "en"))
        assert spanish.status_code == 200, (name, spanish.status_code)
        if found := _english_left(spanish.content.decode(), english.content.decode(), own_words):
            left[name] = found
    assert not left, "\n".join(f"{name}: {words}" for name, words in left.items())


def test_each_consent_documents_spanish_follows_the_english_paragraph_for_paragraph():
    """The Spanish versions of the consent documents say the same things in the same
    order, crisis line included."""
    for kind, (_title, english) in FIRST_VERSIONS.items():
        _title_es, spanish = FIRST_VERSIONS_ES[kind]
        paragraphs = [[p for p in text.split("\n\n") if p.strip()] for text in (english, spanish)]
        assert len(paragraphs[0]) == len(paragraphs[1]), kind
        if "988" in english:
            assert "988 y oprima 2" in spanish and "AYUDA" in spanish, kind


def test_a_misspelt_medicine_is_asked_about_in_spanish(patient):
    """'klonazepam': the page comes back asking 'Did you mean ...?', all in Spanish."""
    intake = make_intake(patient)
    address = reverse("intake:medication_add", args=[intake.public_id])
    typed = {"name": "klonazepam", "strength_mg": "0.5", "amount_per_dose": "1", "how_often": "2"}
    html = {}
    for language, header in (("es", "es-US,es;q=0.9"), ("en", "en-US,en;q=0.9")):
        browser = Client(HTTP_ACCEPT_LANGUAGE=header)
        browser.force_login(patient)
        html[language] = browser.post(address, typed).content.decode()
    assert "¿Se refiere a clonazepam (Klonopin)?" in html["es"]
    assert "No, guarden lo que escribí: \u2018klonazepam\u2019" in html["es"]
    own_words = {"klonazepam", "clonazepam (Klonopin)"}
    assert _english_left(html["es"], html["en"], own_words) == []


def test_a_reopened_intake_is_in_spanish(patient, mood_reopened):
    """The psychiatrist asked for more: the task list, the reopened page and the answers
    the patient can no longer change, in Spanish."""
    intake = mood_reopened
    intake.refresh_from_db()
    pages = {
        "tasks": reverse("intake:tasks", args=[intake.public_id]),
        "mood": questionnaire().steps_by_key["mood"].url(intake.public_id),
        "check": reverse("intake:check", args=[intake.public_id]),
    }
    left, html = {}, {}
    for name, address in pages.items():
        for language, header in (("es", "es-US,es;q=0.9"), ("en", "en-US,en;q=0.9")):
            browser = Client(HTTP_ACCEPT_LANGUAGE=header)
            browser.force_login(patient)
            html[name, language] = browser.get(address).content.decode()
        found = _english_left(html[name, "es"], html[name, "en"], _own_words(intake))
        if found:
            left[name] = found
    assert "Abierta otra vez: puede cambiar estas respuestas" in html["tasks", "es"]
    assert not left, left
