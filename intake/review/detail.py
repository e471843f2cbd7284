"""What the detail and print pages show, built from the stored intake (no request)."""

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import CharField, QuerySet, Value
from django.utils import translation
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe

from education.links import page_links

from .. import medicine_words
from ..clinical.instrument_texts import ADAPTED
from ..clinical.instruments import INSTRUMENTS
from ..compiled import CompiledRead
from ..consent.selectors import consent_states
from ..evaluation import medicine_pair
from ..forms.base import COUNTED_TEXT
from ..forms.contact import STATE_NAMES, phone_display
from ..forms.history import DIAGNOSES
from ..forms.instruments import ENGLISH, recorded_language
from ..models import Intake, IntakeStatus, Note, PdmpCheck, StatAcknowledgement, StatusChange
from ..sections import questionnaire
from ..summary import answer_sections
from .changes import baseline, what_changed
from .labels import BAND_MEANING, CSSRS_MEANING, band_words
from .trend import medicine_changes, medicine_key, score_changes
from .triggers import triggers_in_words

DIAGNOSIS_LABELS = dict(DIAGNOSES)
User = get_user_model()


def _answer_sections(intake: Intake) -> list[dict]:
    """Every answer by section, in the patient's words (the patient intake's summary), each
    under the English question; a section answered in another language says so, with the
    instrument's text, and each free-text answer is marked with the language it was typed
    in (shown as typed)."""
    result = []
    for s in answer_sections(intake, links=False):
        section = s["section"]
        languages = _section_languages(intake, section)
        rows = s["rows"]
        if len(languages) == 1 and languages[0] != ENGLISH:
            # Only then are the section's questions read a second time.
            free_text = _free_text_labels(intake, section)
            typed_in = {"typed_in": language_name(languages[0]), "typed_lang": languages[0]}
            rows = [
                {**row, **typed_in}
                if str(row["label"]) in free_text and row["value"] != "Not answered"
                else row
                for row in rows
            ]
        result.append(
            {
                "title": section.title,
                "key": section.key,
                "rows": rows,
                "answers_html": _answers_html(rows),
                "group": section.review_group,
                "answered_in": [language_name(code) for code in languages if code != ENGLISH],
                "texts": [
                    _text_words(intake, key)
                    for key in dict.fromkeys(st.instrument for st in section.steps if st.instrument)
                    if _shown(intake, key)
                ],
            }
        )
    return result


TYPED_IN_HTML = (
    '<span lang="{}">{}</span> '
    '<span class="small text-body-secondary typed-in">(typed in {}, shown as typed)</span>'
)


def _answers_html(rows: list[dict]) -> SafeString:
    """A section's answers as the page's <dl> items, each label and value escaped as the
    template escaped them: a template loop over some eighty answers was the page's largest
    part of rendering."""
    return mark_safe("".join(_answer_html(row) for row in rows))  # noqa: S308 (escaped)


def _answer_html(row: dict) -> str:
    value = conditional_escape(row["value"])
    if row.get("typed_in"):
        value = format_html(TYPED_IN_HTML, row["typed_lang"], row["value"], row["typed_in"])
    return f"<dt>{conditional_escape(row['label'])}</dt><dd>{value}</dd>"


# ---- the language each answer was given in (issue 26) ----------------------------------------
def language_name(code: str) -> str:
    """The language's English name ("Spanish"): the care team's pages stay in English."""
    try:
        return translation.get_language_info(code)["name"]
    except KeyError:
        return code


def _section_languages(intake: Intake, section) -> list[str]:
    """The languages the section's saved pages were answered in (none recorded: none)."""
    recorded = (intake.details or {}).get("languages") or {}
    return list(dict.fromkeys(recorded[st.key] for st in section.steps if st.key in recorded))


def _free_text_labels(intake: Intake, section) -> set[str]:
    """The questions in the section the patient answers in their own words (a text box),
    by their English wording."""
    labels = set()
    for step in section.steps:
        if step.form is None or not step.applies(intake.answers or {}):
            continue
        fields, _initial = step.form.read_back(intake)
        labels |= {str(f.label) for f in fields.values() if _is_free_text(f)}
    return labels


def _is_free_text(field) -> bool:
    if not isinstance(field, forms.CharField) or isinstance(field, forms.EmailField):
        return False
    long = (field.max_length or 0) >= COUNTED_TEXT
    return isinstance(field.widget, forms.Textarea) or long


def _shown(intake: Intake, instrument_id: str) -> dict:
    return ((intake.details or {}).get("instrument_texts") or {}).get(instrument_id) or {}


