"""Side effects, anxiety and mood (GAD-7, panic attacks, PHQ-9) and safety (C-SSRS screener)."""

import functools

from django import forms
from django.core.exceptions import ValidationError
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from education import slugs
from intake.answers import SIDE_EFFECT_KEYS, cssrs_follow_ups

from . import instruments as inst
from .base import (
    StepForm,
    TileSelect,
    from_bool,
    lower_first,
    radio_field,
    to_bool,
    whole_number_field,
    why,
    yes_no_field,
)

BOTHER = [
    ("none", _("Not at all")),
    ("mild", _("A little")),
    ("moderate", _("Quite a lot")),
    ("severe", _("Very much")),
]
SIDE_EFFECT_LABELS = {
    "drowsiness": _("Feeling drowsy or sleepy in the day"),
    "brain_fog": _("Brain fog: finding it hard to think clearly"),
    "coordination": _("Feeling unsteady or clumsy"),
    "memory": _("Forgetting things more than usual"),
    "fatigue": _("Feeling tired or low on energy"),
    "confusion": _("Feeling confused"),
    "over_medicated": _("Feeling over-medicated or 'spaced out'"),
    "breakthrough_anxiety": _("Anxiety coming back before your next dose is due"),
}
MAX_PANIC_ATTACKS_PER_WEEK = 100


class SideEffectsForm(StepForm):
    """How much each possible side effect bothers the patient (the page's heading asks it;
    each question is named by the side effect alone). Falls and driving are the next page."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for key in SIDE_EFFECT_KEYS:
            self.fields[key] = radio_field(
                SIDE_EFFECT_LABELS[key],
                BOTHER,
                widget=TileSelect,
                message=format_lazy(
                    _("Select how much this bothers you: {}"),
                    lower_first(SIDE_EFFECT_LABELS[key]),
                ),
            )

    @classmethod
    def initial_from(cls, answers, details):
        stored = answers.get("side_effects") or {}
        return {key: stored.get(key) for key in SIDE_EFFECT_KEYS}

    def store(self, answers, details):
        effects = dict(answers.get("side_effects") or {})
        effects.update({key: self.cleaned_data[key] for key in SIDE_EFFECT_KEYS})
        answers["side_effects"] = effects


class FallsDrivingForm(StepForm):
    """Falls and driving: kept with the side effects (``answers["side_effects"]``), which the
    sedation and benzodiazepine rules read together."""

    falls = yes_no_field(
        _("Have you fallen in the past 3 months?"),
        # (The page says why it asks both questions; the hints add what it does not.)
        help_text=why(
            _("a fall counts even without an injury. Falls are more likely after 65."),
            slugs.SIDE_EFFECTS_SAFETY,
            _("Side effects, driving, falls and memory"),
        ),
    )
    driving = yes_no_field(
        _("Do you drive a car or other vehicle?"),
        help_text=why(_("answer yes even if you drive only sometimes.")),
    )

    @classmethod
    def initial_from(cls, answers, details):
        stored = answers.get("side_effects") or {}
        return {
            "falls": from_bool(stored.get("falls")),
            "driving": from_bool(stored.get("driving")),
        }

    def store(self, answers, details):
        effects = dict(answers.get("side_effects") or {})
        data = self.cleaned_data
        effects.update(falls=to_bool(data["falls"]), driving=to_bool(data["driving"]))
        answers["side_effects"] = effects


class AnxietyForm(StepForm):
    panic_attacks_per_week = whole_number_field(
        _("In a usual week, how many panic attacks do you have?"),
        help_text=why(
            _("it shows how well your current treatment is working. Enter 0 if none."),
            slugs.WHAT_TO_EXPECT,
            _("What to expect and when"),
        ),
        required=_("Enter how many panic attacks you have in a usual week, or 0"),
        invalid=_("Enter the number of panic attacks as a whole number, like 2"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        inst.add_list_fields(self, "gad_7")
        self.order_fields([*(f"gad_7_{n}" for n in range(1, 8)), "panic_attacks_per_week"])

    def clean_panic_attacks_per_week(self):
        value = self.cleaned_data["panic_attacks_per_week"]
        if not 0 <= value <= MAX_PANIC_ATTACKS_PER_WEEK:
            raise ValidationError(
                _("Enter a number from 0 to {most}").format(most=MAX_PANIC_ATTACKS_PER_WEEK),
                code="out_of_range",
            )
        return value

    @classmethod
    def initial_from(cls, answers, details):
        initial = inst.list_initial("gad_7", answers.get("gad_7"))
        initial["panic_attacks_per_week"] = answers.get("panic_attacks_per_week")
        return initial

    def store(self, answers, details):
        answers["gad_7"] = inst.list_answers(self, "gad_7")
        answers["panic_attacks_per_week"] = self.cleaned_data["panic_attacks_per_week"]


class MoodForm(StepForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        inst.add_list_fields(
            self,
            "phq_9",
            {
                "9": why(
                    _("if you have these thoughts, your care team wants to help you soon."),
                    slugs.GETTING_HELP_NOW,
                    _("Getting help now"),
                ),
            },
        )

    @classmethod
    def initial_from(cls, answers, details):
        return inst.list_initial("phq_9", answers.get("phq_9"))

    def store(self, answers, details):
        answers["phq_9"] = inst.list_answers(self, "phq_9")


def _cssrs_field(item_id: str, help_text: str = "") -> forms.ChoiceField:
    return inst.item_field("cssrs", inst.cssrs_index(item_id), help_text)


class SafetyForm(StepForm):
    """The C-SSRS screener's questions 1, 2 and 6; the follow-ups are on the next page."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["q1"] = _cssrs_field("q1")
        self.fields["q2"] = _cssrs_field("q2")
        self.fields["q6"] = _cssrs_field("q6")

    @classmethod
    def initial_from(cls, answers, details):
        stored = answers.get("cssrs") or {}
        return {key: from_bool(stored.get(key)) for key in ("q1", "q2", "q6")}

    def store(self, answers, details):
        cssrs = dict(answers.get("cssrs") or {})
        cssrs.update({key: to_bool(self.cleaned_data[key]) for key in ("q1", "q2", "q6")})
        # The screener's skip logic: follow-ups stay only while the answer that asks them does.
        if not cssrs["q2"]:
            for key in ("q3", "q4", "q5"):
                cssrs.pop(key, None)
        if not cssrs["q6"]:
            cssrs.pop("q6_past_3_months", None)
        answers["cssrs"] = cssrs


