"""What each flag rests on, in words: "Oxycodone 30 mg a day (typed 'Oxycodine', corrected
to oxycodone, confirmed by the patient) with clonazepam 3 mg a day".

A flag's ``triggered_by`` holds short answer references (``medications[1]=oxycodone``,
``medications[0].taking=more (clonazepam)``, ``age=67``, ``audit_c.total=5``); this module
turns them into a sentence from the medicines as the page shows them. Pure: no queries.
"""

import re

_MEDICINE_REF = re.compile(r"^medications\[(\d+)\](?:\.(\w+))?=([^()]*?)\s*(?:\((.*)\))?$")
_FACT_REF = re.compile(r"^([\w.\[\]]+)=([^()]*?)\s*(?:\((.*)\))?$")

INSTRUMENT_WORDS = {
    "audit_c": "AUDIT-C",
    "phq_9": "PHQ-9",
    "gad_7": "GAD-7",
    "dast_10": "DAST-10",
    "cssrs": "C-SSRS",
}
FIELD_WORDS = {
    "age": "age",
    "sex_at_birth": "sex assigned at birth",
    "pregnant": "pregnant",
    "breastfeeding": "breastfeeding",
    "panic_attacks_per_week": "panic attacks a week",
    "opioids": "other opioid use",
    "sedatives": "other sedatives",
    "sud_history": "past substance use problems",
    "family_sud_history": "family history of substance use problems",
    "tried_to_stop": "tried to stop and could not",
    "withdrawal_before": "withdrawal before",
    "missed_dose_symptoms": "symptoms after a missed dose",
    "plans_to_stop": "plans to stop",
    "falls": "falls",
    "driving": "drives while taking it",
    "breakthrough_anxiety": "anxiety between doses",
    "over_medicated": "feels over-medicated",
    "brain_fog": "brain fog",
    "sleep_apnoea": "sleep apnoea",
    "lung_disease": "COPD or other lung disease",
    "liver_disease": "liver disease",
    "falls_past_year": "a fall in the past year",
    "seizures": "a seizure at some time",
    "q6_past_3_months": "Q6 in the past 3 months",
    "total": "total",
    "minimum_total": "at least (from the items answered)",
    "prorated_total": "prorated total (one item missing)",
    "diagnoses": "past diagnosis",
    "allergy_details": "allergy reported",
}
# Past diagnoses as the intake's psychiatric history page names them (a trigger's value).
DIAGNOSIS_WORDS = {"bipolar": "bipolar disorder", "psychosis": "a psychotic illness",
                   "eating": "an eating disorder"}  # fmt: skip
_ITEM = re.compile(r"^item_(\d+)$")
VALUE_WORDS = {"true": "yes", "false": "no"}
MEDICINE_FIELD_WORDS = {
    ("taking", "more"): "taken more than prescribed",
    ("taking", "less"): "taken less than prescribed",
    ("prescribed", "false"): "not prescribed to the patient",
}


def fact_words(path: str, value: str) -> str:
    """``audit_c.total`` = 5 -> "AUDIT-C total: 5"; ``side_effects.falls`` = true ->
    "falls: yes"; an unknown path is shown as it is, never dropped."""
    parts = path.split(".")
    value = VALUE_WORDS.get(value, value)
    if parts[-1] == "diagnoses":
        value = DIAGNOSIS_WORDS.get(value, value)
    if parts[0] in INSTRUMENT_WORDS:
        rest = [_field(p) for p in parts[1:]]
        return f"{' '.join([INSTRUMENT_WORDS[parts[0]], *rest])}: {value}"
    return f"{_field(parts[-1])}: {value}"


def _field(part: str) -> str:
    """A path part in words: listed ones as listed, "item_4" as "item 4", "q3" as "Q3",
    anything else with its underscores as spaces (never a raw key)."""
    if part in FIELD_WORDS:
        return FIELD_WORDS[part]
    if found := _ITEM.match(part):
        return f"item {found.group(1)}"
    if re.fullmatch(r"q\d", part):
        return part.upper()
    return part.replace("_", " ")


def medicine_words(medicine: dict, qualifiers: list[str]) -> str:
    """One medicine as the flag names it: its name (the catalog's when counted, else the
    patient's own words), its daily dose, how its name was matched and why it counts."""
    match = medicine["match"]
    if match["counted"]:
        phrase = f"{match['generic']} {medicine['daily_words']}"
        plain = match["kind"] == "exact" and not _differs(match)
        notes = ([] if plain else [medicine["matched"]]) + qualifiers
    else:
        # Named in the patient's own words; how it was matched says why it is not counted
        # (the rule's own note on it would say the same again).
        typed = f"\u2018{match['typed']}\u2019"
        phrase = f"{typed} {medicine['daily_words']}"
        how = medicine["matched"].removeprefix(f"typed {typed}, ")
        notes = [how] + [q for q in qualifiers if q in MEDICINE_FIELD_WORDS.values()]
    return f"{phrase} ({'; '.join(notes)})" if notes else phrase


def _differs(match: dict) -> bool:
    return match["typed"].casefold() != match["generic"].casefold()


def triggers_in_words(flag: dict, medicines: list[dict]) -> str:
    """The whole trigger sentence for a flag; medicines first ("A with B"), then the other
    answers it rests on."""
    by_medicine: dict[int, list[str]] = {}
    facts = []
    for ref in flag.get("triggered_by") or []:
        if found := _MEDICINE_REF.match(ref):
            index, field, value, extra = found.groups()
            qualifiers = by_medicine.setdefault(int(index), [])
            word = MEDICINE_FIELD_WORDS.get((field, value)) if field else None
            if field == "prescriber":
                qualifiers.append(f"prescribed by {value}")
            elif word:
                qualifiers.append(word)
            elif extra and "mg/day" not in extra and extra not in qualifiers:
                qualifiers.append(extra)  # e.g. "30 weeks daily"; the dose is said already
        elif found := _FACT_REF.match(ref):
            path, value, extra = found.groups()
            facts.append(fact_words(path, value) + (f" ({extra})" if extra else ""))
        else:
            facts.append(ref)
    named = [
        medicine_words(medicines[n], qualifiers) if n < len(medicines) else f"medicine {n + 1}"
        for n, qualifiers in by_medicine.items()
    ]
    sentence = "; ".join(filter(None, [" with ".join(named), *facts]))
    return sentence[:1].upper() + sentence[1:]
