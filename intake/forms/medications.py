"""Current medicines: one medicine per page, and the "anything else?" question on the list.

A name the catalog matches only after a correction ("klonazepam") is shown back before it
is saved: "Did you mean clonazepam (Klonopin)?", Yes or "No, keep what I typed". The page
comes back with every answer kept and the question beside the name; nothing is saved until
the patient answers it. Each stored medicine keeps the patient's own words (``name``) next
to how they matched (``match``, ``generic``, ``score``) and the answer (``confirmed``).
"""

import unicodedata
from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from education import slugs

from .. import medicine_words
from ..clinical.catalog import AMBIGUOUS
from ..evaluation import medicine_match
from .base import (
    YES_NO,
    InlineSelect,
    StepForm,
    TileSelect,
    from_bool,
    radio_field,
    whole_number_field,
    why,
)

MAX_NAME_LENGTH = 100
MAX_STRENGTH_MG = Decimal("2000")
MAX_AMOUNT_PER_DOSE = Decimal("10")
MAX_AS_NEEDED_PER_DAY = 12
MAX_DURATION = {"weeks": 520, "months": 120, "years": 80}
HOW_OFTEN = [
    ("1", _("Once a day")),
    ("2", _("Twice a day")),
    ("3", _("Three times a day")),
    ("4", _("Four times a day")),
    ("5", _("Five times a day")),
    ("6", _("Six times a day")),
    ("as_needed", _("Only when needed")),
]
TAKING = [
    ("as_prescribed", _("As prescribed or as the label says")),
    ("more", _("More than prescribed")),
    ("less", _("Less than prescribed")),
]
PRESCRIBED = [
    ("yes", _("Yes, it was prescribed for me")),
    ("no", _("No, for example from a friend, family member or bought without a prescription")),
]
DURATION_UNITS = [("weeks", _("Weeks")), ("months", _("Months")), ("years", _("Years"))]
# One medicine is asked over two pages, each with one purpose: what the patient takes (the
# dose), then how they take it. The second page carries the first page's answers as hidden
# fields, so it is saved whole even when another tab has changed the kept draft meanwhile.
WHAT_YOU_TAKE = (
    "name",
    "confirm_match",
    "match_for",
    "strength_mg",
    "amount_per_dose",
    "how_often",
    "max_doses_per_day",
)
HOW_YOU_TAKE = ("duration", "duration_unit", "taking", "prescribed", "prescriber")


def tidy_name(value) -> str:
    """NFKC (a phone keyboard's full-width letters are the same name as plain ones) and
    single spaces."""
    return " ".join(unicodedata.normalize("NFKC", str(value or "")).split())


def _number(value: float):
    """Show 1.0 as 1 and 0.50 as 0.5 when a form is filled from stored answers."""
    value = Decimal(str(value)).normalize()
    return value.quantize(Decimal(1)) if value == value.to_integral() else value


def _as_said(value: Decimal) -> int | float:
    """3 as 3 and 1.5 as 1.5, as stored answers hold numbers."""
    return int(value) if value == value.to_integral_value() else float(value)


def _duration_of(medication: dict) -> tuple:
    """The number and unit the patient gave; a medicine saved before units were kept has
    only its weeks."""
    if medication.get("duration_unit"):
        return _number(medication.get("duration", 0)), medication["duration_unit"]
    weeks = medication.get("weeks_taking", 0)
    if weeks >= 104 and weeks % 52 == 0:
        return weeks // 52, "years"
    return weeks, "weeks"


