"""What changed since the patient's last visit, for the top of the detail and print pages.

The baseline is the intake a follow-up started from (``details["follow_up"]["from"]``), else
the patient's latest earlier sent first-visit or follow-up intake: a check-in asks no
medicines, so it is never the baseline of a medicine comparison. Both sides are stored
evaluations, so the doses and their diazepam and morphine equivalents are the clinical core's,
as the rest of the page shows them; the medicines are compared by ``trend.medicine_differences``,
each score change is read by ``intake.clinical.measurement`` (response, remission,
meaningful worsening). A follow-up adds what the patient said when reconciling (changed,
stopped and when). One query: the baseline's evaluation.
"""

import uuid

from ..clinical.instruments import INSTRUMENTS
from ..clinical.measurement import score_change
from ..compiled import CompiledRead
from ..forms.follow_up import CHANGED, NEW, RECONCILED, STOPPED, UNCHANGED, last_time
from ..models import Intake, IntakeKind
from .trend import _comparable, medicine_differences, medicine_key

# The instruments whose totals are compared, in the page's order.
COMPARED = ("phq_9", "gad_7", "audit_c", "dast_10", "cssrs")


def baseline(intake: Intake) -> Intake | None:
    """The intake the changes are counted from (see the module's docstring), or None. A
    check-in's is the patient's previous sent intake of any kind (its scores compare)."""
    mine = {"patient_id": intake.patient_id, "pk": intake.pk}
    started_from = _public_id(last_time(intake.details).get("from"))
    if started_from:
        found = _started_from(**mine, public_id=started_from)
        if found:
            return found[0]
    shape = {"any_kind": intake.kind == IntakeKind.CHECK_IN, "before": False}
    if intake.submitted_at is not None:
        shape["before"], mine["at"] = True, intake.submitted_at
    found = _latest_before(shape, **mine)
    return found[0] if found else None


def _public_id(value) -> uuid.UUID | None:
    try:
        return uuid.UUID(str(value)) if value else None
    except ValueError:
        return None


def _earlier(patient_id: int, pk: int):
    rows = Intake.objects.filter(patient_id=patient_id, submitted_at__isnull=False)
    return rows.exclude(pk=pk).only("pk", "public_id", "kind", "submitted_at", "evaluation")


def _latest(*, patient_id: int, pk: int, any_kind: bool, before: bool, at=None):
    rows = _earlier(patient_id, pk)
    if not any_kind:
        rows = rows.exclude(kind=IntakeKind.CHECK_IN)
    if before:
        rows = rows.filter(submitted_at__lt=at)
    return rows.order_by("-submitted_at")[:1]


# Compiled once and prepared (intake/compiled.py; reads by a key): every showing of the
# detail page asks.
_started_from = CompiledRead(
    lambda *, patient_id, pk, public_id: (
        _earlier(patient_id, pk).filter(public_id=public_id).order_by("pk")[:1]
    ),
    prepared=True,
)
_latest_before = CompiledRead(_latest, prepared=True)


_READ = object()


def what_changed(intake: Intake, earlier: Intake | None = _READ) -> dict | None:
    """{"since": the baseline's submission time, "kind", "medicines", "flags", "scores"},
    or None for a draft or when there is nothing earlier to compare with. ``earlier``: the
    baseline when the caller has read it already (the detail page reads it once)."""
    if intake.submitted_at is None:
        return None
    if earlier is _READ:
        earlier = baseline(intake)
    if earlier is None:
        return None
    now, was = intake.evaluation or {}, earlier.evaluation or {}
    scores = score_changes(now.get("scores") or {}, was.get("scores") or {})
    if intake.kind == IntakeKind.CHECK_IN or earlier.kind == IntakeKind.CHECK_IN:
        # A check-in asks no medicines and only some of the rules' questions: its scores
        # compare, its medicines and flags do not.
        return {"since": earlier.submitted_at, "follow_up": False, "medicines": None,
                "flags": None, "scores": scores}  # fmt: skip
    return {
        "since": earlier.submitted_at,
        "follow_up": intake.kind == IntakeKind.FOLLOW_UP,
        "medicines": medicines(intake, now, was),
        "flags": flag_changes(now.get("flags") or [], was.get("flags") or []),
        "scores": scores,
    }


# ---- medicines ------------------------------------------------------------------------------
def _range(values) -> str:
    if not values:
        return ""
    low, high = values
    return f"{low:g} mg" if low == high else f"{low:g}-{high:g} mg"


