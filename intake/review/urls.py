import os

from django.conf import settings
from django.urls import path

from . import views

app_name = "review"

urlpatterns = [
    path("", views.queue, name="queue"),
    path("next/", views.take_next, name="take_next"),
    path("fhir/Questionnaire/previsit-intake.json", views.fhir_questionnaire,
         name="fhir_questionnaire"),
    path("i/<uuid:public_id>/", views.detail, name="detail"),
    path("i/<uuid:public_id>/claim/", views.claim, name="claim"),
    path("i/<uuid:public_id>/release/", views.release, name="release"),
    path("i/<uuid:public_id>/note/", views.add_note, name="add_note"),
    path("i/<uuid:public_id>/pdmp-checked/", views.pdmp_checked, name="pdmp_checked"),
    path("i/<uuid:public_id>/request-information/", views.request_information,
         name="request_information"),
    path("i/<uuid:public_id>/reviewed/", views.mark_reviewed, name="mark_reviewed"),
    path("i/<uuid:public_id>/print/", views.print_summary, name="print"),
    path("i/<uuid:public_id>/fhir.json", views.fhir_export, name="fhir_export"),
    path("i/<uuid:public_id>/fhir-bundle.json", views.fhir_bundle, name="fhir_bundle"),
]  # fmt: skip

# The benchmark's bare baseline view exists only when asked for (never in production).
if getattr(settings, "PORTAL_BENCH", False) or os.environ.get("PORTAL_BENCH") == "1":
    urlpatterns += [
        path("_bench/bare/", views.bench_bare, name="bench_bare"),
        path("_bench/bare-signed-in/", views.bench_bare_signed_in, name="bench_bare_signed_in"),
    ]
