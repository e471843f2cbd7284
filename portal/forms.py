from datetime import timedelta

from django import forms
from django.conf import settings
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.core.exceptions import ValidationError
from django.utils import timezone, translation
from django.utils.functional import lazy
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from . import lockout, roles
from .language import preferred_language
from .models import INVITATION_INTAKE_KINDS

MAX_VISIT_AHEAD_DAYS = 731  # two years: a visit booked further out is a typo in the year


SLOWED = _(
    "There have been many failed sign-ins to this account, so it can be tried only once a "
    "minute from a new device. Please wait a minute and try again, or sign in from a "
    "device you have used before."
)


class SlowedAccountMixin:
    """Refuse, before the password is checked, a try the lockout policy says must wait."""

    def clean(self):
        username = self.cleaned_data.get("username")
        if username and self.request is not None and lockout.account_slowed(self.request, username):
            raise ValidationError(SLOWED, code="slowed")
        return super().clean()


class SignInForm(SlowedAccountMixin, AuthenticationForm):
    username = forms.CharField(
        label=_("Email address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True}),
    )
    error_messages = {
        "invalid_login": _(
            "Enter the email address and password of your account. "
            "Both are case-sensitive after the @."
        ),
        "inactive": _("This account is not active. Contact your care team."),
    }


class AdminSignInForm(SlowedAccountMixin, AdminAuthenticationForm):
    pass


class PatientPasswordResetForm(PasswordResetForm):
    """The reset email in the language the patient saved on their profile (the page's
    language when they have none): it may be asked for from a browser in another."""

    def send_mail(self, subject_template_name, email_template_name, context, *args, **kwargs):
        language = preferred_language(context["user"]) or translation.get_language()
        with translation.override(language):
            super().send_mail(subject_template_name, email_template_name, context, *args, **kwargs)


class SetPasswordFields(forms.Form):
    password1 = forms.CharField(
        label=_("Create a password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        # Lazy: the validators' help is worded in the language of the page, not of start-up.
        help_text=lazy(password_validation.password_validators_help_text_html, SafeString)(),
    )
    password2 = forms.CharField(
        label=_("Type the password again"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean_password2(self):
        p1, p2 = self.cleaned_data.get("password1"), self.cleaned_data.get("password2")
        if p1 and p2 and p1 != p2:
            raise ValidationError(_("The two passwords do not match."), code="password_mismatch")
        return p2

    def clean(self):
        cleaned = super().clean()
        password = cleaned.get("password2")
        if password:
            try:
                password_validation.validate_password(password, self.user_for_validation())
            except ValidationError as error:
                self.add_error("password1", error)
        return cleaned

    def user_for_validation(self):
        return None


class AcceptInvitationForm(SetPasswordFields):
    def __init__(self, *args, invitation, **kwargs):
        super().__init__(*args, **kwargs)
        self.invitation = invitation

    def user_for_validation(self):
        return get_user_model()(
            username=self.invitation.email,
            email=self.invitation.email,
            first_name=self.invitation.first_name,
            last_name=self.invitation.last_name,
        )


class RegistrationForm(SetPasswordFields):
    first_name = forms.CharField(max_length=80, label=_("First name"))
    last_name = forms.CharField(max_length=80, label=_("Last name"))
    email = forms.EmailField(label=_("Email address"), max_length=254)
    field_order = ["first_name", "last_name", "email", "password1", "password2"]

    def clean_email(self):
        # Never "this address has an account": the email sent to it says so instead.
        return self.cleaned_data["email"].strip().lower()

    def user_for_validation(self):
        data = self.cleaned_data
        return get_user_model()(
            username=data.get("email", ""),
            email=data.get("email", ""),
            first_name=data.get("first_name", ""),
            last_name=data.get("last_name", ""),
        )


class InvitationForm(forms.Form):
    first_name = forms.CharField(max_length=80, label="Patient's first name")
    last_name = forms.CharField(max_length=80, label="Patient's last name")
    email = forms.EmailField(label="Patient's email address", max_length=254)
    visit_at = forms.DateTimeField(
        label="Visit date and time",
        help_text="For example 2026-12-01 14:30",
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
    )
    language = forms.ChoiceField(
        choices=settings.LANGUAGES,
        initial="en",
        required=False,  # left out, English
        label="Patient's language",
        help_text="The email and the portal's pages are in it; the patient can change it.",
    )
    intake_kind = forms.ChoiceField(
        choices=INVITATION_INTAKE_KINDS,
        initial="",
        required=False,
        label="Intake",
        help_text="A follow-up lists the medicines from last time to confirm and asks only "
        "what changed; the questionnaires are always asked fresh.",
    )

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        account = get_user_model().objects.filter(username__iexact=email).first()
        if account is not None and roles.is_staff_account(account):
            # Accepting would attach a patient's intake to a staff account.
            raise ValidationError(
                "This email address belongs to a staff account. "
                "Invite the patient at their own email address.",
                code="staff_account",
            )
        return email

    def clean_language(self):
        return self.cleaned_data["language"] or "en"

    def clean_visit_at(self):
        visit_at = self.cleaned_data["visit_at"]
        now = timezone.now()
        if visit_at <= now:
            raise ValidationError("The visit must be in the future.", code="past")
        # A year like 9999 would be saved and then overflow wherever it is shown.
        if visit_at > now + timedelta(days=MAX_VISIT_AHEAD_DAYS):
            raise ValidationError(
                "The visit must be within the next 2 years. Check the year.", code="too_far"
            )
        return visit_at


class SecondFactorForm(forms.Form):
    token = forms.CharField(
        label="Code",
        max_length=32,
        help_text="The 6-digit code your authenticator app shows now, or one of your "
        "recovery codes.",
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "autocapitalize": "none", "autofocus": True}
        ),
    )


class AppCodeForm(forms.Form):
    token = forms.CharField(
        label="6-digit code from the app",
        max_length=12,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )
