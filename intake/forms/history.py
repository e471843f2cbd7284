"""Health conditions that change sedative safety, psychiatric history, and the pharmacy.

Health conditions are case-format answers (``answers["health"]``, booleans the rules read);
the allergy details, the psychiatric history and the pharmacy are for the psychiatrist to
read and are not part of the case (the clinical core never sees them). The pharmacy is
contact information, so it is kept with the contact details (``details``).
"""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from education import slugs
from intake.answers import (
    HEALTH_KEYS,
    PAST_MEDICINE_ROWS,
    PAST_MEDICINES_GATE,
    asks_past_medicines,
)

from .base import (
    StepForm,
    from_bool,
    limit_message,
    lower_first,
    radio_field,
    to_bool,
    whole_number_field,
    why,
    yes_no_field,
)
from .contact import phone_display, phone_e164

HEALTH_LABELS = {
    "sleep_apnoea": _("Do you have sleep apnoea?"),
    "lung_disease": _("Do you have COPD, emphysema or another lung disease?"),
    "liver_disease": _("Do you have liver disease, such as cirrhosis or hepatitis?"),
    "kidney_disease": _("Do you have kidney disease?"),
    "falls_past_year": _("Have you fallen in the past year?"),
    "seizures": _("Have you ever had a seizure or fit?"),
    "head_injury": _("Have you ever had a serious head injury or concussion?"),
    "medicine_allergies": _("Are you allergic to any medicines?"),
}
DIAGNOSES = [
    ("depression", _("Depression")),
    ("bipolar", _("Bipolar disorder")),
    ("anxiety", _("Generalised anxiety disorder")),
    ("panic", _("Panic disorder")),
    ("ptsd", _("Post-traumatic stress disorder (PTSD)")),
    ("ocd", _("Obsessive-compulsive disorder (OCD)")),
    ("adhd", _("ADHD")),
    ("psychosis", _("Schizophrenia or another psychotic illness")),
    ("eating", _("An eating disorder")),
    ("substance_use", _("A substance use disorder")),
]
HELPED = [("yes", _("Yes")), ("some", _("A little")), ("no", _("No"))]
SHORT_TEXT = 200
MAX_HOSPITAL_STAYS = 99
HISTORY = "psych_history"


def _text(label: str, limit: int = SHORT_TEXT, help_text: str = "", **attrs) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=False,
        max_length=limit,
        help_text=help_text,
        widget=forms.TextInput(attrs=attrs),
        error_messages={"max_length": limit_message(limit)},
    )


def _require(form, name: str, message: str) -> None:
    if not form.cleaned_data.get(name) and name not in form.errors:
        form.add_error(name, ValidationError(message, code="required"))


