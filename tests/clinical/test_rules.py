"""Every flag firing and not firing at its thresholds; priority; order; citations."""

import pytest

from education import slugs
from intake.clinical.rules import RULES
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
        ({"cssrs": {**NO_CSSRS, "q6": True, "q6_past_3_months": False}}, "stat", False),
        ({"cssrs": {"q1": True, "q2": True, "q3": True, "q4": False, "q5": False, "q6": False}},
         "stat", False),
        ({"cssrs": {"q1": True, "q2": True, "q3": True, "q4": True, "q5": False, "q6": False}},
         "stat", True),
        ({"cssrs": {"q1": True, "q2": True, "q5": True}}, "stat", True),
        ({"cssrs": {**NO_CSSRS, "q6": True, "q6_past_3_months": True}}, "stat", True),
    ],
    ids=["phq-item-9-0", "phq-item-9-1", "phq-item-9-3", "item-9-on-incomplete-phq",
         "cssrs-all-no", "cssrs-q1-yes", "cssrs-behaviour-long-ago", "cssrs-method",
         "cssrs-intent-imminent", "cssrs-plan-before-finishing-imminent",
         "cssrs-recent-behaviour-imminent"],
)  # fmt: skip
def test_self_harm_is_stat_on_any_item_9_or_cssrs_yes(case, severity, imminent):
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
    ],
    ids=["two-cns", "three-cns", "buspirone-not-cns", "same-drug-counted-once",
         "benzo-z-drug", "benzo-gabapentinoid", "benzo-muscle-relaxant", "benzo-hydroxyzine",
         "benzo-other-sedative", "benzo-ssri", "benzo-opioid-has-its-own-flag",
         "benzo-opioid-ssri", "sedatives-without-benzo"],
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
    ],
    ids=["sud-history", "no-history", "dast-2", "dast-3", "no-benzo"],
)  # fmt: skip
def test_dependence_risk_fires_on_a_benzodiazepine_with_sud_history_or_dast_3(case, severity):
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
    ],
    ids=[
        "4-weeks",
        "4.5-weeks",
        "5-weeks-missed-dose",
        "a-year-withdrawal-before",
        "no-signs",
        "as-needed-use",
        "duration-unknown",
    ],
)
def test_withdrawal_risk_needs_over_4_weeks_daily_use_and_a_sign(
    weeks, history, as_needed, severity
):
    row = {"name": "clonazepam", "strength_mg": 0.5, "weeks_taking": weeks}
    row |= {"as_needed": True, "max_doses_per_day": 2} if as_needed else {"times_per_day": 2}
    case = {"medications": [row], "benzo_history": history}
    assert fires(case, "withdrawal_risk") == severity


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
    ],
    "benzo_history": {"plans_to_stop": True},
    "side_effects": {"drowsiness": "severe", "falls": True, "breakthrough_anxiety": "severe"},
    "substances": {"sud_history": True},
    "audit_c": [4, 4, 4],
    "dast_10": [True, True, False] + [True] * 7,
    "phq_9": [0] * 8 + [2],
}


def test_the_rule_registry_holds_every_flag_of_the_design():
    assert set(RULES) == {
        "self_harm", "opioid_benzo", "age65_benzo", "clonazepam_above_max", "multiple_benzos",
        "misuse_signals", "benzo_alcohol", "cns_load", "dependence_risk", "withdrawal_risk",
        "oversedation", "fall_risk", "undertreated", "audit_c_positive", "dast_moderate",
    }  # fmt: skip


def test_a_case_can_raise_every_flag_at_once():
    assert set(flags(EVERYTHING)) == set(RULES)


def test_flags_are_ordered_by_severity_then_code():
    codes = [flag["code"] for flag in evaluated(EVERYTHING)["flags"]]
    assert codes == [
        "self_harm",
        "age65_benzo", "benzo_alcohol", "clonazepam_above_max", "misuse_signals",
        "multiple_benzos", "opioid_benzo",
        "audit_c_positive", "cns_load", "dast_moderate", "dependence_risk", "fall_risk",
        "oversedation", "withdrawal_risk",
        "undertreated",
    ]  # fmt: skip


@pytest.mark.parametrize("code", sorted(RULES), ids=str)
def test_every_flag_has_a_title_rationale_source_education_page_and_trigger(code):
    flag = flags(EVERYTHING)[code]
    assert all(flag[key] for key in ("title", "rationale", "source", "triggered_by"))
    assert flag["education"] in slugs.LINKED_SLUGS
