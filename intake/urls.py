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
    "past_medicines": "psychiatric-history/past-medicines/",
    "pharmacy": "pharmacy/",
}

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
    *((suffix, views.step, {"step_key": key}, key) for key, suffix in STEP_PATHS.items()),
    ("check/", views.check, {}, "check"),
    ("submit/", views.submit, {}, "submit"),
    ("confirmation/", views.confirmation, {}, "confirmation"),
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
