from django.db import migrations

# PostgreSQL writes the audit row for every change to an account's is_active, is_staff or
# is_superuser, however it is made: the admin, ``manage.py shell``, a queryset update(), raw
# SQL. A web request names itself (actor, request id, address) in the session setting
# portal.audit_context just before it saves a user (portal/admin_audit.py); without it the
# row says "outside a request". Creating a staff or superuser account is recorded too.
TRIGGER = """
CREATE OR REPLACE FUNCTION portal_audit_user_privileges() RETURNS trigger AS $$
DECLARE
    ctx jsonb := NULLIF(current_setting('portal.audit_context', true), '')::jsonb;
    before jsonb := NULL;
    after jsonb := jsonb_build_object(
        'is_active', NEW.is_active, 'is_staff', NEW.is_staff, 'is_superuser', NEW.is_superuser);
    what text := 'user.created';
BEGIN
    IF TG_OP = 'UPDATE' THEN
        before := jsonb_build_object(
            'is_active', OLD.is_active, 'is_staff', OLD.is_staff,
            'is_superuser', OLD.is_superuser);
        IF before = after THEN
            RETURN NULL;
        END IF;
        what := 'user.privileges_changed';
    ELSIF NOT (NEW.is_staff OR NEW.is_superuser) THEN
        RETURN NULL;
    END IF;
    INSERT INTO portal_auditevent (
        actor_id, action, object_type, object_id, at, request_id, incoming_request_id,
        client_ip, user_agent, detail)
    VALUES (
        (ctx->>'actor_id')::integer, what, 'auth.user', NEW.id::text, clock_timestamp(),
        COALESCE(ctx->>'request_id', ''), COALESCE(ctx->>'incoming_request_id', ''),
        (ctx->>'client_ip')::inet, COALESCE(ctx->>'user_agent', ''),
        jsonb_build_object(
            'before', before, 'after', after, 'people', '|' || NEW.id || '|',
            'context', CASE WHEN ctx IS NULL THEN 'outside a request' ELSE 'request' END));
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER portal_audit_user_privileges
    AFTER INSERT OR UPDATE OF is_active, is_staff, is_superuser ON auth_user
    FOR EACH ROW EXECUTE FUNCTION portal_audit_user_privileges();
"""
DROP = """
DROP TRIGGER IF EXISTS portal_audit_user_privileges ON auth_user;
DROP FUNCTION IF EXISTS portal_audit_user_privileges();
"""


def _on_postgresql(sql):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql, params=None)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("portal", "0008_pending_registration"),
    ]

    operations = [migrations.RunPython(_on_postgresql(TRIGGER), _on_postgresql(DROP))]
