"""About you: date of birth, sex assigned at birth, pregnancy, breastfeeding; and the visit.

Pregnancy is not asked of someone whose sex assigned at birth is male: it cannot apply
(the page hides the question with JavaScript, and without it a "yes" is refused beside the
question, since it more likely means a mistaken answer to sex). Breastfeeding is asked of
everyone: lactation can be induced whatever the sex assigned at birth. Both can always be
answered "does not apply"; only "yes", "no" (and for pregnancy "unsure") are stored.
"""

from datetime import date, datetime, time

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from education import slugs

from .base import TEXT_LIMIT, StepForm, fields_once, limit_message, radio_field, why

SEX_CHOICES = [("female", _("Female")), ("male", _("Male")), ("unknown", _("Prefer not to say"))]
PREGNANT_CHOICES = [
    ("yes", _("Yes")),
    ("unsure", _("I might be")),
    ("no", _("No")),
    ("not_applicable", _("Does not apply to me, or prefer not to say")),
]
BREASTFEEDING_CHOICES = [
    ("yes", _("Yes")),
    ("no", _("No")),
    ("not_applicable", _("Does not apply to me, or prefer not to say")),
]
# Sex assigned at birth for which pregnancy cannot apply.
NO_PREGNANCY = "male"
VISIT_REASONS = [
    ("panic", _("Panic attacks")),
    ("gad", _("Worry or anxiety on most days (generalised anxiety)")),
    ("other", _("Something else")),
]
OLDEST_PLAUSIBLE_AGE = 120


def age_on(born: date, today: date) -> int:
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


class AboutForm(StepForm):
    date_of_birth = forms.DateField(
        label=_("Date of birth"),
        widget=forms.DateInput(attrs={"type": "date", "autocomplete": "bday"}, format="%Y-%m-%d"),
        help_text=why(
            _(
                "your age changes which medicines and doses are safest; for example, some are "
                "riskier after 65. For example, 04/27/1958."
            ),
            slugs.OLDER_ADULTS,
            _("Older adults and benzodiazepines"),
        ),
        error_messages={
            "required": _("Enter your date of birth"),
            "invalid": _("Enter your date of birth as a real date, for example 04/27/1958"),
        },
    )
    sex_at_birth = radio_field(
        _("Sex assigned at birth"),
        SEX_CHOICES,
        help_text=why(_("the alcohol questions are scored differently for men and women.")),
        message=_("Select your sex assigned at birth, or prefer not to say"),
    )
    pregnant = radio_field(
        _("Are you pregnant, or could you be? (optional)"),
        PREGNANT_CHOICES,
        help_text=why(_("some medicines need a different plan in pregnancy.")),
        required=False,
    )
    breastfeeding = radio_field(
        _("Are you breastfeeding or chestfeeding? (optional)"),
        BREASTFEEDING_CHOICES,
        help_text=why(_("some medicines pass into breast milk and can make a baby sleepy.")),
        required=False,
    )

    def clean_date_of_birth(self):
        born = self.cleaned_data["date_of_birth"]
        today = timezone.localdate()
        if born > today:
            raise ValidationError(_("Date of birth must be in the past"), code="future")
        age = age_on(born, today)
        if age < settings.MINIMUM_PATIENT_AGE:
            raise ValidationError(
                _(
                    "You must be {age} or older to use this service. Please speak to your "
                    "family doctor"
                ).format(age=settings.MINIMUM_PATIENT_AGE),
                code="too_young",
            )
        if age > OLDEST_PLAUSIBLE_AGE:
            raise ValidationError(_("Check the year of your date of birth"), code="implausible")
        return born

    def clean(self):
        data = super().clean()
        if data.get("sex_at_birth") == NO_PREGNANCY and data.get("pregnant") in ("yes", "unsure"):
            self.add_error(
                "pregnant",
                ValidationError(
                    _(
                        "You chose male as your sex assigned at birth. Check that answer, or "
                        "choose \u201cdoes not apply\u201d here"
                    ),
                    code="not_applicable",
                ),
            )
        return data

    @classmethod
    def initial_from(cls, answers, details):
        return {
            "date_of_birth": answers.get("date_of_birth"),
            "sex_at_birth": answers.get("sex_at_birth"),
            "pregnant": answers.get("pregnant"),
            "breastfeeding": answers.get("breastfeeding"),
        }

    @classmethod
    def not_asked(cls, initial: dict) -> set[str]:
        return {"pregnant"} if initial.get("sex_at_birth") == NO_PREGNANCY else set()

    def store(self, answers, details):
        data = self.cleaned_data
        answers["date_of_birth"] = data["date_of_birth"].isoformat()
        answers["sex_at_birth"] = data["sex_at_birth"]
        asked = data["sex_at_birth"] != NO_PREGNANCY
        _store_choice(answers, "pregnant", data["pregnant"] if asked else "")
        _store_choice(answers, "breastfeeding", data["breastfeeding"])


