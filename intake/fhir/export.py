"""FHIR R4 export: the intake as a QuestionnaireResponse, and the Questionnaire it answers.

The instruments carry their LOINC codes (intake.clinical.instruments): a panel with a
LOINC code has the linkId ``/<panel>``, its items ``/<panel>/<item>`` and its total
``/<panel>/<total>`` (the LOINC-form convention); instruments without a panel code use
their own id. Answers with a LOINC answer code are ``valueCoding``; the Questionnaire
gives each option its score (``ordinalValue``) and each total its SDC
``calculatedExpression``. Every other question is read from its page's form, in the
order the questionnaire declares them (``intake.sections``; ``questions``): its text is the
question the patient saw. The medicines, the psychiatric history and the pharmacy have
structured groups of their own. One Questionnaire serves every kind of intake: a
follow-up's "Has anything changed?" pages are pages of their sections like any other, so
its response carries the patient's answer to each under that page's question.

Languages (issue 26): the Questionnaire is in English (``language``) and carries every other
offered language's words with the standard ``translation`` extension on each item's text
and each answer's display (an instrument's from its wording file, the other questions from
the catalogues); the QuestionnaireResponse's ``language`` is the one the patient answered
in, and each instrument group says which words (status, version, hash) they were shown.
"""

import dataclasses

from django.conf import settings

from portal.language import preferred_language

from ..clinical.instruments import INSTRUMENTS, Instrument, item_scores
from ..forms import history as history_forms
from ..forms.base import fields_once
from ..forms.instruments import ENGLISH, field_name, recorded_language, text_in
from ..medicine_words import how_long_words
from ..models import Intake, IntakeStatus
from ..sections import QUESTIONNAIRE_SETTINGS, Section, Step, sections
from . import questions
from . import sections as fhir_sections
from .translations import other_languages, translated

LOINC = "http://loinc.org"
RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm"
ORDINAL_VALUE = "http://hl7.org/fhir/StructureDefinition/ordinalValue"
CALCULATED = "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-calculatedExpression"
QUESTIONNAIRE_ID = "previsit-intake"
# 2: breastfeeding; per medicine how its name matched, how long, prescribed and by whom.
# 3: drug use in the past 12 months (substances); the patient's goals for the visit.
# 4: health conditions that change sedative safety (yes/no each).
# 5: the medicine allergies in the patient's words, the psychiatric history, the pharmacy.
# 6: every item's text is the question the patient saw, read from its page's form; choice
#    answers are coded (code and display); groups follow the questionnaire's sections (the
#    panic attacks with anxiety and mood; the contact details and the visit with "about").
# 7: the Spanish words of every item and answer (``translation`` extension); the
#    instruments' from their wording files.
# 8: one Questionnaire for every kind of intake: a follow-up's "Has anything changed?"
#    questions (``<section>.<page>_changed``) beside the first visit's.
QUESTIONNAIRE_VERSION = "8"
# Which words an instrument group's answers were given in (the portal's own extension).
INSTRUMENT_TEXT = f"{settings.PORTAL_BASE_URL}/fhir/StructureDefinition/instrument-text"
# Pages whose answers have structured groups of their own (fhir/sections.py): (definition,
# answers from the intake); the past medicines are part of the psychiatric history's group.
STRUCTURED = {
    history_forms.PsychHistoryForm: (
        fhir_sections.psych_history_group,
        lambda intake: fhir_sections.psych_history_answers(intake.answers or {}),
    ),
    history_forms.PastMedicinesForm: (lambda: None, lambda intake: []),
    history_forms.PharmacyForm: (
        fhir_sections.pharmacy_group,
        lambda intake: fhir_sections.pharmacy_answers(intake.details or {}),
    ),
}


def questionnaire_url() -> str:
    """The canonical URL the response points at (``questionnaire``)."""
    return f"{settings.PORTAL_BASE_URL}/fhir/Questionnaire/{QUESTIONNAIRE_ID}"


def _group_id(instrument: Instrument) -> str:
    return f"/{instrument.panel_loinc}" if instrument.panel_loinc else instrument.id


def _item_id(instrument: Instrument, item) -> str:
    return f"{_group_id(instrument)}/{item.loinc or item.id}"


def _total_id(instrument: Instrument) -> str:
    return f"{_group_id(instrument)}/{instrument.total_loinc or 'total'}"


def _coding(code: str | None, display: str, system: str = LOINC) -> list[dict]:
    return [{"system": system, "code": code, "display": display}] if code else []


