"""The questionnaire, declared once: its sections, their pages, and everything about a page.

Each page (``Step``) is declared here and nowhere else: its key, its address below the
intake's, its title, its form (whose fields are its questions: label, hint, choices), when it
applies, what it still needs before the intake can be sent, its intro, its "why we ask" and
its safety notice. Each section names its pages, whether it is optional, and where the
psychiatrist's detail page shows it. The URLs, the task list, check your answers, submit
validation, the detail and print pages, the review's "ask the patient for more" and the FHIR
Questionnaire and QuestionnaireResponse all read it.

The questionnaire in use is ``settings.INTAKE_QUESTIONNAIRE`` (a dotted path to a
``Questionnaire``): this module's ``QUESTIONNAIRE`` unless a deployment or a test names
another. Read it through ``questionnaire()``, never a copy made at import.
"""

import functools
from collections.abc import Callable
from dataclasses import dataclass, field

from django.conf import settings
from django.urls import reverse
from django.utils.functional import lazy
from django.utils.module_loading import import_string
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from education import slugs

from . import answers as said
from .evaluation import lists_benzodiazepine
from .forms import about, contact, goals, history, instruments, substances, wellbeing
from .forms.base import why


def always(answers: dict) -> bool:
    return True


def nothing_missing(answers: dict, details: dict) -> list[str]:
    return []


@dataclass(frozen=True)
class Step:
    """One page of the questionnaire."""

    key: str
    title: str
    # Below the intake's address ("side-effects/falls-and-driving/"); the page is served by
    # the generic ``step`` view, or by ``view_name`` when it has views of its own.
    path: str = ""
    form: type | None = None
    applies: Callable[[dict], bool] = always
    # What is left to answer, in words ("Side effects: 2 questions").
    missing: Callable[[dict, dict], list[str]] = nothing_missing
    intro: str = ""
    why: str = ""
    # Said before questions whose answers reach the care team as soon as they are saved.
    safety_notice: str = ""
    # Said just before the questions, after the notice ("If you are not sure, ...").
    advice: str = ""
    view_name: str = ""
    # The standard instrument whose items the page asks (``intake.clinical.instruments``
    # declares their wording, options, scores and codes); its other questions are the form's.
    instrument: str = ""

    def url(self, public_id, *, change: bool = False) -> str:
        if self.view_name:
            url = reverse(self.view_name, args=[public_id])
        else:
            url = reverse("intake:step", args=[public_id, self.path])
        return f"{url}?change=1" if change else url


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    steps: tuple[Step, ...] = field(default_factory=tuple)
    # An optional section never holds up sending the answers: the patient may skip it
    # (its task shows "Optional" until answered).
    optional: bool = False
    # The group the psychiatrist's detail page shows it in (intake/review/detail.py);
    # "" puts it with the other answers.
    review_group: str = ""


@dataclass(frozen=True)
class Questionnaire:
    sections: tuple[Section, ...]

    @functools.cached_property
    def section_keys(self) -> list[str]:
        return [s.key for s in self.sections]

    @functools.cached_property
    def sections_by_key(self) -> dict[str, Section]:
        return {s.key: s for s in self.sections}

    @functools.cached_property
    def steps_by_key(self) -> dict[str, Step]:
        return {step.key: step for s in self.sections for step in s.steps}

    @functools.cached_property
    def section_of_step(self) -> dict[str, str]:
        return {step.key: s.key for s in self.sections for step in s.steps}

    @functools.cached_property
    def step_order(self) -> list[str]:
        return [step.key for s in self.sections for step in s.steps]

    @functools.cached_property
    def steps_by_path(self) -> dict[str, Step]:
        return {step.path: step for s in self.sections for step in s.steps if step.form}


@functools.cache
def _load(path: str) -> Questionnaire:
    return import_string(path)


# The intake's kind (``IntakeKind`` in intake/models/intake.py) -> the setting naming its
# questionnaire. A first visit asks everything; a follow-up starts from the last answers;
# a check-in asks the two instruments and the safety questions (intake/follow_up.py).
FIRST = "first"
QUESTIONNAIRE_SETTINGS = {
    FIRST: "INTAKE_QUESTIONNAIRE",
    "follow_up": "INTAKE_FOLLOW_UP_QUESTIONNAIRE",
    "check_in": "INTAKE_CHECK_IN_QUESTIONNAIRE",
}


