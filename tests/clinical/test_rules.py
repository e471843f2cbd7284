"""Every flag firing and not firing at its thresholds; priority; order; citations."""

import pytest

from education import slugs
from intake.clinical.case import CaseError, parse_case
from intake.clinical.rules import RULES
from intake.clinical.rules.base import CLINICAL_WEIGHT, NO_PAGE
from intake.clinical.rules.unconfirmed import POSSIBLE_OF
from tests.clinical.helpers import evaluated, flags, med

KLONOPIN = med("Klonopin", 0.5, 2, weeks_taking=30)
OXYCODONE = med("oxycodone", 5, as_needed=True, max_doses_per_day=4)
SERTRALINE = med("sertraline", 50, 1, weeks_taking=30)


def fires(case: dict, code: str):
    """The flag's severity when it fires, else None."""
    flag = flags(case).get(code)
    return flag and flag["severity"]


# ---- self_harm ------------------------------------------------------------------------------
NO_CSSRS = {"q1": False, "q2": False, "q6": False}


@pytest.mark.parametrize(
    ("case", "severity", "imminent"),
    [
        ({"phq_9": [0] * 9}, None, None),
        ({"phq_9": [0] * 8 + [1]}, "stat", False),
        ({"phq_9": [0] * 8 + [3]}, "stat", False),
        ({"phq_9": [None] * 8 + [2]}, "stat", False),
        ({"cssrs": NO_CSSRS}, None, None),
        ({"cssrs": {**NO_CSSRS, "q1": True}}, "stat", False),
        ({"cssrs": {**NO_CSSRS, "q6": True, "q6_past_3_months": False}}, None, None),
        ({"cssrs": {**NO_CSSRS, "q6": True}}, "stat", False),
        ({"cssrs": {**NO_CSSRS, "q1": True, "q6": True, "q6_past_3_months": False}}, "stat",
         False),
        ({"cssrs": {"q1": True, "q2": True, "q3": True, "q4": False, "q5": False, "q6": False}},
         "stat", False),
        ({"cssrs": {"q1": True, "q2": True, "q3": True, "q4": True, "q5": False, "q6": False}},
         "stat", True),
        ({"cssrs": {"q1": True, "q2": True, "q5": True}}, "stat", True),
        ({"cssrs": {**NO_CSSRS, "q6": True, "q6_past_3_months": True}}, "stat", True),
    ],
    ids=["phq-item-9-0", "phq-item-9-1", "phq-item-9-3", "item-9-on-incomplete-phq",
         "cssrs-all-no", "cssrs-q1-yes", "behaviour-long-ago-is-not-stat",
         "behaviour-not-said-when-counts-as-recent", "behaviour-long-ago-with-thoughts",
         "cssrs-method",
         "cssrs-intent-imminent", "cssrs-plan-before-finishing-imminent",
         "cssrs-recent-behaviour-imminent"],
)  # fmt: skip
def test_self_harm_is_stat_on_current_thoughts_or_recent_behaviour(case, severity, imminent):
    flag = flags(case).get("self_harm")
    assert (flag and flag["severity"], flag and flag["imminent"]) == (severity, imminent)


def test_an_imminent_self_harm_flag_says_so_in_its_title():
    case = {"cssrs": {"q1": True, "q2": True, "q3": False, "q4": True, "q5": False, "q6": False}}
    assert "IMMINENT" in flags(case)["self_harm"]["title"]


def test_self_harm_names_the_answers_that_triggered_it():
    case = {"phq_9": [0] * 8 + [1], "cssrs": {**NO_CSSRS, "q1": True}}
    assert flags(case)["self_harm"]["triggered_by"] == ["phq_9.item_9=1", "cssrs.q1=yes"]


# ---- opioid_benzo ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("case", "severity"),
    [
        ({"medications": [KLONOPIN, OXYCODONE]}, "high"),
        ({"medications": [med("Xanax"), med("Percocet")]}, "high"),
        ({"medications": [KLONOPIN], "substances": {"opioids": True}}, "high"),
        ({"medications": [KLONOPIN], "substances": {"opioids": False}}, None),
        ({"medications": [KLONOPIN, SERTRALINE]}, None),
        ({"medications": [OXYCODONE], "substances": {"sedatives": True}}, None),
    ],
    ids=["clonazepam-oxycodone", "brand-names", "opioid-not-on-the-list", "no-opioid",
         "benzo-ssri", "opioid-without-benzo"],
)  # fmt: skip
def test_opioid_benzo_fires_on_any_benzodiazepine_with_any_opioid(case, severity):
    assert fires(case, "opioid_benzo") == severity


# ---- age65_benzo ----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("case", "severity"),
    [
        ({"age": 64, "medications": [KLONOPIN]}, None),
        ({"age": 65, "medications": [KLONOPIN]}, "high"),
        ({"age": 90, "medications": [med("Ativan")]}, "high"),
        ({"age": 65, "medications": [SERTRALINE]}, None),
        ({"medications": [KLONOPIN]}, None),
        ({"date_of_birth": "1961-11-26", "as_of": "2026-11-25", "medications": [KLONOPIN]}, None),
        ({"date_of_birth": "1961-11-25", "as_of": "2026-11-25", "medications": [KLONOPIN]},
         "high"),
    ],
    ids=["64", "65", "90-lorazepam", "65-no-benzo", "age-unknown", "day-before-65th-birthday",
         "65th-birthday"],
)  # fmt: skip
def test_age65_benzo_fires_from_65(case, severity):
    assert fires(case, "age65_benzo") == severity


# ---- clonazepam_above_max -------------------------------------------------------------------
@pytest.mark.parametrize(
    ("medications", "severity"),
    [
        ([med("clonazepam", 2, 2)], None),
        ([med("clonazepam", 1, 4)], None),
        ([med("clonazepam", 1.375, 3)], "high"),
        ([med("clonazepam", 2, 2, amount_per_dose=1.0625)], "high"),
        ([med("clonazepam", 2, 2), med("Klonopin", 0.5, 1)], "high"),
        ([med("clonazepam", 1, 2), med("Klonopin", 1, as_needed=True, max_doses_per_day=3)],
         "high"),
        ([med("clonazepam", 1, 2), med("Klonopin", 1, as_needed=True, max_doses_per_day=2)],
         None),
        ([med("alprazolam", 2, 3)], None),
        ([med("clonazepam", None, 2)], None),
    ],
    ids=["4-mg", "4-mg-as-four-doses", "4.125-mg", "4.25-mg-fraction-of-tablet",
         "two-entries-4.5-mg", "as-needed-max-above", "as-needed-max-at-4", "alprazolam-6-mg",
         "strength-unknown"],
)  # fmt: skip
def test_clonazepam_above_max_fires_only_above_4_mg_a_day(medications, severity):
    assert fires({"medications": medications}, "clonazepam_above_max") == severity


def test_clonazepam_above_max_says_it_assumes_the_panic_disorder_maximum():
    flag = flags({"medications": [med("clonazepam", 2, 3)]})["clonazepam_above_max"]
    assert "panic" in flag["title"] and "20 mg" in flag["rationale"]


# ---- multiple_benzos ------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("medications", "severity"),
    [
        ([med("clonazepam", 0.5, 2), med("lorazepam", 1, 1)], "high"),
        ([med("Xanax", 0.5, 1), med("Valium", 5, 1), med("Ativan", 1, 1)], "high"),
        ([med("clonazepam", 0.5, 1), med("Klonopin", 1, 1)], None),
        ([med("clonazepam", 0.5, 2), SERTRALINE], None),
    ],
    ids=["two", "three-brands", "same-drug-twice", "one-benzo"],
)
def test_multiple_benzos_fires_on_two_different_benzodiazepines(medications, severity):
    assert fires({"medications": medications}, "multiple_benzos") == severity


