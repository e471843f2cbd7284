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
