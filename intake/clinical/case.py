"""One case: the answers the rules take, whether typed by a patient or read from a case file.

``parse_case(data)`` turns the case-file format (a JSON object; see docs/clinical.md,
"Case format") into a ``Case`` or raises ``CaseError`` naming the field. The stored intake
uses the very same format, so the portal and the evaluator can never disagree. Every
section is optional; ``null`` means "not answered", exactly like a missing key. Unknown keys are
errors: they are usually typos.
"""

from dataclasses import dataclass, field
from datetime import date

from intake.clinical import fields as f
from intake.clinical.fields import CaseError
from intake.clinical.instruments import CSSRS_KEYS, INSTRUMENTS, cssrs_asked

__all__ = ["Case", "CaseError", "MedicationInput", "parse_case"]

LEVELS = ("none", "mild", "moderate", "severe")
TAKING = ("as_prescribed", "more", "less")
SEXES = ("female", "male", "unknown")
PREGNANT = ("yes", "no", "unsure", "not_applicable")
BREASTFEEDING = ("yes", "no", "not_applicable")
# A duration is kept as the patient gave it (number and unit) and turned into weeks only
# here, exactly: a month is 365.25 / 12 / 7 = 4.35 weeks, so "1 month" is more than 4 weeks
# (rounding it to 4 missed the withdrawal rule). A year is 365.25 / 7 weeks.
WEEKS_PER_UNIT = {"weeks": 1.0, "months": 4.35, "years": 52.18}
MAX_WEEKS = 5200
MAX_MEDICATIONS = 40
# Past diagnoses, as the intake's psychiatric history page stores them (its ``DIAGNOSES``).
DIAGNOSES = ("depression", "bipolar", "anxiety", "panic", "ptsd", "ocd", "adhd", "psychosis",
             "eating", "substance_use")  # fmt: skip
# The other answers of that page: kept beside the case for the psychiatrist, not read here.
HISTORY_FOR_THE_PSYCHIATRIST = ("diagnoses_other", "hospital_stays", "last_hospital_stay",
                                "therapist", "therapist_name", "took_past_medicines",
                                "past_medicines")  # fmt: skip


@dataclass(frozen=True)
class MedicationInput:
    name: str
    strength_mg: float | None = None  # mg per tablet (or per dose unit); None when unknown
    amount_per_dose: float = 1
    times_per_day: int | None = None
    as_needed: bool = False
    max_doses_per_day: int | None = None
    taking: str = "as_prescribed"
    prescribed: bool = True
    weeks_taking: float | None = None
    prescriber: str | None = None
    # The patient's answer to "Did you mean ...?" for a corrected name: only a corrected
    # name the patient confirmed (true) is used; None is "not asked".
    confirmed: bool | None = None
    # For an ambiguous name ("klonopin or xanax"), the candidate the patient picked when
    # asked "Did you mean ...?" (a generic); used only while it is still a candidate.
    chosen: str | None = None
    # How long, as the patient said it ("1 month"); ``weeks_taking`` is then worked out
    # from it. A case file may give ``weeks_taking`` alone instead.
    duration: float | None = None
    duration_unit: str | None = None

    def how_long(self) -> str:
        """ "1 month", "30 weeks": as the patient said it, for a flag's triggers."""
        if self.duration is not None and self.duration_unit:
            unit = self.duration_unit[:-1] if self.duration == 1 else self.duration_unit
            return f"{self.duration:g} {unit}"
        return f"{self.weeks_taking:g} weeks"


@dataclass(frozen=True)
class Substances:
    opioids: bool | None = None  # any opioid use not in the medication list
    cannabis: bool | None = None
    stimulants: bool | None = None
    sedatives: bool | None = None  # sleep medicines or other sedatives not in the list
    sud_history: bool | None = None
    family_sud_history: bool | None = None
    # Any drug use other than for medical reasons in the past 12 months: the DAST-10 is
    # asked only after true (a non-user would score 1 on its reverse-scored item 3).
    drug_use_past_year: bool | None = None


@dataclass(frozen=True)
class BenzoHistory:
    plans_to_stop: bool | None = None
    missed_dose_symptoms: bool | None = None
    withdrawal_before: bool | None = None
    used_before: bool | None = None
    tried_to_stop: bool | None = None
    dosing: str | None = None  # once_daily | divided | as_needed