# ---- Questionnaire -----------------------------------------------------------------------
def _words_in(instrument: Instrument) -> dict:
    """Each other offered language's words for the instrument, where it has a file."""
    found = {code: text_in(instrument.id, code) for code in other_languages()}
    return {code: words for code, words in found.items() if words is not None}


def _option(option, words: dict | None = None) -> dict:
    """An answer option; ``words``: language -> its display in that language."""
    ordinal = [{"url": ORDINAL_VALUE, "valueDecimal": option.score}]
    if option.loinc_answer:
        coding = _coding(option.loinc_answer, option.label)[0]
        return {"valueCoding": translated(coding, "display", words), "extension": ordinal}
    return translated({"valueString": option.label, "extension": ordinal}, "valueString", words)


def _item_code(instrument: Instrument, item) -> list[dict]:
    """An item's LOINC code where LOINC has one; else the portal's own code for it (the
    C-SSRS screener and the DAST-10 items have none in our clinical reference)."""
    if item.loinc:
        return _coding(item.loinc, item.text)
    system = f"{settings.PORTAL_BASE_URL}/fhir/CodeSystem/{instrument.id}"
    return _coding(item.id, item.text, system)


def _instrument_group(instrument: Instrument) -> dict:
    other = _words_in(instrument)
    items = [
        translated(
            {
                "linkId": _item_id(instrument, item),
                "text": item.text,
                "type": "choice",
                "code": _item_code(instrument, item),
                "answerOption": [
                    _option(o, {code: w.options[n][k] for code, w in other.items()})
                    for k, o in enumerate(item.options)
                ],
            },
            "text",
            {code: words.items[n] for code, words in other.items()},
        )
        for n, item in enumerate(instrument.items)
    ]
    if instrument.id != "cssrs":
        items.append(
            {
                "linkId": _total_id(instrument),
                "text": f"{instrument.title}: total score",
                "type": "integer",
                "readOnly": True,
                **({"code": _coding(instrument.total_loinc, "Total score")}
                   if instrument.total_loinc else {}),
                "extension": [{"url": CALCULATED, "valueExpression": {
                    "language": "text/fhirpath",
                    "expression": "%resource.item.answer.value.ordinal().sum()"}}],
            }
        )  # fmt: skip
    group = {"linkId": _group_id(instrument), "text": instrument.title, "type": "group"}
    group = translated(group, "text", {code: w.title for code, w in other.items()})
    if instrument.panel_loinc:
        group["code"] = _coding(instrument.panel_loinc, instrument.title)
    return {**group, "item": items}


def _instrument_fields(instrument_id: str) -> frozenset[str]:
    """The form fields that ask an instrument's items (its own group, not plain items)."""
    if not instrument_id:
        return frozenset()
    return frozenset(
        field_name(instrument_id, item.id) for item in INSTRUMENTS[instrument_id].items
    )


def _instruments(section: Section) -> list[Instrument]:
    keys = dict.fromkeys(step.instrument for step in section.steps if step.instrument)
    return [INSTRUMENTS[key] for key in keys]


def _structured_fields() -> frozenset[str]:
    """The questions of the pages exported as structured groups: a follow-up's "Has anything
    changed?" page reads them back after "no", and they are exported once, structured."""
    return frozenset(name for form in STRUCTURED for name in fields_once(form))


def _plain_steps(section: Section):
    return [step for step in section.steps if step.form and step.form not in STRUCTURED]


def _structured_definitions(section: Section) -> list[dict]:
    return [g for step in section.steps if step.form in STRUCTURED
            if (g := STRUCTURED[step.form][0]())]  # fmt: skip


def _with_plain(section: Section, items: list[dict], structured: list[dict], **kind) -> list:
    """The section's plain questions (``items``) and its structured groups, one group per
    linkId: where a structured group has the section's own linkId (a follow-up asks "Has
    anything changed?" over the psychiatric history and the pharmacy), the questions open
    that group, under its text, rather than a second group of the same linkId."""
    if not items:
        return structured
    shared = [g for g in _structured_definitions(section) if g["linkId"] == section.key]
    text = shared[0]["text"] if shared else str(section.title)
    if not any(g["linkId"] == section.key for g in structured):
        return [{"linkId": section.key, "text": text, **kind, "item": items}, *structured]
    return [{**g, "item": [*items, *g["item"]]} if g["linkId"] == section.key else g
            for g in structured]  # fmt: skip


