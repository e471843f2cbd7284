"""The two PostgreSQL roles: ``manage.py db_roles --owner OWNER --app APP [--execute]``.

The owner owns every table and runs migrations (``DATABASE_MIGRATION_URL``). The application
role (``DATABASE_URL``: web, worker, beat) owns nothing and has only the data commands it
needs: SELECT, INSERT, UPDATE and DELETE on the portal's tables, never TRUNCATE, and on the
audit table only INSERT and SELECT, so it can neither erase nor rewrite the audit trail (nor
disable its trigger: only an owner may). Without ``--execute`` the SQL is printed for a
database administrator to read and run; with it, it runs here (as a superuser: it creates
roles and changes owners). Idempotent: run it again after adding tables by hand. Passwords
are never passed here: set them with ``\\password`` in psql.
"""

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

AUDIT_TABLE = "portal_auditevent"


def _ident(name: str) -> str:
    if not name.replace("_", "").isalnum():
        raise CommandError(f"{name!r}: use letters, digits and underscores only")
    return f'"{name}"'


def role_sql(*, owner: str, app: str, database: str) -> list[str]:
    """The statements, in order; each is safe to run again."""
    o, a, db = _ident(owner), _ident(app), _ident(database)
    create = """DO $$ BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{name}') THEN
        CREATE ROLE "{name}" LOGIN;
    END IF;
END $$"""
    # Tables (their sequences and indexes follow) and views change owner.
    owners = f"""DO $$ DECLARE r record; BEGIN
    FOR r IN SELECT c.relname, c.relkind FROM pg_class c
             JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm')
    LOOP
        EXECUTE format('ALTER %s %I OWNER TO %I',
            CASE r.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW'
                 ELSE 'TABLE' END, r.relname, '{owner}');
    END LOOP;
END $$"""  # noqa: S608  (the role name passed _ident)
    return [
        create.format(name=owner),
        create.format(name=app),
        f"ALTER ROLE {a} NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS",
        f"GRANT CONNECT, TEMPORARY ON DATABASE {db} TO {o}, {a}",
        f"ALTER DATABASE {db} OWNER TO {o}",
        # Only the owner may create objects in the schema (PostgreSQL < 15 let anyone).
        "REVOKE CREATE ON SCHEMA public FROM PUBLIC",
        f"GRANT USAGE, CREATE ON SCHEMA public TO {o}",
        f"GRANT USAGE ON SCHEMA public TO {a}",
        owners,
        f"REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {a}",
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {a}",
        f"REVOKE UPDATE, DELETE, TRUNCATE ON {AUDIT_TABLE} FROM {a}, PUBLIC",
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {a}",
        # Tables later migrations add: the same data commands (the audit table exists from
        # the first migration; a post-migrate step keeps it INSERT and SELECT only).
        f"ALTER DEFAULT PRIVILEGES FOR ROLE {o} IN SCHEMA public "
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {a}",
        f"ALTER DEFAULT PRIVILEGES FOR ROLE {o} IN SCHEMA public "
        f"GRANT USAGE, SELECT ON SEQUENCES TO {a}",
    ]


class Command(BaseCommand):
    help = "Print (or run with --execute) the SQL making the owner and application roles."

    def add_arguments(self, parser):
        parser.add_argument("--owner", required=True, help="owns the tables, runs migrate")
        parser.add_argument("--app", required=True, help="the role DATABASE_URL names")
        parser.add_argument(
            "--execute", action="store_true", help="run it now (needs a superuser connection)"
        )

    def handle(self, *args, owner, app, execute, **options):
        if connection.vendor != "postgresql":
            raise CommandError("Database roles are for PostgreSQL; this database is not.")
        if owner == app:
            raise CommandError("The owner and the application role must differ.")
        statements = role_sql(owner=owner, app=app, database=connection.settings_dict["NAME"])
        if not execute:
            self.stdout.write(";\n\n".join(statements) + ";\n")
            return
        with connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)
        self.stdout.write(
            f"Roles ready: {owner} owns the tables and runs migrate; {app} (DATABASE_URL) "
            f"has SELECT, INSERT, UPDATE, DELETE, and on {AUDIT_TABLE} only INSERT, SELECT."
        )