class HealthForm(StepForm):
    allergy_details = forms.CharField(
        label=_("Which medicines, and what happened? (if you are allergic)"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For example: penicillin, a rash."),
        error_messages={"max_length": limit_message(500)},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for key in HEALTH_KEYS:
            self.fields[key] = yes_no_field(HEALTH_LABELS[key])
            question = lower_first(HEALTH_LABELS[key]).strip("¿?")
            self.fields[key].error_messages["required"] = _("Select yes or no: {}").format(question)
        self.fields["sleep_apnoea"].help_text = why(
            _("calming medicines can slow breathing, more so with sleep apnoea or lung disease."),
            slugs.WHAT_CHANGES_DOSE,
            _("What changes the right dose"),
        )
        self.fields["liver_disease"].help_text = why(
            _("the liver clears most calming medicines; liver disease can make them build up.")
        )
        self.fields["falls_past_year"].help_text = why(
            _("falls, seizures and head injuries change which medicines are safest.")
        )
        self.order_fields([*HEALTH_KEYS, "allergy_details"])

    def clean(self):
        data = super().clean()
        if data.get("medicine_allergies") == "yes":
            _require(self, "allergy_details", _("Enter which medicines you are allergic to"))
        return data

    @classmethod
    def initial_from(cls, answers, details):
        stored = answers.get("health") or {}
        initial = {key: from_bool(stored.get(key)) for key in HEALTH_KEYS}
        initial["allergy_details"] = answers.get("allergy_details", "")
        return initial

    def store(self, answers, details):
        data = self.cleaned_data
        answers["health"] = {key: to_bool(data[key]) for key in HEALTH_KEYS}
        if answers["health"]["medicine_allergies"]:
            answers["allergy_details"] = data["allergy_details"]
        else:
            answers.pop("allergy_details", None)


class PsychHistoryForm(StepForm):
    """Past diagnoses, hospital stays, a therapist now, and whether the patient has taken
    other medicines for mood or anxiety (the gate for the past medicines page)."""

    diagnoses = forms.MultipleChoiceField(
        label=_("Has a doctor or therapist ever told you that you have any of these? (optional)"),
        choices=DIAGNOSES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=why(_("past diagnoses help your psychiatrist choose the safest treatment.")),
    )
    diagnoses_other = _text(_("Any other diagnosis (optional)"))
    hospital_stays = whole_number_field(
        _("How many times have you stayed in hospital for your mental health?"),
        help_text=_("Enter 0 if never."),
        required=_("Enter how many hospital stays for your mental health, or 0"),
        invalid=_("Enter the number of hospital stays as a whole number, like 1"),
    )
    last_hospital_stay = _text(
        _("When was the last stay, and what was it for? (if you have stayed)"),
        help_text=_("For example: March 2019, for depression."),
    )
    therapist = yes_no_field(_("Do you see a therapist or counsellor now?"))
    therapist_name = _text(_("Their name and where they work (optional)"))
    took_past_medicines = yes_no_field(
        _("Have you taken other medicines for mood or anxiety in the past? (optional)"),
        help_text=why(_("what helped before, and what did not, guides what to try next.")),
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Answers saved before this question was asked: past medicines listed mean "yes".
        stored = ((self.intake.answers if self.intake else None) or {}).get(HISTORY) or {}
        earlier = PAST_MEDICINES_GATE not in stored and stored.get("past_medicines")
        if earlier and not self.is_bound and not self.initial.get(PAST_MEDICINES_GATE):
            self.initial[PAST_MEDICINES_GATE] = "yes"

    def clean_hospital_stays(self):
        value = self.cleaned_data["hospital_stays"]
        if not 0 <= value <= MAX_HOSPITAL_STAYS:
            raise ValidationError(
                _("Enter a number from 0 to {most}").format(most=MAX_HOSPITAL_STAYS),
                code="out_of_range",
            )
        return value

    def clean(self):
        data = super().clean()
        if (data.get("hospital_stays") or 0) > 0:
            _require(self, "last_hospital_stay", _("Enter when your last hospital stay was"))
        return data

    @classmethod
    def initial_from(cls, answers, details):
        stored = answers.get(HISTORY) or {}
        return {
            "diagnoses": stored.get("diagnoses") or [],
            "diagnoses_other": stored.get("diagnoses_other", ""),
            "hospital_stays": stored.get("hospital_stays"),
            "last_hospital_stay": stored.get("last_hospital_stay", ""),
            "therapist": from_bool(stored.get("therapist")),
            "therapist_name": stored.get("therapist_name", ""),
            PAST_MEDICINES_GATE: from_bool(stored.get(PAST_MEDICINES_GATE)),
        }

    def store(self, answers, details):
        data = self.cleaned_data
        took = {"yes": True, "no": False}.get(data[PAST_MEDICINES_GATE])
        before = answers.get(HISTORY) or {}
        history = {
            "diagnoses": data["diagnoses"],
            "diagnoses_other": data["diagnoses_other"],
            "hospital_stays": data["hospital_stays"],
            "last_hospital_stay": data["last_hospital_stay"] if data["hospital_stays"] else "",
            "therapist": to_bool(data["therapist"]),
            "therapist_name": data["therapist_name"] if data["therapist"] == "yes" else "",
            PAST_MEDICINES_GATE: took,
        }
        # The past medicines are their own page, asked only after "yes": those given kept
        # for "yes" again, none after "no" or no answer.
        if not took:
            history["past_medicines"] = []
        elif asks_past_medicines(answers) and "past_medicines" in before:
            history["past_medicines"] = before["past_medicines"]
        answers[HISTORY] = history


class PastMedicinesForm(StepForm):
    """Up to ``PAST_MEDICINE_ROWS`` past medicines for mood or anxiety: whether each helped
    is asked only of a named medicine."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for n in range(1, PAST_MEDICINE_ROWS + 1):
            self.fields[f"past_medicine_{n}"] = _text(
                format_lazy(_("Past medicine {n} for mood or anxiety: name (optional)"), n=n),
                limit=120,
            )
            self.fields[f"past_medicine_{n}_helped"] = radio_field(
                format_lazy(_("Did past medicine {n} help?"), n=n),
                HELPED,
                required=False,
                message=_("Select whether it helped"),
            )
            self.fields[f"past_medicine_{n}_stopped"] = _text(
                format_lazy(_("Why did you stop past medicine {n}? (optional)"), n=n)
            )

    def clean(self):
        data = super().clean()
        for n in range(1, PAST_MEDICINE_ROWS + 1):
            if data.get(f"past_medicine_{n}"):
                message = _("Select whether medicine {n} helped").format(n=n)
                _require(self, f"past_medicine_{n}_helped", message)
            elif data.get(f"past_medicine_{n}_helped") or data.get(f"past_medicine_{n}_stopped"):
                message = _("Enter the name of past medicine {n}").format(n=n)
                _require(self, f"past_medicine_{n}", message)
        return data

    @classmethod
    def initial_from(cls, answers, details):
        stored = answers.get(HISTORY) or {}
        initial = {}
        for n, row in enumerate(stored.get("past_medicines") or [], start=1):
            initial[f"past_medicine_{n}"] = row.get("name", "")
            initial[f"past_medicine_{n}_helped"] = row.get("helped")
            initial[f"past_medicine_{n}_stopped"] = row.get("why_stopped", "")
        return initial

    def store(self, answers, details):
        data = self.cleaned_data
        rows = [
            {
                "name": data[f"past_medicine_{n}"],
                "helped": data[f"past_medicine_{n}_helped"],
                "why_stopped": data[f"past_medicine_{n}_stopped"],
            }
            for n in range(1, PAST_MEDICINE_ROWS + 1)
            if data[f"past_medicine_{n}"]
        ]
        answers[HISTORY] = {**(answers.get(HISTORY) or {}), "past_medicines": rows}


class PharmacyForm(StepForm):
    has_pharmacy = yes_no_field(
        _("Do you have a pharmacy you would like prescriptions sent to?"),
        help_text=why(_("your psychiatrist sends any prescription straight to your pharmacy.")),
    )
    pharmacy_name = _text(_("Pharmacy name"), limit=120, autocomplete="organization")
    pharmacy_phone = forms.CharField(
        label=_("Pharmacy phone number (optional)"),
        required=False,
        max_length=40,
        widget=forms.TextInput(attrs={"type": "tel", "inputmode": "tel"}),
        error_messages={
            "max_length": _("Enter the phone number in digits, for example 202-555-0143")
        },
    )
    pharmacy_town = _text(_("Town or city of the pharmacy"), limit=120)

    def clean_pharmacy_phone(self):
        raw = self.cleaned_data["pharmacy_phone"].strip()
        return phone_e164(raw, what=_("pharmacy's phone number")) if raw else ""

    def clean(self):
        data = super().clean()
        if data.get("has_pharmacy") == "yes":
            _require(self, "pharmacy_name", _("Enter the pharmacy's name"))
            _require(self, "pharmacy_town", _("Enter the town or city of the pharmacy"))
        return data

    @classmethod
    def initial_from(cls, answers, details):
        pharmacy = details.get("pharmacy")
        if pharmacy is None:
            return {}
        return {
            "has_pharmacy": "yes" if pharmacy else "no",
            "pharmacy_name": pharmacy.get("name", ""),
            "pharmacy_phone": phone_display(pharmacy.get("phone")),
            "pharmacy_town": pharmacy.get("town", ""),
        }

    def store(self, answers, details):
        data = self.cleaned_data
        if data["has_pharmacy"] != "yes":
            details["pharmacy"] = {}
            return
        details["pharmacy"] = {
            "name": data["pharmacy_name"],
            "phone": data["pharmacy_phone"],
            "town": data["pharmacy_town"],
        }


__all__ = ["HealthForm", "PastMedicinesForm", "PharmacyForm", "PsychHistoryForm"]
