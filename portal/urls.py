from django.contrib import admin
from django.templatetags.static import static
from django.urls import include, path
from django.utils.functional import lazy
from django.views.generic import RedirectView

from . import health
from .views import accounts, home, language, mfa, session
from .views.access import access_report
from .views.password_reset import ThrottledPasswordResetView
from .views.sign_in import SignInView

urlpatterns = [
    # Probes (portal/health.py): liveness without dependencies, readiness with them.
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    path("", home.home, name="home"),
    # Browsers (and the admin) ask for /favicon.ico whatever the page's <link rel="icon">.
    # Lazy: the hashed name is read from the manifest at the first request, so commands that
    # load the URLconf before collectstatic (migrate) still run.
    path(
        "favicon.ico",
        RedirectView.as_view(url=lazy(static, str)("portal/favicon.svg"), permanent=True),
    ),
    path("language/", language.set_language, name="set_language"),
    path("no-role/", home.no_role, name="no_role"),
    path("disclaimer/", home.disclaimer, name="disclaimer"),
    path("accounts/login/", SignInView.as_view(), name="login"),
    path(
        "accounts/password_reset/",
        ThrottledPasswordResetView.as_view(),
        name="password_reset",
    ),
    path("accounts/who-has-seen-my-answers/", access_report, name="access_report"),
    path("accounts/session/", session.session_status, name="session_status"),
    path("accounts/session/extend/", session.session_extend, name="session_extend"),
    path("accounts/mfa/", mfa.mfa_manage, name="mfa_manage"),
    path("accounts/mfa/setup/", mfa.mfa_setup, name="mfa_setup"),
    path("accounts/mfa/setup/qr.svg", mfa.mfa_qr, name="mfa_qr"),
    path("accounts/mfa/verify/", mfa.mfa_verify, name="mfa_verify"),
    path("accounts/mfa/codes/", mfa.mfa_codes, name="mfa_codes"),
    path("accounts/mfa/codes/new/", mfa.mfa_new_codes, name="mfa_new_codes"),
    path("accounts/mfa/off/", mfa.mfa_turn_off, name="mfa_turn_off"),
    path("accounts/", include("django.contrib.auth.urls")),
    path("accounts/register/", accounts.register, name="register"),
    path("accounts/register/<str:token>/", accounts.register_confirm, name="register_confirm"),
    path("invite/<str:token>/", accounts.invitation_accept, name="invitation_accept"),
    path("staff/invitations/", accounts.invitation_new, name="invitation_new"),
    path("intake/", include("intake.urls")),
    path("review/", include("intake.review.urls")),
    path("learn/", include("education.urls")),
    path("admin/", admin.site.urls),
]

# A dependency outage is 503 with Retry-After, a bug 500 (portal/views/errors.py).
handler500 = "portal.views.errors.server_error"

admin.site.site_header = "Intake portal administration"
admin.site.site_title = "Intake portal admin"
