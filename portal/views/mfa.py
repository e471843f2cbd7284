"""Setting up and passing the second factor; recovery codes; a patient's choice to use it."""

from base64 import b32encode
from functools import wraps
from io import BytesIO
from urllib.parse import urlencode

import segno
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods, require_POST

from .. import lockout, mfa
from ..audit import record
from ..clientip import client_ip
from ..forms import AppCodeForm, SecondFactorForm
from ..throttle import throttle_count, throttle_hit
from .home import landing_url_for

NEW_CODES_SESSION_KEY = "portal_mfa_new_codes"


def _next_url(request) -> str:
    target = request.GET.get("next", "")
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return landing_url_for(request.user)


def _may_change_devices(view):
    """Changing devices needs a verified session when the user already has one: a password
    alone must never be enough to add an attacker's phone."""

    @login_required
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if mfa.mfa_enrolled(request.user) and not request.user.is_verified():
            return redirect("mfa_verify")
        return view(request, *args, **kwargs)

    return wrapped


def _show_codes(request, codes):
    request.session[NEW_CODES_SESSION_KEY] = codes
    target = reverse("mfa_codes")
    if "next" in request.GET:
        target += "?" + urlencode({"next": request.GET["next"]})
    return redirect(target)


@_may_change_devices
@require_http_methods(["GET", "POST"])
def mfa_setup(request):
    device = mfa.totp_device_pending(user=request.user)
    form = AppCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        codes = mfa.totp_device_confirm(request=request, token=form.cleaned_data["token"])
        if codes is not None:
            request.session[mfa.HAS_DEVICE_SESSION_KEY] = True
            response = _show_codes(request, codes)
            lockout.remember_device(response, request.user)
            return response
        form.add_error(
            "token",
            "That code did not work. Enter the newest 6-digit code the app shows "
            "(check the time on your phone is set automatically).",
        )
    secret = b32encode(device.bin_key).decode()
    return render(
        request,
        "portal/mfa_setup.html",
        {
            "form": form,
            "secret_groups": [secret[i : i + 4] for i in range(0, len(secret), 4)],
            "required": mfa.mfa_required(request.user),
        },
    )


@_may_change_devices
def mfa_qr(request):
    """The pending device's QR code, drawn here: the secret never leaves the portal."""
    device = mfa.totp_device_pending(user=request.user)
    buffer = BytesIO()
    segno.make(device.config_url, error="m").save(
        buffer, kind="svg", scale=6, border=2, title="QR code for your authenticator app"
    )
    response = HttpResponse(buffer.getvalue(), content_type="image/svg+xml")
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
def mfa_codes(request):
    """New recovery codes, shown once: the session forgets them as they are shown."""
    codes = request.session.pop(NEW_CODES_SESSION_KEY, None)
    if not codes:
        return redirect("mfa_manage")
    return render(
        request, "portal/mfa_codes.html", {"codes": codes, "next_url": _next_url(request)}
    )


def _step_paused(request) -> bool:
    """After MFA_FAILURES wrong codes for the account (twice that from one client address),
    the step pauses for the lockout cool-off, on top of django-otp's own growing delays.
    The account-wide pause spares a browser that completed a sign-in before: someone who
    knows the password cannot keep the psychiatrist out (portal/lockout.py)."""
    account_paused = throttle_count(
        key=f"mfa-user:{request.user.pk}"
    ) >= settings.MFA_FAILURES and not lockout.is_known_device(request, request.user.get_username())
    return (
        account_paused
        or throttle_count(key=f"mfa-ip:{client_ip(request)}") >= settings.MFA_FAILURES * 2
    )


def _count_failure(request) -> None:
    window = settings.LOCKOUT_MINUTES * 60
    throttle_hit(key=f"mfa-user:{request.user.pk}", limit=0, window_seconds=window)
    throttle_hit(key=f"mfa-ip:{client_ip(request)}", limit=0, window_seconds=window)
    if _step_paused(request):
        record(actor=request.user, action="auth.locked_out", obj=request.user)


@login_required
@require_http_methods(["GET", "POST"])
def mfa_verify(request):
    if not mfa.mfa_enrolled(request.user):
        return redirect("mfa_setup")
    if _step_paused(request):
        return render(
            request,
            "registration/locked_out.html",
            {"minutes": settings.LOCKOUT_MINUTES},
            status=429,
        )
    form = SecondFactorForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if mfa.second_factor_verify(request=request, token=form.cleaned_data["token"]):
            response = redirect(_next_url(request))
            lockout.remember_device(response, request.user)
            return response
        _count_failure(request)
        form.add_error(
            "token", "That code did not work. Enter the newest code, or a recovery code."
        )
    return render(request, "portal/mfa_verify.html", {"form": form})


@_may_change_devices
def mfa_manage(request):
    return render(
        request,
        "portal/mfa_manage.html",
        {"enrolled": mfa.mfa_enrolled(request.user), "required": mfa.mfa_required(request.user)},
    )


@_may_change_devices
@require_POST
def mfa_new_codes(request):
    if not mfa.mfa_enrolled(request.user):
        return redirect("mfa_manage")
    codes = mfa.recovery_codes_replace(user=request.user)
    record(actor=request.user, action="mfa.recovery_codes_replaced", obj=request.user)
    request.session[NEW_CODES_SESSION_KEY] = codes
    return redirect("mfa_codes")


@_may_change_devices
@require_POST
def mfa_turn_off(request):
    """A patient may stop using the second factor; staff may not."""
    if not mfa.mfa_required(request.user):
        mfa.mfa_turn_off(user=request.user, actor=request.user)
        request.session[mfa.HAS_DEVICE_SESSION_KEY] = False
        messages.success(request, "Two-step sign-in is off.")
    return redirect("mfa_manage")
