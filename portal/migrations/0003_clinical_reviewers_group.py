from django.db import migrations

GROUP = "Clinical reviewers"


def create_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.get_or_create(name=GROUP)


class Migration(migrations.Migration):
    dependencies = [("portal", "0002_role_groups")]
    operations = [migrations.RunPython(create_group, migrations.RunPython.noop)]
