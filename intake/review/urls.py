import os

from django.conf import settings
from django.urls import path

from ..checkins import views as checkins
from ..consent import staff as consent_staff
from . import views

app_name = "review"

# One intake's pages, below i/<public_id>/: (address, view, name).
INTAKE_PAGES = [
    ("", views.detail, "detail"),
    ("claim/", views.claim, "claim"),
    ("release/", views.release, "release"),
    ("note/", views.add_note, "add_note"),
    ("pdmp-checked/", views.pdmp_checked, "pdmp_checked"),
    ("request-information/", views.request_information, "request_information"),
    ("reviewed/", views.mark_reviewed, "mark_reviewed"),
    ("print/", views.print_summary, "print"),
    ("fhir.json", views.fhir_export, "fhir_export"),
    ("fhir-bundle.json", views.fhir_bundle, "fhir_bundle"),
    ("consent/<int:signature_id>/", consent_staff.verify, "consent_verify"),
    ("check-ins/", checkins.schedule, "checkin_schedule"),
    ("check-ins/stop/", checkins.stop, "checkin_schedule_stop"),
]

urlpatterns = [
    path("", views.queue, name="queue"),
    path("next/", views.take_next, name="take_next"),
    path("fhir/Questionnaire/previsit-intake.json", views.fhir_questionnaire,
         name="fhir_questionnaire"),
    *(path(f"i/<uuid:public_id>/{address}", view, name=name)
      for address, view, name in INTAKE_PAGES),
]  # fmt: skip

# The benchmark's bare baseline views exist only when asked for (never in production), so
# the dev tooling is imported here and nowhere else on the request path.
if getattr(settings, "PORTAL_BENCH", False) or os.environ.get("PORTAL_BENCH") == "1":
    from intake.devtools.bench import views as bench_views

    urlpatterns += [
        path("_bench/bare/", bench_views.bench_bare, name="bench_bare"),
        path(
            "_bench/bare-signed-in/", bench_views.bench_bare_signed_in, name="bench_bare_signed_in"
        ),
    ]
