"""Safety answers kept from an unfinished page become typed, as new saves keep them
(``intake.drafts``): True/False for the C-SSRS pages, 0-3 for the PHQ-9 page; a value that
is not a real answer is dropped. The risk rank gains "not known" (an unfinished screener)
between high and moderate: moderate 2 -> 3, low 3 -> 4, and each unsent draft in the STAT
list is ranked again from its safety answers.

The rules are copied here as they stand (a migration must not change with the live code).
"""

from django.db import migrations
from django.db.models import F

CSSRS_PAGES = ("safety", "safety_more")
MOOD_PAGE = "mood"
PHQ_SCORES = {str(n): n for n in range(4)}
HIGH, NOT_KNOWN, MODERATE, LOW, NOT_STAT = 1, 2, 3, 4, 9


def _typed_cssrs(values: dict) -> dict:
    words = {"yes": True, "no": False, True: True, False: False}
    return {key: words[value] for key, value in values.items() if value in words}


def _typed_mood(values: dict) -> dict:
    typed = {}
    for key, value in values.items():
        if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 3:
            typed[key] = value
        elif isinstance(value, str) and value in PHQ_SCORES:
            typed[key] = PHQ_SCORES[value]
    return typed


def typed_pending(pending: dict) -> dict:
    """``details["pending"]`` with the safety pages' answers typed (other pages as they are)."""
    pending = dict(pending)
    for page in CSSRS_PAGES:
        if page in pending:
            pending[page] = _typed_cssrs(pending[page] or {})
    if MOOD_PAGE in pending:
        pending[MOOD_PAGE] = _typed_mood(pending[MOOD_PAGE] or {})
    return pending


def _asked(cssrs: dict) -> list[str]:
    asked = ["q1", "q2"] + (["q3", "q4", "q5"] if cssrs.get("q2") is True else []) + ["q6"]
    return asked + (["q6_past_3_months"] if cssrs.get("q6") is True else [])


def draft_rank(answers: dict, pending: dict) -> int:
    """An unsent draft's rank from its safety answers, stored and kept (the worse counts)."""
    cssrs = {k: v for k, v in (answers.get("cssrs") or {}).items() if isinstance(v, bool)}
    for page in CSSRS_PAGES:
        for key, value in (pending.get(page) or {}).items():
            cssrs[key] = cssrs.get(key) is True or value is True
    asked = _asked(cssrs)
    yes = {key for key in asked if cssrs.get(key) is True}
    phq = answers.get("phq_9") or []
    scores = [phq[8] if len(phq) == 9 else None, (pending.get(MOOD_PAGE) or {}).get("phq_9_9")]
    item_9 = max((s for s in scores if isinstance(s, int) and not isinstance(s, bool)), default=0)
    if yes & {"q4", "q5", "q6_past_3_months"}:
        return HIGH
    if not yes and not item_9:
        return NOT_STAT
    if any(cssrs.get(key) is None for key in asked):
        return NOT_KNOWN
    return MODERATE if yes & {"q3", "q6"} else LOW


def forwards(apps, schema_editor):
    Intake = apps.get_model("intake", "Intake")
    Intake.objects.filter(risk_rank__in=(2, 3)).update(risk_rank=F("risk_rank") + 1)
    for intake in Intake.objects.filter(status="draft").only("details").iterator():
        if not intake.details.get("pending"):
            continue
        pending = typed_pending(intake.details["pending"])
        if pending != intake.details["pending"]:
            details = {**intake.details, "pending": pending}
            Intake.objects.filter(pk=intake.pk).update(details=details)
    unsent = Intake.objects.filter(status="draft", safety_alert_at__isnull=False)
    for intake in unsent.only("answers", "details", "queue_card", "risk_rank").iterator():
        rank = draft_rank(intake.answers, intake.details.get("pending") or {})
        # Nothing of an unsent intake but its safety answers on its queue row.
        card = {**intake.queue_card, "visit_reason": None, "visit_reason_other": ""}
        Intake.objects.filter(pk=intake.pk).update(
            # A later "no" leaves a draft in the list at its rank, as a save does.
            risk_rank=intake.risk_rank if rank == NOT_STAT else rank,
            queue_card=card,
        )


class Migration(migrations.Migration):
    dependencies = [
        ("intake", "0020_street_designer_and_psychiatric_catalog"),
    ]

    operations = [
        migrations.RunPython(forwards, migrations.RunPython.noop),
    ]