def test_multiple_benzos_gives_the_summed_diazepam_equivalent_range():
    flag = flags({"medications": [med("clonazepam", 0.5, 2), med("lorazepam", 1, 1)]})
    assert "15-30 mg of diazepam" in flag["multiple_benzos"]["rationale"]


# ---- misuse_signals -------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("medication", "severity"),
    [
        ({**KLONOPIN, "taking": "more"}, "high"),
        ({**KLONOPIN, "prescribed": False}, "high"),
        ({**KLONOPIN, "taking": "less"}, None),
        ({**KLONOPIN, "taking": "as_prescribed", "prescribed": True}, None),
        ({**SERTRALINE, "taking": "more"}, None),
    ],
    ids=["more-than-prescribed", "not-prescribed", "less", "as-prescribed", "ssri-more"],
)
def test_misuse_signals_fires_on_extra_or_unprescribed_benzodiazepine(medication, severity):
    assert fires({"medications": [medication]}, "misuse_signals") == severity


# ---- benzo_alcohol --------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("case", "severity"),
    [
        ({"audit_c": [0, 0, 0]}, None),
        ({"audit_c": [1, 0, 0]}, "moderate"),
        ({"audit_c": [1, 1, 0], "sex_at_birth": "female"}, "moderate"),
        ({"audit_c": [2, 1, 0], "sex_at_birth": "female"}, "high"),
        ({"audit_c": [2, 1, 0], "sex_at_birth": "male"}, "moderate"),
        ({"audit_c": [2, 1, 1], "sex_at_birth": "male"}, "high"),
        ({"audit_c": [2, 1, 0]}, "high"),
        ({"audit_c": [1, None, None]}, "moderate"),
        ({"audit_c": [4, 4, 4], "medications": [SERTRALINE]}, None),
    ],
    ids=["never-drinks", "monthly", "female-2", "female-3", "male-3", "male-4",
         "sex-not-given-3", "incomplete-but-drinks", "no-benzo"],
)  # fmt: skip
def test_benzo_alcohol_is_moderate_for_any_drinking_and_high_when_positive(case, severity):
    case = {"medications": [KLONOPIN], **case}
    assert fires(case, "benzo_alcohol") == severity


# ---- cns_load -------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("case", "severity"),
    [
        ({"medications": [SERTRALINE, med("quetiapine")]}, None),
        ({"medications": [SERTRALINE, med("quetiapine"), med("gabapentin")]}, "moderate"),
        ({"medications": [SERTRALINE, med("quetiapine"), med("buspirone")]}, None),
        ({"medications": [SERTRALINE, med("Zoloft", 25), med("quetiapine")]}, None),
        ({"medications": [KLONOPIN, med("Ambien")]}, "moderate"),
        ({"medications": [KLONOPIN, med("pregabalin")]}, "moderate"),
        ({"medications": [KLONOPIN, med("cyclobenzaprine")]}, "moderate"),
        ({"medications": [KLONOPIN, med("hydroxyzine")]}, "moderate"),
        ({"medications": [KLONOPIN], "substances": {"sedatives": True}}, "moderate"),
        ({"medications": [KLONOPIN, SERTRALINE]}, None),
        ({"medications": [KLONOPIN, OXYCODONE]}, None),
        ({"medications": [KLONOPIN, OXYCODONE, SERTRALINE]}, "moderate"),
        ({"medications": [med("zolpidem"), med("gabapentin")]}, None),
        ({"medications": [KLONOPIN, med("Fioricet")]}, "moderate"),
        ({"medications": [KLONOPIN, med("phenobarbital")]}, "moderate"),
        ({"medications": [KLONOPIN, med("Benadryl")]}, "moderate"),
        ({"medications": [KLONOPIN, med("Tylenol PM")]}, "moderate"),
        ({"medications": [KLONOPIN, med("promethazine")]}, "moderate"),
        ({"medications": [KLONOPIN, med("mirtazapine")]}, "moderate"),
        ({"medications": [KLONOPIN, med("trazodone")]}, "moderate"),
        ({"medications": [KLONOPIN, med("Belsomra")]}, "moderate"),
        ({"medications": [KLONOPIN, med("clonidine")]}, "moderate"),
        ({"medications": [KLONOPIN, med("Skelaxin")]}, "moderate"),
        ({"medications": [KLONOPIN, med("hydralazine")]}, None),
        ({"medications": [KLONOPIN, med("Celebrex")]}, None),
        ({"medications": [med("Benadryl"), med("trazodone")]}, None),
    ],
    ids=["two-cns", "three-cns", "buspirone-not-cns", "same-drug-counted-once",
         "benzo-z-drug", "benzo-gabapentinoid", "benzo-muscle-relaxant", "benzo-hydroxyzine",
         "benzo-other-sedative", "benzo-ssri", "benzo-opioid-has-its-own-flag",
         "benzo-opioid-ssri", "sedatives-without-benzo", "benzo-butalbital",
         "benzo-phenobarbital", "benzo-diphenhydramine", "benzo-pm-product",
         "benzo-promethazine", "benzo-mirtazapine", "benzo-trazodone", "benzo-suvorexant",
         "benzo-clonidine", "benzo-metaxalone", "benzo-hydralazine-not-sedating",
         "benzo-celecoxib-not-sedating", "antihistamine-and-trazodone-without-benzo"],
)  # fmt: skip
def test_cns_load_fires_on_3_cns_drugs_or_a_benzodiazepine_with_a_sedative(case, severity):
    assert fires(case, "cns_load") == severity


# ---- dependence_risk ------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("case", "severity"),
    [
        ({"medications": [KLONOPIN], "substances": {"sud_history": True}}, "moderate"),
        ({"medications": [KLONOPIN], "substances": {"sud_history": False}}, None),
        ({"medications": [KLONOPIN], "dast_10": [True, True] + [True] + [False] * 7}, None),
        ({"medications": [KLONOPIN], "dast_10": [True, True, True, True] + [False] * 6},
         "moderate"),
        ({"medications": [SERTRALINE], "substances": {"sud_history": True}}, None),
        ({"medications": [KLONOPIN], "benzo_history": {"tried_to_stop": True}}, "moderate"),
        ({"medications": [KLONOPIN], "benzo_history": {"tried_to_stop": False}}, None),
        ({"medications": [KLONOPIN], "substances": {"family_sud_history": True}}, "moderate"),
        ({"medications": [SERTRALINE], "benzo_history": {"tried_to_stop": True}}, None),
    ],
    ids=["sud-history", "no-history", "dast-2", "dast-3", "no-benzo", "tried-to-stop",
         "did-not-try", "family-history", "tried-to-stop-no-benzo"],
)  # fmt: skip
def test_dependence_risk_fires_on_a_benzo_with_history_dast_3_or_failed_stop(case, severity):
    assert fires(case, "dependence_risk") == severity


