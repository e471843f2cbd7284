"""Each consent document has a language, and version 1 of each in Spanish: the project's
own translation, approved by the project as the English first versions were (issue 26)."""

import hashlib

from django.conf import settings
from django.db import migrations, models
from django.utils import timezone

from intake.consent.texts import FIRST_VERSIONS_ES


def load(apps, schema_editor):
    ConsentDocument = apps.get_model("intake", "ConsentDocument")
    now = timezone.now()
    for kind, (title, text) in FIRST_VERSIONS_ES.items():
        if ConsentDocument.objects.filter(kind=kind, language="es").exists():
            continue
        ConsentDocument.objects.create(
            kind=kind,
            language="es",
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

    dependencies = [
        ('intake', '0028_checkins'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AlterModelOptions(
            name='consentdocument',
            options={'ordering': ['kind', 'language', '-version']},
        ),
        migrations.RemoveConstraint(
            model_name='consentdocument',
            name='consent_kind_version',
        ),
        migrations.AddField(
            model_name='consentdocument',
            name='language',
            field=models.CharField(choices=[('en', 'English'), ('es', 'Español')], default='en', max_length=8),
        ),
        migrations.AddConstraint(
            model_name='consentdocument',
            constraint=models.UniqueConstraint(fields=('kind', 'language', 'version'), name='consent_kind_language_version'),
        ),
        migrations.RunPython(load, migrations.RunPython.noop),
    ]
