"""One medicine's details in words: how long, how taken, who prescribed it, and what the
patient typed and how that name was matched.

Shared by the patient's check-your-answers page (``for_patient=True``: "you") and the
psychiatrist's detail and print pages ("the patient"), so both read the same facts. Pure:
plain dicts in (a stored medicine in the case format, plus the match the page recorded, and
optionally the medicine as the clinical core evaluated it), words out.
"""

from intake.clinical.dosing import mg

TAKING_WORDS = {
    "as_prescribed": "as prescribed",
    "more": "more than prescribed",
    "less": "less than prescribed",
}
# Match kinds that give the medicine its catalog class without asking the patient.
SURE_MATCHES = ("exact", "alias")


def duration_words(weeks) -> str:
    """ "30 weeks", "2 years", "about 7 months (30 weeks)": as the patient entered it, in weeks,
    with a rounder figure beside long spans."""
    if weeks is None:
        return "not given"
    weeks = round(weeks)
    if weeks == 1:
        return "1 week"
    if weeks >= 104 and weeks % 52 == 0:
        return f"{weeks // 52} years"
    if weeks >= 52:
        years = round(weeks / 52, 1)
        return f"{weeks} weeks (about {years:g} year{'' if years == 1 else 's'})"
    if weeks >= 9:
        return f"{weeks} weeks (about {round(weeks * 12 / 52)} months)"
    return f"{weeks} weeks"


def how_long_words(medication: dict) -> str:
    """ "1 month", "2 years": as the patient entered it; else (saved before units were
    kept, or a case file) from the weeks."""
    duration, unit = medication.get("duration"), medication.get("duration_unit")
    if duration is None or unit not in ("weeks", "months", "years"):
        return duration_words(medication.get("weeks_taking"))
    if unit == "weeks":
        return duration_words(duration)
    return f"{duration:g} {unit[:-1] if duration == 1 else unit}"


def taking_words(medication: dict) -> str:
    return TAKING_WORDS.get(medication.get("taking") or "as_prescribed", "as prescribed")


def prescribed_words(medication: dict, *, for_patient: bool = False) -> str:
    who = "you" if for_patient else "the patient"
    if medication.get("prescribed", True) is False:
        return f"not prescribed to {who}"
    prescriber = (medication.get("prescriber") or "").strip()
    if prescriber:
        return f"prescribed to {who} by {prescriber}"
    return f"prescribed to {who} (prescriber not given)"


def match_of(medication: dict, evaluated: dict | None = None) -> dict:
    """How the typed name was matched: {"typed", "kind", "generic", "score", "confirmed",
    "counted"}. The clinical core's evaluation wins where it says; else what the medicines
    page recorded when the patient saved it."""
    evaluated = evaluated or {}
    kind = evaluated.get("match") or medication.get("match")
    generic = (
        evaluated.get("generic") or evaluated.get("suggested") or medication.get("generic") or ""
    )
    if not kind:  # saved before matches were recorded: say what the catalog gave
        kind = "exact" if generic else "none"
    score = evaluated.get("score", medication.get("score"))
    confirmed = medication.get("confirmed", evaluated.get("confirmed"))
    chosen = medication.get("chosen") or evaluated.get("chosen")
    if kind == "ambiguous" and chosen and not generic:
        generic = chosen
    counted = kind in SURE_MATCHES or (kind in ("corrected", "ambiguous") and confirmed is True)
    return {
        "typed": medication.get("name") or evaluated.get("input") or "",
        "kind": kind,
        "generic": generic,
        "score": score,
        "confirmed": confirmed,
        "counted": counted and bool(generic),
        "candidates": list(evaluated.get("candidates") or medication.get("candidates") or []),
    }