def _status_words(shown: dict) -> str:
    """The language and the text's status, e.g. answered in Spanish; text adapted by the
    project (or: validated text supplied by the clinic)."""
    status = shown.get("status") or ""
    status = f"text {status}" if status == ADAPTED else status
    return f"answered in {language_name(shown.get('language') or ENGLISH)}; {status}"


def _text_words(intake: Intake, instrument_id: str) -> str:
    """Which words an instrument was answered in: "Anxiety (GAD-7): answered in Spanish;
    text adapted by the project (version 1; SHA-256 3f2a9c0d)"."""
    shown = _shown(intake, instrument_id)
    if not shown:
        return ""
    name = INSTRUMENTS[instrument_id].title if instrument_id in INSTRUMENTS else instrument_id
    version = f"version {shown.get('version')}; SHA-256 {(shown.get('sha256') or '')[:8]}"
    return f"{name}: {_status_words(shown)} ({version})"


def answered_in(intake: Intake) -> dict | None:
    """For the top of the answers: the intake was answered in a language other than English
    (None when in English or not recorded)."""
    code = recorded_language(intake.details)
    if not code or code == ENGLISH:
        return None
    return {
        "language": language_name(code),
        "texts": [text for key in INSTRUMENTS if (text := _text_words(intake, key))],
    }


# The detail page's order after medicines and scores: these groups of answer sections (each
# section names its group where it is declared, intake/sections.py), then every other one.
ANSWER_GROUPS = {
    "substances": "Substances",
    "side-effects": "Side effects",
    "histories": "Histories",
    "goals": "The patient's goals",
}


def answer_groups(sections: list[dict]) -> list[dict]:
    """The answer sections in the page's order: each group (left out when empty), then
    "Other answers" with the sections in no group, each in the intake's own order."""
    groups = [
        {"key": key, "title": title, "sections": [s for s in sections if s["group"] == key]}
        for key, title in ANSWER_GROUPS.items()
    ]
    rest = [s for s in sections if s["group"] not in ANSWER_GROUPS]
    groups.append({"key": "other", "title": "Other answers by section", "sections": rest})
    return [g for g in groups if g["sections"]]


def _range(values) -> str:
    if not values:
        return ""
    low, high = values
    return f"{low:g} mg" if low == high else f"{low:g}-{high:g} mg"


def _medications(intake: Intake, evaluation: dict, changes: dict | None = None) -> list[dict]:
    per_medicine = (changes or {}).get("per_medicine", {})
    rows = []
    for n, m in enumerate(evaluation.get("medications") or []):
        pair = medicine_pair(intake.answers or {}, evaluation, n)
        stored = pair[0] if pair else None
        answered = stored or {"name": m.get("input") or ""}
        words = medicine_words.details(answered, m)
        rows.append(
            {
                "name": m.get("input"),
                "generic": m.get("generic") or "",
                "drug_class": (m.get("class") or "other").replace("_", " "),
                "daily_dose": m.get("daily_dose"),
                "daily_words": medicine_words.daily_words(answered, m.get("daily_mg")),
                "equivalent": _range(m.get("diazepam_equivalent_mg")),
                "tables": ", ".join(m.get("diazepam_equivalent_tables") or []),
                "note": m.get("equivalence_note", ""),
                "answered": stored is not None,
                "change": per_medicine.get(medicine_key(m), ""),
                **words,
            }
        )
    return rows


def _score_row(key: str, score: dict) -> dict:
    instrument = INSTRUMENTS[key]
    complete = score.get("complete")
    if key == "cssrs":
        value = (score.get("risk") or "incomplete").upper() if complete else "incomplete"
        meaning = CSSRS_MEANING.get(score.get("risk"), "Not every question was answered.")
    elif key == "audit_c":
        value = score.get("total")
        meaning = (
            f"Positive screen (threshold {score.get('threshold')})."
            if score.get("positive")
            else f"Below the positive threshold of {score.get('threshold')}."
        )
        if score.get("drinks"):
            meaning += " Drinks alcohol: any drinking adds to a benzodiazepine's sedation."
    else:
        value = score.get("total")
        meaning = BAND_MEANING.get(key, {}).get(score.get("band"), "")
    band = band_words(score.get("band"))
    if not complete and key != "cssrs":
        value = "incomplete"
        meaning = f"{score.get('answered', 0)} of {score.get('of', '?')} answered: no total."
        if score.get("minimum_total") is not None:
            value, band, meaning = _partial_score(score)
    return {
        "key": key,
        "title": instrument.title,
        "value": value,
        "band": band,
        "meaning": meaning,
        "item_9": score.get("item_9"),
        "source": instrument.source,
    }


