"""Short words for the queue's badges, and what each score band means to a psychiatrist."""

from intake.clinical.rules import RULE_INFO

# Declared once, with each rule (``@rule(code, severity=..., label=...)`` in
# intake/clinical/rules/): the queue's badge, and each flag's usual severity, which orders
# the queue's flag filter, most severe first. (A queue row shows the severity the flag has
# in that case.)
FLAG_LABELS = {code: info.label for code, info in RULE_INFO.items()}
FLAG_SEVERITY = {code: info.severity for code, info in RULE_INFO.items()}

BAND_WORDS = {
    "moderately_severe": "moderately severe",
}

BAND_MEANING = {
    "gad_7": {
        "minimal": "Minimal anxiety (0-4).",
        "mild": "Mild anxiety (5-9): below the usual referral point of 10.",
        "moderate": "Moderate anxiety (10-14): at or above the referral point; likely GAD.",
        "severe": "Severe anxiety (15-21): active treatment is usually warranted.",
    },
    "phq_9": {
        "minimal": "None or minimal depressive symptoms (0-4).",
        "mild": "Mild depressive symptoms (5-9).",
        "moderate": "Moderate depression (10-14).",
        "moderately_severe": "Moderately severe depression (15-19).",
        "severe": "Severe depression (20-27).",
    },
    "dast_10": {
        "none": "No problems reported from drug use (0).",
        "low": "Low level of problems (1-2).",
        "moderate": "Moderate level (3-5): further assessment is advised.",
        "substantial": "Substantial level (6-8).",
        "severe": "Severe level (9-10).",
    },
}
CSSRS_MEANING = {
    "none": "No yes answers on the screener.",
    "low": "Low risk: wish to be dead or thoughts of suicide without method, intent or plan.",
    "moderate": "Moderate risk: thought about a method, or suicidal behaviour over 3 months ago.",
    "high": "HIGH risk: intent, a plan, or behaviour in the past 3 months: urgent evaluation "
    "and safety precautions now.",
}


def band_words(band: str | None) -> str:
    return BAND_WORDS.get(band or "", band or "")
