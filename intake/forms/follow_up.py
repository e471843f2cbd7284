"""The follow-up intake's own pages: "Has anything changed?" over a page answered last time,
and the medicine reconciliation ("Still taking it? Same dose?" for each medicine listed last
time).

What the patient said last time is kept on the intake when it is opened
(``details["follow_up"]``, see ``intake.follow_up``); these pages read it there, so the
reconciliation always lists last time's medicines, whatever the patient has changed since.
Each reconciled medicine carries its status in the answers (``reconciled``: unchanged,
changed or new; stopped ones move to ``stopped_medications`` with when they stopped): the
clinical core reads ``medications``, so the evaluation sees the reconciled list only.
"""

import copy
from decimal import Decimal
from types import SimpleNamespace

from django import forms
from django.core.exceptions import ValidationError
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from ..summary import answer_rows, daily_dose_in_words
from .base import YES_NO, StepForm, radio_field
from .medications import (
    HOW_OFTEN,
    MAX_AMOUNT_PER_DOSE,
    MAX_AS_NEEDED_PER_DAY,
    MAX_STRENGTH_MG,
    MedicationForm,
    _as_said,
    _number,
)

# The answers key holding, per page answered last time, "same" or "changed" (None: not yet
# answered); "medications" is there when last time listed a medicine.
SINCE_LAST_TIME = "since_last_time"
STOPPED = "stopped_medications"
# A medicine's reconciliation status, as stored on it (``reconciled``) and exported (FHIR).
UNCHANGED, CHANGED, STOPPED_STATUS, NEW = "unchanged", "changed", "stopped", "new"
RECONCILED = "reconciled"
# What makes a dose: a medicine whose dose fields differ from last time's has changed.
DOSE_KEYS = ("strength_mg", "amount_per_dose", "times_per_day", "as_needed", "max_doses_per_day")
STILL_TAKING = [
    (UNCHANGED, _("Yes, at the same dose")),
    (CHANGED, _("Yes, but the dose has changed")),
    (STOPPED_STATUS, _("No, I have stopped it")),
]


def last_time(details: dict) -> dict:
    """What the patient said last time, as kept when the follow-up was opened."""
    return (details or {}).get("follow_up") or {}


def since_last_time(answers: dict) -> dict:
    return answers.get(SINCE_LAST_TIME) or {}


def dose_of(medication: dict) -> dict:
    return {key: medication.get(key) for key in DOSE_KEYS if medication.get(key) is not None}


