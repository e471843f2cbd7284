"""The patient's language (issue 26): saved on their profile, followed on every page once
they sign in; before sign-in the language cookie (the switch) or the browser decides
(Django's LocaleMiddleware).

The choice rides in the session from sign-in, so following it costs no query per page.
"""

from django.conf import settings
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.utils import translation

from . import roles
from .models import PatientProfile

SESSION_KEY = "portal_language"
STAFF_LANGUAGE = "en"


def is_offered(code: str) -> bool:
    return code in dict(settings.LANGUAGES)


def preferred_language(user) -> str | None:
    """The language saved on a patient's profile, or None (staff, or never chosen)."""
    return (
        PatientProfile.objects.filter(user_id=user.pk)
        .values_list("preferred_language", flat=True)
        .first()
    )


def set_preferred_language(user, code: str) -> None:
    if not is_offered(code):
        raise ValueError(f"not an offered language: {code!r}")
    PatientProfile.objects.update_or_create(user=user, defaults={"preferred_language": code})


@receiver(user_logged_in)
def _follow_the_saved_language(sender, request, user, **kwargs):
    code = preferred_language(user)
    if request is not None and code:
        request.session[SESSION_KEY] = code


class PatientLanguageMiddleware:
    """After LocaleMiddleware and authentication: a signed-in patient's saved language wins
    over the browser's, and the care team stays in English whatever their browser says
    (their pages, and what they read of a patient's answers, are in English)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        code = request.session.get(SESSION_KEY) if hasattr(request, "session") else None
        if roles.is_staff_account(request.user):
            code = STAFF_LANGUAGE
        if code and is_offered(code) and request.user.is_authenticated:
            translation.activate(code)
            request.LANGUAGE_CODE = code
        return self.get_response(request)
