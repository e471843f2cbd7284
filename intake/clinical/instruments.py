"""The standard instruments, declared once, with their scoring.

What an instrument is lives here: its items by id, each answer's value and score, the LOINC
codes where LOINC has them, the bands and the C-SSRS skip logic. What its items SAY is data:
one file per instrument and language (``intake/clinical/instrument_texts/``, e.g.
``phq_9.en.json``), each with its status ("adapted by the project" or "validated text
supplied by the clinic"); a file that does not fit the declaration here is refused. The
``text``, ``label``, ``title`` and ``question`` below are the project's English file, read
at import, for the clinical core and the care team's pages; the patient's pages read the
words in the patient's language through ``intake.forms.instruments`` (which also finds a
clinic's own files). Numbers and codes: shared/clinical-reference.md, section 1. An
instrument with any answer missing is reported as incomplete, with no ``total``; a PHQ-9 or
GAD-7 with some answers also gets the least total its answers already give
(``minimum_total``, ``minimum_band``), the missing items by number, and, with at most one
item missing, the prorated total (mean of the answered items x number of items,
``prorated_total``, ``prorated_band``): clinical-reference.md section 9.
"""

import dataclasses
import math
from collections.abc import Sequence
from dataclasses import dataclass, field

from .instrument_texts import InstrumentText, find_text


@dataclass(frozen=True)
class Option:
    label: str  # the project's English words for it (its ``<id>.en.json``)
    value: int | bool  # what the case file stores for this answer
    score: int
    loinc_answer: str | None = None


@dataclass(frozen=True)
class Item:
    id: str  # "1".."10" by position, or "q1".."q6", "q6_past_3_months" for the C-SSRS
    text: str  # the project's English words for it
    options: tuple[Option, ...]
    loinc: str | None = None
    # C-SSRS skip logic: asked only when the named item was answered with this value.
    asked_when: tuple[str, bool] | None = None


@dataclass(frozen=True)
class Instrument:
    id: str
    title: str
    question: str  # the lead-in shown above the items
    timeframe: str
    items: tuple[Item, ...]
    options: tuple[Option, ...]  # the shared scale; () when items differ (AUDIT-C)
    panel_loinc: str | None
    total_loinc: str | None
    source: str
    bands: tuple[tuple[int, str], ...] = field(default=())  # (lowest total, band), ascending


# The declarations name no words (""): ``_worded`` puts in the project's English ones.
def _option(value: int | bool, score: int, loinc: str | None = None) -> Option:
    return Option("", value, score, loinc)


FREQUENCY = tuple(
    _option(n, n, code) for n, code in enumerate(("LA6568-5", "LA6569-3", "LA6570-1", "LA6571-9"))
)

# LOINC's standard Yes / No answers (LA33-6, LA32-8); not listed in clinical-reference.md.
YES_NO = (_option(True, 1, "LA33-6"), _option(False, 0, "LA32-8"))
# DAST-10 item 3 is reverse-scored: "no" (not always able to stop) scores 1.
YES_NO_REVERSED = (_option(True, 0, "LA33-6"), _option(False, 1, "LA32-8"))


def _items(count: int, options, loincs: Sequence[str | None] | None = None):
    loincs = loincs or [None] * count
    return tuple(Item(str(n), "", options, code) for n, code in enumerate(loincs, start=1))


def _scale(count: int) -> tuple[Option, ...]:
    # AUDIT-C answer LOINC codes are not in clinical-reference.md, so none are claimed.
    return tuple(_option(n, n) for n in range(count))


def _worded(instrument: Instrument) -> Instrument:
    """The declaration with the project's English words (a file that does not fit the
    declaration stops the import with ``InstrumentTextError``, naming the file)."""
    words = english_text(instrument)
    return with_words(instrument, words)


def english_text(instrument: Instrument) -> InstrumentText:
    found = find_text(instrument, "en")
    if found is None:
        raise LookupError(f"no English wording for {instrument.id} ({instrument.id}.en.json)")
    return found


def with_words(instrument: Instrument, words: InstrumentText) -> Instrument:
    """The instrument with ``words``'s text and answer words in place of its own."""
    items = tuple(
        dataclasses.replace(
            item,
            text=text,
            options=tuple(
                dataclasses.replace(o, label=label)
                for o, label in zip(item.options, labels, strict=True)
            ),
        )
        for item, text, labels in zip(instrument.items, words.items, words.options, strict=True)
    )
    scale = tuple(
        dataclasses.replace(o, label=label)
        for o, label in zip(instrument.options, words.scale or (), strict=False)
    )
    return dataclasses.replace(
        instrument,
        title=words.title,
        question=words.question,
        items=items,
        options=scale if len(scale) == len(instrument.options) else instrument.options,
    )


