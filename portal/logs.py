"""Log records say which route a request took, never its path: a path carries the intake's
public id (``/intake/<public id>/alcohol/``), which ties the line to a patient."""

import logging

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
    """For records that carry the request (Django's ``django.request`` and
    ``django.security.*``): "Internal Server Error: /intake/350a.../alcohol/" becomes
    "Internal Server Error: intake:alcohol", and the request object (whose repr is the path)
    leaves the record, so no formatter can print it."""

    def filter(self, record: logging.LogRecord) -> bool:
        request = record.__dict__.pop("request", None)
        if request is None:
            return True
        route = route_of(request)
        paths = {request.path, request.path_info, request.get_full_path()}
        if isinstance(record.args, tuple):
            record.args = tuple(
                route or "(no route)" if isinstance(arg, str) and arg in paths else arg
                for arg in record.args
            )
        record.route = route
        record.request_id = getattr(request, "id", "")
        return True