def questionnaire(kind: str = FIRST) -> Questionnaire:
    """The questionnaire in use for an intake of this kind (``settings.INTAKE_QUESTIONNAIRE``
    for a first visit)."""
    return _load(getattr(settings, QUESTIONNAIRE_SETTINGS[kind or FIRST]))


def questionnaire_for(intake) -> Questionnaire:
    """The questionnaire the intake is answered with (its kind's)."""
    return questionnaire(intake.kind)


def every_step_by_path() -> dict[str, Step]:
    """Every page of every kind's questionnaire, by its address: the generic page view finds
    the page before it reads the intake, then checks the intake's questionnaire has it."""
    pages = {}
    for kind in QUESTIONNAIRE_SETTINGS:
        pages.update(questionnaire(kind).steps_by_path)
    return pages


def sections(kind: str = FIRST) -> tuple[Section, ...]:
    return questionnaire(kind).sections


def section(key: str, kind: str = FIRST) -> Section:
    return questionnaire(kind).sections_by_key[key]


def step(key: str, kind: str = FIRST) -> Step:
    return questionnaire(kind).steps_by_key[key]


def section_of_step(step_key: str, kind: str = FIRST) -> str:
    return questionnaire(kind).section_of_step[step_key]


# ---- what a page still needs --------------------------------------------------------------
def _missing_keys(container: dict | None, keys, label: str) -> list[str]:
    container = container or {}
    count = sum(1 for key in keys if container.get(key) in (None, ""))
    if not count:
        return []
    words = ngettext("%(label)s: %(count)d question", "%(label)s: %(count)d questions", count)
    return [words % {"label": label, "count": count}]


def _missing_list(value, length: int, label: str) -> list[str]:
    return [] if isinstance(value, list) and len(value) == length else [label]


def _missing_labelled(container: dict, labels: dict) -> list[str]:
    return [label for key, label in labels.items() if not container.get(key)]


def _missing_visit(answers, details):
    if not answers.get("visit_reason"):
        return [_("Reason for your visit")]
    if answers["visit_reason"] == "other" and not answers.get("visit_reason_other"):
        return [_("What the visit is about")]
    return []


def _missing_substances(answers, details):
    # The gate is asked of every patient since the DAST-10 depends on it; an earlier intake
    # that has its DAST-10 answers needs no gate answer.
    keys = said.SUBSTANCE_KEYS
    if not answers.get("dast_10"):
        keys = (*keys, said.DRUG_USE_GATE)
    return _missing_keys(answers.get("substances"), keys, _("Other substances"))


def _missing_anxiety(answers, details):
    panic = answers.get("panic_attacks_per_week") is not None
    return _missing_list(answers.get("gad_7"), 7, _("Anxiety questions")) + (
        [] if panic else [_("Panic attacks per week")]
    )


def _not_answered(key: str, label: str, where: str = "answers"):
    """Answered once the page has been saved (its questions are all optional)."""

    def missing(answers, details):
        container = answers if where == "answers" else details
        return [] if key in container else [label]

    return missing


def _cssrs_follow_ups_missing(answers, details):
    follow_ups = said.cssrs_follow_ups(answers)
    return _missing_keys(answers.get("cssrs"), follow_ups, _("More about your safety"))


def _past_medicines_missing(answers, details):
    if "past_medicines" in (answers.get("psych_history") or {}):
        return []
    return [_("Past medicines for mood or anxiety: not answered yet")]


def _instrument_words(instrument_id: str, extra: str = "") -> str:
    text = str(instruments.instrument(instrument_id).question)
    return f"{text} {extra}" if extra else text


# An instrument's lead-in, read when the page is shown (so in the patient's language).
_instrument_question = lazy(_instrument_words, str)


# Said before the safety questions (C-SSRS, and PHQ-9 whose item 9 is one): a safety answer
# reaches the care team when it is saved, not when the intake is sent.
_SEEN_AT_ONCE = _(
    "Your care team sees your answers to these questions as soon as you save them, "
    "even before you send the rest of your answers. If an answer shows you may be at risk, "
    "someone from the team may contact you before your visit."
)

