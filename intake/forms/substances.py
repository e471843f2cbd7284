"""Benzodiazepine history, alcohol (AUDIT-C), other substances and drug use (DAST-10)."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from education import slugs
from intake.answers import BENZO_HISTORY_KEYS, DRUG_USE_GATE, SUBSTANCE_KEYS

from . import instruments as inst
from .base import StepForm, from_bool, radio_field, to_bool, why, yes_no_field

DOSING = [
    ("once_daily", _("Once a day")),
    ("divided", _("Split into two or more doses a day")),
    ("as_needed", _("Only when needed")),
]


class BenzoHistoryForm(StepForm):
    dosing = radio_field(
        _("How do you usually take your benzodiazepine?"),
        DOSING,
        help_text=why(
            _("once a day and split doses suit different needs."),
            slugs.ONCE_OR_DIVIDED,
            _("Once a day or split into doses"),
        ),
        message=_("Select how you usually take it"),
    )
    used_before = yes_no_field(
        _("Had you taken a benzodiazepine before this one?"),
        help_text=why(_("earlier use can change how your body responds.")),
    )
    tried_to_stop = yes_no_field(
        _("Have you ever tried to stop or cut down?"),
        help_text=why(
            _("stopping is safest slowly, with a plan."),
            slugs.STOPPING_SAFELY,
            _("Tolerance, dependence and stopping safely"),
        ),
    )
    withdrawal_before = yes_no_field(
        _(
            "When you stopped or cut down, did you feel unwell (for example shaky, sweaty, "
            "sleepless or very anxious)?"
        ),
        help_text=why(
            _(
                "it helps your psychiatrist plan any change safely with you. "
                "Answer no if you have never stopped or cut down."
            )
        ),
    )
    missed_dose_symptoms = yes_no_field(
        _("Do you feel unwell when you miss or delay a dose?"),
        help_text=why(_("this can be a sign your body has come to rely on the medicine.")),
    )
    plans_to_stop = yes_no_field(
        _("Are you planning to stop or cut down soon?"),
        help_text=why(_("your psychiatrist can help you plan a slow, safe reduction.")),
    )

    @classmethod
    def initial_from(cls, answers, details):
        history = answers.get("benzo_history") or {}
        initial = {key: from_bool(history.get(key)) for key in BENZO_HISTORY_KEYS}
        initial["dosing"] = history.get("dosing")
        return initial

    def store(self, answers, details):
        data = self.cleaned_data
        history = {key: to_bool(data[key]) for key in BENZO_HISTORY_KEYS if key != "dosing"}
        answers["benzo_history"] = {"dosing": data["dosing"], **history}


class AlcoholForm(StepForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        inst.add_list_fields(
            self,
            "audit_c",
            {
                "2": _(
                    "One drink is a can of beer, a small glass of wine or a single shot. "
                    "If you never drink, you can leave this blank."
                ),
                "3": _("If you never drink, you can leave this blank."),
            },
        )
        # Someone who never drinks scores 0 on the next two questions without answering
        # them, so they are not marked required; clean() asks for them from drinkers.
        for item_id in ("2", "3"):
            self.fields[inst.field_name("audit_c", item_id)].required = False

    def clean(self):
        cleaned = super().clean()
        if cleaned.get(inst.field_name("audit_c", "1")) not in (None, "", "0"):
            for item_id in ("2", "3"):
                name = inst.field_name("audit_c", item_id)
                if cleaned.get(name) in (None, ""):
                    self.add_error(name, ValidationError(
                        _("Choose an answer. You can leave this blank only if you never drink."),
                        code="required_for_drinkers",
                    ))  # fmt: skip
        return cleaned

    @classmethod
    def initial_from(cls, answers, details):
        return inst.list_initial("audit_c", answers.get("audit_c"))

    @classmethod
    def not_asked(cls, initial):
        return {"audit_c_2", "audit_c_3"} if initial.get("audit_c_1") == "0" else set()

    def store(self, answers, details):
        data = self.cleaned_data
        if data["audit_c_1"] == "0":
            answers["audit_c"] = [0, 0, 0]
        else:
            answers["audit_c"] = inst.list_answers(self, "audit_c")


SUBSTANCE_QUESTIONS = {
    "opioids": (
        _(
            "Do you use any opioid pain medicine that is not in your list of medicines (for "
            "example oxycodone, hydrocodone, tramadol or heroin)?"
        ),
        why(
            _("opioids with a benzodiazepine can slow breathing dangerously."),
            slugs.ALCOHOL_OPIOIDS_SEDATIVES,
            _("Alcohol, opioids and other sedatives"),
        ),
    ),
    "cannabis": (
        _("Do you use cannabis (marijuana, weed, edibles)?"),
        why(_("it can add to drowsiness.")),
    ),
    "stimulants": (
        _(
            "Do you use stimulants (for example cocaine, methamphetamine, or ADHD medicine not "
            "prescribed for you)?"
        ),
        why(_("stimulants can make anxiety and sleep worse.")),
    ),
    "sedatives": (
        _("Do you take sleeping pills or other calming medicines that are not in your list?"),
        why(_("several calming medicines together add up.")),
    ),
    "sud_history": (
        _("Have you ever had a problem with alcohol or drug use?"),
        why(_("it helps your psychiatrist choose the safest treatment.")),
    ),
    "family_sud_history": (
        _("Has anyone in your close family had a problem with alcohol or drug use?"),
        why(_("family history can change which treatments suit you best.")),
    ),
}


class SubstancesForm(StepForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for key in SUBSTANCE_KEYS:
            label, hint = SUBSTANCE_QUESTIONS[key]
            self.fields[key] = yes_no_field(label, help_text=hint)
        self.fields[DRUG_USE_GATE] = yes_no_field(
            _("In the past 12 months, have you used drugs other than for medical reasons?"),
            help_text=why(
                _(
                    "if you have, the next page asks a few questions about it. This includes "
                    "cannabis, street drugs, and medicines not prescribed for you or taken in "
                    "larger amounts than prescribed. Alcohol and tobacco do not count."
                )
            ),
        )

    @classmethod
    def initial_from(cls, answers, details):
        stored = answers.get("substances") or {}
        return {key: from_bool(stored.get(key)) for key in (*SUBSTANCE_KEYS, DRUG_USE_GATE)}

    def store(self, answers, details):
        keys = (*SUBSTANCE_KEYS, DRUG_USE_GATE)
        answers["substances"] = {key: to_bool(self.cleaned_data[key]) for key in keys}
        if not answers["substances"][DRUG_USE_GATE]:
            answers.pop("dast_10", None)  # a non-user is not asked (nor scored) the DAST-10


class DrugUseForm(StepForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        inst.add_list_fields(
            self,
            "dast_10",
            # (Why we ask is said once, above the questions.)
            {"1": _("Alcohol and tobacco do not count here.")},
        )

    @classmethod
    def initial_from(cls, answers, details):
        return inst.list_initial("dast_10", answers.get("dast_10"))

    def store(self, answers, details):
        answers["dast_10"] = inst.list_answers(self, "dast_10")


__all__ = ["AlcoholForm", "BenzoHistoryForm", "DrugUseForm", "SubstancesForm"]