GAD_7 = _worded(
    Instrument(
        id="gad_7",
        title="",
        question="",
        timeframe="past 2 weeks",
        items=_items(
            7,
            FREQUENCY,
            ["69725-0", "68509-9", "69733-4", "69734-2", "69735-9", "69689-8", "69736-7"],
        ),
        options=FREQUENCY,
        panel_loinc="69737-5",
        total_loinc="70274-6",
        source="GAD-7: Spitzer et al. 2006, Arch Intern Med 166:1092",
        bands=((0, "minimal"), (5, "mild"), (10, "moderate"), (15, "severe")),
    )
)

PHQ_9 = _worded(
    Instrument(
        id="phq_9",
        title="",
        question="",
        timeframe="past 2 weeks",
        items=_items(
            9,
            FREQUENCY,
            [
                "44250-9",
                "44255-8",
                "44259-0",
                "44254-1",
                "44251-7",
                "44258-2",
                "44252-5",
                "44253-3",
                "44260-8",
            ],
        ),
        options=FREQUENCY,
        panel_loinc="44249-1",
        total_loinc="44261-6",
        source="PHQ-9: Kroenke et al. 2001, J Gen Intern Med 16:606",
        bands=(
            (0, "minimal"),
            (5, "mild"),
            (10, "moderate"),
            (15, "moderately_severe"),
            (20, "severe"),
        ),
    )
)

AUDIT_C = _worded(
    Instrument(
        id="audit_c",
        title="",
        question="",
        timeframe="past year",
        items=(
            Item("1", "", _scale(5), "68518-0"),
            Item("2", "", _scale(5), "68519-8"),
            Item("3", "", _scale(5), "68520-6"),
        ),
        options=(),
        panel_loinc="72109-2",
        total_loinc="75626-2",
        source="AUDIT-C: Bush et al. 1998; Bradley et al. 2003",
    )
)

DAST_10 = _worded(
    Instrument(
        id="dast_10",
        title="",
        question="",
        timeframe="past 12 months",
        items=tuple(Item(str(n), "", YES_NO_REVERSED if n == 3 else YES_NO) for n in range(1, 11)),
        options=YES_NO,
        panel_loinc=None,
        total_loinc="82667-7",  # (secondary) seen only in a secondary copy of the LOINC entry
        source="DAST-10: Skinner 1982, Addict Behav 7:363",
        bands=((0, "none"), (1, "low"), (3, "moderate"), (6, "substantial"), (9, "severe")),
    )
)

CSSRS = _worded(
    Instrument(
        id="cssrs",
        title="",
        question="",
        timeframe="past month (question 6: ever, then the past 3 months)",
        items=(
            Item("q1", "", YES_NO),
            Item("q2", "", YES_NO),
            Item("q3", "", YES_NO, asked_when=("q2", True)),
            Item("q4", "", YES_NO, asked_when=("q2", True)),
            Item("q5", "", YES_NO, asked_when=("q2", True)),
            Item("q6", "", YES_NO),
            Item("q6_past_3_months", "", YES_NO, asked_when=("q6", True)),
        ),
        options=YES_NO,
        panel_loinc=None,
        total_loinc=None,
        # (secondary) the action wording for high risk was seen only in a secondary copy.
        source="C-SSRS screener (Columbia Suicide Severity Rating Scale, screen version)",
    )
)

INSTRUMENTS: dict[str, Instrument] = {i.id: i for i in (GAD_7, PHQ_9, AUDIT_C, DAST_10, CSSRS)}
LIST_INSTRUMENTS = ("gad_7", "phq_9", "audit_c", "dast_10")
CSSRS_KEYS = tuple(item.id for item in CSSRS.items)


# ---- scoring ------------------------------------------------------------------------------
def item_scores(instrument: Instrument, answers: Sequence) -> list[int | None]:
    """Each answer's score by position (None where unanswered); answers are case values."""
    scores: list[int | None] = []
    for item, answer in zip(instrument.items, answers, strict=False):
        option = next((o for o in item.options if _same(o.value, answer)), None)
        scores.append(None if option is None else option.score)
    return scores + [None] * (len(instrument.items) - len(scores))


def _same(value, answer) -> bool:
    # True == 1 in Python: a yes/no answer and a 0-3 score must never stand in for each other.
    return type(value) is type(answer) and value == answer


def total(instrument: Instrument, answers: Sequence) -> int | None:
    """The sum of the item scores, or None when any item is unanswered (never a partial)."""
    scores = item_scores(instrument, answers)
    return None if None in scores else sum(scores)


def band(instrument: Instrument, value: int) -> str:
    return [name for lowest, name in instrument.bands if value >= lowest][-1]


