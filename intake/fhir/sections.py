"""The psychiatric history and the pharmacy as Questionnaire groups and their answers.

Both are outside the case format (the rules never read them): the psychiatric history is
``answers["psych_history"]``, the pharmacy ``details["pharmacy"]`` (``{}`` for "no preferred
pharmacy"). Who prescribes each medicine is the ``medications.prescriber`` item.
"""

from ..forms.history import DIAGNOSES, HELPED

HISTORY = "psych_history"
HISTORY_ITEMS = (
    ("diagnoses", "Diagnoses a doctor or therapist has given", "choice"),
    ("diagnoses_other", "Other diagnosis", "string"),
    ("hospital_stays", "Hospital stays for mental health", "integer"),
    ("last_hospital_stay", "The last hospital stay: when, and what for", "string"),
    ("past_medicines", "Past medicine for mood or anxiety", "group"),
    ("therapist", "Sees a therapist or counsellor now", "boolean"),
    ("therapist_name", "The therapist or counsellor", "string"),
)
PAST_MEDICINE_ITEMS = (
    ("name", "Medicine", "string"),
    ("helped", "Did it help?", "choice"),
    ("why_stopped", "Why it was stopped", "string"),
)
PHARMACY_ITEMS = (
    ("has_pharmacy", "Has a pharmacy for prescriptions", "boolean"),
    ("name", "Pharmacy name", "string"),
    ("phone", "Pharmacy phone", "string"),
    ("town", "Pharmacy town or city", "string"),
)


def _options(choices) -> list[dict]:
    return [{"valueString": str(label)} for _value, label in choices]


def _definition(prefix: str, key: str, text: str, kind: str) -> dict:
    item = {"linkId": f"{prefix}.{key}", "text": text, "type": kind}
    if key == "diagnoses":
        item.update(repeats=True, answerOption=_options(DIAGNOSES))
    elif key == "helped":
        item["answerOption"] = _options(HELPED)
    elif key == "past_medicines":
        item["repeats"] = True
        item["item"] = [_definition(item["linkId"], *row) for row in PAST_MEDICINE_ITEMS]
    return item


def psych_history_group() -> dict:
    return {"linkId": HISTORY, "text": "Psychiatric history", "type": "group",
            "item": [_definition(HISTORY, *row) for row in HISTORY_ITEMS]}  # fmt: skip


def pharmacy_group() -> dict:
    return {"linkId": "pharmacy", "text": "Pharmacy", "type": "group",
            "item": [_definition("pharmacy", *row) for row in PHARMACY_ITEMS]}  # fmt: skip


def _value(value) -> dict:
    if isinstance(value, bool):
        return {"valueBoolean": value}
    if isinstance(value, int):
        return {"valueInteger": value}
    return {"valueString": str(value)}


def _answered(prefix: str, rows, values: dict) -> list[dict]:
    return [
        {"linkId": f"{prefix}.{key}", "text": text, "answer": [_value(values[key])]}
        for key, text, _kind in rows
        if values.get(key) not in (None, "", [])
    ]


def psych_history_answers(answers: dict) -> list[dict]:
    """The psychiatric history group (one or none), in the Questionnaire's order: diagnoses
    by their label, one ``past_medicines`` group per past medicine."""
    history = answers.get(HISTORY)
    if not history:
        return []
    labels = {key: str(label) for key, label in DIAGNOSES}
    helped = {key: str(label) for key, label in HELPED}
    items = []
    for key, text, _kind in HISTORY_ITEMS:
        link = f"{HISTORY}.{key}"
        if key == "diagnoses" and history.get(key):
            answer = [{"valueString": labels.get(d, d)} for d in history[key]]
            items.append({"linkId": link, "text": text, "answer": answer})
        elif key == "past_medicines":
            for row in history.get(key) or []:
                shown = {**row, "helped": helped.get(row.get("helped"), row.get("helped"))}
                if found := _answered(link, PAST_MEDICINE_ITEMS, shown):
                    items.append({"linkId": link, "text": text, "item": found})
        elif key != "diagnoses":
            items += _answered(HISTORY, [(key, text, _kind)], history)
    if not items:
        return []
    return [{"linkId": HISTORY, "text": "Psychiatric history", "item": items}]


def pharmacy_answers(details: dict) -> list[dict]:
    """The pharmacy group (one or none): "no" when the patient has no preferred pharmacy."""
    pharmacy = details.get("pharmacy")
    if pharmacy is None:
        return []
    values = {"has_pharmacy": bool(pharmacy), **(pharmacy or {})}
    items = _answered("pharmacy", PHARMACY_ITEMS, values)
    return [{"linkId": "pharmacy", "text": "Pharmacy", "item": items}]
