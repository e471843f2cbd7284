"""Log records say which route a request took, never its path: a path carries the intake's
public id (``/intake/<public id>/alcohol/``), which ties the line to a patient."""

import logging
from http import HTTPStatus

from django.urls import Resolver404, resolve


def route_of(request) -> str | None:
    """The URL name of the request's path (``intake:alcohol``); None for a path no route
    matches. Resolved here when the request stopped before Django resolved it (a database
    outage in a middleware, the deadline)."""
    if request is None:
        return None
    match = getattr(request, "resolver_match", None)
    if match is None:
        try:
            match = resolve(request.path_info)
        except Resolver404:
            return None
    return match.view_name


class RouteNotPath(logging.Filter):
    """For ``django.request``: "Internal Server Error: /intake/350a.../alcohol/" becomes
    "Internal Server Error: intake:alcohol", and the request object (whose repr is the
    path) leaves the record, so no formatter can print it."""

    def filter(self, record: logging.LogRecord) -> bool:
        request = record.__dict__.pop("request", None)
        if request is None:
            return True
        status = getattr(record, "status_code", None)
        reason = HTTPStatus(status).phrase if status in HTTPStatus._value2member_map_ else ""
        record.msg, record.args = "%s: %s", (reason or status, route_of(request) or "(no route)")
        record.route = route_of(request)
        record.request_id = getattr(request, "id", "")
        return True
