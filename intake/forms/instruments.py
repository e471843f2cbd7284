"""Form fields built from the clinical core's instruments: what an answer stores and scores
is declared once (``intake.clinical.instruments.INSTRUMENTS``); what a question says is read
from its wording file in the patient's language (``intake.clinical.instrument_texts``).

A clinic licensed for a validated text drops its files (``<instrument>.<language>.json``)
into a directory named in ``settings.INSTRUMENT_TEXTS_DIRS``; those are searched before the
project's own, so the portal uses them with no change to the code. A language with no file
for an instrument shows the English words, with a note saying so.

The words are lazy: a form's fields are built once per process (``fields_once``) and each
page renders them in the language active for its request (the patient's; English for the
care team).
"""

import functools
import time
from pathlib import Path

from django import forms
from django.conf import settings
from django.core import checks
from django.utils import translation
from django.utils.functional import lazy
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from intake.clinical.instrument_texts import (
    PROJECT_DIR,
    InstrumentText,
    InstrumentTextError,
    find_text,
    read_text,
)
from intake.clinical.instruments import INSTRUMENTS, Instrument, with_words

from .base import InlineSelect, TileSelect

ENGLISH = "en"


# ---- the words, in a language ----------------------------------------------------------------
def text_dirs() -> tuple[Path, ...]:
    """A clinic's directories of wording files, searched in order before the project's."""
    return tuple(Path(d) for d in getattr(settings, "INSTRUMENT_TEXTS_DIRS", ()) or ())


def texts_problems() -> list[str]:
    """What is wrong with any wording file the portal would read (a clinic's directories,
    then the project's), one line each: for the start-up check below."""
    problems = []
    for folder in (*text_dirs(), PROJECT_DIR):
        if not folder.is_dir():
            problems.append(f"{folder}: not a directory (INSTRUMENT_TEXTS_DIRS)")
            continue
        for path in sorted(folder.glob("*.json")):
            instrument_id = path.name.split(".")[0]
            if instrument_id not in INSTRUMENTS:
                known = ", ".join(INSTRUMENTS)
                problems.append(f"{path}: no instrument {instrument_id!r} (known: {known})")
                continue
            try:
                read_text(path, INSTRUMENTS[instrument_id])
            except InstrumentTextError as error:
                problems.append(str(error))
    return problems


# Registered as the app loads (intake.apps imports the services, which import this module),
# so ``manage.py check``, ``migrate`` and ``runserver`` refuse a broken file before a patient
# is shown it.
@checks.register()
def check_instrument_texts(app_configs=None, **kwargs) -> list:
    return [checks.Error(problem, id="intake.E026") for problem in texts_problems()]


def language_code(language: str | None = None) -> str:
    """The language's base code ("es" for "es-us"); the active one when none is given."""
    code = language or translation.get_language() or ENGLISH
    return code.split("-")[0].lower()


# A page reads an instrument's words once for each item and each answer, and finding the
# file stats it in every directory: the detail page spent a fifth of its time there. A
# lookup is kept for a few seconds, so a clinic's new or changed file is still taken up
# with no restart.
RECHECK_SECONDS = 5.0
_looked_up: dict[tuple, tuple[float, InstrumentText | None]] = {}


def text_in(instrument_id: str, language: str) -> InstrumentText | None:
    """The instrument's words in exactly this language (a clinic's file first), or None."""
    code = language_code(language)
    key = (instrument_id, code, tuple(getattr(settings, "INSTRUMENT_TEXTS_DIRS", ()) or ()))
    now = time.monotonic()
    kept = _looked_up.get(key)
    if kept is not None and kept[0] > now:
        return kept[1]
    found = find_text(INSTRUMENTS[instrument_id], code, text_dirs())
    _looked_up[key] = (now + RECHECK_SECONDS, found)
    return found


def instrument_text(instrument_id: str, language: str | None = None) -> InstrumentText:
    """The words a patient in ``language`` (the active language by default) is shown: that
    language's file, or the English one when there is none."""
    return text_in(instrument_id, language_code(language)) or text_in(instrument_id, ENGLISH)


