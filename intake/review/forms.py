"""Forms of the review queue: the queue filters and the detail page's actions."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from ..clinical.rules import RULES, SEVERITIES
from ..models import AcknowledgementReason, IntakeStatus
from ..sections import sections as questionnaire_sections
from .labels import FLAG_LABELS, FLAG_SEVERITY
from .selectors import REVIEWABLE, STATUS_OPEN, QueueFilters

MAX_TEXT = 5000
VISIT_DATE_RANGE_DAYS = 3653  # 10 years either side of today


class QueueFilterForm(forms.Form):
    status = forms.ChoiceField(
        required=False,
        choices=[(STATUS_OPEN, "Open (waiting, in review, asked for more)")]
        + [(s.value, s.label) for s in IntakeStatus if s.value in REVIEWABLE],
    )
    who = forms.ChoiceField(
        label="Assigned to",
        required=False,
        choices=[("all", "Anyone or no one"), ("mine", "Me"), ("unassigned", "No one yet")],
    )
    flag = forms.ChoiceField(required=False)
    visit_date = forms.DateField(
        label="Visit date",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": "Enter the visit date as a real date, like 2026-12-01."},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)

        # Most severe first, so Self-harm heads the list.
        def severity_rank(code: str) -> int:
            return SEVERITIES.index(FLAG_SEVERITY.get(code, "moderate"))

        codes = sorted(RULES, key=severity_rank)
        self.fields["flag"].choices = [("", "Any flag")] + [
            (code, FLAG_LABELS.get(code, code.replace("_", " "))) for code in codes
        ]

    def clean_visit_date(self):
        day = self.cleaned_data["visit_date"]
        # A day like 9999-12-31 has no next day to end the search at.
        if day and abs((day - timezone.localdate()).days) > VISIT_DATE_RANGE_DAYS:
            raise ValidationError(
                "Enter a visit date within 10 years of today, like 2026-12-01.",
                code="out_of_range",
            )
        return day

    def filters(self) -> QueueFilters:
        """The filters chosen; the defaults for anything missing or not valid."""
        data = self.cleaned_data if self.is_valid() else {}
        return QueueFilters(
            status=data.get("status") or STATUS_OPEN,
            who=data.get("who") or "all",
            flag=data.get("flag") or "",
            visit_date=data.get("visit_date"),
        )


class PdmpCheckForm(forms.Form):
    checked = forms.BooleanField(
        label="I checked the state prescription drug monitoring program (PDMP) for this patient",
        error_messages={"required": "Confirm that you checked the PDMP before recording it."},
    )


class NoteForm(forms.Form):
    body = forms.CharField(label="Note", widget=forms.Textarea(attrs={"rows": 3}))

    def clean_body(self):
        body = self.cleaned_data["body"].strip()
        if len(body) > MAX_TEXT:
            raise ValidationError(f"Keep the note under {MAX_TEXT} characters.", code="too_long")
        return body


class RequestInformationForm(forms.Form):
    sections = forms.MultipleChoiceField(
        label="Sections to reopen for the patient",
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Choose at least one section for the patient to update."},
    )
    message = forms.CharField(
        label="Message to the patient",
        help_text="Shown to the patient when they sign in; the email holds only a link.",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Write what you would like the patient to tell you."},
    )

    def __init__(self, *args, kind: str, **kwargs):
        super().__init__(*args, **kwargs)
        # The sections of this intake's own questionnaire: a check-in has only its few, and a
        # section it does not have must be refused here, not fail in the service.
        self.fields["sections"].choices = [
            (s.key, str(s.title)) for s in questionnaire_sections(kind)
        ]

    def clean_message(self):
        message = self.cleaned_data["message"].strip()
        if len(message) > MAX_TEXT:
            raise ValidationError(f"Keep the message under {MAX_TEXT} characters.", code="too_long")
        return message


class MarkReviewedForm(forms.Form):
    """The closing note; for a STAT intake (``stat=True``) also the acknowledgement: what
    was done about the safety concern, from a short list ("other" with words)."""

    note = forms.CharField(
        label="Closing note",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Write a closing note before marking it reviewed."},
    )

    def __init__(self, *args, stat: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if stat:
            self.fields["acknowledgement"] = forms.ChoiceField(
                label="What was done about the safety concern",
                choices=AcknowledgementReason.choices,
                widget=forms.RadioSelect,
                error_messages={
                    "required": "Choose what was done about the safety concern.",
                    "invalid_choice": "Choose one of the listed answers.",
                },
            )
            self.fields["acknowledgement_other"] = forms.CharField(
                label="If other, what was done",
                required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
            )

    def clean_note(self):
        note = self.cleaned_data["note"].strip()
        if not note:
            raise ValidationError("Write a closing note before marking it reviewed.", code="blank")
        return note

    def clean_acknowledgement_other(self):
        other = self.cleaned_data["acknowledgement_other"].strip()
        if len(other) > MAX_TEXT:
            raise ValidationError(f"Keep it under {MAX_TEXT} characters.", code="too_long")
        return other

    def clean(self):
        data = super().clean()
        if data.get("acknowledgement") == AcknowledgementReason.OTHER and not data.get(
            "acknowledgement_other"
        ):
            self.add_error(
                "acknowledgement_other", ValidationError("Say what was done.", code="required")
            )
        return data