def _summary(instrument: Instrument, answers: Sequence) -> dict:
    value = total(instrument, answers)
    if value is None:
        answered = sum(s is not None for s in item_scores(instrument, answers))
        return {
            "total": None,
            "complete": False,
            "answered": answered,
            "of": len(instrument.items),
        }
    result: dict = {"total": value}
    if instrument.bands:
        result["band"] = band(instrument, value)
    result["complete"] = True
    return result


# Prorating is common with one or two items missing (clinical-reference.md section 9); the
# portal prorates only a single missing item, and always reports the minimum.
PRORATE_MAX_MISSING = 1


def partial(instrument: Instrument, answers: Sequence) -> dict:
    """For an incomplete answer set with some answers: the minimum total and its band, the
    missing item numbers (1-based), and the prorated total and band when at most
    ``PRORATE_MAX_MISSING`` items are missing. Empty when complete or nothing answered."""
    scores = item_scores(instrument, answers)
    given = [s for s in scores if s is not None]
    missing = [n for n, s in enumerate(scores, start=1) if s is None]
    if not given or not missing:
        return {}
    least = sum(given)
    data = {
        "minimum_total": least,
        "minimum_band": band(instrument, least),
        "missing_items": missing,
    }
    if len(missing) <= PRORATE_MAX_MISSING:
        # Round half up, as a clinician would: 23.625 -> 24.
        prorated = math.floor(least / len(given) * len(scores) + 0.5)
        data.update(prorated_total=prorated, prorated_band=band(instrument, prorated))
    return data


def score_gad_7(answers: Sequence[int | None]) -> dict:
    return {**_banded(GAD_7, answers), **partial(GAD_7, answers)}


def score_dast_10(answers: Sequence[bool | None]) -> dict:
    return _banded(DAST_10, answers)


def _banded(instrument: Instrument, answers: Sequence) -> dict:
    result = _summary(instrument, answers)
    if not result["complete"]:
        result = {"total": None, "band": None, **{k: v for k, v in result.items() if k != "total"}}
    return result


def score_phq_9(answers: Sequence[int | None]) -> dict:
    """PHQ-9 with item 9 on its own: it is reported even when other items are missing."""
    result = _banded(PHQ_9, answers)
    item_9 = item_scores(PHQ_9, answers)[8]
    return {
        "total": result.pop("total"),
        "band": result.pop("band"),
        "item_9": item_9,
        **result,
        **partial(PHQ_9, answers),
    }


def audit_c_threshold(sex_at_birth: str | None) -> int:
    """4 for men, 3 for women; 3 when sex is not given (the lower threshold)."""
    return 4 if sex_at_birth == "male" else 3


def score_audit_c(answers: Sequence[int | None], sex_at_birth: str | None = None) -> dict:
    result = _summary(AUDIT_C, answers)
    threshold = audit_c_threshold(sex_at_birth)
    positive = None if result["total"] is None else result["total"] >= threshold
    # Any drinking matters beside a benzodiazepine, even below the threshold.
    frequency = item_scores(AUDIT_C, answers)[0]
    drinks = None if frequency is None else frequency > 0
    return {
        "total": result.pop("total"),
        "positive": positive,
        "threshold": threshold,
        "drinks": drinks,
        **result,
    }


# ---- C-SSRS screener ----------------------------------------------------------------------
def cssrs_asked(answers: dict) -> list[str]:
    """The C-SSRS questions to ask, given the answers so far (the screener's skip logic)."""
    return [
        item.id
        for item in CSSRS.items
        if item.asked_when is None or answers.get(item.asked_when[0]) is item.asked_when[1]
    ]


def cssrs_yes(answers: dict) -> list[str]:
    """The questions answered yes (among those asked)."""
    return [key for key in cssrs_asked(answers) if answers.get(key) is True]


def cssrs_imminent(answers: dict) -> bool:
    """High risk shows whatever else is missing: Q4, Q5, or behaviour within 3 months."""
    yes = set(cssrs_yes(answers))
    return bool(yes & {"q4", "q5", "q6_past_3_months"})


def cssrs_risk(answers: dict) -> str | None:
    """none / low / moderate / high, or None while an asked question is unanswered."""
    if any(answers.get(key) is None for key in cssrs_asked(answers)):
        return None
    yes = set(cssrs_yes(answers))
    if cssrs_imminent(answers):
        return "high"
    if "q3" in yes or "q6" in yes:  # q6 without q6_past_3_months: more than 3 months ago
        return "moderate"
    if yes & {"q1", "q2"}:
        return "low"
    return "none"


def score_cssrs(answers: dict) -> dict:
    risk = cssrs_risk(answers)
    if risk is None:
        asked = cssrs_asked(answers)
        answered = sum(answers.get(key) is not None for key in asked)
        return {"risk": None, "complete": False, "answered": answered, "of": len(asked)}
    return {"risk": risk, "complete": True}
