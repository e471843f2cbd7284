"""Catalog rows (intake.clinical.catalog_data): clozapine, brexpiprazole, cariprazine,
lurasidone, ziprasidone, paliperidone, zopiclone and oxymorphone. Without them a typed
"clozapine" was offered as clonidine, "brexpiprazole" as aripiprazole and "zopiclone" as
eszopiclone: a real medicine is never "corrected" into another. Rows are updated by generic
name; an admin's other rows stay as they are."""

import importlib

from django.db import migrations


def load(apps, schema_editor):
    importlib.import_module("intake.migrations.0002_load_medication_catalog").load(
        apps, schema_editor
    )


class Migration(migrations.Migration):
    dependencies = [("intake", "0023_flag_indexes_follow_the_rules")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
