"""What the patient wants from the visit, in their own words: both answers optional."""

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from .base import StepForm, why

GOALS_LIMIT = 1000


def _own_words(label: str, hint) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=False,
        max_length=GOALS_LIMIT,
        help_text=hint,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={
            "max_length": format_lazy(_("Use {limit} characters or fewer"), limit=GOALS_LIMIT)
        },
    )


class GoalsForm(StepForm):
    hopes = _own_words(
        _("What would you like to get from your visit? (optional)"),
        why(
            _(
                "your psychiatrist reads this before your visit, so the time goes on what "
                "matters to you. For example: sleep better, or a plan to come off a medicine."
            )
        ),
    )
    worries = _own_words(_("What worries you most right now? (optional)"), "")

    @classmethod
    def initial_from(cls, answers, details):
        goals = answers.get("goals") or {}
        return {"hopes": goals.get("hopes", ""), "worries": goals.get("worries", "")}

    def store(self, answers, details):
        # Saved even when both are blank: the page was seen and the patient chose to skip.
        answers["goals"] = {
            "hopes": self.cleaned_data["hopes"].strip(),
            "worries": self.cleaned_data["worries"].strip(),
        }