@dataclass(frozen=True)
class SideEffects:
    drowsiness: str | None = None
    brain_fog: str | None = None
    coordination: str | None = None
    memory: str | None = None
    fatigue: str | None = None
    confusion: str | None = None
    over_medicated: str | None = None
    breakthrough_anxiety: str | None = None
    falls: bool | None = None
    driving: bool | None = None  # drives while taking the medicine


@dataclass(frozen=True)
class Health:
    """Health conditions that change how safe a sedative is (the "Health conditions" page)."""

    sleep_apnoea: bool | None = None
    lung_disease: bool | None = None  # COPD or other lung disease
    liver_disease: bool | None = None
    kidney_disease: bool | None = None
    falls_past_year: bool | None = None
    seizures: bool | None = None
    head_injury: bool | None = None
    medicine_allergies: bool | None = None


@dataclass(frozen=True)
class EarlierScore:
    """A complete total from the patient's latest earlier submitted intake (of any kind),
    put into the case by the portal at evaluation time (intake/trends.py); a case file may
    give it too. The rules compare with it (intake/clinical/measurement.py)."""

    total: int
    on: date | None = None  # the day that intake was submitted


@dataclass(frozen=True)
class Case:
    age: int | None = None
    date_of_birth: date | None = None
    as_of: date | None = None
    sex_at_birth: str | None = None
    medications: tuple[MedicationInput, ...] = ()
    substances: Substances = field(default_factory=Substances)
    benzo_history: BenzoHistory = field(default_factory=BenzoHistory)
    side_effects: SideEffects = field(default_factory=SideEffects)
    health: Health = field(default_factory=Health)
    panic_attacks_per_week: int | None = None
    gad_7: tuple | None = None
    phq_9: tuple | None = None
    audit_c: tuple | None = None
    dast_10: tuple | None = None
    cssrs: dict | None = None
    visit_reason: str | None = None
    visit_reason_other: str | None = None
    pregnant: str | None = None
    breastfeeding: str | None = None
    diagnoses: tuple[str, ...] = ()  # past diagnoses (``psych_history.diagnoses``)
    allergy_details: str | None = None  # which medicines, in the patient's words
    # Per instrument ("phq_9", "gad_7", "audit_c", "dast_10"): the earlier complete total.
    earlier_scores: dict[str, EarlierScore] = field(default_factory=dict)


SECTIONS = {
    "substances": Substances,
    "benzo_history": BenzoHistory,
    "side_effects": SideEffects,
    "health": Health,
}
TOP_KEYS = frozenset(
    {"age", "date_of_birth", "as_of", "sex_at_birth", "medications", "panic_attacks_per_week",
     "cssrs", "visit_reason", "visit_reason_other", "pregnant", "breastfeeding", *SECTIONS,
     "gad_7", "phq_9", "audit_c", "dast_10", "psych_history", "allergy_details",
     "earlier_scores"}
)  # fmt: skip
MEDICATION_KEYS = tuple(MedicationInput.__dataclass_fields__)
LEVEL_FIELDS = ("drowsiness", "brain_fog", "coordination", "memory", "fatigue", "confusion",
                "over_medicated", "breakthrough_anxiety")  # fmt: skip
CHOICES = {
    **{("side_effects", name): LEVELS for name in LEVEL_FIELDS},
    ("benzo_history", "dosing"): ("once_daily", "divided", "as_needed"),
}