# ---- the questionnaire ---------------------------------------------------------------------
QUESTIONNAIRE = Questionnaire(
    sections=(
        Section(
            "about",
            _("About you"),
            (
                Step(
                    "about",
                    _("About you"),
                    "about/",
                    about.AboutForm,
                    missing=lambda a, d: _missing_labelled(
                        a,
                        {
                            "date_of_birth": _("Date of birth"),
                            "sex_at_birth": _("Sex assigned at birth"),
                        },
                    ),
                    intro=_(
                        "A few details that change which medicines and doses are safest for you."
                    ),
                ),
                Step(
                    "contact",
                    _("How we can reach you"),
                    "contact/",
                    contact.ContactForm,
                    missing=lambda a, d: _missing_labelled(
                        d.get("contact") or {},
                        {
                            "mobile_phone": _("Mobile phone number"),
                            "contact_by": _("Whether we may call or text you"),
                            "visit_state": _("The state you will be in during your visit"),
                            "visit_address": _("The address you will be at during your visit"),
                        },
                    ),
                    intro=_(
                        "If your answers worry your care team, they need to reach you "
                        "quickly, and to know where you will be during your video visit."
                    ),
                ),
                Step(
                    "visit",
                    _("Your visit"),
                    "visit/",
                    about.VisitForm,
                    missing=_missing_visit,
                    intro=_("Tell us what you would like help with."),
                ),
            ),
        ),
        Section(
            "medications",
            _("Your medicines"),
            (
                Step(
                    "medications",
                    _("Your medicines"),
                    "medications/",
                    view_name="intake:medications",
                    missing=lambda a, d: (
                        []
                        if d.get("medications_confirmed")
                        else [_("Whether your list of medicines is complete")]
                    ),
                ),
            ),
        ),
        Section(
            "benzo_history",
            _("Benzodiazepine history"),
            (
                Step(
                    "benzodiazepines",
                    _("Benzodiazepine history"),
                    "benzodiazepines/",
                    substances.BenzoHistoryForm,
                    applies=lists_benzodiazepine,
                    missing=lambda a, d: _missing_keys(
                        a.get("benzo_history"), said.BENZO_HISTORY_KEYS, _("Benzodiazepine history")
                    ),
                    intro=_(
                        "You listed a benzodiazepine (such as clonazepam, alprazolam or "
                        "lorazepam). These questions help your psychiatrist plan safely with you."
                    ),
                ),
            ),
            review_group="histories",
        ),
        Section(
            "substances",
            _("Alcohol and other substances"),
            (
                Step(
                    "alcohol",
                    _("Alcohol"),
                    "alcohol/",
                    substances.AlcoholForm,
                    instrument="audit_c",
                    missing=lambda a, d: _missing_list(a.get("audit_c"), 3, _("Alcohol questions")),
                    intro=_instrument_question("audit_c", _("Think about the past year.")),
                    why=why(
                        _(
                            "alcohol and calming medicines such as benzodiazepines strengthen "
                            "each other's effects."
                        ),
                        slugs.ALCOHOL_OPIOIDS_SEDATIVES,
                        _("Alcohol, opioids and other sedatives"),
                    ),
                ),
                Step(
                    "substances",
                    _("Other substances"),
                    "substances/",
                    substances.SubstancesForm,
                    missing=_missing_substances,
                    intro=_(
                        "Please answer honestly: this stays between you and your care team, "
                        "and it helps keep your treatment safe."
                    ),
                ),
                Step(
                    "drug_use",
                    _("Drug use in the past 12 months"),
                    "drug-use/",
                    substances.DrugUseForm,
                    instrument="dast_10",
                    applies=said.used_drugs_past_year,
                    missing=lambda a, d: _missing_list(
                        a.get("dast_10"), 10, _("Drug use questions")
                    ),
                    intro=_instrument_question("dast_10"),
                    why=_("Drug use can change which medicines are safe for you."),
                ),
            ),
            review_group="substances",
        ),
        Section(
            "side_effects",
            _("Side effects"),
            (
                Step(
                    "side_effects",
                    _("Side effects"),
                    "side-effects/",
                    wellbeing.SideEffectsForm,
                    applies=said.lists_a_medicine,
                    missing=lambda a, d: _missing_keys(
                        a.get("side_effects"), said.SIDE_EFFECT_KEYS, _("Side effects")
                    ),
                    intro=_(
                        "Medicines can cause side effects. How much does each of these bother you?"
                    ),
                    why=why(
                        _("side effects can be signs that a dose is too high or too low."),
                        slugs.DOSE_TOO_HIGH_OR_LOW,
                        _("Signs a dose may be too much or too little"),
                    ),
                ),
                Step(
                    "falls_driving",
                    _("Falls and driving"),
                    "side-effects/falls-and-driving/",
                    wellbeing.FallsDrivingForm,
                    applies=said.lists_a_medicine,
                    missing=lambda a, d: _missing_keys(
                        a.get("side_effects"), said.FALLS_DRIVING_KEYS, _("Falls and driving")
                    ),
                    intro=_("Two questions about safety while taking your medicines."),
                    why=_(
                        "Some medicines make falls more likely, and drowsiness from medicines "
                        "can make driving unsafe."
                    ),
                ),
            ),
            review_group="side-effects",
        ),
        Section(
            "mood",
            _("Anxiety and mood"),
            (
                Step(
                    "anxiety",
                    _("Anxiety"),
                    "anxiety/",
                    wellbeing.AnxietyForm,
                    instrument="gad_7",
                    missing=_missing_anxiety,
                    intro=_instrument_question("gad_7"),
                    why=_(
                        "These standard questions measure anxiety, so changes can be tracked "
                        "over time."
                    ),
                ),
                Step(
                    "mood",
                    _("Mood"),
                    "mood/",
                    wellbeing.MoodForm,
                    instrument="phq_9",
                    missing=lambda a, d: _missing_list(a.get("phq_9"), 9, _("Mood questions")),
                    intro=_instrument_question("phq_9"),
                    why=_(
                        "These standard questions measure mood, so changes can be tracked "
                        "over time."
                    ),
                    safety_notice=_(
                        "The last question asks about thoughts of hurting yourself. "
                        'If you answer anything other than "Not at all", your care team sees that '
                        "answer as soon as you save this page, even before you send the rest of "
                        "your answers, and may contact you."
                    ),
                ),
            ),
        ),
        Section(
            "safety",
            _("Your safety"),
            (
                Step(
                    "safety",
                    _("Your safety"),
                    "safety/",
                    wellbeing.SafetyForm,
                    instrument="cssrs",
                    missing=lambda a, d: _missing_keys(
                        a.get("cssrs"), ("q1", "q2", "q6"), _("Your safety")
                    ),
                    intro=_instrument_question("cssrs"),
                    why=_(
                        "Your safety matters most. Your answers help your care team support "
                        "you soon."
                    ),
                    safety_notice=_SEEN_AT_ONCE,
                    advice=_("If you are not sure, choose the answer closest to how you feel."),
                ),
                Step(
                    "safety_more",
                    _("More about your safety"),
                    "safety/more/",
                    wellbeing.SafetyMoreForm,
                    instrument="cssrs",
                    applies=lambda a: bool(said.cssrs_follow_ups(a)),
                    missing=_cssrs_follow_ups_missing,
                    intro=_(
                        "Thank you for telling us. A few more questions help your care team "
                        "support you."
                    ),
                    safety_notice=_SEEN_AT_ONCE,
                ),
            ),
        ),
        Section(
            "health",
            _("Health conditions that change sedative safety"),
            (
                Step(
                    "health",
                    _("Health conditions that change sedative safety"),
                    "health/",
                    history.HealthForm,
                    missing=lambda a, d: _missing_keys(
                        a.get("health"), said.HEALTH_KEYS, _("Health conditions")
                    ),
                    intro=_(
                        "Some health conditions change how safe calming medicines are for "
                        "you. This section is optional, but it helps your psychiatrist plan safely."
                    ),
                ),
            ),
            optional=True,
            review_group="histories",
        ),
        Section(
            "psych_history",
            _("Psychiatric history"),
            (
                Step(
                    "psych_history",
                    _("Psychiatric history"),
                    "psychiatric-history/",
                    history.PsychHistoryForm,
                    missing=_not_answered(
                        "psych_history", _("Psychiatric history: not answered yet")
                    ),
                    intro=_(
                        "What has happened before helps your psychiatrist choose what to "
                        "try next. This section is optional."
                    ),
                ),
                Step(
                    "past_medicines",
                    _("Past medicines for mood or anxiety"),
                    "psychiatric-history/past-medicines/",
                    history.PastMedicinesForm,
                    applies=said.asks_past_medicines,
                    missing=_past_medicines_missing,
                    intro=format_lazy(
                        _(
                            "Up to {rows} medicines you took before for mood or anxiety, and "
                            "how they worked for you. What helped before, and what did not, "
                            "guides what to try next."
                        ),
                        rows=said.PAST_MEDICINE_ROWS,
                    ),
                ),
            ),
            optional=True,
            review_group="histories",
        ),
        Section(
            "pharmacy",
            _("Pharmacy and prescribers"),
            (
                Step(
                    "pharmacy",
                    _("Your pharmacy"),
                    "pharmacy/",
                    history.PharmacyForm,
                    missing=_not_answered(
                        "pharmacy", _("Whether you have a pharmacy"), where="details"
                    ),
                    intro=_(
                        "Where your psychiatrist should send a prescription. This section "
                        "is optional. Who prescribes each of your medicines is asked on the "
                        "medicines page."
                    ),
                ),
            ),
            optional=True,
        ),
        # Last, as on the psychiatrist's detail page: the patient ends on their own words.
        Section(
            "goals",
            _("What you want from your visit"),
            (
                Step(
                    "goals",
                    _("What you want from your visit"),
                    "goals/",
                    goals.GoalsForm,
                    missing=_not_answered(
                        "goals", _("What you want from your visit: not answered yet")
                    ),
                ),
            ),
            optional=True,
            review_group="goals",
        ),
    )
)


