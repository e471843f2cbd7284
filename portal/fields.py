"""Model fields more than one app declares the same way."""

from django.conf import settings
from django.db import models


def person_field(
    *, related_name: str = "+", blank: bool = False, editable: bool = True
) -> models.ForeignKey:
    """A user who may later be erased: the row stays, and names no one (``SET_NULL``)."""
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=blank,
        editable=editable,
        on_delete=models.SET_NULL,
        related_name=related_name,
    )


class LanguageField(models.CharField):
    """A language the portal offers (``settings.LANGUAGES``), for a patient's profile, an
    invitation, an education page or a consent document.

    The choices are the settings' when the models load, and are left out of migrations: a
    third language is a catalogue, content files and ``PORTAL_LANGUAGES``, with no
    migration to write.
    """

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 8)
        kwargs["choices"] = settings.LANGUAGES
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs.pop("choices", None)
        return name, path, args, kwargs
