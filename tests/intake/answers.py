"""A complete set of stored answers in the case format, as the pages store them."""

COMPLETE = {
    "date_of_birth": "1960-04-02",
    "sex_at_birth": "female",
    "visit_reason": "panic",
    "medications": [
        {
            "name": "sertraline",
            "strength_mg": 50.0,
            "amount_per_dose": 1.0,
            "times_per_day": 1,
            "taking": "as_prescribed",
            "prescribed": True,
            "weeks_taking": 12,
        }
    ],
    "audit_c": [0, 0, 0],
    "substances": {
        "opioids": False,
        "cannabis": False,
        "stimulants": False,
        "sedatives": False,
        "sud_history": False,
        "family_sud_history": False,
    },
    "dast_10": [False, False, True, False, False, False, False, False, False, False],
    "side_effects": {
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
    },
    "gad_7": [1, 1, 1, 1, 1, 1, 1],
    "panic_attacks_per_week": 1,
    "phq_9": [0, 0, 0, 0, 0, 0, 0, 0, 0],
    "cssrs": {"q1": False, "q2": False, "q6": False},
    "goals": {"hopes": "Sleep through the night", "worries": ""},
}

# What a complete intake holds beside its answers: the medicines list confirmed, and how to
# reach the patient (fictional 555-01xx numbers).
COMPLETE_DETAILS = {
    "medications_confirmed": True,
    "contact": {
        "mobile_phone": "+12025550143",
        "contact_by": "call_or_text",
        "visit_state": "NY",
        "visit_address": "1 Example Street, Albany, NY 12207",
    },
}
