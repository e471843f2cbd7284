"""The queue row's card, filled in for every intake that has an evaluation, in batches.

The card is worked out as ``intake/queue_card.py`` worked it out when this migration was
written (a frozen copy: a migration must not change with the live code)."""

from django.db import migrations, models

BATCH = 2000
REASON_CHARS = 200
SCORES = ("gad_7", "phq_9")
MEDICINE_KEYS = ("generic", "input", "class", "daily_mg")


def queue_card(evaluation: dict, answers: dict) -> dict:
    if not evaluation:
        return {}
    scores = evaluation.get("scores") or {}
    return {
        "scores": {
            name: {"total": scores[name].get("total"), "band": scores[name].get("band")}
            for name in SCORES
            if isinstance(scores.get(name), dict)
        },
        "flags": [
            {"code": flag["code"], "severity": flag.get("severity")}
            for flag in evaluation.get("flags") or []
        ],
        "medications": [
            {key: medicine.get(key) for key in MEDICINE_KEYS}
            for medicine in evaluation.get("medications") or []
            if isinstance(medicine, dict)
        ],
        "visit_reason": answers.get("visit_reason"),
        "visit_reason_other": (answers.get("visit_reason_other") or "")[:REASON_CHARS],
    }


def fill(apps, schema_editor):
    Intake = apps.get_model("intake", "Intake")
    rows = Intake.objects.exclude(evaluation={}).only("answers", "evaluation").order_by("pk")
    batch = []
    for intake in rows.iterator(chunk_size=BATCH):
        intake.queue_card = queue_card(intake.evaluation, intake.answers)
        batch.append(intake)
        if len(batch) == BATCH:
            Intake.objects.bulk_update(batch, ["queue_card"])
            batch = []
    Intake.objects.bulk_update(batch, ["queue_card"])


class Migration(migrations.Migration):
    dependencies = [
        ("intake", "0016_medication_rxnorm"),
    ]

    operations = [
        migrations.AddField(
            model_name="intake",
            name="queue_card",
            field=models.JSONField(blank=True, default=dict, editable=False),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