# ---- "Has anything changed?" -------------------------------------------------------------
class SinceLastTimeForm(StepForm):
    """One question over one page answered last time: the answers are shown as they were,
    and "yes" opens the usual page (prefilled) next; "no" keeps last time's answers (put back
    if the patient changed them and then said no). ``key``, ``pages`` (the usual ``Step``
    objects) and the keys they store under are set per page by ``since_last_time_form``.

    After "no", the usual pages are not asked, so this page reads their answers back
    (``read_back``): check your answers, the detail and print pages and the FHIR
    QuestionnaireResponse show the answers carried from last time, with their own questions
    (and linkIds)."""

    fields_vary_with_intake = True  # the last answers are shown in the question's hint
    key = ""
    pages: tuple = ()
    answer_keys: tuple[str, ...] = ()
    detail_keys: tuple[str, ...] = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # One name per page ("contact_changed"): two such pages share a section, and each
        # question's linkId is its section's key and its name.
        self.fields[self.field_name()] = radio_field(
            _("Has anything changed since last time?"),
            YES_NO,
            help_text=self._last_answers() if self.intake is not None else "",
            message=_("Select yes if anything has changed since last time"),
        )

    @classmethod
    def field_name(cls) -> str:
        return f"{cls.key}_changed"

    def _last_answers(self):
        kept = last_time(self.intake.details)
        shown = SimpleNamespace(
            public_id=self.intake.public_id,
            answers=kept.get("answers") or {},
            details=kept.get("details") or {},
        )
        rows = [
            (row["label"], row["value"])
            for page in self.pages
            if page.applies(shown.answers)
            for row in answer_rows(shown, page)
        ]
        items = format_html_join("", "<li>{}: {}</li>", rows)
        return format_html('{}<ul class="last-answers">{}</ul>', _("Last time you told us:"), items)

    @classmethod
    def initial_from(cls, answers, details):
        said = since_last_time(answers).get(cls.key)
        return {cls.field_name(): {"changed": "yes", "same": "no"}.get(said)}

    @classmethod
    def read_back(cls, intake) -> tuple[dict, dict]:
        fields, initial = super().read_back(intake)
        if initial.get(cls.field_name()) != "no":
            return fields, initial  # "yes": the usual pages read back their own answers
        fields, initial = dict(fields), dict(initial)
        for page in cls.pages:
            if not page.applies(intake.answers):
                continue
            carried, values = page.form.read_back(intake)
            left_out = page.form.not_asked(values)
            for name, field in carried.items():
                if name not in left_out and name not in fields:
                    fields[name], initial[name] = field, values.get(name)
        return fields, initial

    def store(self, answers, details):
        changed = self.cleaned_data[self.field_name()] == "yes"
        answers[SINCE_LAST_TIME] = {
            **since_last_time(answers),
            self.key: "changed" if changed else "same",
        }
        if changed:
            return
        kept = last_time(details)
        for source, target, keys in (
            (kept.get("answers") or {}, answers, self.answer_keys),
            (kept.get("details") or {}, details, self.detail_keys),
        ):
            for key in keys:
                if key in source:
                    target[key] = source[key]
                else:
                    target.pop(key, None)


def since_last_time_form(key: str, pages, answer_keys=(), detail_keys=()) -> type:
    """The "Has anything changed?" form over ``pages`` (the usual ``Step`` objects), whose
    answers live under ``answer_keys`` and ``detail_keys``; stored under ``key``."""
    return type(
        f"SinceLastTime_{key}",
        (SinceLastTimeForm,),
        {
            "key": key,
            "pages": tuple(pages),
            "answer_keys": tuple(answer_keys),
            "detail_keys": tuple(detail_keys),
            "__module__": __name__,
        },
    )


# ---- the medicine reconciliation ---------------------------------------------------------
def _name(medication: dict) -> str:
    return medication.get("name") or ""


