"""Checks a serving process makes before it takes any work."""

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


def require_secret_key() -> None:
    """Web and worker processes need the real signing key: without it, sessions and
    invitation links would be signed with a key no other process shares."""
    if not settings.DEBUG and not settings.SECRET_KEY_IS_SET:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off (see README)."
        )
