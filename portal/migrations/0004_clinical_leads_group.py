from django.db import migrations

# The second step of the STAT escalation ladder (PORTAL_ESCALATION_GROUP's default).
GROUP = "Clinical leads"


def create_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.get_or_create(name=GROUP)


class Migration(migrations.Migration):
    dependencies = [("portal", "0003_clinical_reviewers_group")]
    operations = [migrations.RunPython(create_group, migrations.RunPython.noop)]
