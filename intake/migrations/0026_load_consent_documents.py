"""Version 1 of each consent document, approved by the project (no reviewer named)."""

import hashlib

from django.db import migrations
from django.utils import timezone

from intake.consent.texts import FIRST_VERSIONS


def load(apps, schema_editor):
    ConsentDocument = apps.get_model("intake", "ConsentDocument")
    now = timezone.now()
    for kind, (title, text) in FIRST_VERSIONS.items():
        if ConsentDocument.objects.filter(kind=kind).exists():
            continue
        ConsentDocument.objects.create(
            kind=kind,
            version=1,
            title=title,
            text=text,
            sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
            status="approved",
            approved_at=now,
            asks_again=True,
            created_at=now,
        )


class Migration(migrations.Migration):
    dependencies = [("intake", "0025_consent")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