# ---- withdrawal_risk ------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("weeks", "history", "as_needed", "severity"),
    [
        (4, {"plans_to_stop": True}, False, None),
        (4.5, {"plans_to_stop": True}, False, "moderate"),
        (5, {"missed_dose_symptoms": True}, False, "moderate"),
        (52, {"withdrawal_before": True}, False, "moderate"),
        (52, {"plans_to_stop": False, "missed_dose_symptoms": False}, False, None),
        (52, {"plans_to_stop": True}, True, None),
        (None, {"plans_to_stop": True}, False, None),
        (4, {"missed_dose_symptoms": True}, True, "moderate"),
        (3.5, {"missed_dose_symptoms": True}, True, None),
        (8, {"withdrawal_before": True}, True, "moderate"),
        (8, {"missed_dose_symptoms": False, "withdrawal_before": False}, True, None),
        (None, {"withdrawal_before": True}, True, None),
    ],
    ids=[
        "4-weeks",
        "4.5-weeks",
        "5-weeks-missed-dose",
        "a-year-withdrawal-before",
        "no-signs",
        "as-needed-plans-to-stop-only",
        "duration-unknown",
        "as-needed-4-weeks-missed-dose",
        "as-needed-3.5-weeks",
        "as-needed-withdrawal-before",
        "as-needed-no-signs",
        "as-needed-duration-unknown",
    ],
)
def test_withdrawal_risk_needs_over_4_weeks_regular_use_and_a_sign(
    weeks, history, as_needed, severity
):
    row = {"name": "clonazepam", "strength_mg": 0.5, "weeks_taking": weeks}
    row |= {"as_needed": True, "max_doses_per_day": 2} if as_needed else {"times_per_day": 2}
    case = {"medications": [row], "benzo_history": history}
    assert fires(case, "withdrawal_risk") == severity


@pytest.mark.parametrize(
    ("duration", "unit", "severity"),
    [(1, "months", "moderate"), (4, "weeks", None), (1, "years", "moderate")],
    ids=["1-month-is-4.35-weeks", "4-weeks", "1-year"],
)
def test_withdrawal_risk_counts_a_duration_in_its_unit_exactly(duration, unit, severity):
    row = {"name": "clonazepam", "strength_mg": 0.5, "times_per_day": 2}
    row |= {"duration": duration, "duration_unit": unit}
    case = {"medications": [row], "benzo_history": {"plans_to_stop": True}}
    assert fires(case, "withdrawal_risk") == severity


def test_a_duration_needs_its_unit():
    row = {"name": "clonazepam", "strength_mg": 0.5, "times_per_day": 2, "duration": 3}
    with pytest.raises(CaseError) as error:
        parse_case({"medications": [row]})
    assert error.value.path == "medications[0].duration_unit"


# ---- oversedation ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("side_effects", "severity"),
    [
        ({"drowsiness": "mild"}, None),
        ({"drowsiness": "moderate"}, "moderate"),
        ({"brain_fog": "mild", "memory": "mild"}, None),
        ({"memory": "moderate"}, "moderate"),
        ({"brain_fog": "severe"}, "moderate"),
        ({"confusion": "none"}, None),
        ({"confusion": "mild"}, "moderate"),
        ({"over_medicated": "mild"}, "moderate"),
        ({"falls": True}, "moderate"),
        ({"fatigue": "severe", "coordination": "severe"}, None),
    ],
    ids=["drowsy-mild", "drowsy-moderate", "fog-and-memory-mild", "memory-moderate",
         "fog-severe", "no-confusion", "confusion-mild", "over-medicated", "fell",
         "fatigue-and-coordination-only"],
)  # fmt: skip
def test_oversedation_fires_on_marked_sedation_signs_with_a_benzodiazepine(side_effects, severity):
    case = {"medications": [KLONOPIN], "side_effects": side_effects}
    assert fires(case, "oversedation") == severity


def test_oversedation_needs_a_benzodiazepine():
    case = {"medications": [SERTRALINE], "side_effects": {"drowsiness": "severe"}}
    assert fires(case, "oversedation") is None


# ---- fall_risk ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("case", "severity"),
    [
        ({"age": 64}, None),
        ({"age": 65}, "moderate"),
        ({"age": 40, "side_effects": {"falls": True}}, "moderate"),
        ({"age": 40, "side_effects": {"falls": False, "coordination": "none"}}, None),
        ({"age": 40, "side_effects": {"coordination": "mild"}}, "moderate"),
        ({"age": 80, "medications": [SERTRALINE]}, None),
    ],
    ids=["64", "65", "fell", "no-falls", "coordination-mild", "no-benzo"],
)
def test_fall_risk_fires_on_a_benzodiazepine_with_age_falls_or_coordination(case, severity):
    case = {"medications": [KLONOPIN], **case}
    assert fires(case, "fall_risk") == severity


# ---- undertreated ---------------------------------------------------------------------------
GAD_15 = [3, 3, 3, 3, 3, 0, 0]
GAD_14 = [3, 3, 3, 3, 2, 0, 0]


@pytest.mark.parametrize(
    ("medication", "case", "severity"),
    [
        (SERTRALINE, {"gad_7": GAD_15}, "routine"),
        (SERTRALINE, {"gad_7": GAD_14}, None),
        ({**SERTRALINE, "weeks_taking": 5}, {"gad_7": GAD_15}, None),
        ({**SERTRALINE, "weeks_taking": 6}, {"gad_7": GAD_15}, "routine"),
        ({**SERTRALINE, "taking": "less"}, {"gad_7": GAD_15}, None),
        (KLONOPIN, {"side_effects": {"breakthrough_anxiety": "mild"}}, None),
        (KLONOPIN, {"side_effects": {"breakthrough_anxiety": "moderate"}}, "routine"),
        (KLONOPIN, {"panic_attacks_per_week": 1}, None),
        (KLONOPIN, {"panic_attacks_per_week": 2}, "routine"),
        (med("buspirone", 10, 2, weeks_taking=8), {"panic_attacks_per_week": 3}, "routine"),
        (med("quetiapine", 25, 1, weeks_taking=8), {"gad_7": GAD_15}, None),
        ({**SERTRALINE, "weeks_taking": None}, {"gad_7": GAD_15}, None),
    ],
    ids=["gad-15", "gad-14", "5-weeks", "6-weeks", "taking-less", "breakthrough-mild",
         "breakthrough-moderate", "panic-1-a-week", "panic-2-a-week", "buspirone",
         "not-an-anxiety-treatment", "duration-unknown"],
)  # fmt: skip
def test_undertreated_fires_on_persisting_symptoms_after_6_stable_weeks(medication, case, severity):
    assert fires({"medications": [medication], **case}, "undertreated") == severity


# ---- audit_c_positive / dast_moderate -------------------------------------------------------
@pytest.mark.parametrize(
    ("audit_c", "sex", "severity"),
    [
        ([1, 1, 0], "female", None),
        ([1, 1, 1], "female", "moderate"),
        ([1, 1, 1], "male", None),
        ([2, 1, 1], "male", "moderate"),
        ([1, 1, 1], "unknown", "moderate"),
        ([1, 1, None], "female", None),
    ],
    ids=["female-2", "female-3", "male-3", "male-4", "unknown-3", "incomplete"],
)
def test_audit_c_positive_uses_the_threshold_for_the_sex_at_birth(audit_c, sex, severity):
    assert fires({"audit_c": audit_c, "sex_at_birth": sex}, "audit_c_positive") == severity


@pytest.mark.parametrize(
    ("dast_10", "severity"),
    [
        ([True, True, True] + [False] * 7, None),
        ([True, True, True, True] + [False] * 6, "moderate"),
        ([True, True, False] + [True] * 7, "moderate"),
    ],
    ids=["dast-2", "dast-3", "dast-10"],
)
def test_dast_moderate_fires_from_3(dast_10, severity):
    assert fires({"dast_10": dast_10}, "dast_moderate") == severity


