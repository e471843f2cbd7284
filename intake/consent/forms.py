"""The signing form: an agreement that names the document, and the typed full name."""

from django import forms
from django.core.exceptions import ValidationError

from .services import same_name


class SignForm(forms.Form):
    agree = forms.BooleanField(
        required=True,
        error_messages={"required": "Tick the box to say you agree, or leave this page"},
    )
    full_name = forms.CharField(
        label="Type your full name to sign",
        max_length=200,
        help_text="Your first and last name, as you gave them to the clinic.",
        error_messages={"required": "Type your full name to sign"},
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )

    def __init__(self, *args, title: str, name_on_record: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.name_on_record = name_on_record
        self.fields["agree"].label = f"I have read the {title} and I agree to it"

    def clean_full_name(self):
        typed = self.cleaned_data["full_name"]
        if not same_name(typed, self.name_on_record):
            raise ValidationError(
                "The name you typed is not the name on your account. Type your first and "
                "last name as you gave them to the clinic",
                code="name_mismatch",
            )
        return typed
