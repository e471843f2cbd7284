from django.urls import path

from . import views
from .consent import views as consent

app_name = "intake"

# One intake's pages, below <public_id>/: (address, view, extra arguments, name). A medicine
# is two pages, "What you take" then "How you take it" (``part``).
HOW = {"part": "how"}
INTAKE_PAGES = [
    ("", views.tasks, {}, "tasks"),
    ("medications/", views.medications, {}, "medications"),
    ("medications/add/", views.medication_edit, {}, "medication_add"),
    ("medications/add/how/", views.medication_edit, HOW, "medication_add_how"),
    ("medications/<int:index>/", views.medication_edit, {}, "medication_edit"),
    ("medications/<int:index>/how/", views.medication_edit, HOW, "medication_edit_how"),
    ("medications/<int:index>/remove/", views.medication_remove, {}, "medication_remove"),
    ("check/", views.check, {}, "check"),
    ("submit/", views.submit, {}, "submit"),
    ("confirmation/", views.confirmation, {}, "confirmation"),
    ("scores/", views.scores, {}, "scores"),
    ("consent/", consent.overview, {}, "consent"),
    ("consent/privacy-notice/notice/", consent.privacy_notice, {}, "privacy_notice"),
    ("consent/copy/<int:signature_id>.pdf", consent.signed_copy, {}, "consent_copy"),
    ("consent/<slug:document>/", consent.sign, {}, "consent_sign"),
    ("consent/<slug:document>/withdraw/", consent.withdraw, {}, "consent_withdraw"),
    # Last: every question page, at the address its declaration gives (intake/sections.py),
    # served by the one ``step`` view; URLs carry the intake's random public id and nothing
    # else that identifies anyone.
    ("<path:page_path>", views.step, {}, "step"),
]

urlpatterns = [
    path("", views.home, name="home"),
    path("start/", views.start, name="start"),
    path("resume/", views.resume, name="resume"),
    path("my-answers.json", views.answers_download, name="answers_download"),
    *(
        path(f"<uuid:public_id>/{address}", view, kwargs, name=name)
        for address, view, kwargs, name in INTAKE_PAGES
    ),
]