def parse_case(data, *, as_of: date | None = None) -> Case:
    """The case in ``data``, or ``CaseError``. ``as_of`` (else the case's own, else today)
    is the date the age is worked out at when a date of birth is given."""
    if not isinstance(data, dict):
        raise CaseError("", "must be a JSON object")
    f.only_keys(data, TOP_KEYS, "")
    age, dob, on = _age(data, as_of)
    return Case(
        age=age,
        date_of_birth=dob,
        as_of=on,
        sex_at_birth=f.choice(data, "sex_at_birth", "", SEXES),
        medications=_medications(data),
        **{key: _section(data, key) for key in SECTIONS},
        panic_attacks_per_week=f.whole(data, "panic_attacks_per_week", "", low=0, high=500),
        **{key: _answers(data, key) for key in ("gad_7", "phq_9", "audit_c")},
        dast_10=_dast_10(data),
        cssrs=_cssrs(data),
        visit_reason=f.choice(data, "visit_reason", "", ("panic", "gad", "other")),
        visit_reason_other=f.text(data, "visit_reason_other", "", max_length=500),
        pregnant=f.choice(data, "pregnant", "", PREGNANT),
        breastfeeding=f.choice(data, "breastfeeding", "", BREASTFEEDING),
        diagnoses=_diagnoses(data),
        allergy_details=f.text(data, "allergy_details", "", max_length=500),
        earlier_scores=_earlier_scores(data),
    )


SCORED = ("gad_7", "phq_9", "audit_c", "dast_10")


def _earlier_scores(data: dict) -> dict[str, EarlierScore]:
    """``{"phq_9": {"total": 9, "on": "2026-10-01"}, ...}``: each total whole and within
    its instrument's range."""
    given = f.section(data, "earlier_scores")
    if given is None:
        return {}
    f.only_keys(given, SCORED, "earlier_scores")
    found = {}
    for key in SCORED:
        path = f.join("earlier_scores", key)
        score = f.section(given, key, "earlier_scores")
        if score is None:
            continue
        f.only_keys(score, ("total", "on"), path)
        high = sum(max(o.score for o in item.options) for item in INSTRUMENTS[key].items)
        total = f.whole(score, "total", path, low=0, high=high)
        if total is None:
            raise CaseError(f.join(path, "total"), "must be given")
        found[key] = EarlierScore(total, f.iso_date(score, "on", path))
    return found


def _diagnoses(data: dict) -> tuple[str, ...]:
    history = f.section(data, "psych_history")
    if history is None:
        return ()
    f.only_keys(history, ("diagnoses", *HISTORY_FOR_THE_PSYCHIATRIST), "psych_history")
    given = history.get("diagnoses")
    if given is None:
        return ()
    if not isinstance(given, list) or any(d not in DIAGNOSES for d in given):
        raise CaseError("psych_history.diagnoses", f"must be a list of: {', '.join(DIAGNOSES)}")
    return tuple(given)


def _age(data: dict, as_of: date | None) -> tuple[int | None, date | None, date | None]:
    own = f.iso_date(data, "as_of", "")  # checked even when the caller's date wins
    on = as_of or own
    dob = f.iso_date(data, "date_of_birth", "")
    if dob is None:
        return f.whole(data, "age", "", low=0, high=120), None, on
    if data.get("age") is not None:
        raise CaseError("age", "give age or date_of_birth, not both")
    on = on or date.today()
    if dob > on:
        raise CaseError("date_of_birth", f"must not be after {on.isoformat()}")
    age = on.year - dob.year - ((on.month, on.day) < (dob.month, dob.day))
    if age > 120:
        raise CaseError("date_of_birth", "gives an age above 120")
    return age, dob, on


def _section(data: dict, key: str):
    """A nested section: every field a boolean unless ``CHOICES`` names its values."""
    values = f.section(data, key)
    kind = SECTIONS[key]
    if values is None:
        return kind()
    f.only_keys(values, tuple(kind.__dataclass_fields__), key)
    return kind(
        **{
            name: f.choice(values, name, key, CHOICES[key, name])
            if (key, name) in CHOICES
            else f.boolean(values, name, key)
            for name in kind.__dataclass_fields__
        }
    )


def _medications(data: dict) -> tuple[MedicationInput, ...]:
    items = data.get("medications")
    if items is None:
        return ()
    if not isinstance(items, list) or len(items) > MAX_MEDICATIONS:
        raise CaseError("medications", f"must be a list of at most {MAX_MEDICATIONS} medicines")
    return tuple(_medication(item, f.join("medications", n)) for n, item in enumerate(items))