def _dose_words(dose: dict | None) -> dict:
    """One side of a change in words: daily dose, diazepam equivalent, morphine equivalent."""
    if dose is None:
        return {"daily": "not taken", "diazepam": "", "mme": ""}
    daily = dose.get("daily_mg")
    mme = dose.get("mme_per_day")
    return {
        "daily": f"{daily:g} mg a day" if daily is not None else "dose not known",
        "diazepam": _range(dose.get("diazepam_equivalent_mg")),
        "mme": f"{mme:g} MME a day" if mme is not None else "",
    }


def _said(intake: Intake) -> dict[str, dict]:
    """What the patient said per medicine when reconciling, by the name they typed
    (lowercase): {"status", "stopped_when"}. Empty for a first visit."""
    if intake.kind != IntakeKind.FOLLOW_UP:
        return {}
    answers = intake.answers or {}
    said = {}
    for m in [*(answers.get("medications") or []), *(answers.get(STOPPED) or [])]:
        if isinstance(m, dict) and m.get(RECONCILED):
            said[(m.get("name") or "").strip().lower()] = {
                "status": m[RECONCILED],
                "stopped_when": m.get("stopped_when", ""),
            }
    return said


def _row(change: dict, evaluated: dict, said: dict) -> dict:
    told = said.get((evaluated.get("input") or "").strip().lower(), {})
    return {
        "name": change["name"],
        "typed": evaluated.get("input") or "",
        "before": _dose_words(change["before"]),
        "after": _dose_words(change["after"]),
        "stopped_when": told.get("stopped_when", ""),
        "patient_said": told.get("status", ""),
    }


def medicines(intake: Intake, now: dict, was: dict) -> dict:
    """{"started", "stopped", "changed", "unchanged"}: rows with the dose before and after;
    "unchanged" is names only. A medicine the patient said changed counts as changed even
    when its daily dose could not be worked out on both sides."""
    current, earlier = now.get("medications") or [], was.get("medications") or []
    by_key_now = {medicine_key(m): m for m in current}
    by_key_was = {medicine_key(m): m for m in earlier}
    said = _said(intake)
    differences = medicine_differences(current, earlier)
    listed = {m["key"] for group in differences.values() for m in group}
    for key, m in by_key_now.items():
        told = said.get((m.get("input") or "").strip().lower(), {})
        if key in by_key_was and key not in listed and told.get("status") == CHANGED:
            differences["changed"].append({"key": key, "name": m.get("generic") or m["input"],
                "before": by_key_was[key], "after": m})  # fmt: skip
            listed.add(key)
    rows = {
        "started": [_row(c, by_key_now[c["key"]], said) for c in differences["started"]],
        "stopped": [_row(c, by_key_was[c["key"]], said) for c in differences["stopped"]],
        "changed": [_row(c, by_key_now[c["key"]], said) for c in differences["changed"]],
    }
    rows["unchanged"] = [
        m.get("generic") or m.get("input") or ""
        for key, m in by_key_now.items()
        if key in by_key_was and key not in listed
    ]
    return rows


# ---- flags and scores -------------------------------------------------------------------------
def flag_changes(now: list[dict], was: list[dict]) -> dict:
    """{"new": flags raised now and not last time, "gone": raised last time, not now}."""
    now_codes = {f.get("code") for f in now}
    was_codes = {f.get("code") for f in was}

    def brief(flag):
        return {"code": flag.get("code"), "title": flag.get("title") or flag.get("code"),
                "severity": flag.get("severity", "")}  # fmt: skip

    return {
        "new": [brief(f) for f in now if f.get("code") not in was_codes],
        "gone": [brief(f) for f in was if f.get("code") not in now_codes],
    }


def score_changes(now: dict, was: dict) -> list[dict]:
    """Per instrument scored complete on both sides: the two values, the change and, for
    the PHQ-9 and GAD-7, its clinical meaning ("Response", "Meaningful worsening", ...)."""
    rows = []
    for key in COMPARED:
        current, earlier = _comparable(key, now.get(key)), _comparable(key, was.get(key))
        if current is None or earlier is None:
            continue
        row = {"key": key, "title": INSTRUMENTS[key].title, "was": earlier, "now": current,
               "label": "", "words": "", "worsened": False}  # fmt: skip
        if key == "cssrs":
            row.update(was=str(earlier).upper(), now=str(current).upper(),
                       label="No change" if current == earlier else "Changed")  # fmt: skip
        else:
            change = score_change(key, earlier, current)
            if change is not None:
                row.update(label=change.label, words=change.staff_words, worsened=change.worsened)
            else:
                difference = current - earlier
                row["label"] = (
                    "No change" if not difference
                    else f"{'Up' if difference > 0 else 'Down'} {abs(difference)}"
                )  # fmt: skip
        rows.append(row)
    return rows


__all__ = ["NEW", "UNCHANGED", "baseline", "what_changed"]
