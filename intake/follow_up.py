"""The follow-up intake's and the check-in's questionnaires, declared from the first visit's.

A follow-up starts from the answers of the last intake the patient sent
(``follow_up_start``): each medicine listed then is reconciled ("Still taking it? Same
dose?"), new ones are added on the usual medicine pages; the pages about the patient,
their contact details, health conditions and allergies, psychiatric history and pharmacy
show last time's answers with one "Has anything changed?" question, and "yes" opens the
usual page, prefilled. The instruments (GAD-7, PHQ-9, C-SSRS screener, AUDIT-C, DAST-10),
side effects, substances and the visit's reason and goals are asked fresh, never
prefilled; the safety pages are the same ``Step`` objects as a first intake's, so crisis
help, STAT and escalation cannot differ.

A check-in between visits is the PHQ-9 page, the GAD-7 page and the safety pages.

``settings.INTAKE_FOLLOW_UP_QUESTIONNAIRE`` and ``settings.INTAKE_CHECK_IN_QUESTIONNAIRE``
name these; ``intake.sections.questionnaire(kind)`` reads them.
"""

import copy
import dataclasses

from django.utils.translation import gettext_lazy as _

from .forms import follow_up as forms
from .sections import QUESTIONNAIRE, Questionnaire, Section, Step

_FIRST = QUESTIONNAIRE.sections_by_key
_STEPS = QUESTIONNAIRE.steps_by_key


@dataclasses.dataclass(frozen=True)
class Carried:
    """A page of the first visit's whose answers a follow-up carries over, behind one
    "Has anything changed?" page: its key, the usual pages, and where they store."""

    key: str
    pages: tuple[str, ...]
    answer_keys: tuple[str, ...] = ()
    detail_keys: tuple[str, ...] = ()

    def answered_in(self, answers: dict, details: dict) -> bool:
        return any(k in answers for k in self.answer_keys) or any(
            k in details for k in self.detail_keys
        )


CARRIED = {
    "about": Carried(
        "about", ("about",), ("date_of_birth", "sex_at_birth", "pregnant", "breastfeeding")
    ),
    "contact": Carried("contact", ("contact",), detail_keys=("contact",)),
    "health": Carried("health", ("health",), ("health", "allergy_details")),
    "psych_history": Carried(
        "psych_history", ("psych_history", "past_medicines"), ("psych_history",)
    ),  # fmt: skip
    "pharmacy": Carried("pharmacy", ("pharmacy",), detail_keys=("pharmacy",)),
}


def _asked_again(key: str):
    """A carried page applies when last time left it unanswered, or after "yes, changed"."""

    def applies(answers: dict) -> bool:
        said = forms.since_last_time(answers)
        return key not in said or said[key] == "changed"

    return applies


def _review_applies(key: str):
    return lambda answers: key in forms.since_last_time(answers)


def _review_missing(key: str):
    def missing(answers, details):
        if forms.since_last_time(answers).get(key):
            return []
        return [str(_("Whether anything changed since last time"))]

    return missing


def _review_page(carried: Carried, title) -> Step:
    first = _STEPS[carried.pages[0]]
    return Step(
        f"{carried.key}_since_last_time",
        title,
        f"{first.path}since-last-time/",
        forms.since_last_time_form(
            carried.key,
            [_STEPS[key] for key in carried.pages],
            carried.answer_keys,
            carried.detail_keys,
        ),
        applies=_review_applies(carried.key),
        missing=_review_missing(carried.key),
        intro=_("Here is what you told us last time. You only need to change what is different."),
    )


def _carried_pages(key: str, title) -> tuple[Step, ...]:
    """The "Has anything changed?" page, then the usual pages, asked after "yes"."""
    carried = CARRIED[key]
    usual = tuple(
        dataclasses.replace(
            _STEPS[page],
            applies=lambda a, page=page: _asked_again(key)(a) and _STEPS[page].applies(a),
        )
        for page in carried.pages
    )
    return (_review_page(carried, title), *usual)


def _with_steps(key: str, steps: tuple[Step, ...]) -> Section:
    return dataclasses.replace(_FIRST[key], steps=steps)


MEDICINES_SINCE_LAST_TIME = Step(
    "medicines_since_last_time",
    _("Your medicines since last time"),
    "medications/since-last-time/",
    forms.MedicinesSinceLastTimeForm,
    applies=lambda a: "medications" in forms.since_last_time(a),
    missing=forms.medicines_missing,
    intro=_(
        "These are the medicines you listed last time. For each one, tell us if you still "
        "take it at the same dose. You can add new medicines on the next page."
    ),
)

FOLLOW_UP = Questionnaire(
    sections=(
        _with_steps(
            "about",
            (
                *_carried_pages("about", _("About you: anything changed?")),
                *_carried_pages("contact", _("How we can reach you: anything changed?")),
                _STEPS["visit"],
            ),
        ),
        _with_steps("medications", (MEDICINES_SINCE_LAST_TIME, _STEPS["medications"])),
        *(_FIRST[key] for key in ("benzo_history", "substances", "side_effects", "mood")),
        _FIRST["safety"],
        _with_steps("health", _carried_pages("health", _("Health conditions: anything changed?"))),
        _with_steps(
            "psych_history",
            _carried_pages("psych_history", _("Psychiatric history: anything changed?")),
        ),
        _with_steps("pharmacy", _carried_pages("pharmacy", _("Your pharmacy: anything changed?"))),
        _FIRST["goals"],
    )
)

CHECK_IN = Questionnaire(
    sections=(
        Section(
            "mood",
            _("Mood and anxiety"),
            (_STEPS["mood"], _STEPS["anxiety"]),
        ),
        _FIRST["safety"],
    )
)


# ---- starting a follow-up from the last answers -------------------------------------------
# Kept on a carried medicine only within one follow-up: a new one starts from the medicine.
_RECONCILIATION_KEYS = (forms.RECONCILED, "last_index", "stopped_when")


def follow_up_start(last_answers: dict, last_details: dict, *, last_id: str) -> tuple[dict, dict]:
    """(answers, details) a follow-up opens with, from the last sent intake's: the carried
    pages' answers (each behind "Has anything changed?"), last time's medicines to
    reconcile, and nothing of the instruments, side effects, substances or goals."""
    answers, details = {}, {"follow_up": {"from": last_id, "answers": {}, "details": {}}}
    kept = details["follow_up"]
    since = {}
    for carried in CARRIED.values():
        if not carried.answered_in(last_answers, last_details):
            continue
        since[carried.key] = None
        for source, target, store, keys in (
            (last_answers, answers, kept["answers"], carried.answer_keys),
            (last_details, details, kept["details"], carried.detail_keys),
        ):
            for key in keys:
                if key in source:
                    target[key] = store[key] = copy.deepcopy(source[key])
    medicines = [
        {k: v for k, v in m.items() if k not in _RECONCILIATION_KEYS}
        for m in last_answers.get("medications") or []
        if isinstance(m, dict)
    ]
    if medicines:
        since["medications"] = None
        kept["medications"] = medicines
    answers[forms.SINCE_LAST_TIME] = since
    return answers, details