# ---- priority, order, every flag's fields ----------------------------------------------------
@pytest.mark.parametrize(
    ("case", "priority"),
    [
        ({}, "routine"),
        ({"audit_c": [4, 4, 4]}, "routine"),
        ({"age": 70, "medications": [KLONOPIN]}, "urgent"),
        ({"age": 70, "medications": [KLONOPIN], "phq_9": [0] * 8 + [1]}, "stat"),
    ],
    ids=["no-flags", "moderate-only", "a-high-flag", "a-stat-flag"],
)
def test_priority_is_stat_then_urgent_then_routine(case, priority):
    assert evaluated(case)["priority"] == priority


EVERYTHING = {
    "age": 70,
    "medications": [
        med("clonazepam", 2, 3, weeks_taking=30, taking="more"),
        med("lorazepam", 1, 1, weeks_taking=30),
        OXYCODONE,
        med("zolpidem", 10, 1),
        med("melatonin", 3, 1),
        med("Wellbutrin", 150, 1),
    ],
    "psych_history": {"diagnoses": ["bipolar", "eating"]},
    "allergy_details": "clonazepam: hives",
    "pregnant": "unsure",
    "benzo_history": {"plans_to_stop": True},
    "side_effects": {"drowsiness": "severe", "falls": True, "breakthrough_anxiety": "severe"},
    "substances": {"sud_history": True},
    "health": {"sleep_apnoea": True, "liver_disease": True},
    "audit_c": [4, 4, 4],
    "dast_10": [True, True, False] + [True] * 7,
    "phq_9": [3, 3, 3, 3, 3, 3, 0, 0, 2],
    "gad_7": [3, 3, 2, 2, 1, 1, 0],
    # Up 5 on the PHQ-9 (phq9_worsening), up 4 on the GAD-7 (gad7_worsening).
    "earlier_scores": {
        "phq_9": {"total": 15, "on": "2026-10-01"},
        "gad_7": {"total": 8, "on": "2026-10-01"},
    },
}
# Behaviour long ago and no current thoughts: the one flag self_harm excludes.
PAST_BEHAVIOUR = {"cssrs": {"q1": False, "q2": False, "q6": True, "q6_past_3_months": False}}
# Every medicine-class risk resting only on unconfirmed names: each possible_* flag.
POSSIBLY = {
    "age": 70,
    "medications": [
        med("Klonopen", 1, 2, confirmed=False, taking="more"),  # declined: clonazepam?
        med("Oxycodine", 5, 2),  # not confirmed: oxycodone?
        med("klonopin and xanax", 1, 1),  # two benzodiazepines on one line
        med("zolpidem", 10, 1),
        med("Welbutrin", 150, 1),  # not confirmed: bupropion?
    ],
    "psych_history": {"diagnoses": ["bipolar"]},
    "allergy_details": "Klonopin",
    "pregnant": "unsure",
    "health": {"sleep_apnoea": True},
    "audit_c": [1, 0, 0],
}
POSSIBLE_CODES = {f"possible_{code}" for code in POSSIBLE_OF}


def test_the_rule_registry_holds_every_flag_of_the_design():
    assert set(RULES) == {
        "self_harm", "opioid_benzo", "age65_benzo", "clonazepam_above_max", "multiple_benzos",
        "misuse_signals", "benzo_alcohol", "cns_load", "dependence_risk", "withdrawal_risk",
        "oversedation", "fall_risk", "undertreated", "audit_c_positive", "dast_moderate",
        "past_suicidal_behaviour", "severe_depression", "pregnancy_benzo",
        "unrecognised_medicine", "benzo_respiratory", "benzo_hepatic",
        "mood_switch_risk", "eating_disorder", "allergy_conflict", "phq9_worsening",
        "gad7_worsening", *POSSIBLE_CODES,
    }  # fmt: skip


def test_a_case_can_raise_every_flag_at_once_but_past_behaviour_which_self_harm_covers():
    assert set(flags(EVERYTHING)) == set(RULES) - {"past_suicidal_behaviour"} - POSSIBLE_CODES
    assert set(flags(PAST_BEHAVIOUR)) == {"past_suicidal_behaviour"}
    assert set(flags(POSSIBLY)) == POSSIBLE_CODES | {"unrecognised_medicine"}


def all_flags() -> dict:
    return {**flags(EVERYTHING), **flags(PAST_BEHAVIOUR), **flags(POSSIBLY)}


def test_flags_are_ordered_by_severity_then_clinical_weight():
    codes = [flag["code"] for flag in evaluated(EVERYTHING)["flags"]]
    # Within a severity, by clinical weight (issue 22): an opioid with a benzodiazepine
    # before alcohol with one, and both before age 65.
    assert codes == [
        "self_harm",
        "opioid_benzo", "benzo_respiratory", "benzo_alcohol", "multiple_benzos",
        "clonazepam_above_max", "allergy_conflict", "pregnancy_benzo", "mood_switch_risk",
        "misuse_signals", "severe_depression", "age65_benzo", "eating_disorder",
        "withdrawal_risk", "phq9_worsening", "gad7_worsening", "cns_load", "oversedation",
        "fall_risk", "dependence_risk",
        "benzo_hepatic", "unrecognised_medicine", "audit_c_positive", "dast_moderate",
        "undertreated",
    ]  # fmt: skip


@pytest.mark.parametrize("code", sorted(RULES), ids=str)
def test_every_flag_has_a_title_rationale_source_education_page_and_trigger(code):
    flag = all_flags()[code]
    assert all(flag[key] for key in ("title", "rationale", "source", "triggered_by"))
    # A flag links to the page about its own subject, or to none (issue 22).
    assert flag["education"] in (*slugs.LINKED_SLUGS, NO_PAGE)


# ---- pregnancy_benzo ------------------------------------------------------------------------
# Source: KLONOPIN label 8.1-8.2; FDA 2020; ACOG CPG 5 (2023) (clinical-reference.md s. 8).
@pytest.mark.parametrize(
    ("case", "severity"),
    [
        ({"pregnant": "yes"}, "high"),
        ({"pregnant": "unsure"}, "high"),
        ({"pregnant": "no"}, None),
        ({"pregnant": "not_applicable"}, None),
        ({"breastfeeding": "yes"}, "high"),
        ({"breastfeeding": "no"}, None),
        ({"breastfeeding": "not_applicable"}, None),
        ({"pregnant": "no", "breastfeeding": "yes"}, "high"),
        ({"pregnant": "yes", "medications": [SERTRALINE]}, None),
        ({"breastfeeding": "yes", "medications": [med("benzos")]}, "high"),
        ({}, None),
    ],
    ids=["pregnant", "maybe-pregnant", "not-pregnant", "pregnancy-not-applicable",
         "breastfeeding", "not-breastfeeding", "breastfeeding-not-applicable",
         "breastfeeding-only", "pregnant-no-benzo", "breastfeeding-on-benzos-class-word",
         "not-asked"],
)  # fmt: skip
def test_pregnancy_benzo_is_high_for_a_benzo_in_pregnancy_or_breastfeeding(case, severity):
    assert fires({"medications": [KLONOPIN], **case}, "pregnancy_benzo") == severity


def test_pregnancy_benzo_cites_the_label_and_acog_and_names_both_reasons():
    flag = flags({"medications": [KLONOPIN], "pregnant": "yes", "breastfeeding": "yes"})
    flag = flag["pregnancy_benzo"]
    assert "8.1" in flag["source"] and "ACOG" in flag["source"]
    assert flag["title"] == "Benzodiazepine in pregnancy and while breastfeeding"
    assert flag["triggered_by"] == [
        "medications[0]=clonazepam",
        "pregnant=yes",
        "breastfeeding=yes",
    ]


