"""Questionnaire items and their answers, read from the declared pages' forms.

A page's questions are its form's fields (``intake.sections`` names each page's form): the
item's text is the field's label, the question the patient saw; its type follows the field
(yes/no -> boolean, a choice -> choice with coded options, a number, a date, text); the
answer is the stored value as the page reads it back (``StepForm.read_back``). A section's
items share its key as the prefix of their linkIds (``about.date_of_birth``). The
definition carries each question's and each answer's words in the other offered languages
(the ``translation`` extension), where the catalogues have them.
"""

from datetime import date

from django import forms

from ..forms.base import YES_NO, fields_once
from .translations import in_each_language, translated


def _is_yes_no(field) -> bool:
    return isinstance(field, forms.ChoiceField) and list(field.choices) == YES_NO


def item_type(field) -> str:
    if _is_yes_no(field):
        return "boolean"
    if isinstance(field, forms.ChoiceField):  # MultipleChoiceField included
        return "choice"
    if isinstance(field, forms.IntegerField):
        return "integer"
    if isinstance(field, forms.DecimalField | forms.FloatField):
        return "decimal"
    if isinstance(field, forms.DateField):
        return "date"
    if isinstance(field, forms.CharField) and isinstance(field.widget, forms.Textarea):
        return "text"
    return "string"


def _coding(field, value) -> dict:
    return {"code": str(value), "display": str(dict(field.choices).get(str(value), value))}


def definition(link_id: str, field) -> dict:
    """The Questionnaire item for one question."""
    item = {"linkId": link_id, "text": str(field.label), "type": item_type(field)}
    translated(item, "text", in_each_language(field.label))
    if item["type"] == "choice":
        item["answerOption"] = [
            {"valueCoding": translated(_coding(field, value), "display", in_each_language(label))}
            for value, label in field.choices
            if value
        ]
        if isinstance(field, forms.MultipleChoiceField):
            item["repeats"] = True
    return item


def _value(field, value) -> dict:
    kind = item_type(field)
    if kind == "boolean":
        return {"valueBoolean": value == "yes"}
    if kind == "choice":
        return {"valueCoding": _coding(field, value)}
    if kind == "integer":
        return {"valueInteger": int(value)}
    if kind == "decimal":
        return {"valueDecimal": float(value)}
    if kind == "date":
        return {"valueDate": value.isoformat() if isinstance(value, date) else str(value)}
    return {"valueString": str(value)}


def answer(link_id: str, field, value) -> dict | None:
    """The QuestionnaireResponse item for one answered question (None: not answered)."""
    values = value if isinstance(value, list | tuple) else [value]
    values = [v for v in values if v not in (None, "")]
    if not values:
        return None
    return {
        "linkId": link_id,
        "text": str(field.label),
        "answer": [_value(field, v) for v in values],
    }


def page_definitions(prefix: str, form_class, leave_out=frozenset()) -> list[dict]:
    """Every question the page can ask (a field that appears only for some patients too)."""
    fields = fields_once(form_class)
    return [
        definition(f"{prefix}.{name}", f) for name, f in fields.items() if name not in leave_out
    ]


def page_answers(prefix: str, form_class, intake, leave_out=frozenset()) -> list[dict]:
    """The page's answered questions for this intake, in the page's order."""
    fields, initial = form_class.read_back(intake)
    skipped = form_class.not_asked(initial) | set(leave_out)
    found = (
        answer(f"{prefix}.{name}", field, initial.get(name))
        for name, field in fields.items()
        if name not in skipped
    )
    return [item for item in found if item]
