"""What every intake page form shares: yes/no questions, hints that say why we ask (plain
hints: the page says "Why we ask" once, above its questions), and the two-way mapping between
a page's fields and the stored case-format answers."""

import functools

from django import forms
from django.utils.functional import lazy
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from education.links import page_url

YES_NO = [("yes", _("Yes")), ("no", _("No"))]
TEXT_LIMIT = 500
# Text fields allowing this many characters or more show a live character count.
COUNTED_TEXT = 100


def education_url(slug: str) -> str:
    """The public address of an education page."""
    return page_url(slug)


def _why(text: str, slug: str | None = None, link_text: str = _("Read more")) -> str:
    text = text[:1].upper() + text[1:]
    if not slug:
        return format_html("{}", text)
    return format_html('{} <a href="{}">{}</a>', text, education_url(slug), link_text)


# A plain hint that says briefly why we ask, with a link to the matching education page if
# there is one (no "Why we ask:" before each: a page says that once, not per question);
# lazy because form classes are built before the URLconf is loaded.
why = lazy(_why, SafeString)


def _lower_first(text) -> str:
    text = str(text)
    return text[:1].lower() + text[1:]


# A question inside a sentence ("Select yes or no: do you drive?"), in the patient's language.
lower_first = lazy(_lower_first, str)


def limit_message(limit: int):
    """ "Use 500 characters or fewer", in the patient's language."""
    return format_lazy(_("Use {limit} characters or fewer"), limit=limit)


def yes_no_field(label: str, help_text: str = "", required: bool = True) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label,
        choices=YES_NO,
        widget=InlineSelect,
        help_text=help_text,
        required=required,
        error_messages={"required": format_lazy(_("Select yes or no: {}"), lower_first(label))},
    )


class TileSelect(forms.RadioSelect):
    """Radios with short answers ("Not at all" to "Very much", "Twice a day") shown as
    tiles, two a row on a phone (``templates/bootstrap5/layout/radio_checkbox_select.html``),
    so a page of such questions stays short."""

    layout = "tiles"


class InlineSelect(forms.RadioSelect):
    """Two one-word answers (Yes, No) side by side, as GOV.UK's inline radios."""

    layout = "inline"


def radio_field(
    label: str, choices, help_text: str = "", required: bool = True, message="", widget=None
):
    return forms.ChoiceField(
        label=label,
        choices=choices,
        widget=widget or forms.RadioSelect,
        help_text=help_text,
        required=required,
        error_messages={"required": message or _("Select an answer")},
    )


def whole_number_field(
    label: str, *, invalid: str, required: str = "", help_text: str = ""
) -> forms.IntegerField:
    """A whole number typed on a phone's number keypad. ``required``: the message when it
    is left empty (none: the question may be left empty); ``invalid``: when it is not a
    whole number."""
    return forms.IntegerField(
        label=label,
        required=bool(required),
        help_text=help_text,
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
        error_messages={"invalid": invalid, **({"required": required} if required else {})},
    )


def to_bool(value: str) -> bool:
    return value == "yes"


def from_bool(value) -> str | None:
    if value is None:
        return None
    return "yes" if value else "no"


def refuse_rather_than_cut(field: forms.Field) -> None:
    """A browser cuts text at ``maxlength`` without a word; instead the server refuses
    over-long text, saying the limit and how much was typed (everything typed stays on the
    page). Long fields carry their limit for the character count (intake.js)."""
    limit = getattr(field, "max_length", None)
    if not limit:
        return
    field.widget.attrs.pop("maxlength", None)
    message = field.error_messages.get("max_length") or format_lazy(
        _("Use {limit} characters or fewer"), limit=limit
    )
    if "%(show_value)" not in str(message):
        field.error_messages["max_length"] = format_lazy(
            _("{message} (you entered %(show_value)d)"), message=message
        )
    if limit >= COUNTED_TEXT:
        field.widget.attrs["data-character-limit"] = str(limit)
        field.widget.attrs.update(COUNT_WORDS)


# What the character count says (intake.js puts the number for "{n}"), in the patient's
# language; the script falls back to English without them.
COUNT_WORDS = {
    "data-count-remaining-one": _("You have {n} character remaining"),
    "data-count-remaining": _("You have {n} characters remaining"),
    "data-count-over-one": _("You have {n} character too many"),
    "data-count-over": _("You have {n} characters too many"),
}


def one_character_new_lines(data):
    """The posted answers with each new line as one character. A browser sends a new line
    in a text box as two (CR LF) but counts it as one, as the patient does; so does the
    character count (intake.js), and so must the limit."""
    if hasattr(data, "lists"):  # a QueryDict
        tidied = data.copy()
        for key, values in data.lists():
            tidied.setlist(key, [_one_new_line(value) for value in values])
        return tidied
    return {key: _one_new_line(value) for key, value in data.items()}


def _one_new_line(value):
    return value.replace("\r\n", "\n") if isinstance(value, str) else value


@functools.cache
def fields_once(form_class) -> dict:
    """A form class's fields as built with no intake, once per process: the labels and
    choices the summaries read (building a page's form is most of a summary's cost). Read
    only."""
    return form_class().fields


class StepForm(forms.Form):
    """A form for one intake page.

    ``initial_from`` reads the page's values out of the stored answers; ``store`` writes the
    cleaned values back into (copies of) the answers and details. ``intake`` is the intake
    being edited, for questions that depend on earlier answers.
    """

    # Whether the fields (or their initial values) depend on the intake; when not, a summary
    # of the answers reads one copy of the fields per class (``read_back``).
    fields_vary_with_intake = False

    def __init__(self, *args, intake=None, **kwargs):
        self.intake = intake
        super().__init__(*args, **kwargs)
        if self.is_bound:
            self.data = one_character_new_lines(self.data)
        for field in self.fields.values():
            refuse_rather_than_cut(field)

    @classmethod
    def initial_from(cls, answers: dict, details: dict) -> dict:
        return {}

    def store(self, answers: dict, details: dict) -> None:
        raise NotImplementedError

    @classmethod
    def read_back(cls, intake) -> tuple[dict, dict]:
        """(fields, initial): the questions this page asks ``intake``'s patient and their
        stored answers, for the summaries. Read only. A form whose fields vary with the
        intake is built for it, unless it overrides this to say its fields without one."""
        initial = cls.initial_from(intake.answers, intake.details)
        if not cls.fields_vary_with_intake:
            return fields_once(cls), initial
        form = cls(initial=initial, intake=intake)
        return form.fields, form.initial

    @classmethod
    def not_asked(cls, initial: dict) -> set[str]:
        """Fields the patient was not asked, given their answers (left out of summaries)."""
        return set()