# One copy of each follow-up question per process, for the summaries (read only).
_follow_up_read_only = functools.cache(_cssrs_field)


class SafetyMoreForm(StepForm):
    fields_vary_with_intake = True  # the follow-up questions the answers call for

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        answers = self.intake.answers if self.intake is not None else {}
        for key in cssrs_follow_ups(answers):
            self.fields[key] = _cssrs_field(key)

    @classmethod
    def initial_from(cls, answers, details):
        stored = answers.get("cssrs") or {}
        return {key: from_bool(stored.get(key)) for key in cssrs_follow_ups(answers)}

    @classmethod
    def read_back(cls, intake):
        follow_ups = cssrs_follow_ups(intake.answers)
        fields = {key: _follow_up_read_only(key) for key in follow_ups}
        return fields, cls.initial_from(intake.answers, intake.details)

    def store(self, answers, details):
        cssrs = dict(answers.get("cssrs") or {})
        cssrs.update({key: to_bool(self.cleaned_data[key]) for key in self.fields})
        answers["cssrs"] = cssrs


class AttestationForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("I confirm that my answers are true to the best of my knowledge"),
        error_messages={"required": _("Confirm that your answers are true to continue")},
    )


__all__ = [
    "AnxietyForm",
    "FallsDrivingForm",
    "AttestationForm",
    "MoodForm",
    "SafetyForm",
    "SafetyMoreForm",
    "SideEffectsForm",
]
