import contextlib

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model, login
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from .. import lockout, registration, roles, services
from ..clientip import client_ip
from ..forms import AcceptInvitationForm, InvitationForm, RegistrationForm
from ..models import Invitation
from ..throttle import throttle_hit
from ..tokens import InvitationLinkError, read_invitation_token

# A new account signs in with its password, so with Django's own backend.
MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"


def _get_open_invitation(token: str) -> Invitation:
    """The invitation a link names, or InvitationLinkError saying why it cannot be used."""
    public_id = read_invitation_token(token)
    invitation = Invitation.objects.filter(public_id=public_id).first()
    if invitation is None:
        raise InvitationLinkError("invalid")
    if invitation.is_used:
        raise InvitationLinkError("used")
    return invitation


@require_http_methods(["GET", "POST"])
def invitation_accept(request, token):
    try:
        invitation = _get_open_invitation(token)
    except InvitationLinkError as error:
        return render(
            request,
            "portal/invitation_unusable.html",
            {"reason": error.reason},
            status=410 if error.reason != "invalid" else 404,
        )
    existing = get_user_model().objects.filter(username__iexact=invitation.email).first()
    if existing is not None:
        return _accept_for_existing_account(request, invitation, existing)
    form = AcceptInvitationForm(request.POST or None, invitation=invitation)
    if request.method == "POST" and form.is_valid():
        try:
            user = services.invitation_accept(
                invitation_id=invitation.pk, password=form.cleaned_data["password1"]
            )
        except services.InvitationUnavailable:
            return render(
                request, "portal/invitation_unusable.html", {"reason": "used"}, status=410
            )
        return _signed_in_home(request, user, "Your password is set and you are signed in.")
    return render(
        request, "portal/invitation_accept.html", {"form": form, "invitation": invitation}
    )


def _signed_in_home(request, user, message: str):
    """A new patient's first sign-in is a full one: this browser is known (portal/lockout.py)."""
    login(request, user, backend=MODEL_BACKEND)
    messages.success(request, message)
    response = redirect("intake:home")
    lockout.remember_device(response, user)
    return response


def _accept_for_existing_account(request, invitation, existing):
    # A returning patient: they sign in as themselves, then the visit joins their account.
    if request.user.is_authenticated and request.user.pk == existing.pk:
        if request.method == "POST":
            with contextlib.suppress(services.InvitationUnavailable):
                services.invitation_accept(
                    invitation_id=invitation.pk, password=None, user=existing
                )
            return redirect("intake:home")
        return render(request, "portal/invitation_existing.html", {"signed_in": True})
    login_url = reverse("login") + "?next=" + request.path
    return render(
        request, "portal/invitation_existing.html", {"signed_in": False, "login_url": login_url}
    )


@roles.inviter_required
@require_http_methods(["GET", "POST"])
def invitation_new(request):
    form = InvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.invitation_create(created_by=request.user, **form.cleaned_data)
        messages.success(request, "Invitation created. The patient will get an email with a link.")
        return redirect("invitation_new")
    recent = Invitation.objects.filter(created_by=request.user)[:20]
    return render(request, "portal/invitation_new.html", {"form": form, "recent": recent})


@require_http_methods(["GET", "POST"])
def register(request):
    if not settings.ALLOW_SELF_REGISTRATION:
        raise Http404
    form = RegistrationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if not throttle_hit(
            key=f"register-ip:{client_ip(request)}",
            limit=settings.PASSWORD_RESET_PER_CLIENT_PER_HOUR,
            window_seconds=60 * 60,
        ):
            return render(request, "registration/too_many_requests.html", status=429)
        data = form.cleaned_data
        registration.registration_request(
            email=data["email"],
            first_name=data["first_name"],
            last_name=data["last_name"],
            password=data["password1"],
        )
        # The same page whether or not the address has an account (the email differs).
        return render(request, "portal/register_sent.html")
    return render(request, "portal/register.html", {"form": form})


@require_http_methods(["GET", "POST"])
def register_confirm(request, token):
    """The link from the registration email. A button, not a GET that acts: mail scanners
    open links."""
    if not settings.ALLOW_SELF_REGISTRATION:
        raise Http404
    try:
        if request.method == "POST":
            user = registration.registration_confirm(token=token)
            return _signed_in_home(request, user, "Your account is ready and you are signed in.")
        registration.pending_registration_for(token)
    except registration.RegistrationLinkError as error:
        status = 404 if error.reason == "invalid" else 410
        return render(
            request, "portal/register_unusable.html", {"reason": error.reason}, status=status
        )
    return render(request, "portal/register_confirm.html")
