"""Synthetic answer sets ("archetypes") that together raise every flag at every priority.

Used by ``seed_demo`` and by the tests. Complete in the case format, so each passes the
intake's submit checks; no real person behind any of them.
"""

import copy

NO_SUBSTANCES = {
    "opioids": False,
    "cannabis": False,
    "stimulants": False,
    "sedatives": False,
    "sud_history": False,
    "family_sud_history": False,
}
NO_SIDE_EFFECTS = {
    "drowsiness": "none",
    "brain_fog": "none",
    "coordination": "none",
    "memory": "none",
    "fatigue": "mild",
    "confusion": "none",
    "over_medicated": "none",
    "breakthrough_anxiety": "none",
    "falls": False,
    "driving": True,
}
BENZO_HISTORY = {
    "dosing": "divided",
    "used_before": False,
    "tried_to_stop": False,
    "withdrawal_before": False,
    "missed_dose_symptoms": False,
    "plans_to_stop": False,
}
CSSRS_NO = {"q1": False, "q2": False, "q6": False}


def _med(name, strength, times=2, amount=1, **extra) -> dict:
    return {"name": name, "strength_mg": strength, "amount_per_dose": amount,
            "times_per_day": times, "taking": "as_prescribed", "prescribed": True,
            "weeks_taking": 26, **extra}  # fmt: skip


CLONAZEPAM = _med("Klonopin", 0.5)

NO_HEALTH_CONDITIONS = {
    "sleep_apnoea": False,
    "lung_disease": False,
    "liver_disease": False,
    "kidney_disease": False,
    "falls_past_year": False,
    "seizures": False,
    "head_injury": False,
    "medicine_allergies": False,
}


def base(**changes) -> dict:
    """A calm, complete intake (no flags); ``changes`` replace whole keys."""
    answers = {
        "date_of_birth": "1984-05-17",
        "sex_at_birth": "female",
        "visit_reason": "panic",
        "medications": [CLONAZEPAM],
        "benzo_history": BENZO_HISTORY,
        "substances": NO_SUBSTANCES,
        "audit_c": [0, 0, 0],
        "dast_10": [False, False, True, False, False, False, False, False, False, False],
        "side_effects": NO_SIDE_EFFECTS,
        "gad_7": [1, 1, 1, 0, 0, 1, 0],
        "panic_attacks_per_week": 0,
        "phq_9": [1, 0, 1, 1, 0, 0, 0, 0, 0],
        "cssrs": CSSRS_NO,
        "health": NO_HEALTH_CONDITIONS,
    }
    answers.update(copy.deepcopy(changes))
    if not any("pam" in m["name"].lower() or "klonopin" in m["name"].lower()
               for m in answers["medications"]):  # fmt: skip
        answers.pop("benzo_history", None)
    return answers


def _with(mapping: dict, **changes) -> dict:
    return {**mapping, **changes}