def _store_choice(answers: dict, key: str, value: str) -> None:
    """Keep a real answer; "does not apply" or no answer leaves the key out (the case
    format's "not answered")."""
    if value in ("yes", "no", "unsure"):
        answers[key] = value
    else:
        answers.pop(key, None)


class VisitForm(StepForm):
    fields_vary_with_intake = True  # the visit date only when the patient gave it
    # Set by ``clean`` when the patient gave a visit date; the view saves it on the intake.
    visit_at = None

    visit_reason = radio_field(
        _("What would you like help with?"),
        VISIT_REASONS,
        help_text=why(_("it helps your psychiatrist prepare for your visit.")),
        message=_("Select what you would like help with"),
    )
    visit_reason_other = forms.CharField(
        label=_("If something else, tell us briefly (optional)"),
        required=False,
        max_length=TEXT_LIMIT,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": limit_message(TEXT_LIMIT)},
    )
    visit_date = forms.DateField(
        label=_("Date of your visit, if you know it (optional)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=why(_("we keep one set of answers for each visit.")),
        error_messages={
            "invalid": _("Enter the visit date as a real date, for example 12/01/2026")
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self._asks_visit_date(self.intake):
            del self.fields["visit_date"]
        elif self.intake is not None and self.intake.visit_at:
            self.initial.setdefault("visit_date", timezone.localtime(self.intake.visit_at).date())

    @staticmethod
    def _asks_visit_date(intake) -> bool:
        """Invited patients already have a visit time from the practice."""
        invited = intake is not None and intake.visit_at is not None
        return not invited or bool(intake.details.get("visit_given_by_patient"))

    @classmethod
    def read_back(cls, intake):
        initial = cls.initial_from(intake.answers, intake.details)
        fields = fields_once(cls)
        if not cls._asks_visit_date(intake):
            return {k: f for k, f in fields.items() if k != "visit_date"}, initial
        if intake.visit_at:
            initial.setdefault("visit_date", timezone.localtime(intake.visit_at).date())
        return fields, initial

    def clean_visit_reason_other(self):
        return self.cleaned_data["visit_reason_other"].strip()

    def clean_visit_date(self):
        visit = self.cleaned_data.get("visit_date")
        if visit and visit < timezone.localdate():
            raise ValidationError(_("The visit date must be today or in the future"), code="past")
        if visit and visit.year > timezone.localdate().year + 2:
            raise ValidationError(_("Check the year of your visit date"), code="implausible")
        return visit

    def clean(self):
        data = super().clean()
        other = data.get("visit_reason") == "other"
        if other and not data.get("visit_reason_other") and "visit_reason_other" not in self.errors:
            self.add_error(
                "visit_reason_other",
                ValidationError(
                    _("Tell us briefly what you would like help with"), code="required"
                ),
            )
        visit = data.get("visit_date")
        self.visit_at = self.visit_datetime(visit) if visit else None
        if visit and self.intake is not None and self._visit_taken(visit):
            self.add_error(
                "visit_date",
                ValidationError(
                    _("You already have a set of answers for a visit that day"), code="taken"
                ),
            )
        return data

    def _visit_taken(self, visit: date) -> bool:
        return (
            type(self.intake)
            .objects.filter(patient=self.intake.patient, visit_at=self.visit_datetime(visit))
            .exclude(pk=self.intake.pk)
            .exists()
        )

    @staticmethod
    def visit_datetime(visit: date) -> datetime:
        # A patient gives a day, not a time: noon keeps the day stable across time zones.
        return timezone.make_aware(datetime.combine(visit, time(12, 0)))

    @classmethod
    def initial_from(cls, answers, details):
        return {
            "visit_reason": answers.get("visit_reason"),
            "visit_reason_other": answers.get("visit_reason_other", ""),
        }

    def store(self, answers, details):
        data = self.cleaned_data
        answers["visit_reason"] = data["visit_reason"]
        if data["visit_reason"] == "other":
            answers["visit_reason_other"] = data["visit_reason_other"]
        else:
            answers.pop("visit_reason_other", None)
        if data.get("visit_date"):
            details["visit_given_by_patient"] = True
