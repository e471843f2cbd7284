"""Form fields built from the clinical core's instruments, so wording and scores live in one
place (``intake.clinical.instruments.INSTRUMENTS``)."""

from django import forms

from intake.clinical.instruments import INSTRUMENTS

from .base import InlineSelect, TileSelect


def choice_key(value) -> str:
    """The form value for a case value: "yes"/"no" for booleans, the digits for scores."""
    if value is True:
        return "yes"
    if value is False:
        return "no"
    return str(value)


def case_value(instrument_id: str, item_index: int, key: str):
    item = INSTRUMENTS[instrument_id].items[item_index]
    return next(o.value for o in item.options if choice_key(o.value) == key)


def field_name(instrument_id: str, item_id: str) -> str:
    return item_id if instrument_id == "cssrs" else f"{instrument_id}_{item_id}"


# Answers this short fit a tile, two a row on a phone.
TILE_LABEL = 26


def _widget(labels: list[str]):
    """Yes and No side by side (GOV.UK's inline radios); a scale of short answers ("Not at
    all" to "Nearly every day") as tiles, so nine questions fit a phone's page; longer
    answers one under another."""
    if labels == ["Yes", "No"]:
        return InlineSelect
    if all(len(label) <= TILE_LABEL for label in labels):
        return TileSelect
    return forms.RadioSelect


def item_field(instrument_id: str, index: int, help_text: str = "") -> forms.ChoiceField:
    item = INSTRUMENTS[instrument_id].items[index]
    choices = [(choice_key(o.value), o.label) for o in item.options]
    return forms.ChoiceField(
        label=item.text,
        choices=choices,
        widget=_widget([label for _, label in choices]),
        help_text=help_text,
        error_messages={"required": f"Answer this question: {item.text}"},
    )


def add_list_fields(form: forms.Form, instrument_id: str, hints: dict | None = None) -> None:
    """Add one radio question per item of a list instrument (GAD-7, PHQ-9, AUDIT-C, DAST-10)."""
    hints = hints or {}
    for index, item in enumerate(INSTRUMENTS[instrument_id].items):
        name = field_name(instrument_id, item.id)
        form.fields[name] = item_field(instrument_id, index, hints.get(item.id, ""))


def list_initial(instrument_id: str, stored) -> dict:
    items = INSTRUMENTS[instrument_id].items
    if not isinstance(stored, list):
        return {}
    return {
        field_name(instrument_id, item.id): choice_key(value)
        for item, value in zip(items, stored, strict=False)
        if value is not None
    }


def list_answers(form: forms.Form, instrument_id: str) -> list:
    return [
        case_value(instrument_id, index, form.cleaned_data[field_name(instrument_id, item.id)])
        for index, item in enumerate(INSTRUMENTS[instrument_id].items)
    ]


def cssrs_index(item_id: str) -> int:
    return [item.id for item in INSTRUMENTS["cssrs"].items].index(item_id)


def instrument(instrument_id: str):
    return INSTRUMENTS[instrument_id]
