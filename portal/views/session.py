"""How long the session has left, and "Stay signed in" (for static/portal/idle.js)."""

from django.http import JsonResponse
from django.views.decorators.http import require_GET, require_POST

from ..idle import seconds_left


def _left(request) -> JsonResponse:
    signed_in = "_auth_user_id" in request.session
    response = JsonResponse({"seconds_left": seconds_left(request) if signed_in else 0})
    response["Cache-Control"] = "private, no-store"
    return response


@require_GET
def session_status(request):
    """Not activity: the idle middleware leaves the clock alone for this address."""
    return _left(request)


@require_POST
def session_extend(request):
    """Any request is activity, so reaching this view has already restarted the clock."""
    return _left(request)