def _partial_score(score: dict) -> tuple[str, str, str]:
    """A PHQ-9 or GAD-7 with items missing: "at least 24", "at least severe", and the gap
    and the prorated total in words (issue 22; clinical-reference.md section 9)."""
    missing = score["missing_items"]
    gap = f"item{'s' if len(missing) > 1 else ''} {', '.join(map(str, missing))} not answered"
    meaning = (
        f"{score['answered']} of {score['of']} answered ({gap}): the answered items alone "
        f"total {score['minimum_total']}, so the total is at least that."
    )
    if score.get("prorated_total") is not None:
        meaning += (
            f" Prorated (mean of the answered items x {score['of']}): "
            f"{score['prorated_total']}, {band_words(score['prorated_band'])}."
        )
    band = f"at least {band_words(score['minimum_band'])}"
    return f"at least {score['minimum_total']}", band, meaning


def _scores(
    evaluation: dict, changes: dict | None = None, intake: Intake | None = None
) -> list[dict]:
    scores = evaluation.get("scores") or {}
    changes = changes or {}
    return [
        {
            **_score_row(key, scores[key]),
            "trend": changes.get(key),
            "text": _score_text(intake, key) if intake is not None else "",
        }
        for key in INSTRUMENTS
        if key in scores
    ]


def _score_text(intake: Intake, instrument_id: str) -> str:
    """Beside a score: the language and text status its items were answered in."""
    shown = _shown(intake, instrument_id)
    words = _status_words(shown) if shown else ""
    return words[:1].upper() + words[1:]


def _flags(evaluation: dict, medicines: list[dict]) -> list[dict]:
    flags = evaluation.get("flags") or []
    links = {link["slug"]: link for link in page_links(f.get("education", "") for f in flags)}
    return [
        {
            **flag,
            "page": links.get(flag.get("education")),
            "triggers": triggers_in_words(flag, medicines),
        }
        for flag in flags
    ]


def _reopened(intake: Intake) -> list[str]:
    """The sections the patient was asked to update, while the request is open."""
    if intake.status != IntakeStatus.INFO_REQUESTED:
        return []
    by_key = questionnaire(intake.kind).sections_by_key
    return [by_key[key].title for key in intake.reopened_sections or [] if key in by_key]


def _trend(evaluation: dict, previous: Intake | None) -> dict | None:
    """The change since the earlier intake, or None when there is none to compare with."""
    if previous is None:
        return None
    before = previous.evaluation or {}
    return {
        "at": previous.submitted_at,
        "scores": score_changes(evaluation.get("scores") or {}, before.get("scores") or {}),
        "medicines": medicine_changes(
            evaluation.get("medications") or [], before.get("medications") or []
        ),
    }


def _pharmacy(intake: Intake, medicines: list[dict]) -> dict:
    """The preferred pharmacy (None: not answered; {}: none), each medicine with who
    prescribes it, and the PDMP state (its checks are in ``intake_record``)."""
    details = intake.details or {}
    pharmacy = details.get("pharmacy")
    if pharmacy:
        pharmacy = {**pharmacy, "phone": phone_display(pharmacy.get("phone"))}
    state = (details.get("contact") or {}).get("visit_state") or ""
    return {
        "pharmacy": pharmacy,
        "prescribers": [
            {"name": m["name"], "generic": m["generic"], "prescribed": m["prescribed"]}
            for m in medicines
            if m["answered"]
        ],
        "pdmp_state": STATE_NAMES.get(state, ""),
    }


# Past diagnoses that change what may be prescribed (mood_switch_risk, eating_disorder,
# dependence): the band at the top names them; the rest are in "Histories".
DIAGNOSES_THAT_MATTER = ("bipolar", "psychosis", "eating", "substance_use")


