"""Request id and log line, private pages, refusal of text the database cannot store, and
the second-factor gate.

The request id ties audit rows to one request; it is random, never derived from user data.
"""

import logging
import re
import time
import uuid
from urllib.parse import urlencode

from django.shortcuts import redirect, render
from django.urls import reverse

from .audit import RequestContext, current_http_request, current_request
from .clientip import client_ip
from .logs import route_of
from .mfa import mfa_enrolled, needs_second_factor

_SAFE_ID = re.compile(r"^[A-Za-z0-9-]{8,64}$")


class RequestIdMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # Ours, always: a client must not choose the id its audit rows carry. An id sent by
        # the client or a proxy is kept apart, to tie our rows to their logs.
        incoming = request.headers.get("X-Request-ID", "")
        request.id = uuid.uuid4().hex
        request.incoming_id = incoming if _SAFE_ID.match(incoming) else ""
        token = current_request.set(
            RequestContext(
                request_id=request.id,
                incoming_request_id=request.incoming_id,
                client_ip=client_ip(request),
                user_agent=request.headers.get("User-Agent", "")[:256],
            )
        )
        http_token = current_http_request.set(request)
        try:
            response = self.get_response(request)
        finally:
            current_request.reset(token)
            current_http_request.reset(http_token)
        response["X-Request-ID"] = request.id
        return response


request_log = logging.getLogger("portal.requests")
# The request and its start, in the WSGI environ while Django handles it: a request stopped
# outside Django (the deadline, portal/wsgi_guard.py) still gets its one line from there.
IN_FLIGHT = "portal.request_in_flight"


def log_request(request, *, status: int, started: float, environ: dict | None = None) -> None:
    """The request's one ``portal.requests`` line. ``request`` is None when it was stopped
    before Django's middleware saw it (then only the method, from ``environ``, is known)."""
    user = getattr(request, "_cached_user", None)  # only if the request looked at it
    fields = {
        "request_id": getattr(request, "id", ""),
        # Whatever the client or proxy sent, kept beside ours to tie the two logs.
        "incoming_request_id": getattr(request, "incoming_id", ""),
        "user_id": user.pk if user is not None and user.is_authenticated else None,
        "route": route_of(request),
        "method": request.method if request is not None else (environ or {}).get("REQUEST_METHOD"),
        "status": status,
        "duration_ms": round((time.monotonic() - started) * 1000, 1),
    }
    request_log.info(
        "%(request_id)s %(method)s %(route)s %(status)s %(duration_ms)sms", fields, extra=fields
    )


class RequestLogMiddleware:
    """One log line per request: request id, user id, route name, method, status and
    duration. No path, query or form data: those can carry what a patient typed."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.monotonic()
        request.META[IN_FLIGHT] = (request, started)
        response = self.get_response(request)
        log_request(request, status=response.status_code, started=started)
        del request.META[IN_FLIGHT]
        return response


class PrivatePagesMiddleware:
    """Pages shown to a signed-in user are never stored by the browser or a proxy: after
    signing out on a shared computer, Back must not bring a patient's answers back.

    Only pages that looked at the user are affected (Django caches it on the request), so a
    view that never reads the session stays as cheap as it was.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "_cached_user", None)
        if user is not None and user.is_authenticated and not response.has_header("Cache-Control"):
            response["Cache-Control"] = "private, no-store"
        return response


# PostgreSQL refuses NUL in text (and a query with one fails as a server error), so a
# request carrying one is refused here, once, before any form or admin filter sees it.
_REFUSED_CHARACTERS = ("\x00",)
_FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


def _has_refused_text(values) -> bool:
    return any(ch in value for value in values for ch in _REFUSED_CHARACTERS)


def _request_has_refused_text(request) -> bool:
    if _has_refused_text([request.path_info]):
        return True
    if _has_refused_text([*request.GET.keys(), *request.GET.values()]):
        return True
    if request.method == "POST" and request.content_type in _FORM_TYPES:
        return _has_refused_text([*request.POST.keys(), *request.POST.values()])
    return False


class RefuseUnstorableTextMiddleware:
    """400 Bad Request for a NUL byte anywhere in the path, the query or a posted form."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if _request_has_refused_text(request):
            return render(request, "400.html", status=400)
        return self.get_response(request)


class SecondFactorMiddleware:
    """A signed-in user who owes the second factor (all staff; a patient who turned it on)
    reaches only the second-factor pages and sign-out until they pass it: no patient data,
    no admin. Staff without a device are sent to set one up first."""

    ALLOWED_PREFIXES = (
        "/accounts/mfa/",
        "/accounts/session/",
        "/accounts/logout/",
        "/static/",
        "/favicon.ico",
    )

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith(self.ALLOWED_PREFIXES) and needs_second_factor(request):
            name = "mfa_verify" if mfa_enrolled(request.user) else "mfa_setup"
            target = reverse(name)
            if request.method == "GET":
                target += "?" + urlencode({"next": request.get_full_path()})
            return redirect(target)
        return self.get_response(request)