ARCHETYPES: dict[str, dict] = {
    # STAT: safety
    "stat_imminent": base(
        phq_9=[2, 3, 2, 2, 1, 3, 2, 1, 2],
        cssrs={"q1": True, "q2": True, "q3": True, "q4": True, "q5": False, "q6": False},
    ),
    "stat_item_9": base(
        phq_9=[2, 2, 1, 2, 1, 2, 1, 0, 1], cssrs={"q1": True, "q2": False, "q6": False}
    ),
    # URGENT: a high-severity flag
    "urgent_opioid": base(medications=[CLONAZEPAM, _med("oxycodone", 5)]),
    "urgent_older": base(
        date_of_birth="1953-02-11",
        medications=[_med("lorazepam", 1)],
        side_effects=_with(NO_SIDE_EFFECTS, falls=True, coordination="moderate"),
    ),
    "urgent_above_max": base(medications=[_med("Klonopin", 2, times=3)]),
    "urgent_two_benzos": base(medications=[CLONAZEPAM, _med("Xanax", 0.5, times=1)]),
    "urgent_misuse": base(medications=[_med("Klonopin", 1, taking="more")]),
    "urgent_alcohol": base(sex_at_birth="male", audit_c=[3, 2, 2]),
    "urgent_pregnant": base(pregnant="yes", breastfeeding="no"),
    "urgent_past_attempt": base(
        cssrs={"q1": False, "q2": False, "q6": True, "q6_past_3_months": False}
    ),  # fmt: skip
    # ROUTINE: moderate flags or none
    "routine_drinks": base(audit_c=[1, 0, 0]),
    "routine_cns_load": base(
        medications=[CLONAZEPAM, _med("zolpidem", 10, times=1), _med("gabapentin", 300)]
    ),
    "routine_dependence": base(
        substances=_with(NO_SUBSTANCES, sud_history=True, cannabis=True),
        dast_10=[True, True, False, False, True, False, False, False, False, False],
    ),
    "routine_withdrawal": base(
        medications=[_med("Klonopin", 0.5, weeks_taking=104)],
        benzo_history=_with(BENZO_HISTORY, plans_to_stop=True, missed_dose_symptoms=True),
    ),
    "routine_oversedation": base(
        side_effects=_with(NO_SIDE_EFFECTS, drowsiness="severe", memory="moderate")
    ),
    "routine_undertreated": base(
        visit_reason="gad",
        medications=[_med("sertraline", 50, times=1, weeks_taking=12)],
        gad_7=[3, 3, 2, 2, 2, 2, 3],
        side_effects=_with(NO_SIDE_EFFECTS, breakthrough_anxiety="severe"),
        panic_attacks_per_week=4,
    ),
    "routine_unrecognised": base(medications=[CLONAZEPAM, _med("melatonin", 3, times=1)]),
    "routine_calm": base(
        visit_reason="gad", medications=[_med("escitalopram", 10, times=1, weeks_taking=40)]
    ),
    "routine_no_medicines": base(visit_reason="gad", medications=[]),
    "urgent_sleep_apnoea": base(health=_with(NO_HEALTH_CONDITIONS, sleep_apnoea=True)),
    "routine_liver": base(health=_with(NO_HEALTH_CONDITIONS, liver_disease=True)),
    # What the history says (issue 22): bipolar with an antidepressant, an eating disorder
    # with bupropion, an allergy to a listed medicine, one class from two prescribers.
    "urgent_history": base(
        medications=[
            _med("Klonopin", 0.5, prescriber="Dr. Rivera"),
            _med("Xanax", 0.5, times=1, prescriber="Dr Okafor"),
            _med("Wellbutrin XL", 150, times=1),
        ],
        psych_history={"diagnoses": ["bipolar", "eating"]},
        health=_with(NO_HEALTH_CONDITIONS, medicine_allergies=True, seizures=True),
        allergy_details="Ativan, hives; benzodiazepines",
    ),
    # Probable is not nothing: names the patient did not confirm count as what they may be.
    "urgent_unconfirmed_names": base(
        date_of_birth="1954-09-02",
        medications=[
            _med(
                "Klonopen",
                1,
                taking="more",
                match="corrected",
                generic="clonazepam",
                confirmed=False,
            ),
            _med("oxycodine", 5, match="corrected", generic="oxycodone", confirmed=False),
            _med("zolpidem", 10, times=1),
            _med(
                "Welbutrin", 150, times=1, match="corrected", generic="bupropion", confirmed=False
            ),
        ],
        audit_c=[1, 0, 0],
        psych_history={"diagnoses": ["bipolar"]},
        health=_with(NO_HEALTH_CONDITIONS, sleep_apnoea=True, medicine_allergies=True),
        allergy_details="Klonopin",
    ),
    "urgent_unconfirmed_pregnant": base(
        medications=[_med("klonopin and xanax", 0.5, match="ambiguous")],
        pregnant="unsure",
        breastfeeding="no",
    ),
    # A returning patient whose mood is worse than at the earlier intake (EARLIER_SCORES).
    "routine_worsening": base(phq_9=[2, 2, 2, 2, 1, 1, 1, 1, 0], gad_7=[2, 2, 2, 1, 1, 1, 1]),
}
# The earlier totals an archetype is compared with (issue 27): the seeder gives them to the
# evaluation as the portal would from the patient's earlier intake. The nudged variants
# stay 5 or more above on the PHQ-9 and 4 or more on the GAD-7 (both worsening flags).
EARLIER_SCORES = {"routine_worsening": {"phq_9": {"total": 3}, "gad_7": {"total": 4}}}
# How often each archetype is drawn by ``seed_demo`` (a triage mix, not a clinical estimate).
WEIGHTS = {
    "stat_imminent": 1,
    "stat_item_9": 3,
    "urgent_opioid": 5,
    "urgent_older": 6,
    "urgent_above_max": 3,
    "urgent_two_benzos": 4,
    "urgent_misuse": 4,
    "urgent_alcohol": 5,
    "urgent_pregnant": 2,
    "urgent_past_attempt": 3,
    "routine_drinks": 10,
    "routine_cns_load": 8,
    "routine_dependence": 6,
    "routine_withdrawal": 8,
    "routine_oversedation": 7,
    "routine_undertreated": 9,
    "routine_unrecognised": 6,
    "routine_calm": 14,
    "routine_no_medicines": 7,
    "urgent_sleep_apnoea": 3,
    "routine_liver": 3,
    "urgent_history": 2,
    "urgent_unconfirmed_names": 2,
    "urgent_unconfirmed_pregnant": 1,
    "routine_worsening": 3,
}
DETAILS = {
    "medications_confirmed": True,
    # Fictional numbers (555-01xx) and a made-up address: synthetic patients are not people.
    "contact": {
        "mobile_phone": "+12025550143",
        "contact_by": "call_or_text",
        "emergency_contact": {
            "name": "Sam Doe",
            "relationship": "Sibling",
            "phone": "+12025550188",
        },
        "visit_state": "NY",
        "visit_address": "1 Example Street, Albany, NY 12207",
    },
}


def draft_answers() -> dict:
    """A half-finished intake (about you and medicines only)."""
    answers = base()
    return {key: answers[key] for key in ("date_of_birth", "sex_at_birth", "medications")}


def _shift_birth_year(date_of_birth: str, n: int) -> str:
    """Spread ages without crossing 65 (which would change the age flags): older
    archetypes get older, the others move within about 27-57."""
    year = int(date_of_birth[:4])
    shift = -((n * 3) % 20) if year <= 1960 else (n * 7) % 31 - 15
    return f"{year + shift}{date_of_birth[4:]}"


def variant(answers: dict, n: int) -> dict:
    """The ``n``-th variation of an archetype: age spread, GAD-7 and PHQ-9 items nudged
    (PHQ-9 item 9 kept, so a variant never gains or loses the safety flag)."""
    varied = copy.deepcopy(answers)
    if "date_of_birth" in varied:
        varied["date_of_birth"] = _shift_birth_year(varied["date_of_birth"], n)
    for key in ("gad_7", "phq_9"):
        items = varied[key]
        last = len(items) - (1 if key == "phq_9" else 0)
        for i in range(last):
            items[i] = max(0, min(3, items[i] + ((n + i) % 3) - 1))
    return varied
