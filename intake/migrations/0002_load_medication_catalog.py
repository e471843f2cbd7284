"""Load the medication catalog from intake.clinical.catalog_data (the one source of the data)."""

from django.db import migrations


def _fields(row) -> dict:
    ashton = row["ashton_mg"] or (None, None)
    vadod = row["vadod_mg"] or (None, None)
    return {
        "brand_names": list(row["brand_names"]),
        "aliases": list(row["aliases"]),
        "drug_class": row["drug_class"],
        "cns_active": row["cns_active"],
        "sedating": row["sedating"],
        "ashton_low_mg": ashton[0],
        "ashton_high_mg": ashton[1],
        "vadod_low_mg": vadod[0],
        "vadod_high_mg": vadod[1],
        "equivalence_note": row["equivalence_note"],
    }


def load(apps, schema_editor):
    from intake.clinical.catalog_data import MEDICATIONS

    Medication = apps.get_model("intake", "Medication")
    if not Medication.objects.exists():
        # An empty table (a new database, or a test database after a flush, which reloads
        # it after every transactional test): one insert instead of a query pair a row.
        Medication.objects.bulk_create(
            Medication(generic_name=row["generic"], **_fields(row)) for row in MEDICATIONS
        )
        return
    for row in MEDICATIONS:
        Medication.objects.update_or_create(generic_name=row["generic"], defaults=_fields(row))


def unload(apps, schema_editor):
    from intake.clinical.catalog_data import MEDICATIONS

    Medication = apps.get_model("intake", "Medication")
    Medication.objects.filter(generic_name__in=[r["generic"] for r in MEDICATIONS]).delete()


class Migration(migrations.Migration):
    dependencies = [("intake", "0001_medication_catalog")]

    operations = [migrations.RunPython(load, unload)]