class MedicinesSinceLastTimeForm(StepForm):
    """For each medicine listed last time: still taking it at the same dose, at a new dose
    (asked here: strength, tablets a dose, how often), or stopped (and when). New medicines
    are added on the usual medicine pages next."""

    fields_vary_with_intake = True

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for n, medication in enumerate(self.last_medicines):
            self._add_fields(n, medication)

    @property
    def last_medicines(self) -> list[dict]:
        details = self.intake.details if self.intake is not None else {}
        return list(last_time(details).get("medications") or [])

    def _add_fields(self, n: int, medication: dict) -> None:
        """Each label names the medicine: a page of several reads clearly in a screen
        reader's list of fields, and the error summary says which one."""
        name, dose = _name(medication), daily_dose_in_words(medication)

        def words(text):
            return format_html(text, name=name)

        self.fields[f"m{n}_status"] = radio_field(
            words(_("{name}: still taking it? Same dose?")),
            STILL_TAKING,
            help_text=format_html(_("Last time: {dose}"), dose=dose),
            message=words(_("Select whether you still take {name}")),
        )
        # The new dose is asked with the medicine page's own fields (their digits, bounds and
        # messages), named for this medicine and asked only after "changed".
        self.fields[f"m{n}_strength_mg"] = _asked_again(
            "strength_mg", words(_("New dose of {name}: strength of one tablet, in mg"))
        )
        self.fields[f"m{n}_amount_per_dose"] = _asked_again(
            "amount_per_dose", words(_("New dose of {name}: how many tablets in each dose"))
        )
        self.fields[f"m{n}_how_often"] = forms.ChoiceField(
            label=words(_("New dose of {name}: how often you take it")),
            choices=[("", _("Choose how often")), *HOW_OFTEN],
            required=False,
        )
        self.fields[f"m{n}_max_doses_per_day"] = _asked_again(
            "max_doses_per_day",
            words(_("New dose of {name}, if only when needed: the most doses in one day")),
        )
        self.fields[f"m{n}_stopped_when"] = forms.CharField(
            label=words(_("If you stopped {name}: when did you stop?")),
            help_text=_("For example: 3 weeks ago, or in October"),
            required=False,
            max_length=100,
        )

    @classmethod
    def not_asked(cls, initial: dict) -> set[str]:
        """Per medicine: the new dose only after "changed", when only after "stopped"."""
        skipped = set()
        for name in initial:
            if not name.endswith("_status"):
                continue
            n, status = name[: -len("_status")], initial[name]
            if status != CHANGED:
                skipped |= {f"{n}_{f}" for f in ("strength_mg", "amount_per_dose", "how_often",
                                                 "max_doses_per_day")}  # fmt: skip
            if status != STOPPED_STATUS:
                skipped.add(f"{n}_stopped_when")
        return skipped

    @classmethod
    def initial_from(cls, answers, details):
        initial = {}
        current = [m for m in answers.get("medications") or [] if m.get("last_index") is not None]
        stopped = [m for m in answers.get(STOPPED) or [] if m.get("last_index") is not None]
        for medication in current + stopped:
            n = medication["last_index"]
            initial[f"m{n}_status"] = medication.get(RECONCILED)
            if medication.get(RECONCILED) == CHANGED:
                initial.update(_dose_initial(n, medication))
            if medication.get(RECONCILED) == STOPPED_STATUS:
                initial[f"m{n}_stopped_when"] = medication.get("stopped_when", "")
        for n, medication in enumerate(last_time(details).get("medications") or []):
            if f"m{n}_status" not in initial:
                initial.update(_dose_initial(n, medication), **{f"m{n}_status": None})
        return initial

    def clean(self):
        data = super().clean()
        for n, medication in enumerate(self.last_medicines):
            status = data.get(f"m{n}_status")
            if status == CHANGED:
                self._clean_new_dose(n, medication, data)
            elif status == STOPPED_STATUS and not (data.get(f"m{n}_stopped_when") or "").strip():
                self.add_error(
                    f"m{n}_stopped_when",
                    ValidationError(
                        format_html(_("Enter when you stopped {name}"), name=_name(medication)),
                        code="required",
                    ),
                )
        return data

    def _clean_new_dose(self, n: int, medication: dict, data: dict) -> None:
        def refuse(field: str, message) -> None:
            if f"m{n}_{field}" not in self.errors:
                self.add_error(f"m{n}_{field}", ValidationError(message, code="invalid"))

        strength, amount = data.get(f"m{n}_strength_mg"), data.get(f"m{n}_amount_per_dose")
        if strength is None or not Decimal(0) < strength <= MAX_STRENGTH_MG:
            refuse("strength_mg", _("Enter the new strength in mg, for example 0.5"))
        if amount is None or not Decimal(0) < amount <= MAX_AMOUNT_PER_DOSE:
            refuse("amount_per_dose", _("Enter how many tablets in each dose, for example 1"))
        how_often = data.get(f"m{n}_how_often")
        if not how_often:
            refuse("how_often", _("Select how often you take it now"))
        elif how_often == "as_needed":
            most = data.get(f"m{n}_max_doses_per_day")
            if not most:
                refuse("max_doses_per_day", _("Enter the most doses you take in one day"))
            elif not 1 <= most <= MAX_AS_NEEDED_PER_DAY:
                refuse(
                    "max_doses_per_day",
                    _(
                        "Enter a number from 1 to {most}. If you take more, tell your "
                        "psychiatrist at your visit"
                    ).format(most=MAX_AS_NEEDED_PER_DAY),
                )
        asked = ("strength_mg", "amount_per_dose", "how_often", "max_doses_per_day")
        if any(f"m{n}_{f}" in self.errors for f in asked):
            return
        if dose_of(self._with_new_dose(n, medication, data)) == dose_of(medication):
            refuse(
                "strength_mg",
                _('This is the same dose as last time: choose "Yes, at the same dose", or '
                  "enter the new dose"),
            )  # fmt: skip

    @staticmethod
    def _with_new_dose(n: int, medication: dict, data: dict) -> dict:
        changed = {key: value for key, value in medication.items() if key not in DOSE_KEYS}
        changed["strength_mg"] = float(data[f"m{n}_strength_mg"])
        changed["amount_per_dose"] = _as_said(data[f"m{n}_amount_per_dose"])
        if data[f"m{n}_how_often"] == "as_needed":
            changed.update(as_needed=True, max_doses_per_day=data[f"m{n}_max_doses_per_day"])
        else:
            changed["times_per_day"] = int(data[f"m{n}_how_often"])
        return changed

    def store(self, answers, details):
        data = self.cleaned_data
        current, stopped = [], []
        for n, medication in enumerate(self.last_medicines):
            status = data[f"m{n}_status"]
            if status == STOPPED_STATUS:
                when = data[f"m{n}_stopped_when"].strip()
                stopped.append({**medication, RECONCILED: status, "stopped_when": when,
                                "last_index": n})  # fmt: skip
                continue
            now = self._with_new_dose(n, medication, data) if status == CHANGED else medication
            current.append({**now, RECONCILED: status, "last_index": n})
        added = [m for m in answers.get("medications") or [] if m.get("last_index") is None]
        answers["medications"] = current + added
        answers[STOPPED] = stopped
        answers[SINCE_LAST_TIME] = {**since_last_time(answers), "medications": "reconciled"}


