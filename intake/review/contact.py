"""How to reach a patient, for the top of a STAT intake's detail and print pages: phone,
emergency contact and where they will be, beside the risk level and the safety answers that
made it urgent. Built from the stored intake (no request)."""

from ..clinical.instruments import INSTRUMENTS, cssrs_risk
from ..forms.contact import CONTACT_BY, STATE_NAMES, phone_display
from ..models import Intake
from ..safety import SafetyAnswers, risk_words, safety_answers

CONTACT_BY_WORDS = dict(CONTACT_BY)
PHQ9_ITEM9_WORDS = {1: "several days", 2: "more than half the days", 3: "nearly every day"}


def reach_patient(intake: Intake) -> dict | None:
    """The block's contents, or None for an intake that is neither STAT nor holds a positive
    safety answer (its contact details are then with the other answers)."""
    block = safety_and_contact(intake)
    return block if block["urgent"] else None


def safety_and_contact(intake: Intake) -> dict:
    """The block's contents for any intake: the detail and print pages open with safety
    and contact whatever the priority; ``urgent`` marks the STAT (or positive safety) one."""
    safety = safety_answers(intake.answers, intake.details)
    urgent = intake.priority == "stat" or bool(safety.positive)
    contact = intake.details.get("contact") or {}
    emergency = contact.get("emergency_contact") or {}
    return {
        "phone": _phone(contact.get("mobile_phone")),
        "contact_by": CONTACT_BY_WORDS.get(contact.get("contact_by"), "not given"),
        "emergency": {
            "name": emergency.get("name", ""),
            "relationship": emergency.get("relationship", ""),
            "phone": _phone(emergency.get("phone")),
        }
        if emergency
        else None,
        "state": STATE_NAMES.get(contact.get("visit_state"), ""),
        "address": contact.get("visit_address", ""),
        "risk": _risk(intake) if urgent else _calm_risk(safety),
        "safety_answers": _safety_answers(safety) if urgent else [],
        "urgent": urgent,
    }


def _calm_risk(safety: SafetyAnswers) -> str:
    """What the screener found, for an intake with no positive safety answer: nothing, or
    suicidal behaviour more than 3 months ago (moderate risk, not STAT)."""
    risk = cssrs_risk(safety.cssrs)
    if risk is None:
        return "Safety screener not finished"
    if safety.cssrs.get("q6_past_3_months") is False:
        return f"Past suicidal behaviour (more than 3 months ago): {risk} risk"
    return f"No positive safety answer (C-SSRS {risk.upper()})"


def _phone(e164: str | None) -> dict | None:
    return {"e164": e164, "display": phone_display(e164)} if e164 else None


def _risk(intake: Intake) -> str:
    """The queue's risk level in words, and the C-SSRS result when it was scored."""
    words = risk_words(getattr(intake, "risk_rank", None)) or "Not ranked"
    cssrs = ((intake.evaluation or {}).get("scores") or {}).get("cssrs") or {}
    return f"{words} (C-SSRS {cssrs['risk'].upper()})" if cssrs.get("risk") else words


def _safety_answers(safety: SafetyAnswers) -> list[str]:
    """The positive safety answers as question and answer, in the patient's words."""
    cssrs = {item.id: item.text for item in INSTRUMENTS["cssrs"].items}
    rows = []
    for code in safety.positive:
        instrument, item = code.split(".")
        if instrument == "cssrs":
            rows.append(f"{cssrs[item]} Yes")
        else:
            words = PHQ9_ITEM9_WORDS[safety.phq9_item9]
            rows.append(f"{INSTRUMENTS['phq_9'].items[8].text} {words}")
    return rows