# ---- the task list and what is left -------------------------------------------------------
def step_applies(
    step_key: str, answers: dict, details: dict | None = None, kind: str = FIRST
) -> bool:
    return step(step_key, kind).applies(answers)


def missing_for_step(step_key: str, answers: dict, details: dict, kind: str = FIRST) -> list[str]:
    page = step(step_key, kind)
    if not page.applies(answers):
        return []
    return page.missing(answers, details)


def _in_section(label: str, section: Section) -> str:
    """A missing answer as said under its section's name: "Your safety: 3 questions" is
    "3 questions" there (the name is shown already), "Other substances: 2 questions" stays."""
    label, prefix = str(label), f"{section.title}: "
    return label[len(prefix) :] if label.startswith(prefix) else label


def step_started(step_key: str, answers: dict, details: dict) -> bool:
    return step_key in (details.get("pending") or {}) or step_key in (details.get("seen") or [])


def section_state(section: Section, answers: dict, details: dict) -> dict:
    """For the task list: status ("not_started", "in_progress", "completed", "not_needed")
    and the missing answers, in words."""
    steps = [s for s in section.steps if s.applies(answers)]
    if not steps:
        return {"status": "not_needed", "missing": []}
    missing = [_in_section(m, section) for s in steps for m in s.missing(answers, details)]
    started = any(step_started(s.key, answers, details) for s in steps)
    if not missing:
        status = "completed"
    elif started:
        status = "in_progress"
    else:
        status = "optional" if section.optional else "not_started"
    return {"status": status, "missing": missing}


def missing_answers(
    answers: dict, details: dict, kind: str = FIRST
) -> dict[str, list[tuple[str, str]]]:
    """Section key -> [(what is missing, step key)] for every incomplete section the
    patient must answer before sending (optional sections are never listed)."""
    result = {}
    for sect in sections(kind):
        if sect.optional:
            continue
        items = [
            (_in_section(label, sect), page.key)
            for page in sect.steps
            for label in missing_for_step(page.key, answers, details, kind)
        ]
        if items:
            result[sect.key] = items
    return result


def without_moot_answers(answers: dict) -> dict:
    """The answers without those a later change made moot: the benzodiazepine history
    without a benzodiazepine, side effects without a medicine, the DAST-10 after "no" to
    drug use."""
    answers = said.without_skipped_pages(answers)
    if not lists_benzodiazepine(answers):
        answers.pop("benzo_history", None)
    return answers
