from django.db import migrations

# The context a command names (``admin_audit.acting_as``: "command", with its administrator
# as the actor) is written as given; a request's stays "request", none "outside a request".
FUNCTION = """
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
            'context', CASE WHEN ctx IS NULL THEN 'outside a request'
                            ELSE COALESCE(ctx->>'context', 'request') END));
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;
"""
# Back to 0009's function (every context given is a request).
PREVIOUS = """
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
"""


def _on_postgresql(sql):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql, params=None)

    return run


class Migration(migrations.Migration):
    dependencies = [("portal", "0010_audit_append_only_on_sqlite")]

    operations = [migrations.RunPython(_on_postgresql(FUNCTION), _on_postgresql(PREVIOUS))]
