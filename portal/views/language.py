"""The language switch on every patient page: a plain form, no script."""

from django.views.decorators.http import require_POST
from django.views.i18n import set_language as django_set_language

from .. import roles
from ..language import SESSION_KEY, is_offered, set_preferred_language


@require_POST
def set_language(request):
    """Django's own switch (the cookie, back to ``next``); a signed-in patient's choice is
    also saved on their profile, so it follows them to another device and their emails."""
    response = django_set_language(request)
    code = request.POST.get("language", "")
    if is_offered(code) and roles.is_patient(request.user):
        set_preferred_language(request.user, code)
        request.session[SESSION_KEY] = code
    return response
