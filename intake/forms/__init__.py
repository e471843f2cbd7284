"""The intake's page forms, one per page; ``STEP_FORMS`` maps a page key to its form."""

from .about import AboutForm, VisitForm
from .contact import ContactForm
from .goals import GoalsForm
from .history import HealthForm, PastMedicinesForm, PharmacyForm, PsychHistoryForm
from .medications import MedicationForm, MedicationsDoneForm
from .substances import AlcoholForm, BenzoHistoryForm, DrugUseForm, SubstancesForm
from .wellbeing import (
    AnxietyForm,
    AttestationForm,
    FallsDrivingForm,
    MoodForm,
    SafetyForm,
    SafetyMoreForm,
    SideEffectsForm,
)

STEP_FORMS = {
    "about": AboutForm,
    "contact": ContactForm,
    "visit": VisitForm,
    "goals": GoalsForm,
    "benzodiazepines": BenzoHistoryForm,
    "alcohol": AlcoholForm,
    "substances": SubstancesForm,
    "drug_use": DrugUseForm,
    "side_effects": SideEffectsForm,
    "falls_driving": FallsDrivingForm,
    "anxiety": AnxietyForm,
    "mood": MoodForm,
    "safety": SafetyForm,
    "safety_more": SafetyMoreForm,
    "health": HealthForm,
    "psych_history": PsychHistoryForm,
    "past_medicines": PastMedicinesForm,
    "pharmacy": PharmacyForm,
}

__all__ = ["STEP_FORMS", "AttestationForm", "MedicationForm", "MedicationsDoneForm"]