def match_words(match: dict) -> str:
    """For the psychiatrist: "typed 'klonazepam', corrected to clonazepam (score 91),
    confirmed by the patient"."""
    typed, kind, generic = match["typed"], match["kind"], match["generic"]
    said = f"typed \u2018{typed}\u2019"
    if kind == "exact":
        return said if typed.casefold() == generic.casefold() else f"{said}, a catalog name"
    if kind == "alias":
        return f"{said}, a known short or street name for {generic}"
    if kind == "corrected":
        score = f" (score {match['score']:g})" if isinstance(match["score"], int | float) else ""
        if match["confirmed"] is True:
            return f"{said}, corrected to {generic}{score}, confirmed by the patient"
        if match["confirmed"] is False:
            return f"{said}, closest to {generic}{score}; the patient said it is not: unrecognised"
        return f"{said}, closest to {generic}{score}, not confirmed by the patient: unrecognised"
    if kind == "class":
        return f"{said}, names a class of drug, not one drug: unrecognised"
    if kind == "ambiguous":
        options = " or ".join(match["candidates"]) or "more than one catalog medicine"
        if match["confirmed"] is True and generic:
            return f"{said}, close to {options}; the patient chose {generic}"
        return f"{said}, close to {options}: unrecognised, counted as possible"
    return f"{said}, not recognised"


def patient_match_words(match: dict) -> str:
    """For the patient: what they typed and what we understood; "" for a sure match (the
    page names the catalog drug beside the typed name already)."""
    typed, kind, generic = match["typed"], match["kind"], match["generic"]
    said = f"You typed \u2018{typed}\u2019."
    yours = "your psychiatrist will read it as you wrote it."
    if kind in SURE_MATCHES:
        return ""
    if kind == "corrected" and match["confirmed"] is True:
        return f"{said} You told us you meant {generic}."
    if kind == "corrected" and match["confirmed"] is False:
        return f"{said} You told us it is not {generic}: {yours}"
    if kind == "corrected":
        return f"{said} It is close to {generic}: choose Change to tell us if that is it."
    if kind == "ambiguous" and match["confirmed"] is True and generic:
        return f"{said} You told us you meant {generic}."
    if kind == "ambiguous" and match["candidates"]:
        close = " or ".join(match["candidates"])
        return (
            f"{said} It could be more than one medicine ({close}). If you take more than "
            f"one, add each on its own; otherwise {yours}"
        )
    if kind == "class":
        return (
            f"{said} That names a kind of medicine: if you can, change it to the name on the label."
        )
    return f"{said} We did not find it in our list: {yours}"


def read_back(found, answer: str | None = None) -> str:
    """What a typed name was matched to, for the patient, whether or not they were asked
    (issue 23 item 11: the match is always shown): ``found`` is the ``MedicineMatch``,
    ``answer`` their answer to "Did you mean ...?" ("yes", "no", or the generic picked)."""
    said = f"\u2018{found.text}\u2019"
    if found.kind in SURE_MATCHES:
        return f"We read {said} as {found.display_name}."
    if found.kind == "corrected" and answer == "yes":
        return f"We read {said} as {found.display_name}, as you told us."
    if found.kind == "ambiguous" and answer in found.candidates:
        return f"We read {said} as {answer}, as you told us."
    if found.kind == "class":
        return f"{said} names a kind of medicine, not one medicine: we keep it as you typed it."
    return f"We keep {said} as you typed it: your psychiatrist will read it as you wrote it."


def daily_words(medication: dict, daily_mg) -> str:
    """ "3 mg a day", "up to 20 mg a day" (as needed), "at least 3 mg a day" (more than
    prescribed: the patient's figure is a floor)."""
    if daily_mg is None:
        return "dose not known"
    if medication.get("as_needed"):
        return f"up to {mg(daily_mg)} mg a day"
    floor = "at least " if medication.get("taking") == "more" else ""
    return f"{floor}{mg(daily_mg)} mg a day"


def mme_words(evaluated: dict | None) -> str:
    """ "about 45 MME a day" (morphine milligram equivalents, CDC 2022) for an opioid with a
    conversion factor; "up to ..." when taken as needed; "" otherwise."""
    mme = (evaluated or {}).get("mme_per_day")
    if mme is None:
        return ""
    up_to = "up to " if "as needed" in ((evaluated or {}).get("daily_dose") or "") else ""
    return f"{up_to}{mg(mme)} MME a day"


def details(medication: dict, evaluated: dict | None = None, *, for_patient=False) -> dict:
    """Every detail row for one medicine, in words."""
    match = match_of(medication, evaluated)
    return {
        "mme": mme_words(evaluated),
        "match": match,
        "duration": how_long_words(medication),
        "taking": taking_words(medication),
        "prescribed": prescribed_words(medication, for_patient=for_patient),
        "matched": patient_match_words(match) if for_patient else match_words(match),
    }