def _medication(item, path: str) -> MedicationInput:
    if not isinstance(item, dict):
        raise CaseError(path, "must be an object")
    f.only_keys(item, MEDICATION_KEYS, path)
    as_needed = f.boolean(item, "as_needed", path, default=False)
    if as_needed and item.get("times_per_day") is not None:
        raise CaseError(f.join(path, "times_per_day"), "leave out when as_needed is true "
                        "(give max_doses_per_day)")  # fmt: skip
    if not as_needed and item.get("max_doses_per_day") is not None:
        raise CaseError(f.join(path, "max_doses_per_day"), "only for as-needed use "
                        "(set as_needed to true)")  # fmt: skip
    return MedicationInput(
        name=f.text(item, "name", path, max_length=120, required=True),
        strength_mg=f.number(item, "strength_mg", path, above=0, maximum=5000),
        amount_per_dose=f.number(item, "amount_per_dose", path, above=0, maximum=20, default=1),
        times_per_day=f.whole(item, "times_per_day", path, low=1, high=6),
        as_needed=as_needed,
        max_doses_per_day=f.whole(item, "max_doses_per_day", path, low=1, high=24),
        taking=f.choice(item, "taking", path, TAKING, default="as_prescribed"),
        prescribed=f.boolean(item, "prescribed", path, default=True),
        weeks_taking=_weeks_taking(item, path),
        prescriber=f.text(item, "prescriber", path, max_length=120),
        confirmed=f.boolean(item, "confirmed", path),
        chosen=f.text(item, "chosen", path, max_length=80),
        duration=f.number(item, "duration", path, minimum=0, maximum=MAX_WEEKS),
        duration_unit=f.choice(item, "duration_unit", path, tuple(WEEKS_PER_UNIT)),
    )


def _weeks_taking(item: dict, path: str) -> float | None:
    """Weeks from ``duration`` and ``duration_unit`` (both or neither), else ``weeks_taking``."""
    duration = f.number(item, "duration", path, minimum=0, maximum=MAX_WEEKS)
    unit = f.choice(item, "duration_unit", path, tuple(WEEKS_PER_UNIT))
    if duration is None and unit is None:
        return f.number(item, "weeks_taking", path, minimum=0, maximum=MAX_WEEKS)
    if item.get("weeks_taking") is not None:
        raise CaseError(f.join(path, "weeks_taking"), "leave out when duration is given")
    if unit is None:
        raise CaseError(f.join(path, "duration_unit"), 'must be "weeks", "months" or "years" '
                        "when duration is given")  # fmt: skip
    if duration is None:
        raise CaseError(f.join(path, "duration"), "must be given with duration_unit")
    weeks = duration * WEEKS_PER_UNIT[unit]
    if weeks > MAX_WEEKS:
        raise CaseError(f.join(path, "duration"), f"must be at most {MAX_WEEKS} weeks in all")
    return round(weeks, 2)


def _answers(data: dict, key: str) -> tuple | None:
    """An instrument's answers by position; a short list or a null answer is incomplete."""
    answers = data.get(key)
    if answers is None:
        return None
    count = len(INSTRUMENTS[key].items)
    if not isinstance(answers, list) or len(answers) > count:
        raise CaseError(key, f"must be a list of {count} answers")
    values = {n: a for n, a in enumerate(answers)}
    if key == "dast_10":
        parsed = [f.boolean(values, n, key) for n in range(count)]
    else:
        high = max(o.score for o in INSTRUMENTS[key].items[0].options)
        parsed = [f.whole(values, n, key, low=0, high=high) for n in range(count)]
    return tuple(parsed)


def _dast_10(data: dict) -> tuple | None:
    substances = data.get("substances")
    non_user = isinstance(substances, dict) and substances.get("drug_use_past_year") is False
    if non_user and data.get("dast_10") is not None:
        raise CaseError("dast_10", "leave out when substances.drug_use_past_year is false")
    return _answers(data, "dast_10")


def _cssrs(data: dict) -> dict | None:
    answers = f.section(data, "cssrs")
    if answers is None:
        return None
    f.only_keys(answers, CSSRS_KEYS, "cssrs")
    parsed = {key: f.boolean(answers, key, "cssrs") for key in CSSRS_KEYS}
    asked = cssrs_asked(parsed)
    for key in CSSRS_KEYS:
        if parsed[key] is not None and key not in asked:
            gate = "q2" if key in ("q3", "q4", "q5") else "q6"
            raise CaseError(f"cssrs.{key}", f"leave out unless {gate} is true")
    return parsed
