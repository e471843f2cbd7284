"""Checks a serving process makes before it takes any work."""

import logging

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from portal.checks import missing_static_files

logger = logging.getLogger(__name__)


def require_secret_key() -> None:
    """Web and worker processes need the real signing key: without it, sessions and
    invitation links would be signed with a key no other process shares."""
    if not settings.DEBUG and not settings.SECRET_KEY_IS_SET:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off (see docs/operations.md)."
        )


def warn_if_static_files_missing() -> None:
    """Say loudly, at start, that pages will be unstyled: the portal still serves (a patient
    can still answer and a psychiatrist still read), but someone must run collectstatic."""
    missing = missing_static_files()
    if missing:
        logger.error(
            "Static files are missing from STATIC_ROOT (%s): every page is unstyled. "
            "Run `python manage.py collectstatic --no-input`.",
            ", ".join(missing),
        )