def prescribing_band(answers: dict) -> list[dict]:
    """What changes a prescription, for the top of the page (issue 22): allergies, the
    history that matters (bipolar disorder, psychosis, an eating disorder, substance use,
    a seizure) and pregnancy or breastfeeding, each "not answered" when it was not."""
    health = answers.get("health") or {}
    allergies = health.get("medicine_allergies")
    history = [str(DIAGNOSIS_LABELS[d]) for d in DIAGNOSES_THAT_MATTER
               if d in ((answers.get("psych_history") or {}).get("diagnoses") or [])]  # fmt: skip
    if health.get("seizures") is True:
        history.append("A seizure at some time")
    pregnancy = {"yes": "Pregnant", "unsure": "May be pregnant"}.get(answers.get("pregnant"))
    carrying = [pregnancy] if pregnancy else []
    if answers.get("breastfeeding") == "yes":
        carrying.append("Breastfeeding")
    answered_pregnancy = answers.get("pregnant") or answers.get("breastfeeding")
    return [
        {
            "label": "Medicine allergies",
            "text": (answers.get("allergy_details") or "yes, not named")
            if allergies
            else ("none reported" if allergies is False else "not answered"),
            "alert": bool(allergies),
        },
        {
            "label": "History that matters",
            "text": "; ".join(history)
            or ("none of these" if "psych_history" in answers else "not answered"),
            "alert": bool(history),
        },
        {
            "label": "Pregnancy",
            "text": " and ".join(carrying)
            or ("no" if answered_pregnancy else "not answered or does not apply"),
            "alert": bool(carrying),
        },
    ]


# The intake's record: for each kind, its model, the person who wrote it, its time and its
# other (text) fields.
RECORD = {
    "history": (StatusChange, "actor", "at", ("from_status", "to_status", "note")),
    "notes": (Note, "author", "created_at", ("body",)),
    "acknowledgements": (StatAcknowledgement, "actor", "at", ("reason", "other")),
    "pdmp_checks": (PdmpCheck, "actor", "at", ("state",)),
}
RECORD_TEXTS = 3  # the most other fields a kind has: each kind's row is padded to it


def _record_rows(*, intake_id: int) -> QuerySet:
    parts = []
    for kind, (model, person, at, texts) in RECORD.items():
        padded = [*texts, *[Value("")] * (RECORD_TEXTS - len(texts))]
        rows = model.objects.filter(intake_id=intake_id).order_by()
        parts.append(
            rows.values_list(
                Value(kind, output_field=CharField()),
                "pk",
                at,
                person,
                f"{person}__first_name",
                f"{person}__last_name",
                f"{person}__username",
                *padded,
            )  # fmt: skip
        )
    return parts[0].union(*parts[1:], all=True)


# One query (a UNION of the four kinds; four reads cost the page 0.7 ms of CPU), compiled
# once and prepared, by the intake (intake/compiled.py).
_record = CompiledRead(_record_rows, prepared=True)


def intake_record(intake_id: int) -> dict[str, list]:
    """The intake's status history, notes, STAT acknowledgements and PDMP checks, each kind
    in its model's order (time, then id) and made back into its model, with the person who
    wrote it (their names only; None for the system or an erased account)."""
    found: dict[str, list] = {kind: [] for kind in RECORD}
    for kind, pk, at, person_id, first, last, username, *values in _record(intake_id=intake_id):
        model, person, at_field, texts = RECORD[kind]
        fields = dict(zip(texts, values[: len(texts)], strict=True))
        row = model(pk=pk, intake_id=intake_id, **{at_field: at}, **fields)
        who = User(pk=person_id, first_name=first, last_name=last, username=username)
        setattr(row, person, who if person_id is not None else None)
        found[kind].append(row)
    for kind, (_model, _person, at_field, _texts) in RECORD.items():
        found[kind].sort(key=lambda row, at_field=at_field: (getattr(row, at_field), row.pk))
    return found


def detail_context(intake: Intake) -> dict:
    evaluation = intake.evaluation or {}
    total = (evaluation.get("diazepam_equivalent") or {}).get("total_mg")
    # One baseline for the whole page: the "what changed" block, the scores' and the
    # medicines' change markers all count from the same earlier intake.
    earlier = baseline(intake) if intake.submitted_at is not None else None
    trend = _trend(evaluation, earlier)
    medicines = _medications(intake, evaluation, trend and trend["medicines"])
    record = intake_record(intake.pk)
    return {
        "intake": intake,
        "patient_name": intake.patient.get_full_name() or intake.patient.get_username(),
        "answer_groups": answer_groups(_answer_sections(intake)),
        "medications": medicines,
        "equivalent_total": _range(total),
        "scores": _scores(evaluation, trend and trend["scores"], intake),
        "answered_in": answered_in(intake),
        "trend": trend,
        "what_changed": what_changed(intake, earlier),
        "flags": _flags(evaluation, medicines),
        "prescribing": prescribing_band(intake.answers or {}),
        "reopened": _reopened(intake),
        **record,
        "consents": consent_states(intake),
        **_pharmacy(intake, medicines),
    }
