"""A returning patient: a first intake sent with three medicines, then a follow-up opened
from it. Shared by the follow-up's tests (unit, review and browser)."""

from datetime import timedelta

from django.utils import timezone

from intake.models import IntakeKind
from intake.sections import questionnaire
from intake.services import intake_create
from tests.factories import make_submitted_intake, sign_consents
from tests.intake.answers import COMPLETE, COMPLETE_DETAILS
from tests.intake.pages import ANXIETY, BENZO, MOOD, SAFETY, post_ok


def medicine(name, strength, times, **more) -> dict:
    return {"name": name, "strength_mg": strength, "amount_per_dose": 1.0, "times_per_day": times,
            "taking": "as_prescribed", "prescribed": True, "weeks_taking": 30, **more}  # fmt: skip


# Last time: clonazepam 0.5 mg twice a day (1 mg), sertraline 50 mg, zolpidem 10 mg; a
# PHQ-9 of 16 and a GAD-7 of 14.
LAST_MEDICINES = [
    medicine("Klonopin", 0.5, 2),
    medicine("sertraline", 50.0, 1),
    medicine("zolpidem", 10.0, 1),
]
LAST_ANSWERS = {
    **COMPLETE,
    "medications": LAST_MEDICINES,
    "benzo_history": {
        "plans_to_stop": False,
        "missed_dose_symptoms": False,
        "withdrawal_before": False,
        "used_before": False,
        "tried_to_stop": False,
        "dosing": "divided",
    },  # fmt: skip
    "phq_9": [2, 2, 2, 2, 2, 2, 2, 2, 0],
    "gad_7": [2, 2, 2, 2, 2, 2, 2],
    "health": {
        "sleep_apnoea": False,
        "lung_disease": False,
        "liver_disease": False,
        "kidney_disease": False,
        "falls_past_year": False,
        "seizures": False,
        "head_injury": False,
        "medicine_allergies": True,
    },  # fmt: skip
    "allergy_details": "Penicillin: a rash",
}
LAST_DETAILS = {**COMPLETE_DETAILS, "pharmacy": {"name": "Main Street Pharmacy",
                                                 "phone": "", "town": "Albany"}}  # fmt: skip

# The reconciliation page's answers: Klonopin up to 0.5 mg three times a day, sertraline
# the same, zolpidem stopped.
RECONCILED = {
    "m0_status": "changed", "m0_strength_mg": "0.5", "m0_amount_per_dose": "1",
    "m0_how_often": "3", "m0_max_doses_per_day": "", "m0_stopped_when": "",
    "m1_status": "unchanged", "m1_strength_mg": "50", "m1_amount_per_dose": "1",
    "m1_how_often": "1", "m1_max_doses_per_day": "", "m1_stopped_when": "",
    "m2_status": "stopped", "m2_strength_mg": "10", "m2_amount_per_dose": "1",
    "m2_how_often": "1", "m2_max_doses_per_day": "", "m2_stopped_when": "3 weeks ago",
}  # fmt: skip


def returning_patient(patient, *, kind=None):
    """The patient's first intake, sent a month ago; then their next intake opened as a
    returning patient's is (``kind`` None: the default for them, a follow-up)."""
    first = make_submitted_intake(patient, answers=LAST_ANSWERS, visit_in_hours=None)
    first.details = {**first.details, **LAST_DETAILS}
    first.submitted_at = timezone.now() - timedelta(days=30)
    first.save(update_fields=["details", "submitted_at"])
    follow_up = intake_create(
        patient=patient, visit_at=timezone.now() + timedelta(days=3), kind=kind
    )
    sign_consents(follow_up, every=True)
    return first, follow_up


def answer_the_rest(client, follow_up, *, mood=MOOD, anxiety=ANXIETY):
    """Every page a follow-up still asks, other than the medicines since last time."""
    for key in ("about", "contact", "health", "psych_history", "pharmacy"):
        if key in follow_up.answers["since_last_time"]:
            post_ok(client, _url(follow_up, f"{key}_since_last_time"), {f"{key}_changed": "no"})
    post_ok(client, _url(follow_up, "visit"), {"visit_reason": "panic"})
    post_ok(client, _url(follow_up, "medications"), {"add_another": "no"})
    post_ok(client, _url(follow_up, "benzodiazepines"), BENZO)
    post_ok(client, _url(follow_up, "alcohol"), {"audit_c_1": "0", "audit_c_2": "0",
                                                 "audit_c_3": "0"})  # fmt: skip
    post_ok(client, _url(follow_up, "substances"), {
        "opioids": "no", "cannabis": "no", "stimulants": "no", "sedatives": "no",
        "sud_history": "no", "family_sud_history": "no", "drug_use_past_year": "no"})  # fmt: skip
    post_ok(client, _url(follow_up, "side_effects"), {k: "none" for k in (
        "drowsiness", "brain_fog", "coordination", "memory", "fatigue", "confusion",
        "over_medicated", "breakthrough_anxiety")})  # fmt: skip
    post_ok(client, _url(follow_up, "falls_driving"), {"falls": "no", "driving": "no"})
    post_ok(client, _url(follow_up, "anxiety"), anxiety)
    post_ok(client, _url(follow_up, "mood"), mood)
    post_ok(client, _url(follow_up, "safety"), SAFETY)


def _url(intake, step_key):
    return questionnaire(intake.kind).steps_by_key[step_key].url(intake.public_id)


__all__ = ["IntakeKind", "LAST_ANSWERS", "RECONCILED", "answer_the_rest", "returning_patient"]
