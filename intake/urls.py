from django.urls import path

from . import views

app_name = "intake"

# Each question page is the generic ``step`` view for one page key; URLs carry the intake's
# random public id and nothing else that identifies anyone.
STEP_PATHS = {
    "about": "about/",
    "contact": "contact/",
    "visit": "visit/",
    "goals": "goals/",
    "benzodiazepines": "benzodiazepines/",
    "alcohol": "alcohol/",
    "substances": "substances/",
    "drug_use": "drug-use/",
    "side_effects": "side-effects/",
    "falls_driving": "side-effects/falls-and-driving/",
    "anxiety": "anxiety/",
    "mood": "mood/",
    "safety": "safety/",
    "safety_more": "safety/more/",
    "health": "health/",
    "psych_history": "psychiatric-history/",
    "pharmacy": "pharmacy/",
}

urlpatterns = [
    path("", views.home, name="home"),
    path("start/", views.start, name="start"),
    path("resume/", views.resume, name="resume"),
    path("my-answers.json", views.answers_download, name="answers_download"),
    path("<uuid:public_id>/", views.tasks, name="tasks"),
    path("<uuid:public_id>/medications/", views.medications, name="medications"),
    path("<uuid:public_id>/medications/add/", views.medication_edit, name="medication_add"),
    path(
        "<uuid:public_id>/medications/add/how/",
        views.medication_edit,
        {"part": "how"},
        name="medication_add_how",
    ),
    path(
        "<uuid:public_id>/medications/<int:index>/",
        views.medication_edit,
        name="medication_edit",
    ),
    path(
        "<uuid:public_id>/medications/<int:index>/how/",
        views.medication_edit,
        {"part": "how"},
        name="medication_edit_how",
    ),
    path(
        "<uuid:public_id>/medications/<int:index>/remove/",
        views.medication_remove,
        name="medication_remove",
    ),
    *(
        path(f"<uuid:public_id>/{suffix}", views.step, {"step_key": key}, name=key)
        for key, suffix in STEP_PATHS.items()
    ),
    path("<uuid:public_id>/check/", views.check, name="check"),
    path("<uuid:public_id>/submit/", views.submit, name="submit"),
    path("<uuid:public_id>/confirmation/", views.confirmation, name="confirmation"),
]