# ---- severe_depression ----------------------------------------------------------------------
# Source: PHQ-9 bands (Kroenke 2001): 15-19 moderately severe, 20-27 severe.
@pytest.mark.parametrize(
    ("phq_9", "severity"),
    [
        ([3, 3, 3, 3, 2, 0, 0, 0, 0], None),
        ([3, 3, 3, 3, 3, 0, 0, 0, 0], "moderate"),
        ([3, 3, 3, 3, 3, 3, 1, 0, 0], "moderate"),
        ([3, 3, 3, 3, 3, 3, 2, 0, 0], "high"),
        ([3, 3, 3, 3, 3, 3, 3, 3, 3], "high"),
        ([3, 3, 3, 3, 3, 3, 3, None, 0], "high"),  # the answered items alone total 21
    ],
    ids=["14", "15-item-9-zero", "19", "20-item-9-zero", "27", "incomplete-already-21"],
)
def test_severe_depression_by_phq_9_total_whatever_item_9(phq_9, severity):
    assert fires({"phq_9": phq_9}, "severe_depression") == severity


def test_severe_depression_with_item_9_zero_is_urgent_not_stat():
    assert evaluated({"phq_9": [3, 3, 3, 3, 3, 3, 2, 0, 0]})["priority"] == "urgent"


# ---- past_suicidal_behaviour ----------------------------------------------------------------
# Source: C-SSRS screener triage: behaviour over 3 months ago, no current ideation = moderate.
@pytest.mark.parametrize(
    ("case", "past", "self_harm"),
    [
        ({"cssrs": {**NO_CSSRS, "q6": True, "q6_past_3_months": False}}, "high", None),
        ({"cssrs": {**NO_CSSRS, "q6": True, "q6_past_3_months": False}, "phq_9": [0] * 9},
         "high", None),
        ({"cssrs": {**NO_CSSRS, "q6": True, "q6_past_3_months": False},
          "phq_9": [0] * 8 + [1]}, None, "stat"),
        ({"cssrs": {**NO_CSSRS, "q2": True, "q3": False, "q4": False, "q5": False, "q6": True,
                    "q6_past_3_months": False}}, None, "stat"),
        ({"cssrs": {**NO_CSSRS, "q6": True, "q6_past_3_months": True}}, None, "stat"),
        ({"cssrs": {**NO_CSSRS, "q6": True}}, None, "stat"),
        ({"cssrs": NO_CSSRS}, None, None),
    ],
    ids=["long-ago-no-thoughts", "long-ago-item-9-zero", "long-ago-with-item-9",
         "long-ago-with-thoughts-q2", "recent", "recency-not-answered", "never"],
)  # fmt: skip
def test_past_suicidal_behaviour_is_high_only_without_current_thoughts(case, past, self_harm):
    assert (fires(case, "past_suicidal_behaviour"), fires(case, "self_harm")) == (past, self_harm)


def test_past_suicidal_behaviour_is_urgent_and_titled_for_what_it_is():
    result = evaluated(PAST_BEHAVIOUR)
    assert result["priority"] == "urgent"
    assert result["flags"][0]["title"] == "Suicidal behaviour more than 3 months ago"


# ---- unrecognised_medicine ------------------------------------------------------------------
@pytest.mark.parametrize(
    ("medication", "severity"),
    [
        (med("melatonin", 3), "moderate"),
        (med("Percocet and Xanax"), "moderate"),
        (med("klonazepam", 1, 3), "moderate"),
        (med("klonazepam", 1, 3, confirmed=False), "moderate"),
        (med("klonazepam", 1, 3, confirmed=True), None),
        (med("benzos"), "moderate"),
        (med("Klonopin"), None),
        (med("bars", 2), None),
    ],
    ids=[
        "not-in-catalog",
        "ambiguous",
        "corrected-not-asked",
        "corrected-refused",
        "corrected-confirmed",
        "class-word",
        "exact",
        "alias",
    ],
)
def test_unrecognised_medicine_fires_on_none_ambiguous_class_or_unconfirmed(medication, severity):
    assert fires({"medications": [medication]}, "unrecognised_medicine") == severity


def test_unrecognised_medicine_shows_the_patients_own_text_and_why():
    case = {"medications": [med("klonazepam", 1, 3, confirmed=False), med("CBD oil")]}
    flag = flags(case)["unrecognised_medicine"]
    assert "“klonazepam”" in flag["rationale"] and "“CBD oil”" in flag["rationale"]
    assert flag["triggered_by"] == [
        "medications[0]=klonazepam (close to clonazepam, said no by the patient)",
        "medications[1]=CBD oil (not in the catalog)",
    ]


def test_a_confirmed_correction_counts_as_the_drug_for_every_rule():
    case = {
        "medications": [
            med("klonazepam", 1, 3, confirmed=True),
            med("Oxycodine", 10, 3, confirmed=True),
        ]
    }
    result = evaluated(case)
    assert [m["generic"] for m in result["medications"]] == ["clonazepam", "oxycodone"]
    assert {"opioid_benzo"} <= {f["code"] for f in result["flags"]}


def test_an_unconfirmed_correction_is_not_used_for_class_but_counts_as_possible():
    result = evaluated({"medications": [med("klonazepam", 1, 3), med("Oxycodine", 10, 3)]})
    assert [(m["generic"], m["class"], m["match"]) for m in result["medications"]] == [
        (None, "other", "corrected"),
        (None, "other", "corrected"),
    ]
    assert [f["code"] for f in result["flags"]] == [
        "possible_opioid_benzo",
        "unrecognised_medicine",
    ]


@pytest.mark.parametrize(
    ("other", "at_least"),
    [
        (med("sertraline", 50), False),
        (med("melatonin", 3), True),
        (med("Percocet and Xanax"), True),
        (med("Oxycodine", 10, 3), True),
        (med("Oxycodine", 10, 3, confirmed=True), False),
        (med("Celexia", 20), False),
        (med("benzos"), True),
    ],
    ids=[
        "recognised",
        "unknown-could-be-anything",
        "ambiguous",
        "unconfirmed-sedative",
        "confirmed",
        "unconfirmed-not-sedating",
        "class-word",
    ],
)
def test_the_diazepam_equivalent_total_is_at_least_when_a_sedative_may_be_missing(other, at_least):
    result = evaluated({"medications": [KLONOPIN, other]})
    assert result["diazepam_equivalent"]["total_mg"] == [10.0, 20.0]
    assert result["diazepam_equivalent"]["at_least"] is at_least


def test_a_class_word_counts_as_its_class_for_the_combination_rules():
    result = evaluated({"medications": [med("benzos"), OXYCODONE]})
    codes = {f["code"] for f in result["flags"]}
    assert {"opioid_benzo", "unrecognised_medicine"} <= codes
    assert result["diazepam_equivalent"] is None


# ---- taking more, driving, opioid use disorder treatment ------------------------------------
def test_taking_more_shows_the_dose_as_at_least():
    result = evaluated({"medications": [{**KLONOPIN, "taking": "more"}]})
    assert result["medications"][0]["daily_dose"].startswith("at least 1 mg a day")
    assert result["diazepam_equivalent"]["at_least"] is True


def test_taking_more_of_an_as_needed_medicine_is_at_least_too():
    row = med("lorazepam", 1, as_needed=True, max_doses_per_day=2, taking="more")
    dose = evaluated({"medications": [row]})["medications"][0]["daily_dose"]
    assert (
        dose == "at least 2 mg a day (1 mg tablet x 1, as needed, prescribed at most 2 times a day)"
    )


