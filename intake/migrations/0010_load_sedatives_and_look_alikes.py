"""Reload the medication catalog from intake.clinical.catalog_data: barbiturates, sedating
antihistamines, sleep antidepressants, orexin antagonists, more muscle relaxants, clonidine,
buprenorphine/naloxone, street names, and the look-alike names of other medicines.

Rows are updated by generic name, so an admin's other rows stay as they are.
"""

import importlib

from django.db import migrations


def load(apps, schema_editor):
    first_load = importlib.import_module("intake.migrations.0002_load_medication_catalog")
    first_load.load(apps, schema_editor)


class Migration(migrations.Migration):
    dependencies = [("intake", "0009_drug_classes_for_sedatives")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
