"""The queue row's card (intake/review/queue_card.py), filled in for every intake that has an
evaluation, in batches."""

from django.db import migrations, models

BATCH = 2000


def fill(apps, schema_editor):
    from intake.review.queue_card import queue_card

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
