"""Password reset with its emails throttled per address and per client address."""

import hashlib

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.http import HttpResponseRedirect
from django.shortcuts import render

from ..audit import record
from ..clientip import client_ip
from ..forms import PatientPasswordResetForm
from ..throttle import throttle_hit

HOUR = 60 * 60


def _email_key(email: str) -> str:
    # A digest, so the cache never holds the address itself.
    return hashlib.sha256(email.strip().lower().encode()).hexdigest()


class ThrottledPasswordResetView(auth_views.PasswordResetView):
    """Too many requests from one client: 429. Too many for one address: the usual "check
    your email" page, but no email, so the answer never tells whether the account exists."""

    form_class = PatientPasswordResetForm

    def form_valid(self, form):
        if not throttle_hit(
            key=f"reset-ip:{client_ip(self.request)}",
            limit=settings.PASSWORD_RESET_PER_CLIENT_PER_HOUR,
            window_seconds=HOUR,
        ):
            record(actor=None, action="auth.password_reset_throttled", object_type="client")
            return render(self.request, "registration/too_many_requests.html", status=429)
        if not throttle_hit(
            key=f"reset-email:{_email_key(form.cleaned_data['email'])}",
            limit=settings.PASSWORD_RESET_PER_EMAIL_PER_HOUR,
            window_seconds=HOUR,
        ):
            record(actor=None, action="auth.password_reset_throttled", object_type="email")
            return HttpResponseRedirect(self.get_success_url())
        return super().form_valid(form)