def _section_definitions(section: Section) -> list[dict]:
    """The section's groups: its plain questions, its structured groups, its instruments."""
    if any(step.form is None for step in section.steps):  # the medicines
        return [_medication_group()]
    items = [
        item
        for step in _plain_steps(section)
        for item in questions.page_definitions(
            section.key, step.form, _instrument_fields(step.instrument)
        )
    ]
    groups = _with_plain(section, items, _structured_definitions(section), type="group")
    return groups + [_instrument_group(instrument) for instrument in _instruments(section)]


MEDICATION_ITEMS = (
    ("name", "Medicine", "string"),
    ("daily_mg", "Total daily dose (mg)", "decimal"),
    ("daily_dose", "Daily dose in words", "string"),
    ("taking", "Taking as prescribed, more or less", "string"),
    ("generic", "Catalog medicine the name counts as", "string"),
    ("match", "How the typed name was matched", "string"),
    ("confirmed", "Patient confirmed the corrected name", "boolean"),
    ("how_long", "How long it has been taken", "string"),
    ("prescribed", "Prescribed to the patient", "boolean"),
    ("prescriber", "Prescriber", "string"),
)


def _medication_group() -> dict:
    return {
        "linkId": "medications",
        "text": "Current medications",
        "type": "group",
        "repeats": True,
        "item": [
            {"linkId": f"medications.{key}", "text": text, "type": kind}
            for key, text, kind in MEDICATION_ITEMS
        ],
    }


def _merged(steps: list[Step], more: tuple[Step, ...]) -> list[Step]:
    """``steps`` with the pages of ``more`` it lacks, each after the page that precedes it
    in ``more`` (a follow-up's "Has anything changed?" page before the usual page)."""
    merged, at = list(steps), 0
    for step in more:
        keys = [s.key for s in merged]
        if step.key in keys:
            at = keys.index(step.key) + 1
        else:
            merged.insert(at, step)
            at += 1
    return merged


def _every_kinds_sections() -> list[Section]:
    """The sections of every kind of intake's questionnaire (the first visit's first), each
    with every page any kind asks in it: the one Questionnaire all responses answer."""
    found: dict[str, Section] = {}
    for kind in QUESTIONNAIRE_SETTINGS:
        for section in sections(kind):
            known = found.get(section.key, section)
            steps = _merged(list(known.steps), section.steps)
            found[section.key] = dataclasses.replace(known, steps=tuple(steps))
    return list(found.values())


def questionnaire() -> dict:
    """The Questionnaire resource (R4) every exported response answers, of any kind: each
    question a first visit, a follow-up or a check-in asks."""
    groups = [g for section in _every_kinds_sections() for g in _section_definitions(section)]
    return {
        "resourceType": "Questionnaire",
        "id": QUESTIONNAIRE_ID,
        "url": questionnaire_url(),
        "version": QUESTIONNAIRE_VERSION,
        "name": "PreVisitIntake",
        "title": "Pre-visit intake",
        "language": ENGLISH,
        "status": "active",
        "subjectType": ["Patient"],
        "item": groups,
    }


# ---- QuestionnaireResponse ---------------------------------------------------------------
def response_status(intake: Intake) -> str:
    """completed once submitted; in-progress while the patient is asked for more;
    amended after a resubmission."""
    if intake.status == IntakeStatus.INFO_REQUESTED:
        return "in-progress"
    return "amended" if intake.submission_count > 1 else "completed"


def response_language(intake: Intake) -> str:
    """The language the patient answered in (recorded as each page was saved), else the one
    saved on their profile, else English."""
    return recorded_language(intake.details) or preferred_language(intake.patient) or ENGLISH


def _answer(value, option=None) -> list[dict]:
    if option is not None and option.loinc_answer:
        return [{"valueCoding": _coding(option.loinc_answer, option.label)[0]}]
    if option is not None:
        return [{"valueString": option.label}]
    if isinstance(value, bool):
        return [{"valueBoolean": value}]
    if isinstance(value, int):
        return [{"valueInteger": value}]
    if isinstance(value, float):
        return [{"valueDecimal": value}]
    return [{"valueString": str(value)}]


