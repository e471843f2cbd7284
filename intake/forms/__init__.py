"""The intake's page forms. Which page asks which form is declared with the page
(``intake.sections``); the medicines and the attestation have views of their own."""

from .medications import MedicationForm, MedicationsDoneForm
from .wellbeing import AttestationForm

__all__ = ["AttestationForm", "MedicationForm", "MedicationsDoneForm"]
