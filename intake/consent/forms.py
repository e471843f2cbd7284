"""The signing form: an agreement that names the document, and the typed full name."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .services import same_name


class SignForm(forms.Form):
    agree = forms.BooleanField(
        required=True,
        error_messages={
            "required": gettext_lazy("Tick the box to say you agree, or leave this page")
        },
    )
    full_name = forms.CharField(
        label=gettext_lazy("Type your full name to sign"),
        max_length=200,
        help_text=gettext_lazy("Your first and last name, as you gave them to the clinic."),
        error_messages={"required": gettext_lazy("Type your full name to sign")},
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )

    def __init__(self, *args, title: str, name_on_record: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.name_on_record = name_on_record
        self.fields["agree"].label = _("I have read the %(title)s and I agree to it") % {
            "title": title
        }

    def clean_full_name(self):
        typed = self.cleaned_data["full_name"]
        if not same_name(typed, self.name_on_record):
            raise ValidationError(
                _(
                    "The name you typed is not the name on your account. Type your first "
                    "and last name as you gave them to the clinic"
                ),
                code="name_mismatch",
            )
        return typed
