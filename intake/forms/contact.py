"""How the care team can reach the patient: mobile phone, emergency contact, and where the
patient will be during the video visit (telepsychiatry needs it for licensure and for
emergency dispatch).

Phone numbers are checked with ``phonenumbers`` (Google's libphonenumber) in the form's
``clean_<field>`` methods and stored as E.164 ("+12025550143"). The answers are not clinical:
they live in ``details["contact"]``, never in the case-format ``answers`` the clinical core
reads.
"""

import phonenumbers
from django import forms
from django.core.exceptions import ValidationError
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from .base import TEXT_LIMIT, StepForm, limit_message, lower_first, radio_field, why

DEFAULT_REGION = "US"
NAME_LIMIT = 100
CONTACT_BY = [
    ("call_or_text", _("Yes, they may call or text")),
    ("call", _("Call only, no texts")),
    ("text", _("Text only, no calls")),
    ("neither", _("No, do not call or text me")),
]
# Names as US Spanish writes them where they differ ("Nueva York"), the rest as they are.
US_STATES = [
    ("AL", "Alabama"), ("AK", "Alaska"), ("AZ", "Arizona"), ("AR", "Arkansas"),
    ("CA", "California"), ("CO", "Colorado"), ("CT", "Connecticut"), ("DE", "Delaware"),
    ("DC", _("District of Columbia")), ("FL", "Florida"), ("GA", "Georgia"), ("HI", _("Hawaii")),
    ("ID", "Idaho"), ("IL", "Illinois"), ("IN", "Indiana"), ("IA", "Iowa"), ("KS", "Kansas"),
    ("KY", "Kentucky"), ("LA", _("Louisiana")), ("ME", "Maine"), ("MD", "Maryland"),
    ("MA", "Massachusetts"), ("MI", "Michigan"), ("MN", "Minnesota"), ("MS", _("Mississippi")),
    ("MO", "Missouri"), ("MT", "Montana"), ("NE", "Nebraska"), ("NV", "Nevada"),
    ("NH", _("New Hampshire")), ("NJ", _("New Jersey")), ("NM", _("New Mexico")),
    ("NY", _("New York")), ("NC", _("North Carolina")), ("ND", _("North Dakota")), ("OH", "Ohio"),
    ("OK", "Oklahoma"), ("OR", "Oregon"), ("PA", _("Pennsylvania")), ("RI", "Rhode Island"),
    ("SC", _("South Carolina")), ("SD", _("South Dakota")), ("TN", "Tennessee"), ("TX", "Texas"),
    ("UT", "Utah"), ("VT", "Vermont"), ("VA", "Virginia"), ("WA", "Washington"),
    ("WV", _("West Virginia")), ("WI", "Wisconsin"), ("WY", "Wyoming"),
    ("AS", _("American Samoa")), ("GU", "Guam"), ("MP", _("Northern Mariana Islands")),
    ("PR", "Puerto Rico"), ("VI", _("U.S. Virgin Islands")),
]  # fmt: skip
STATE_NAMES = dict(US_STATES)
EMERGENCY_FIELDS = ("emergency_name", "emergency_relationship", "emergency_phone")


def phone_e164(raw: str, *, what: str = _("phone number")) -> str:
    """The number in E.164, or ``ValidationError`` in words a patient understands."""
    example = _("for example 202-555-0143")
    try:
        number = phonenumbers.parse(raw, DEFAULT_REGION)
    except phonenumbers.NumberParseException:
        message = _("Enter the {what} in digits, {example}").format(what=what, example=example)
        raise ValidationError(message, code="invalid") from None
    if not phonenumbers.is_valid_number(number):
        message = _("Enter a real {what} with its area code, {example}")
        raise ValidationError(message.format(what=what, example=example), code="invalid")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def phone_display(e164: str | None) -> str:
    """How a stored number is shown: (202) 555-0143 in the US, +44 20 ... elsewhere."""
    if not e164:
        return ""
    try:
        number = phonenumbers.parse(e164, DEFAULT_REGION)
    except phonenumbers.NumberParseException:
        return e164
    if phonenumbers.region_code_for_number(number) == DEFAULT_REGION:
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def _phone_field(label: str, help_text: str = "", required: bool = True) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=required,
        max_length=40,
        help_text=help_text,
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel", "inputmode": "tel"}),
        error_messages={
            "required": format_lazy(_("Enter your {}"), lower_first(label)),
            "max_length": _("Enter the phone number in digits, for example 202-555-0143"),
        },
    )