@pytest.mark.parametrize(
    ("case", "code"),
    [
        ({"medications": [KLONOPIN, med("Ambien")]}, "cns_load"),
        ({"medications": [KLONOPIN], "side_effects": {"drowsiness": "severe"}}, "oversedation"),
        ({"medications": [KLONOPIN, OXYCODONE]}, "opioid_benzo"),
    ],
    ids=["cns-load", "oversedation", "opioid-benzo"],
)
def test_driving_adds_a_line_to_the_sedation_flag(case, code):
    plain = flags(case)[code]
    driving = flags({**case, "side_effects": {**case.get("side_effects", {}), "driving": True}})
    driving = driving[code]
    assert "drives while taking it" not in plain["rationale"]
    assert "drives while taking it" in driving["rationale"]
    assert "side_effects.driving=true" in driving["triggered_by"]


def test_driving_without_a_sedation_flag_adds_nothing():
    assert flags({"medications": [SERTRALINE], "side_effects": {"driving": True}}) == {}


@pytest.mark.parametrize("treatment", ["Suboxone", "buprenorphine", "methadone"], ids=str)
def test_opioid_benzo_with_oud_treatment_follows_fda_2017(treatment):
    flag = flags({"medications": [KLONOPIN, med(treatment, 8)]})["opioid_benzo"]
    assert "not to withhold" in flag["rationale"] and "taper" in flag["rationale"]
    assert "avoid the combination" not in flag["rationale"]
    assert "2017" in flag["source"] and flag["severity"] == "high"


def test_opioid_benzo_for_pain_still_says_avoid():
    flag = flags({"medications": [KLONOPIN, OXYCODONE]})["opioid_benzo"]
    assert "avoid the combination" in flag["rationale"] and "2017" not in flag["source"]


# ---- rule metadata and sources --------------------------------------------------------------
def test_every_rule_declares_its_label_and_usual_severity_once():
    from intake.clinical.rules import RULE_INFO
    from intake.review.labels import FLAG_LABELS, FLAG_SEVERITY

    assert set(RULE_INFO) == set(RULES)
    assert FLAG_LABELS["unrecognised_medicine"] == "Check this medicine"
    assert {code: info.severity for code, info in RULE_INFO.items()} == FLAG_SEVERITY


@pytest.mark.parametrize("code", sorted(RULES), ids=str)
def test_no_flag_cites_the_patient_education_article(code):
    flag = all_flags()[code]
    assert "article" not in flag["source"].lower()


# ---- benzo_respiratory, benzo_hepatic (health conditions) -----------------------------------
@pytest.mark.parametrize(
    ("case", "respiratory", "hepatic"),
    [
        ({"medications": [KLONOPIN], "health": {"sleep_apnoea": True}}, "high", None),
        ({"medications": [KLONOPIN], "health": {"lung_disease": True}}, "high", None),
        ({"medications": [KLONOPIN], "health": {"liver_disease": True}}, None, "moderate"),
        ({"medications": [KLONOPIN], "health": {"sleep_apnoea": True, "liver_disease": True}},
         "high", "moderate"),
        ({"medications": [KLONOPIN], "health": {"kidney_disease": True, "seizures": True,
                                                "head_injury": True}}, None, None),
        ({"medications": [KLONOPIN], "health": {"sleep_apnoea": False, "lung_disease": False,
                                                "liver_disease": False}}, None, None),
        ({"medications": [KLONOPIN]}, None, None),
        ({"medications": [SERTRALINE], "health": {"sleep_apnoea": True, "lung_disease": True,
                                                  "liver_disease": True}}, None, None),
        ({"medications": [OXYCODONE], "health": {"sleep_apnoea": True}}, None, None),
    ],
    ids=["apnoea", "lung-disease", "liver-disease", "apnoea-and-liver", "other-conditions",
         "all-no", "not-answered", "no-benzo-ssri", "no-benzo-opioid"],
)  # fmt: skip
def test_a_benzodiazepine_with_lung_or_liver_disease_is_flagged(case, respiratory, hepatic):
    assert (fires(case, "benzo_respiratory"), fires(case, "benzo_hepatic")) == (
        respiratory,
        hepatic,
    )


def test_the_respiratory_flag_names_the_conditions_and_cites_the_label():
    case = {"medications": [KLONOPIN], "health": {"sleep_apnoea": True, "lung_disease": True}}
    flag = flags(case)["benzo_respiratory"]
    assert flag["triggered_by"] == [
        "medications[0]=clonazepam",
        "health.sleep_apnoea=true",
        "health.lung_disease=true",
    ]
    assert "sleep apnoea and COPD or other lung disease" in flag["rationale"]
    assert "respiratory depression" in flag["source"] and "Beers" in flag["source"]
    assert evaluated(case)["priority"] == "urgent"


def test_the_hepatic_flag_cites_the_label_on_hepatic_impairment():
    flag = flags({"medications": [KLONOPIN], "health": {"liver_disease": True}})["benzo_hepatic"]
    assert "hepatic impairment" in flag["source"]
    assert flag["triggered_by"][-1] == "health.liver_disease=true"


def test_a_fall_in_the_past_year_on_a_benzodiazepine_is_a_fall_risk():
    case = {"medications": [KLONOPIN], "health": {"falls_past_year": True}}
    assert "health.falls_past_year=true" in flags(case)["fall_risk"]["triggered_by"]


@pytest.mark.parametrize(
    ("health", "path"),
    [
        ({"sleep_apnea": True}, "health.sleep_apnea"),
        ({"liver_disease": "yes"}, "health.liver_disease"),
        ("yes", "health"),
    ],
    ids=["unknown-key", "not-a-boolean", "not-an-object"],
)
def test_the_health_section_is_validated_strictly(health, path):
    with pytest.raises(CaseError) as error:
        parse_case({"health": health})
    assert error.value.path == path


# ---- designer benzodiazepines: unknown potency (issue 22) -----------------------------------
def test_two_benzodiazepines_one_of_unknown_potency_say_why_there_is_no_combined_equivalent():
    case = {"medications": [med("clonazepam", 1, 2), med("etizolam", 1, 2)]}
    rationale = flags(case)["multiple_benzos"]["rationale"]
    assert "etizolam has unknown potency" in rationale


def test_kratom_with_a_benzodiazepine_is_an_opioid_and_benzodiazepine_flag():
    case = {"medications": [med("Klonopin", 0.5, 2), med("kratom", 500, 2)]}
    assert flags(case)["opioid_benzo"]["severity"] == "high"


@pytest.mark.parametrize("typed", ["lean", "heroin", "promethazine codeine", "fent"], ids=str)
def test_street_opioids_with_a_benzodiazepine_raise_the_opioid_flag(typed):
    case = {"medications": [med("Xanax", 1, 2), med(typed, 5, 1)]}
    assert "opioid_benzo" in flags(case)


def test_phenibut_with_a_benzodiazepine_adds_to_the_sedative_load():
    case = {"medications": [med("Klonopin", 0.5, 2), med("phenibut", 500, 1)]}
    assert "phenibut" in flags(case)["cns_load"]["rationale"]


# ---- possible_<rule>: probable is not nothing (issue 22) ------------------------------------
# An unconfirmed, declined or ambiguous name counts as what it may be, marked as such.
@pytest.mark.parametrize(
    ("medications", "code"),
    [
        ([med("Klonopen", 1, 2), med("oxycodine", 5, 2)], "possible_opioid_benzo"),
        ([med("Klonopen", 1, 2, confirmed=False), med("oxycodone", 5, 2)],
         "possible_opioid_benzo"),
        ([med("klonopin and xanax", 1, 2)], "possible_multiple_benzos"),
        ([med("Percocet and Xanax", 5, 2)], "possible_opioid_benzo"),
        ([med("tramadone", 50, 2), med("Xanax", 1, 1)], "possible_opioid_benzo"),
        ([med("clonazelam", 1, 1), med("oxycodone", 5, 1)], "possible_opioid_benzo"),
    ],
    ids=["not-confirmed", "declined", "two-benzos-one-line", "opioid-and-benzo-one-line",
         "candidates-include-an-opioid", "designer-or-approved-benzo"],
)  # fmt: skip
def test_an_unconfirmed_name_raises_the_possible_flag_at_the_rules_severity(medications, code):
    result = evaluated({"medications": medications})
    flag = {f["code"]: f for f in result["flags"]}[code]
    assert (flag["severity"], result["priority"]) == ("high", "urgent")
    assert "not confirmed" in flag["rationale"] and "unconfirmed name" in flag["title"]


