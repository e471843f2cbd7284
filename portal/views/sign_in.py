"""Sign-in with the password: the lockout policy's known-browser cookie at a full sign-in."""

from django.contrib.auth import views as auth_views

from .. import lockout, mfa
from ..forms import SignInForm


class SignInView(auth_views.LoginView):
    authentication_form = SignInForm
    redirect_authenticated_user = True

    def form_valid(self, form):
        response = super().form_valid(form)
        user = form.get_user()
        # With a second factor owed, the browser is known once the code is passed.
        owed = mfa.mfa_required(user) or self.request.session.get(mfa.HAS_DEVICE_SESSION_KEY)
        if not owed:
            lockout.remember_device(response, user)
        return response