class MedicationForm(StepForm):
    """One medicine. ``part`` is the page: "what" (``WHAT_YOU_TAKE`` only), "how" (every
    field, those of "what" hidden, as carried from the first page) or None (the whole
    medicine on one form, as a summary or a replayed page reads it)."""

    fields_vary_with_intake = True  # the "Did you mean ...?" question
    name = forms.CharField(
        label=_("Name of the medicine"),
        max_length=MAX_NAME_LENGTH,
        help_text=why(
            _(
                "write it as on the label, for example Klonopin. We check it against our list, "
                "brand names included."
            )
        ),
        error_messages={
            "required": _("Enter the name of the medicine"),
            "max_length": _("Use 100 characters or fewer for the name"),
        },
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
    # Asked only for a corrected name (see ``__init__``); its label is the question.
    confirm_match = forms.ChoiceField(
        label=_("Did you mean this medicine?"),
        choices=YES_NO,
        widget=forms.RadioSelect,
        required=False,
    )
    # The name the question was asked about: a "yes" never carries over to a new name.
    match_for = forms.CharField(required=False, widget=forms.HiddenInput)
    strength_mg = forms.DecimalField(
        label=_("Strength of one tablet or capsule, in mg"),
        help_text=why(
            _("it is on the label, for example 0.5."),
            slugs.DOSE_RANGE,
            _("Clonazepam: where 1 mg sits in the dose range"),
        ),
        max_digits=9,
        decimal_places=3,
        widget=forms.TextInput(attrs={"inputmode": "decimal"}),
        error_messages={
            "required": _("Enter the strength in mg, for example 0.5"),
            "invalid": _("Enter the strength as a number, for example 0.5"),
            "max_digits": _("Enter the strength as a number, for example 0.5"),
            "max_decimal_places": _("Enter the strength with no more than 3 decimal places"),
            "max_whole_digits": format_lazy(
                _("The strength must be {most} mg or less"), most=MAX_STRENGTH_MG
            ),
        },
    )
    amount_per_dose = forms.DecimalField(
        label=_("How many tablets or capsules in each dose"),
        initial=1,
        max_digits=6,
        decimal_places=2,
        help_text=why(_("for example 1, or 0.5 for half a tablet.")),
        widget=forms.TextInput(attrs={"inputmode": "decimal"}),
        error_messages={
            "required": _("Enter how many tablets you take in each dose, for example 1"),
            "invalid": _("Enter how many tablets as a number, for example 1 or 0.5"),
            "max_digits": _("Enter how many tablets as a number, for example 1 or 0.5"),
            "max_decimal_places": _("Enter how many tablets with no more than 2 decimal places"),
            "max_whole_digits": format_lazy(
                _("Each dose must be {most} tablets or fewer"), most=MAX_AMOUNT_PER_DOSE
            ),
        },
    )
    how_often = radio_field(
        _("How often do you take it?"),
        HOW_OFTEN,
        help_text=why(
            _("once a day and split doses suit different needs."),
            slugs.ONCE_OR_DIVIDED,
            _("Once a day or split into doses"),
        ),
        message=_("Select how often"),
        widget=TileSelect,
    )
    max_doses_per_day = whole_number_field(
        _("If only when needed: the most doses you take in one day"),
        help_text=why(_("this tells your psychiatrist the most you might take in a day.")),
        invalid=_("Enter the most doses in a day as a whole number, like 2"),
    )
    # "1.5 years" is how people say it: kept as said (the clinical core counts the weeks).
    duration = forms.DecimalField(
        label=_("How long have you been taking it?"),
        help_text=why(
            _("after a few weeks of daily use the body can get used to some medicines."),
            slugs.STOPPING_SAFELY,
            _("Tolerance, dependence and stopping safely"),
        ),
        max_digits=6,
        decimal_places=2,
        widget=forms.TextInput(attrs={"inputmode": "decimal"}),
        error_messages={
            "required": _("Enter how long you have been taking it, for example 3"),
            "invalid": _("Enter how long as a number, for example 3 or 1.5"),
            "max_digits": _("Enter how long as a number, for example 3 or 1.5"),
            "max_decimal_places": _(
                "Enter how long with no more than 2 decimal places, for example 1.5, or in months"
            ),
            "max_whole_digits": _("Enter how long as a number, for example 3 or 1.5"),
        },
    )
    duration_unit = radio_field(
        _("Is that weeks, months or years?"),
        DURATION_UNITS,
        widget=InlineSelect,
        message=_("Select whether that is weeks, months or years"),
    )
    taking = radio_field(
        _("How are you taking it?"),
        TAKING,
        help_text=why(
            _(
                "many people adjust their doses. Knowing what you really take keeps you safe. "
                "There is no judgement here."
            )
        ),
        message=_("Select how you are taking it"),
    )
    prescribed = radio_field(
        _("Was it prescribed for you?"),
        PRESCRIBED,
        help_text=why(_("a medicine from someone else may not be what its label says.")),
        message=_("Select whether it was prescribed for you"),
    )
    prescriber = forms.CharField(
        label=_("Who prescribes it? (optional)"),
        required=False,
        max_length=100,
        help_text=why(
            _("the name of your doctor or clinic: your psychiatrist may need to talk with them.")
        ),
        error_messages={"max_length": _("Use 100 characters or fewer")},
    )

    def __init__(self, *args, part: str | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.part = part
        self._ask_if_unsure()
        if part == "what":
            for name in HOW_YOU_TAKE:
                del self.fields[name]
        elif part == "how":
            for name in WHAT_YOU_TAKE:
                if name in self.fields:
                    self.fields[name].widget = forms.HiddenInput()

    @property
    def medicine_name(self) -> str:
        """The name as the patient typed it (tidied), for the second page's heading."""
        return tidy_name(self.data.get("name") if self.is_bound else self.initial.get("name"))

    @property
    def what_you_take_is_complete(self) -> bool:
        """Whether the first page's answers are all valid and no question on it is waiting
        for an answer (for the second page: else the patient goes back to the first)."""
        return not self.awaiting_confirmation and not any(
            name in self.errors for name in WHAT_YOU_TAKE
        )

    def _ask_if_unsure(self) -> None:
        typed = tidy_name(self.data.get("name") if self.is_bound else self.initial.get("name"))
        # (A name the form will refuse is not matched: an over-long one costs time for nothing.)
        named = any(c.isalnum() for c in typed) and len(typed) <= MAX_NAME_LENGTH
        self.found = medicine_match(typed) if named else None
        # True when the page must come back to ask "Did you mean ...?" first.
        self.awaiting_confirmation = False
        # The one rule: ask whenever the name is not a catalog name, brand or listed other
        # name and there is a drug to offer (``MedicineMatch.asks``).
        if self.found is None or not self.found.asks:
            del self.fields["confirm_match"], self.fields["match_for"]
            return
        self._ask(typed)

    def _ask(self, typed: str) -> None:
        field = self.fields["confirm_match"]
        keep = ("no", _("No, keep what I typed: \u2018{typed}\u2019").format(typed=typed))
        if self.found.kind == AMBIGUOUS:
            offered = [(g, medicine_match(g).display_name or g) for g in self.found.candidates]
            names = _(" or ").join(name for _generic, name in offered)
            field.label = _("Did you mean {names}?").format(names=names)
            field.choices = [(g, _("Yes, {name}").format(name=name)) for g, name in offered]
            field.choices += [keep]
            field.help_text = _(
                "The name is close to more than one medicine we know. If you take more than "
                "one of them, keep what you typed and add each one as its own medicine."
            )
            field.error_messages["required"] = _(
                "Select the medicine you meant, or no to keep what you typed"
            )
        else:
            field.label = _("Did you mean {names}?").format(names=self.found.display_name)
            field.choices = [("yes", _("Yes, {name}").format(name=self.found.display_name)), keep]
            field.help_text = _(
                "We did not find this exact name in our list, but it is close to one we know. "
                "Your answer decides which questions we ask you next."
            )
            field.error_messages["required"] = _(
                "Select yes if you meant {name}, or no to keep what you typed"
            ).format(name=self.found.generic)
        if not self.is_bound:
            self.initial.setdefault("match_for", typed)
            if self.initial.get("confirmed_generic") != self.found.generic:
                self.initial.pop("confirm_match", None)  # an answer about another drug
        elif tidy_name(self.data.get("match_for")) != typed:
            # A new or changed name: ask afresh, with no answer chosen for it yet.
            self.data = self.data.copy()
            self.data["match_for"] = typed
            self.data.pop("confirm_match", None)
            self.awaiting_confirmation = True
        # Once the patient has seen the question, it must be answered.
        field.required = not self.awaiting_confirmation

    def clean_name(self):
        name = tidy_name(self.cleaned_data["name"])
        # Invisible characters alone (a zero-width space) would list a medicine with no name.
        if not any(character.isalnum() for character in name):
            raise ValidationError(_("Enter the name of the medicine"), code="required")
        if len(name) > MAX_NAME_LENGTH:  # NFKC can lengthen a name (one symbol, many letters)
            raise ValidationError(
                _("Use {limit} characters or fewer for the name").format(limit=MAX_NAME_LENGTH),
                code="max_length",
            )
        return name

    def clean_strength_mg(self):
        value = self.cleaned_data["strength_mg"]
        if value <= 0:
            raise ValidationError(_("The strength must be more than 0 mg"), code="not_positive")
        if value > MAX_STRENGTH_MG:
            raise ValidationError(
                _("The strength must be {most} mg or less. Check the label").format(
                    most=MAX_STRENGTH_MG
                ),
                code="too_big",
            )
        return value

    def clean_amount_per_dose(self):
        value = self.cleaned_data["amount_per_dose"]
        if value <= 0:
            raise ValidationError(_("Each dose must be more than 0 tablets"), code="not_positive")
        if value > MAX_AMOUNT_PER_DOSE:
            raise ValidationError(
                _("Each dose must be {most} tablets or fewer").format(most=MAX_AMOUNT_PER_DOSE),
                code="too_big",
            )
        return value

    def clean_max_doses_per_day(self):
        value = self.cleaned_data.get("max_doses_per_day")
        if value is not None and not 1 <= value <= MAX_AS_NEEDED_PER_DAY:
            raise ValidationError(
                _(
                    "Enter a number from 1 to {most}. If you take more, tell your "
                    "psychiatrist at your visit"
                ).format(most=MAX_AS_NEEDED_PER_DAY),
                code="out_of_range",
            )
        return value

    def clean_duration(self):
        value = self.cleaned_data["duration"]
        if value < 0:
            raise ValidationError(_("How long must be 0 or more"), code="negative")
        return value

    def clean(self):
        data = super().clean()
        as_needed = data.get("how_often") == "as_needed"
        if (
            as_needed
            and data.get("max_doses_per_day") is None
            and "max_doses_per_day" not in self.errors
        ):
            self.add_error(
                "max_doses_per_day", _("Enter the most doses you take in one day, for example 2")
            )
        unit, duration = data.get("duration_unit"), data.get("duration")
        if unit and duration is not None and duration > MAX_DURATION[unit]:
            most = {
                "weeks": _("Enter {most} weeks or fewer"),
                "months": _("Enter {most} months or fewer"),
                "years": _("Enter {most} years or fewer"),
            }[unit]
            self.add_error("duration", most.format(most=MAX_DURATION[unit]))
        return data

    @classmethod
    def initial_from(cls, medication: dict) -> dict:
        if not medication:
            return {}
        duration, unit = _duration_of(medication)
        return {
            "name": medication.get("name"),
            "strength_mg": _number(medication["strength_mg"]),
            "amount_per_dose": _number(medication.get("amount_per_dose", 1)),
            "how_often": "as_needed"
            if medication.get("as_needed")
            else str(medication.get("times_per_day", "")),
            "max_doses_per_day": medication.get("max_doses_per_day"),
            "duration": duration,
            "duration_unit": unit,
            "taking": medication.get("taking", "as_prescribed"),
            "prescribed": "yes" if medication.get("prescribed", True) else "no",
            "prescriber": medication.get("prescriber", ""),
            "confirm_match": medication.get("chosen") or from_bool(medication.get("confirmed")),
            "confirmed_generic": medication.get("generic"),
            "match_for": medication.get("name"),
        }

    def medication(self) -> dict:
        """The medicine in the case format (plus the prescriber, which the case allows)."""
        data = self.cleaned_data
        result = {
            "name": data["name"],
            "strength_mg": float(data["strength_mg"]),
            "amount_per_dose": float(data["amount_per_dose"]),
        }
        if data["how_often"] == "as_needed":
            result.update(as_needed=True, max_doses_per_day=data["max_doses_per_day"])
        else:
            result["times_per_day"] = int(data["how_often"])
        result.update(
            taking=data["taking"],
            prescribed=data["prescribed"] == "yes",
            # As the patient said it; the clinical core works out the weeks exactly.
            duration=_as_said(data["duration"]),
            duration_unit=data["duration_unit"],
        )
        if data["prescriber"].strip():
            result["prescriber"] = data["prescriber"].strip()
        return {**result, **self._match_record()}

    def _match_record(self) -> dict:
        """How the name matched, kept next to the patient's own words."""
        found = self.found
        record = {"match": found.kind}
        if found.generic:
            record["generic"] = found.generic
        if found.score is not None:
            record["score"] = found.score
        if found.candidates:
            record["candidates"] = list(found.candidates)
        answer = self.cleaned_data.get("confirm_match")
        if found.needs_confirmation:
            record["confirmed"] = answer == "yes"
        elif found.asks:  # an ambiguous name: the candidate picked, or kept as typed
            record["confirmed"] = answer in found.candidates
            if record["confirmed"]:
                record["chosen"] = answer
        return record

    @property
    def confirm_question(self) -> str:
        """ "Did you mean clonazepam (Klonopin)?" in the patient's language ("" when not asked)."""
        field = self.fields.get("confirm_match")
        return str(field.label) if field is not None else ""

    @property
    def read_back(self) -> str:
        """What the typed name was matched to, in words for the patient, whether it was
        asked about or not ("We read ‘Xanex’ as alprazolam (Xanax)."); "" before a name."""
        if self.found is None:
            return ""
        answer = (self.data if self.is_bound else self.initial).get("confirm_match")
        return medicine_words.read_back(self.found, answer)


class MedicationsDoneForm(StepForm):
    """The list page's question: is there another medicine to add?"""

    fields_vary_with_intake = True  # the question asked before any medicine

    add_another = radio_field(
        _("Do you take any other medicines?"),
        YES_NO,
        help_text=why(
            _(
                "include medicines bought without a prescription and ones you take only when "
                "needed: some are risky together, such as opioids with benzodiazepines."
            ),
            slugs.ALCOHOL_OPIOIDS_SEDATIVES,
            _("Alcohol, opioids and other sedatives"),
        ),
        message=_("Select yes if you take any other medicines"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.intake is not None and not self.intake.answers.get("medications"):
            self.fields["add_another"].label = _(
                "Do you take any medicines, including ones you take only when needed?"
            )
            self.fields["add_another"].error_messages["required"] = _(
                "Select yes if you take any medicines"
            )

    def store(self, answers, details):
        answers.setdefault("medications", [])
        details["medications_confirmed"] = self.cleaned_data["add_another"] == "no"