def _instrument_answers(instrument: Instrument, answers, shown: dict | None = None) -> dict | None:
    if instrument.id == "cssrs":
        given = answers or {}
        pairs = [(item, given.get(item.id)) for item in instrument.items]
    else:
        pairs = list(zip(instrument.items, answers or [], strict=False))
    items = []
    for item, value in pairs:
        if value is None:
            continue
        option = next((o for o in item.options if type(o.value) is type(value)
                       and o.value == value), None)  # fmt: skip
        items.append({"linkId": _item_id(instrument, item), "text": item.text,
                      "answer": _answer(value, option)})  # fmt: skip
    scores = item_scores(instrument, answers or []) if instrument.id != "cssrs" else [None]
    if None not in scores:
        items.append({"linkId": _total_id(instrument), "text": f"{instrument.title}: total "
                      "score", "answer": [{"valueInteger": sum(scores)}]})  # fmt: skip
    if not items:
        return None
    group = {"linkId": _group_id(instrument), "text": instrument.title, "item": items}
    if shown:
        group["extension"] = [_instrument_text(shown)]
    return group


def _instrument_text(shown: dict) -> dict:
    """Which words the patient answered an instrument in: language, status ("adapted by the
    project" or "validated text supplied by the clinic"), version and the words' SHA-256."""
    parts = [
        {"url": "language", "valueCode": shown.get("language") or ENGLISH},
        {"url": "status", "valueString": shown.get("status") or ""},
        {"url": "version", "valueString": str(shown.get("version") or "")},
        {"url": "sha256", "valueString": shown.get("sha256") or ""},
    ]
    return {"url": INSTRUMENT_TEXT, "extension": [p for p in parts if p.get("valueString", 1)]}


def _section_answers(section: Section, intake: Intake) -> list[dict]:
    """The section's answered groups, as ``_section_definitions`` defines them."""
    answers = intake.answers or {}
    if any(step.form is None for step in section.steps):  # the medicines
        return _medication_answers(intake)
    items = [
        item
        for step in _plain_steps(section)
        if step.applies(answers)
        for item in questions.page_answers(
            section.key,
            step.form,
            intake,
            _instrument_fields(step.instrument) | _structured_fields(),
        )
    ]
    structured = [g for step in section.steps if step.form in STRUCTURED
                  for g in STRUCTURED[step.form][1](intake)]  # fmt: skip
    groups = _with_plain(section, items, structured)
    shown = (intake.details or {}).get("instrument_texts") or {}
    for instrument in _instruments(section):
        given = answers.get(instrument.id)
        if group := _instrument_answers(instrument, given, shown.get(instrument.id)):
            groups.append(group)
    return groups


def _medication_answers(intake: Intake) -> list[dict]:
    computed = (intake.evaluation or {}).get("medications") or []
    groups = []
    for n, medication in enumerate(intake.answers.get("medications") or []):
        facts = computed[n] if n < len(computed) else {}
        values = {
            "name": medication.get("name"),
            "daily_mg": facts.get("daily_mg"),
            "daily_dose": facts.get("daily_dose"),
            "taking": medication.get("taking"),
            "generic": facts.get("generic"),
            "match": facts.get("match") or medication.get("match"),
            "confirmed": medication.get("confirmed"),
            "how_long": how_long_words(medication),
            "prescribed": medication.get("prescribed"),
            "prescriber": medication.get("prescriber"),
        }
        items = [
            {"linkId": f"medications.{key}", "text": text, "answer": _answer(values[key])}
            for key, text, _kind in MEDICATION_ITEMS
            if values[key] not in (None, "")
        ]
        if items:
            groups.append({"linkId": "medications", "text": "Current medications",
                           "item": items})  # fmt: skip
    return groups


def questionnaire_response(intake: Intake) -> dict:
    """The intake as a QuestionnaireResponse (R4): status, questionnaire, subject, authored,
    author, and one group per section; instrument items and totals carry LOINC linkIds."""
    groups = [
        group for section in sections(intake.kind) for group in _section_answers(section, intake)
    ]
    patient = intake.patient
    subject = {
        "identifier": {"system": f"{settings.PORTAL_BASE_URL}/patients", "value": str(patient.pk)},
        "display": patient.get_full_name() or patient.get_username(),
    }
    resource = {
        "resourceType": "QuestionnaireResponse",
        "id": str(intake.public_id),
        "identifier": {"system": f"{settings.PORTAL_BASE_URL}/intakes",
                       "value": str(intake.public_id)},
        "questionnaire": f"{questionnaire_url()}|{QUESTIONNAIRE_VERSION}",
        "language": response_language(intake),
        "status": response_status(intake),
        "subject": subject,
        "author": subject,
        "source": subject,
        "item": groups,
    }  # fmt: skip
    if intake.submitted_at:
        resource["authored"] = intake.submitted_at.isoformat()
    return resource