def _asked_again(name: str, label) -> forms.Field:
    """The medicine page's field ``name``, with this page's label, not required (asked only
    after "changed"), with no help text or initial value of its own."""
    field = copy.deepcopy(MedicationForm.base_fields[name])
    field.label, field.required, field.help_text, field.initial = label, False, "", None
    return field


def _dose_initial(n: int, medication: dict) -> dict:
    how_often = (
        "as_needed" if medication.get("as_needed") else str(medication.get("times_per_day", ""))
    )
    strength = medication.get("strength_mg")
    return {
        f"m{n}_strength_mg": _number(strength) if strength is not None else None,
        f"m{n}_amount_per_dose": _number(medication.get("amount_per_dose", 1)),
        f"m{n}_how_often": how_often,
        f"m{n}_max_doses_per_day": medication.get("max_doses_per_day"),
    }


def reconciled_medication(previous: dict | None, medication: dict, *, follow_up: bool) -> dict:
    """A medicine saved on the usual medicine pages, with its reconciliation status: one
    carried from last time keeps it (``changed`` once its dose differs from what it was);
    one added to a follow-up is ``new``."""
    previous = previous or {}
    if previous.get("last_index") is not None:
        status = previous.get(RECONCILED)
        if dose_of(previous) != dose_of(medication):
            status = CHANGED
        return {**medication, RECONCILED: status, "last_index": previous["last_index"]}
    return {**medication, RECONCILED: NEW} if follow_up else medication


def medicines_missing(answers: dict, details: dict) -> list[str]:
    """The medicines from last time not yet reconciled, in words."""
    last = last_time(details).get("medications") or []
    said = {
        m.get("last_index")
        for m in [*(answers.get("medications") or []), *(answers.get(STOPPED) or [])]
    }
    left = sum(1 for n in range(len(last)) if n not in said)
    if not left:
        return []
    words = ngettext(
        "Your medicines since last time: %(count)d to answer",
        "Your medicines since last time: %(count)d to answer",
        left,
    )
    return [words % {"count": left}]
