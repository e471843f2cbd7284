"""What the patient's history says about the medicines listed: past diagnoses (bipolar
disorder, psychosis, an eating disorder) and medicine allergies.

Sources: clinical-reference.md section 9 (CANMAT/ISBD 2018; the stimulant and bupropion
labels; drug allergy as a stop-and-ask item).
"""

import re

from education import slugs
from intake.clinical import catalog_data as classes
from intake.clinical.catalog import CLASS_WORDS, normalise
from intake.clinical.rules import sources
from intake.clinical.rules.base import NO_PAGE, Flag, rule

# A mood stabiliser or an antipsychotic beside the antidepressant: not monotherapy.
MOOD_COVER = (classes.MOOD_STABILISER, classes.ANTIPSYCHOTIC)
DIAGNOSIS_WORDS = {"bipolar": "bipolar disorder", "psychosis": "a psychotic illness"}


@rule("mood_switch_risk", severity="high", label="Mania / psychosis risk")
def mood_switch_risk(facts) -> Flag | None:
    """Bipolar disorder with an antidepressant (high when no mood stabiliser or
    antipsychotic is listed, else moderate), or bipolar disorder or psychosis with a
    stimulant."""
    history = [d for d in ("bipolar", "psychosis") if d in facts.case.diagnoses]
    antidepressants = facts.of_class(*classes.ANTIDEPRESSANTS) if "bipolar" in history else []
    stimulants = facts.of_class(classes.STIMULANT) if history else []
    if not antidepressants and not stimulants:
        return None
    cover = facts.of_class(*MOOD_COVER)
    reasons = [f"The patient reports a past diagnosis of {_and(history)}."]
    if antidepressants:
        reasons.append(
            "An antidepressant without a mood stabiliser is not recommended in bipolar I "
            "disorder: it can switch mood into mania (CANMAT/ISBD 2018)."
            + (
                f" A mood stabiliser or antipsychotic is listed ({_names(cover)})."
                if cover
                else " No mood stabiliser or antipsychotic is listed."
            )
        )
    if stimulants:
        reasons.append(
            "The amphetamine and methylphenidate labels warn that stimulants can bring on "
            "manic or mixed episodes and psychosis: screen for bipolar disorder first."
        )
    severe = stimulants or not cover
    return Flag(
        code="mood_switch_risk",
        severity="high" if severe else "moderate",
        title="Risk of mania or psychosis: "
        + " and ".join(
            (["an antidepressant"] if antidepressants else [])
            + (["a stimulant"] if stimulants else [])
        )
        + f" with {_and(history)}",
        rationale=" ".join(reasons),
        source="; ".join(
            ([sources.CANMAT_ISBD_2018] if antidepressants else [])
            + ([sources.STIMULANT_LABELS] if stimulants else [])
        ),
        education=slugs.ALTERNATIVES,
        triggered_by=(
            *(f"psych_history.diagnoses={d}" for d in history),
            *(m.ref for m in antidepressants + stimulants),
            *(m.ref for m in cover),
        ),
    )


@rule("eating_disorder", severity="routine", label="Eating disorder")
def eating_disorder(facts) -> Flag | None:
    """An eating disorder in the history: noted (routine); high with bupropion, which its
    label contraindicates with a current or prior bulimia or anorexia nervosa."""
    if "eating" not in facts.case.diagnoses:
        return None
    bupropion = [m for m in facts.medications if m.generic == "bupropion"]
    return Flag(
        code="eating_disorder",
        severity="high" if bupropion else "routine",
        title="Bupropion with an eating disorder in the history"
        if bupropion
        else "Eating disorder in the history",
        rationale="The patient reports a past diagnosis of an eating disorder."
        + (
            " Bupropion is contraindicated with a current or prior diagnosis of bulimia or "
            "anorexia nervosa (a higher risk of seizures): ask which eating disorder, and "
            "review the bupropion."
            if bupropion
            else " Noted for the psychiatrist: it matters for medicines that change appetite "
            "or weight, and bupropion is contraindicated with bulimia or anorexia nervosa."
        ),
        source=sources.BUPROPION_LABEL,
        education=NO_PAGE,  # no education page is about eating disorders
        triggered_by=("psych_history.diagnoses=eating", *(m.ref for m in bupropion)),
    )


@rule("allergy_conflict", severity="high", label="Allergy conflict")
def allergy_conflict(facts) -> Flag | None:
    """A listed medicine the patient says they are allergic to, by name (generic, brand or
    other name) or, for a benzodiazepine or an opioid, by its class word."""
    words = _allergy_keys(facts.case.allergy_details)
    if not words:
        return None
    matched = [(m, said) for m in facts.medications if m.entry and (said := _named(m, words))]
    if not matched:
        return None
    listed = "; ".join(f"{m.generic} (allergy to “{said}”)" for m, said in matched)
    benzo = any(m.is_benzo for m, _ in matched)
    return Flag(
        code="allergy_conflict",
        severity="high",
        title="Allergy reported to a medicine listed",
        rationale=f"The patient lists {listed}. Ask what happened before it is prescribed "
        "again: a reported allergy to a listed medicine is a stop-and-ask item."
        + (" True benzodiazepine allergy is rare, but the reaction decides." if benzo else ""),
        source=sources.ALLERGY_SAFETY_NET,
        education=NO_PAGE,  # no education page is about medicine allergies
        triggered_by=(
            f"allergy_details={facts.case.allergy_details}",
            *(m.ref for m, _ in matched),
        ),
    )


def _allergy_keys(details: str | None) -> dict[str, str]:
    """Normalised words and word pairs of the allergy answer -> as the patient wrote them."""
    if not details:
        return {}
    words = [w for w in re.split(r"[\s/,;:+()&.-]+", details) if w]
    pairs = [f"{a} {b}" for a, b in zip(words, words[1:], strict=False)]
    return {normalise(w): w for w in words + pairs if normalise(w)}


def _named(m, words: dict[str, str]) -> str | None:
    """The patient's words naming this medicine, or its class, in the allergy answer."""
    for name in m.entry.names():
        if normalise(name) in words:
            return words[normalise(name)]
    for word, drug_class in CLASS_WORDS.items():
        if drug_class == m.drug_class and word in words:
            return words[word]
    return None


def _and(items: list[str]) -> str:
    return " and ".join(DIAGNOSIS_WORDS.get(i, i) for i in items)


def _names(medications) -> str:
    return ", ".join(m.generic or m.input.name for m in medications)
