from django.db import migrations

# SQLite (``make run``) refuses to change an audit row, as PostgreSQL does (0007). DELETE is
# left to the model (its queryset refuses): Django empties a SQLite test database with
# DELETE, as it does PostgreSQL's with TRUNCATE, which the application's role may not run.
NO_UPDATE = """
CREATE TRIGGER IF NOT EXISTS portal_auditevent_no_update
BEFORE UPDATE ON portal_auditevent
BEGIN
    SELECT RAISE(ABORT, 'portal_auditevent is append-only: UPDATE refused');
END;
"""
DROP = "DROP TRIGGER IF EXISTS portal_auditevent_no_update;"


def _on_sqlite(sql):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "sqlite":
            schema_editor.execute(sql, params=None)

    return run


class Migration(migrations.Migration):
    dependencies = [("portal", "0009_privilege_audit_trigger")]

    operations = [migrations.RunPython(_on_sqlite(NO_UPDATE), _on_sqlite(DROP))]
