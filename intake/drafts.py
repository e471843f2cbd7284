"""What a page saved unfinished keeps in ``details["pending"]``: each answer that was valid,
as the page's form cleaned it and typed as the answers are (True/False for a yes/no
question, a whole number for a score), never the text as posted. Every reader of a kept
answer (crisis help, the risk rank, the page shown again) then reads one shape.
"""

from datetime import date
from decimal import Decimal

from django import forms

EMPTY = (None, "", [], ())
YES_NO = {"yes", "no"}

__all__ = ["form_values", "kept_answers"]


def kept_answers(form: forms.Form) -> dict:
    """The valid, non-empty answers of a bound form (one with errors), typed; fields with an
    error are left out."""
    form.is_valid()  # cleans the form if it has not been yet
    return {
        name: _typed(form.fields[name], value)
        for name, value in form.cleaned_data.items()
        if name in form.fields and name not in form.errors and not _empty(form.fields[name], value)
    }


def _empty(field: forms.Field, value) -> bool:
    # An unticked box is no answer (shown again, "no" would tick it).
    return value in EMPTY or (isinstance(field, forms.BooleanField) and value is False)


def form_values(kept: dict) -> dict:
    """Kept answers as a page's form takes them again (as initial values or as posted data):
    "yes"/"no" for True/False; numbers and words as they are."""
    return {
        name: ("yes" if value else "no") if isinstance(value, bool) else value
        for name, value in kept.items()
    }


def _typed(field: forms.Field, value):
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, date):
        return value.isoformat()
    if not isinstance(value, str) or isinstance(field, forms.TypedChoiceField):
        return value
    if isinstance(field, forms.ChoiceField):
        keys = {str(key) for key, _label in field.choices}
        if keys == YES_NO:
            return value == "yes"
        if keys and all(key.lstrip("-").isdigit() for key in keys):
            return int(value)
    return value
