"""Unsent drafts holding a positive safety answer get the flag codes of their safety
evaluation (as every evaluation now sets them), so the flag filter and its counts find them.
Drafts saved before had their flags in the evaluation only."""

from django.db import migrations


def fill(apps, schema_editor):
    Intake = apps.get_model("intake", "Intake")
    unsent = Intake.objects.filter(status="draft", safety_alert_at__isnull=False)
    for intake in unsent.only("evaluation", "flag_codes"):
        codes = [flag["code"] for flag in (intake.evaluation or {}).get("flags", [])]
        if codes != intake.flag_codes:
            Intake.objects.filter(pk=intake.pk).update(flag_codes=codes)


class Migration(migrations.Migration):
    dependencies = [
        ("intake", "0018_queue_unassigned_index"),
    ]

    operations = [
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