def shown_in_english_instead(instrument_id: str, language: str | None = None) -> bool:
    return instrument_text(instrument_id, language).language != language_code(language)


def _item_words(instrument_id: str, index: int) -> str:
    return instrument_text(instrument_id).items[index]


def _option_words(instrument_id: str, index: int, option: int) -> str:
    return instrument_text(instrument_id).options[index][option]


def _lead_in(instrument_id: str) -> str:
    return instrument_text(instrument_id).question


def _title(instrument_id: str) -> str:
    return instrument_text(instrument_id).title


item_text = lazy(_item_words, str)
option_text = lazy(_option_words, str)
# The lead-in above an instrument's items ("Over the last 2 weeks, ..."), in the language
# of the page it is shown on: for a page's intro (``intake.sections``).
lead_in = lazy(_lead_in, str)
title = lazy(_title, str)

FALLBACK_NOTE = _(
    "These questions are not yet written in your language, so they are shown in English."
)


def _first_hint(instrument_id: str, help_text) -> str:
    """The first item's hint, led by a note when the page's language has no words for the
    instrument and it is shown in English."""
    if not shown_in_english_instead(instrument_id):
        return help_text
    if not help_text:
        return format_html("{}", FALLBACK_NOTE)
    return format_html("{} {}", FALLBACK_NOTE, help_text)


first_hint = lazy(_first_hint, SafeString)


# ---- the form fields -------------------------------------------------------------------------
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
    answers one under another. Chosen from the English words: the layout is the same in
    every language."""
    if labels == ["Yes", "No"]:
        return InlineSelect
    if all(len(label) <= TILE_LABEL for label in labels):
        return TileSelect
    return forms.RadioSelect


def item_field(instrument_id: str, index: int, help_text: str = "") -> forms.ChoiceField:
    item = INSTRUMENTS[instrument_id].items[index]
    choices = [
        (choice_key(o.value), option_text(instrument_id, index, n))
        for n, o in enumerate(item.options)
    ]
    label = item_text(instrument_id, index)
    return forms.ChoiceField(
        label=label,
        choices=choices,
        widget=_widget([o.label for o in item.options]),
        help_text=first_hint(instrument_id, help_text) if index == 0 else help_text,
        error_messages={"required": format_lazy(_("Answer this question: {}"), label)},
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


def instrument(instrument_id: str, language: str | None = None) -> Instrument:
    """The instrument with its words in ``language`` (the active one by default; English
    where that language has none): its title, lead-in, items and answers. What its answers
    store and score is the declaration's, whatever the words."""
    return _worded(INSTRUMENTS[instrument_id], instrument_text(instrument_id, language))


@functools.lru_cache(maxsize=64)
def _worded(declared: Instrument, words: InstrumentText) -> Instrument:
    return with_words(declared, words)


# ---- what a saved page was answered in -------------------------------------------------------
def note_answered_in(details: dict, *, step_key: str, instrument_id: str = "") -> None:
    """Keep, with the page's answers, the language the page was answered in
    (``details["languages"][step_key]``) and, for an instrument, which words it was shown:
    instrument, language, status, version and hash (``details["instrument_texts"]``), so the
    care team sees what the patient read, even after a file changes."""
    language = language_code()
    details["languages"] = {**(details.get("languages") or {}), step_key: language}
    if instrument_id:
        shown = instrument_text(instrument_id, language)
        texts = details.get("instrument_texts") or {}
        details["instrument_texts"] = {**texts, instrument_id: shown.record()}


def recorded_language(details: dict | None) -> str | None:
    """The language the intake's saved pages were answered in (the one most of them were,
    when the patient switched part-way), or None when none was recorded."""
    recorded = list(((details or {}).get("languages") or {}).values())
    if not recorded:
        return None
    return max(dict.fromkeys(recorded), key=recorded.count)