def test_a_possible_flag_names_the_patients_words_and_the_doubt_in_its_triggers():
    flag = flags({"medications": [med("Klonopen", 1, 2, confirmed=False), med("oxycodone")]})[
        "possible_opioid_benzo"
    ]
    assert flag["triggered_by"] == [
        "medications[0]=Klonopen (unconfirmed name: possibly clonazepam, close to clonazepam, "
        "said no by the patient)",
        "medications[1]=oxycodone",
    ]


def test_candidates_of_different_classes_with_no_opioid_or_benzodiazepine_count_as_nothing():
    # "Celexia" is close to citalopram only; "Klonidine" to clonidine: no risky class.
    result = evaluated({"medications": [med("sertralene and Zyprexia", 50), med("Xanax")]})
    assert not [f for f in result["flags"] if f["code"].startswith("possible_")]


def test_a_confirmed_rule_is_not_repeated_as_possible():
    codes = set(flags({"medications": [med("Klonopin"), med("oxycodone"), med("oxycodine")]}))
    assert "opioid_benzo" in codes and "possible_opioid_benzo" not in codes


def test_the_evaluation_shows_what_an_unconfirmed_name_may_be_and_why():
    result = evaluated({"medications": [med("klonopin and xanax", 1, 2)]})
    assert result["medications"][0]["possible"] == {
        "classes": ["benzodiazepine"],
        "doubt": "could be alprazolam or clonazepam",
    }


# ---- rules that read the history (issue 22; clinical-reference.md section 9) ----------------
DAILY_CLONAZEPAM_3_YEARS = med("clonazepam", 2, 2, weeks_taking=156)


# Source: KLONOPIN label warnings; Joint Clinical Practice Guideline on Benzodiazepine
# Tapering (ASAM 2025): withdrawal seizures likelier with a seizure history.
@pytest.mark.parametrize(
    ("seizures", "severity"),
    [(True, "high"), (False, "moderate"), (None, "moderate")],
    ids=["seizures", "no-seizures", "not-answered"],
)
def test_a_seizure_history_raises_withdrawal_risk_to_high(seizures, severity):
    case = {
        "medications": [DAILY_CLONAZEPAM_3_YEARS],
        "benzo_history": {"withdrawal_before": True},
        "health": {"seizures": seizures},
    }
    flag = flags(case)["withdrawal_risk"]
    assert flag["severity"] == severity
    assert ("health.seizures=true" in flag["triggered_by"]) is (seizures is True)


def test_a_seizure_history_alone_without_the_withdrawal_conditions_raises_nothing():
    case = {
        "medications": [med("clonazepam", 0.5, 1, weeks_taking=2)],
        "health": {"seizures": True},
    }
    assert "withdrawal_risk" not in flags(case)


# Source: CDC 2022 (check the PDMP); FDA 2020 boxed warning (misuse).
@pytest.mark.parametrize(
    ("medications", "fires"),
    [
        ([med("clonazepam", prescriber="Dr. Smith"), med("Xanax", prescriber="Dr Jones")], True),
        ([med("oxycodone", prescriber="Dr Smith"), med("Norco", prescriber="Dr. Lee")], True),
        ([med("Adderall", prescriber="Dr A Patel"), med("Ritalin", prescriber="Dr B Chen")],
         True),
        ([med("clonazepam", prescriber="Dr. Smith"), med("Xanax", prescriber="smith")], False),
        ([med("clonazepam", prescriber="Dr. Smith"), med("sertraline", prescriber="Dr Jones")],
         False),
        ([med("clonazepam", prescriber="Dr. Smith"), med("Xanax")], False),
        ([med("sertraline", prescriber="Dr A"), med("Lexapro", prescriber="Dr B")], False),
    ],
    ids=["two-benzo-prescribers", "two-opioid-prescribers", "two-stimulant-prescribers",
         "same-prescriber-written-twice", "different-classes", "one-named",
         "not-a-controlled-class"],
)  # fmt: skip
def test_one_controlled_class_from_two_prescribers_is_a_misuse_signal(medications, fires):
    flag = flags({"medications": medications}).get("misuse_signals")
    assert (flag is not None) is fires
    if fires:
        assert flag["severity"] == "high" and "PDMP" in flag["rationale"]


# Source: drug allergy as a stop-and-ask item (clinical-reference.md section 9).
@pytest.mark.parametrize(
    ("allergy", "fires"),
    [
        ("Klonopin - hives", True),
        ("clonazepam", True),
        ("benzodiazepines (rash)", True),
        ("benzos", True),
        ("penicillin, a rash", False),
        ("", False),
        (None, False),
    ],
    ids=["brand", "generic", "class", "class-word", "another-drug", "empty", "not-answered"],
)
def test_an_allergy_to_a_listed_medicine_or_its_class_conflicts(allergy, fires):
    case = {"medications": [med("clonazepam", 0.5, 2)], "allergy_details": allergy}
    flag = flags(case).get("allergy_conflict")
    assert (flag is not None) is fires
    if fires:
        assert flag["severity"] == "high"


def test_an_opioid_class_allergy_does_not_conflict_with_a_benzodiazepine():
    case = {"medications": [med("clonazepam", 0.5, 2)], "allergy_details": "opioids"}
    assert "allergy_conflict" not in flags(case)


# Sources: CANMAT/ISBD 2018 (antidepressant in bipolar I); stimulant labels (mania, psychosis).
@pytest.mark.parametrize(
    ("diagnoses", "medications", "severity"),
    [
        (["bipolar"], [med("sertraline", 50)], "high"),
        (["bipolar"], [med("Wellbutrin", 150)], "high"),
        (["bipolar"], [med("sertraline", 50), med("lithium", 300, 2)], "moderate"),
        (["bipolar"], [med("Adderall", 20)], "high"),
        (["psychosis"], [med("Ritalin", 10, 2)], "high"),
        (["psychosis"], [med("sertraline", 50)], None),
        (["depression"], [med("sertraline", 50), med("Adderall", 20)], None),
        ([], [med("sertraline", 50)], None),
        (["bipolar"], [med("lithium", 300, 2)], None),
    ],
    ids=["bipolar-ssri", "bipolar-bupropion", "bipolar-ssri-with-lithium", "bipolar-stimulant",
         "psychosis-stimulant", "psychosis-ssri", "depression-only", "no-history",
         "bipolar-mood-stabiliser-only"],
)  # fmt: skip
def test_bipolar_or_psychosis_history_with_an_antidepressant_or_stimulant(
    diagnoses, medications, severity
):
    case = {"medications": medications, "psych_history": {"diagnoses": diagnoses}}
    flag = flags(case).get("mood_switch_risk")
    assert (flag and flag["severity"]) == severity


# Source: bupropion label (contraindicated with bulimia or anorexia nervosa).
@pytest.mark.parametrize(
    ("medications", "severity"),
    [([], "routine"), ([med("sertraline", 50)], "routine"), ([med("Wellbutrin XL", 150)], "high")],
    ids=["noted", "noted-with-an-ssri", "bupropion"],
)
def test_an_eating_disorder_is_noted_and_high_with_bupropion(medications, severity):
    case = {"medications": medications, "psych_history": {"diagnoses": ["eating"]}}
    assert flags(case)["eating_disorder"]["severity"] == severity


