"""The change since the patient's earlier intake: scores and medicines.

``score_changes`` and ``medicine_changes`` are pure (stored evaluations in, words out);
``previous_submission`` is the one query the detail page spends on it.
"""

from ..models import Intake


def previous_submission(intake: Intake) -> Intake | None:
    """The same patient's latest intake submitted before this one (one query), or None."""
    if intake.submitted_at is None:
        return None
    return (
        Intake.objects.filter(
            patient_id=intake.patient_id,
            submitted_at__isnull=False,
            submitted_at__lt=intake.submitted_at,
        )
        .exclude(pk=intake.pk)
        .only("pk", "public_id", "submitted_at", "evaluation")
        .order_by("-submitted_at")
        .first()
    )


def _comparable(key: str, score: dict | None):
    """A score's value to compare, or None when it has none (incomplete or not asked)."""
    if not score or not score.get("complete", True):
        return None
    if key == "cssrs":
        return score.get("risk")
    total = score.get("total")
    return total if isinstance(total, int) and not isinstance(total, bool) else None


def score_changes(current: dict, previous: dict) -> dict[str, dict]:
    """Per instrument both intakes scored: the earlier value and the change.

    ``current`` and ``previous`` are the evaluations' ``scores`` dicts. A number gives a
    signed ``change``; the C-SSRS gives its earlier risk level and whether it differs.
    """
    changes = {}
    for key, score in (current or {}).items():
        now = _comparable(key, score)
        was = _comparable(key, (previous or {}).get(key))
        if now is None or was is None:
            continue
        if key == "cssrs":
            words = "no change" if now == was else "changed"
            changes[key] = {"was": str(was).upper(), "change": None, "words": words}
        else:
            changes[key] = {"was": was, "change": now - was, "words": _difference(now - was)}
    return changes


def _difference(change: int) -> str:
    if change == 0:
        return "no change"
    return f"up {change}" if change > 0 else f"down {-change}"


def medicine_key(medication: dict) -> str:
    """The same drug whatever name was typed: the catalog generic, else the typed words."""
    return (medication.get("generic") or medication.get("input") or "").strip().lower()


def _by_drug(medications: list[dict]) -> dict[str, dict]:
    """One entry per drug (the first listed wins, as a duplicate is rare and refused)."""
    drugs: dict[str, dict] = {}
    for m in medications or []:
        key = medicine_key(m)
        if key and key not in drugs:
            drugs[key] = m
    return drugs


def _name(medication: dict) -> str:
    return medication.get("generic") or medication.get("input") or ""


def _mg(value) -> str:
    return f"{value:g} mg a day"


def medicine_changes(current: list[dict], previous: list[dict]) -> dict:
    """What was added, stopped or changed in daily dose between two evaluations'
    ``medications`` lists. ``per_medicine`` maps each current drug key to its words.
    A dose that cannot be computed on either side is not called a change."""
    now, before = _by_drug(current), _by_drug(previous)
    added = [_name(now[k]) for k in now if k not in before]
    stopped = [_name(before[k]) for k in before if k not in now]
    changed, per_medicine = [], {}
    for key, m in now.items():
        if key not in before:
            per_medicine[key] = "new since the last intake"
            continue
        was_mg, now_mg = before[key].get("daily_mg"), m.get("daily_mg")
        if was_mg is None or now_mg is None or was_mg == now_mg:
            per_medicine[key] = "same dose as last time" if was_mg == now_mg else ""
            continue
        direction = "up" if now_mg > was_mg else "down"
        words = f"{_name(m)} {direction} from {_mg(was_mg)} to {_mg(now_mg)}"
        changed.append(words)
        per_medicine[key] = f"dose {direction}: was {_mg(was_mg)}"
    return {"added": added, "stopped": stopped, "changed": changed, "per_medicine": per_medicine}
