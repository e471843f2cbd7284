"""One medicine's details in words: how long, how taken, who prescribed it, and what the
patient typed and how that name was matched.

Shared by the patient's check-your-answers page (``for_patient=True``: "you") and the
psychiatrist's detail and print pages ("the patient"), so both read the same facts. Pure:
plain dicts in (a stored medicine in the case format, plus the match the page recorded, and
optionally the medicine as the clinical core evaluated it), words out.
"""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from intake.clinical.dosing import mg

TAKING_WORDS = {
    "as_prescribed": gettext_lazy("as prescribed"),
    "more": gettext_lazy("more than prescribed"),
    "less": gettext_lazy("less than prescribed"),
}
# Match kinds that give the medicine its catalog class without asking the patient.
SURE_MATCHES = ("exact", "alias")


def duration_words(weeks) -> str:
    """ "30 weeks", "2 years", "about 7 months (30 weeks)": as the patient entered it, in weeks,
    with a rounder figure beside long spans."""
    if weeks is None:
        return _("not given")
    weeks = round(weeks)
    if weeks >= 104 and weeks % 52 == 0:
        return _("{n} years").format(n=weeks // 52)
    if weeks >= 52:
        years = round(weeks / 52, 1)
        about = ngettext("about {n:g} year", "about {n:g} years", 1 if years == 1 else 2)
        return _("{weeks} weeks ({about})").format(weeks=weeks, about=about.format(n=years))
    if weeks >= 9:
        about = _("about {n} months").format(n=round(weeks * 12 / 52))
        return _("{weeks} weeks ({about})").format(weeks=weeks, about=about)
    return ngettext("{n} week", "{n} weeks", weeks).format(n=weeks)


def how_long_words(medication: dict) -> str:
    """ "1 month", "2 years": as the patient entered it; else (saved before units were
    kept, or a case file) from the weeks."""
    duration, unit = medication.get("duration"), medication.get("duration_unit")
    if duration is None or unit not in ("weeks", "months", "years"):
        return duration_words(medication.get("weeks_taking"))
    if unit == "weeks":
        return duration_words(duration)
    one = 1 if duration == 1 else 2
    words = {
        "months": ngettext("{n:g} month", "{n:g} months", one),
        "years": ngettext("{n:g} year", "{n:g} years", one),
    }[unit]
    return words.format(n=duration)


def taking_words(medication: dict) -> str:
    taking = medication.get("taking") or "as_prescribed"
    return str(TAKING_WORDS.get(taking, TAKING_WORDS["as_prescribed"]))


def prescribed_words(medication: dict, *, for_patient: bool = False) -> str:
    prescriber = (medication.get("prescriber") or "").strip()
    if for_patient:
        if medication.get("prescribed", True) is False:
            return _("not prescribed to you")
        if prescriber:
            return _("prescribed to you by {prescriber}").format(prescriber=prescriber)
        return _("prescribed to you (prescriber not given)")
    # The care team's pages stay in English.
    if medication.get("prescribed", True) is False:
        return "not prescribed to the patient"
    if prescriber:
        return f"prescribed to the patient by {prescriber}"
    return "prescribed to the patient (prescriber not given)"


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
    if kind in SURE_MATCHES:
        return ""
    said = _("You typed \u2018{typed}\u2019.").format(typed=typed)
    yours = _("your psychiatrist will read it as you wrote it.")
    if kind in ("corrected", "ambiguous") and match["confirmed"] is True and generic:
        return " ".join((said, _("You told us you meant {name}.").format(name=generic)))
    if kind == "corrected" and match["confirmed"] is False:
        told = _("You told us it is not {name}: {yours}").format(name=generic, yours=yours)
        return " ".join((said, told))
    if kind == "corrected":
        close = _("It is close to {name}: choose Change to tell us if that is it.")
        return " ".join((said, close.format(name=generic)))
    if kind == "ambiguous" and match["candidates"]:
        close = _(" or ").join(match["candidates"])
        more = _(
            "It could be more than one medicine ({names}). If you take more than one, add "
            "each on its own; otherwise {yours}"
        )
        return " ".join((said, more.format(names=close, yours=yours)))
    if kind == "class":
        kind_words = _(
            "That names a kind of medicine: if you can, change it to the name on the label."
        )
        return " ".join((said, kind_words))
    return " ".join((said, _("We did not find it in our list: {yours}").format(yours=yours)))


def read_back(found, answer: str | None = None) -> str:
    """What a typed name was matched to, for the patient, whether or not they were asked
    (issue 23 item 11: the match is always shown): ``found`` is the ``MedicineMatch``,
    ``answer`` their answer to "Did you mean ...?" ("yes", "no", or the generic picked)."""
    said = f"\u2018{found.text}\u2019"
    if found.kind in SURE_MATCHES:
        return _("We read {typed} as {name}.").format(typed=said, name=found.display_name)
    if found.kind == "corrected" and answer == "yes":
        told = _("We read {typed} as {name}, as you told us.")
        return told.format(typed=said, name=found.display_name)
    if found.kind == "ambiguous" and answer in found.candidates:
        return _("We read {typed} as {name}, as you told us.").format(typed=said, name=answer)
    if found.kind == "class":
        kind_words = _(
            "{typed} names a kind of medicine, not one medicine: we keep it as you typed it."
        )
        return kind_words.format(typed=said)
    keep = _("We keep {typed} as you typed it: your psychiatrist will read it as you wrote it.")
    return keep.format(typed=said)


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
