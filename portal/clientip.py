"""The client's address, the one audit rows, throttles and lockouts all use."""

import ipaddress

from django.conf import settings


def _valid(address: str) -> str | None:
    try:
        return str(ipaddress.ip_address(address.strip()))
    except ValueError:
        return None


def client_ip(request) -> str | None:
    """``REMOTE_ADDR``; behind the proxy (``DJANGO_BEHIND_PROXY``), the last address in
    ``X-Forwarded-For``: the one our proxy appended. Earlier entries are whatever the
    client sent and can be forged, so they are never used."""
    if settings.BEHIND_PROXY:
        forwarded = [part for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        if forwarded and (address := _valid(forwarded[-1])):
            return address
    return _valid(request.META.get("REMOTE_ADDR", "") or "")
