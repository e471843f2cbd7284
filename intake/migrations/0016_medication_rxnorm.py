"""The RxNorm ingredient code of each catalog medicine (intake.clinical.catalog_data
RXNORM_INGREDIENTS), for the FHIR export's MedicationStatement. Rows are found by generic
name; an admin's own rows and any code an admin has set stay as they are."""

import django.core.validators
from django.db import migrations, models


def load(apps, schema_editor):
    from intake.clinical.catalog_data import RXNORM_INGREDIENTS

    Medication = apps.get_model("intake", "Medication")
    rows = list(Medication.objects.filter(generic_name__in=RXNORM_INGREDIENTS, rxnorm=""))
    for row in rows:
        row.rxnorm = RXNORM_INGREDIENTS[row.generic_name]
    Medication.objects.bulk_update(rows, ["rxnorm"])


class Migration(migrations.Migration):
    dependencies = [
        ("intake", "0015_queue_flag_indexes"),
    ]

    operations = [
        migrations.AddField(
            model_name="medication",
            name="rxnorm",
            field=models.CharField(
                blank=True,
                help_text="RxNorm ingredient RxCUI (NLM RxNorm, looked up in RxNav), e.g. 2598 for clonazepam. Blank when there is no single-ingredient code. The FHIR export codes the medicine with it.",
                max_length=12,
                validators=[
                    django.core.validators.RegexValidator(
                        "^[0-9]+$", "An RxCUI is digits only, e.g. 2598."
                    )
                ],
                verbose_name="RxNorm code",
            ),
        ),
        migrations.RunPython(load, migrations.RunPython.noop),
    ]
