"""The change since the patient's earlier intake: scores and medicines.

``score_changes`` and ``medicine_changes`` are pure (stored evaluations in, words out);
the earlier intake they count from is ``intake.review.changes.baseline`` (one query).
"""


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


def _dose(medication: dict) -> dict:
    """What a medicine's dose was, as the evaluation worked it out: the daily mg, the
    diazepam-equivalent range (benzodiazepines) and the morphine milligram equivalents a
    day (opioids), each None when it does not apply or could not be worked out."""
    return {
        "daily_mg": medication.get("daily_mg"),
        "daily_dose": medication.get("daily_dose"),
        "diazepam_equivalent_mg": medication.get("diazepam_equivalent_mg"),
        "mme_per_day": medication.get("mme_per_day"),
    }


def medicine_differences(current: list[dict], previous: list[dict]) -> dict:
    """The medicines started, stopped and changed in daily dose between two evaluations'
    ``medications`` lists, each {"key", "name", "before", "after"} (``_dose`` of each side;
    None on the side it is missing from). A dose that cannot be computed on either side is
    not called a change."""
    now, before = _by_drug(current), _by_drug(previous)
    started = [
        {"key": k, "name": _name(m), "before": None, "after": _dose(m)}
        for k, m in now.items()
        if k not in before
    ]
    stopped = [
        {"key": k, "name": _name(m), "before": _dose(m), "after": None}
        for k, m in before.items()
        if k not in now
    ]
    changed = []
    for key, m in now.items():
        was = before.get(key)
        if was is None:
            continue
        was_mg, now_mg = was.get("daily_mg"), m.get("daily_mg")
        if was_mg is not None and now_mg is not None and was_mg != now_mg:
            changed.append({"key": key, "name": _name(m), "before": _dose(was),
                            "after": _dose(m), "up": now_mg > was_mg})  # fmt: skip
    return {"started": started, "stopped": stopped, "changed": changed}


def medicine_changes(current: list[dict], previous: list[dict]) -> dict:
    """What was added, stopped or changed in daily dose between two evaluations'
    ``medications`` lists, in words (``medicine_differences``). ``per_medicine`` maps each
    current drug key to its words."""
    differences = medicine_differences(current, previous)
    changed_words, per_medicine = [], {}
    for m in differences["started"]:
        per_medicine[m["key"]] = "new since the last intake"
    for m in differences["changed"]:
        direction = "up" if m["up"] else "down"
        was_mg, now_mg = m["before"]["daily_mg"], m["after"]["daily_mg"]
        changed_words.append(f"{m['name']} {direction} from {_mg(was_mg)} to {_mg(now_mg)}")
        per_medicine[m["key"]] = f"dose {direction}: was {_mg(was_mg)}"
    before = _by_drug(previous)
    for key, m in _by_drug(current).items():
        if key in per_medicine or key not in before:
            continue
        was_mg, now_mg = before[key].get("daily_mg"), m.get("daily_mg")
        per_medicine[key] = "same dose as last time" if was_mg == now_mg else ""
    return {
        "added": [m["name"] for m in differences["started"]],
        "stopped": [m["name"] for m in differences["stopped"]],
        "changed": changed_words,
        "per_medicine": per_medicine,
    }
