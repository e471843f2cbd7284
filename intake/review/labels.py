"""Short words for the queue's badges, and what each score band means to a psychiatrist."""

from intake.clinical.instruments import INSTRUMENTS
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

# What each band means to a psychiatrist. The cut-offs are the instrument's own
# (``intake.clinical.instruments``: ``{range}`` is the band's totals, ``{<band>}`` the lowest
# total of another band), so they are declared once.
_MEANING = {
    "gad_7": {
        "minimal": "Minimal anxiety ({range}).",
        "mild": "Mild anxiety ({range}): below the usual referral point of {moderate}.",
        "moderate": "Moderate anxiety ({range}): at or above the referral point; likely GAD.",
        "severe": "Severe anxiety ({range}): active treatment is usually warranted.",
    },
    "phq_9": {
        "minimal": "None or minimal depressive symptoms ({range}).",
        "mild": "Mild depressive symptoms ({range}).",
        "moderate": "Moderate depression ({range}).",
        "moderately_severe": "Moderately severe depression ({range}).",
        "severe": "Severe depression ({range}).",
    },
    "dast_10": {
        "none": "No problems reported from drug use ({range}).",
        "low": "Low level of problems ({range}).",
        "moderate": "Moderate level ({range}): further assessment is advised.",
        "substantial": "Substantial level ({range}).",
        "severe": "Severe level ({range}).",
    },
}


def _ranges(instrument) -> dict[str, str]:
    """Each band's totals in words ("5-9", "0" for a band of one total)."""
    top = sum(max(option.score for option in item.options) for item in instrument.items)
    lows = [low for low, _ in instrument.bands]
    highs = [next_low - 1 for next_low in lows[1:]] + [top]
    return {
        name: f"{low}" if low == high else f"{low}-{high}"
        for (low, name), high in zip(instrument.bands, highs, strict=True)
    }


def _meanings(key: str) -> dict[str, str]:
    instrument = INSTRUMENTS[key]
    lowest = {name: low for low, name in instrument.bands}
    ranges = _ranges(instrument)
    return {band: text.format(range=ranges[band], **lowest) for band, text in _MEANING[key].items()}


BAND_MEANING = {key: _meanings(key) for key in _MEANING}
CSSRS_MEANING = {
    "none": "No yes answers on the screener.",
    "low": "Low risk: wish to be dead or thoughts of suicide without method, intent or plan.",
    "moderate": "Moderate risk: thought about a method, or suicidal behaviour over 3 months ago.",
    "high": "HIGH risk: intent, a plan, or behaviour in the past 3 months: urgent evaluation "
    "and safety precautions now.",
}


def band_words(band: str | None) -> str:
    return BAND_WORDS.get(band or "", band or "")
