"""What the team may see of an unsent intake that holds a saved positive safety answer: its
safety answers and nothing else (pure: plain values in, plain values out). The answers are
read, from complete and unfinished pages alike, by ``intake.safety.safety_answers``."""

from intake.clinical.instruments import INSTRUMENTS
from intake.safety import SafetyAnswers

# Shown instead of the visit reason and medicines of an unsent intake's queue row.
NOT_SENT = "Not sent yet: only the safety answers are shown"


def safety_rows(safety: SafetyAnswers) -> list[dict]:
    """The safety answers as question and answer, in the questionnaire's order."""
    rows = [
        _row(item.text, "Yes" if safety.cssrs[item.id] else "No", safety.cssrs[item.id])
        for item in INSTRUMENTS["cssrs"].items
        if item.id in safety.cssrs
    ]
    if safety.phq9_item9 is not None:
        item = INSTRUMENTS["phq_9"].items[8]
        words = {o.value: o.label for o in INSTRUMENTS["phq_9"].options}
        value = safety.phq9_item9
        rows.append(_row(f"PHQ-9 item 9: {item.text}", words[value], value > 0))
    return rows


def _row(label: str, value: str, yes: bool) -> dict:
    return {"label": label, "value": value, "yes": yes}