def test_the_case_format_reads_only_the_diagnoses_of_the_psychiatric_history():
    history = {"diagnoses": ["bipolar"], "hospital_stays": 2, "therapist": True,
               "past_medicines": [{"name": "Zoloft", "helped": "no"}]}  # fmt: skip
    assert parse_case({"psych_history": history}).diagnoses == ("bipolar",)


def test_an_unknown_diagnosis_is_an_error_naming_the_field():
    with pytest.raises(CaseError, match="psych_history.diagnoses"):
        parse_case({"psych_history": {"diagnoses": ["bipolr"]}})


# ---- partial instruments (issue 22): severity whenever the answered items reach the band -----
@pytest.mark.parametrize(
    ("phq_9", "severity", "trigger"),
    [
        ([3, 3, 3, 3, 3, 3, 3, 3, None], "high", "phq_9.minimum_total=24"),
        ([3, 3, None, 3, 3, 3, 3, 2, 0], "high", "phq_9.minimum_total=20"),
        ([2, 2, 2, 2, 2, 2, 2, None, 0], "moderate", "phq_9.prorated_total=16"),
        ([2, 2, 2, 2, 2, 2, 1, None, 0], "moderate", "phq_9.prorated_total=15"),  # 14.6
        ([2, 2, 2, 2, 2, 1, 1, None, 0], None, None),  # 12 / 8 x 9 = 13.5 -> 14
        ([2, 2, 2, 2, 2, 1, None, None, 0], None, None),  # two missing: the minimum, 11
    ],
    ids=[
        "eight-items-already-24",
        "item-3-missing-already-20",
        "prorated-into-15-19",
        "prorated-up-to-15",
        "prorated-to-14",
        "two-missing-below-the-band",
    ],
)
def test_a_phq_9_with_an_item_missing_is_flagged_when_its_answers_reach_the_band(
    phq_9, severity, trigger
):
    flag = flags({"phq_9": phq_9}).get("severe_depression")
    assert (flag and flag["severity"]) == severity
    if flag:
        assert trigger in flag["triggered_by"] and "not answered" in flag["title"]


def test_the_issue_s_eight_items_adding_up_to_24_are_urgent():
    result = evaluated({"phq_9": [3, 3, 3, 3, 3, 3, 3, 3, None]})
    assert result["priority"] == "urgent"


def test_a_gad_7_with_an_item_missing_already_severe_counts_for_undertreated():
    case = {"gad_7": [3, 3, 3, 3, 3, None, 0]}
    case["medications"] = [med("sertraline", 50, weeks_taking=10)]
    assert "gad_7.minimum_total=15" in flags(case)["undertreated"]["triggered_by"]


# ---- an ambiguous name the patient resolved (issue 23 item 11) ------------------------------
def test_the_candidate_picked_for_an_ambiguous_name_is_the_medicine():
    result = evaluated({"medications": [med("clonazelam", 0.5, 2, chosen="clonazolam")]})
    (medication,) = result["medications"]
    assert (medication["generic"], medication["class"], medication["chosen"]) == (
        "clonazolam", "benzodiazepine", "clonazolam")  # fmt: skip
    assert "unrecognised_medicine" not in {f["code"] for f in result["flags"]}


def test_a_pick_that_is_not_a_candidate_counts_for_nothing():
    result = evaluated({"medications": [med("clonazelam", 0.5, 2, chosen="oxycodone")]})
    assert result["medications"][0]["generic"] is None


# ---- the detail page's order and links (issue 22) --------------------------------------------
def test_every_rule_has_a_clinical_weight():
    assert {code.removeprefix("possible_") for code in RULES} <= set(CLINICAL_WEIGHT)


def test_methadone_with_a_benzodiazepine_comes_before_benzodiazepine_and_alcohol():
    case = {"medications": [med("Klonopin", 1, 2), med("methadone", 10, 3)],
            "audit_c": [3, 2, 2], "sex_at_birth": "male"}  # fmt: skip
    codes = [f["code"] for f in evaluated(case)["flags"]]
    assert codes.index("opioid_benzo") < codes.index("benzo_alcohol")


@pytest.mark.parametrize(
    ("code", "case"),
    [
        ("unrecognised_medicine", {"medications": [med("melatonin", 3)]}),
        ("allergy_conflict", {"medications": [med("Klonopin")], "allergy_details": "Klonopin"}),
        ("eating_disorder", {"psych_history": {"diagnoses": ["eating"]}}),
    ],
    ids=str,
)
def test_a_flag_with_no_page_about_its_subject_links_to_none(code, case):
    assert flags(case)[code]["education"] == NO_PAGE


# ---- morphine milligram equivalents (CDC 2022; clinical-reference.md section 9) -------------
@pytest.mark.parametrize(
    ("medication", "mme"),
    [
        (med("Percocet", 10, 3), 45.0),  # oxycodone 30 mg x 1.5
        (med("Norco", 10, 4), 40.0),  # hydrocodone x 1
        (med("tramadol", 50, 4), 40.0),  # x 0.2
        (med("codeine", 30, 4), 18.0),  # x 0.15
        (med("hydromorphone", 2, 4), 40.0),  # x 5
        (med("methadone", 10, 2), 94.0),  # x 4.7
        (med("tapentadol", 50, 2), 40.0),  # x 0.4
        (med("morphine", 15, 2), 30.0),  # x 1
        (med("Opana", 10, 2), 60.0),  # oxymorphone x 3
        (med("Suboxone", 8, 2), None),  # buprenorphine: not converted
        (med("kratom", 500, 2), None),
    ],
    ids=lambda v: v["name"] if isinstance(v, dict) else None,
)
def test_each_opioid_gets_its_morphine_milligram_equivalent(medication, mme):
    (result,) = evaluated({"medications": [medication]})["medications"]
    assert result.get("mme_per_day") == mme


def test_the_opioid_benzodiazepine_flag_gives_the_mme_and_the_cdc_caution_point():
    case = {"medications": [med("Klonopin", 1, 2), med("Percocet", 10, 4)]}
    flag = flags(case)["opioid_benzo"]
    assert "about 60 morphine milligram equivalents a day" in flag["rationale"]
    assert "At 50 or more a day the CDC (2022) advises extra caution." in flag["rationale"]
    assert evaluated(case)["mme_per_day"]["total"] == 60.0


def test_an_opioid_with_no_factor_makes_the_mme_total_a_minimum():
    case = {"medications": [med("Percocet", 5, 2), med("kratom", 500, 2)]}
    assert evaluated(case)["mme_per_day"] == {
        "total": 15.0,
        "at_least": True,
        "source": "CDC Clinical Practice Guideline for Prescribing Opioids for Pain, 2022",
    }


def test_a_possible_flag_names_only_the_unconfirmed_names_it_rests_on():
    case = {"medications": [med("Klonopin"), med("oxycodine", 5), med("Celexia", 20)]}
    rationale = flags(case)["possible_opioid_benzo"]["rationale"]
    assert "oxycodine" in rationale and "Celexia" not in rationale


def test_the_check_this_medicine_flag_says_a_possible_class_is_counted_as_possible():
    rationale = flags({"medications": [med("oxycodine", 5)]})["unrecognised_medicine"]["rationale"]
    assert "marked “Possible”" in rationale
    other = flags({"medications": [med("melatonin", 3)]})["unrecognised_medicine"]["rationale"]
    assert "Possible" not in other