def _text_field(label: str, limit: int, autocomplete: str, required: bool = False):
    return forms.CharField(
        label=label,
        required=required,
        max_length=limit,
        widget=forms.TextInput(attrs={"autocomplete": autocomplete}),
        error_messages={"max_length": limit_message(limit)},
    )


class ContactForm(StepForm):
    mobile_phone = _phone_field(
        _("Mobile phone number"),
        why(_("if your answers worry your care team, they can reach you before your visit.")),
    )
    contact_by = radio_field(
        _("May your care team call or text this number?"),
        CONTACT_BY,
        message=_("Select whether your care team may call or text this number"),
    )
    emergency_name = _text_field(_("Emergency contact: name (optional)"), NAME_LIMIT, "off")
    emergency_relationship = _text_field(
        _("Emergency contact: how they are related to you (optional)"), NAME_LIMIT, "off"
    )
    emergency_phone = _phone_field(_("Emergency contact: phone number (optional)"), required=False)
    visit_state = forms.ChoiceField(
        label=_("Where will you be during your video visit? State"),
        choices=[("", _("Choose a state")), *US_STATES],
        help_text=why(
            _(
                "your psychiatrist must be licensed where you are, and in an emergency help can "
                "be sent to you."
            )
        ),
        error_messages={"required": _("Select the state you will be in during your visit")},
    )
    visit_address = forms.CharField(
        label=_("Address where you will be during your visit"),
        max_length=TEXT_LIMIT,
        help_text=_("Street, city and ZIP code. If you are not sure yet, give your home address."),
        widget=forms.Textarea(attrs={"rows": 3, "autocomplete": "street-address"}),
        error_messages={
            "required": _("Enter the address where you will be during your visit"),
            "max_length": limit_message(TEXT_LIMIT),
        },
    )

    def clean_mobile_phone(self):
        return phone_e164(self.cleaned_data["mobile_phone"], what=_("mobile phone number"))

    def clean_emergency_phone(self):
        raw = self.cleaned_data["emergency_phone"].strip()
        return phone_e164(raw, what=_("emergency contact's phone number")) if raw else ""

    def clean_emergency_name(self):
        return self.cleaned_data["emergency_name"].strip()

    def clean_emergency_relationship(self):
        return self.cleaned_data["emergency_relationship"].strip()

    def clean_visit_address(self):
        address = self.cleaned_data["visit_address"].strip()
        if not address:
            raise ValidationError(
                _("Enter the address where you will be during your visit"), code="required"
            )
        return address

    def clean(self):
        data = super().clean()
        # An emergency contact is optional, but one we cannot call is no use: a name needs a
        # number and a number needs a name.
        given = any(data.get(name) for name in EMERGENCY_FIELDS)
        if given and not data.get("emergency_name") and "emergency_name" not in self.errors:
            self.add_error(
                "emergency_name",
                ValidationError(_("Enter your emergency contact's name"), code="required"),
            )
        if given and not data.get("emergency_phone") and "emergency_phone" not in self.errors:
            self.add_error(
                "emergency_phone",
                ValidationError(_("Enter your emergency contact's phone number"), code="required"),
            )
        return data

    @classmethod
    def initial_from(cls, answers, details):
        contact = details.get("contact") or {}
        emergency = contact.get("emergency_contact") or {}
        return {
            "mobile_phone": phone_display(contact.get("mobile_phone")),
            "contact_by": contact.get("contact_by"),
            "emergency_name": emergency.get("name", ""),
            "emergency_relationship": emergency.get("relationship", ""),
            "emergency_phone": phone_display(emergency.get("phone")),
            "visit_state": contact.get("visit_state"),
            "visit_address": contact.get("visit_address", ""),
        }

    def store(self, answers, details):
        data = self.cleaned_data
        contact = {
            "mobile_phone": data["mobile_phone"],
            "contact_by": data["contact_by"],
            "visit_state": data["visit_state"],
            "visit_address": data["visit_address"],
        }
        if data["emergency_name"]:
            contact["emergency_contact"] = {
                "name": data["emergency_name"],
                "relationship": data["emergency_relationship"],
                "phone": data["emergency_phone"],
            }
        details["contact"] = contact
