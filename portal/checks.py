from pathlib import Path

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register
from django.db import DatabaseError, connection

# Files every page links to: without them in STATIC_ROOT, every page is unstyled.
REQUIRED_STATIC = ("vendor/bootstrap/bootstrap.slim.css", "portal/portal.css")


@register(Tags.security, deploy=True)
def secret_key_is_set(app_configs, **kwargs):
    if settings.SECRET_KEY_IS_SET:
        return []
    return [Error("DJANGO_SECRET_KEY is not set.",
                  hint="See docs/operations.md, Environment variables.",
                  id="portal.E001")]  # fmt: skip


def missing_static_files() -> list[str]:
    """The page-wide static files not in STATIC_ROOT. With debug off, WhiteNoise serves only
    what ``collectstatic`` put there; with debug on, runserver serves from the apps."""
    if settings.DEBUG:
        return []
    root = Path(settings.STATIC_ROOT)
    return [name for name in REQUIRED_STATIC if not (root / name).is_file()]


# Deploy-only, so ``collectstatic`` itself (which runs the staticfiles checks) still runs.
@register(Tags.staticfiles, deploy=True)
def static_files_collected(app_configs, **kwargs):
    missing = missing_static_files()
    if not missing:
        return []
    return [
        Warning(
            f"Static files are not collected in STATIC_ROOT ({settings.STATIC_ROOT}): "
            f"{', '.join(missing)} missing, so every page would be unstyled.",
            hint="Run `python manage.py collectstatic --no-input` at each deploy "
            "(docs/operations.md, Deploying).",
            id="portal.W002",
        )
    ]


AUDIT_TABLE = "portal_auditevent"
_ROLE_FACTS = """
SELECT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user),
       (SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tableowner = current_user),
       to_regclass('portal_auditevent') IS NOT NULL
           AND (has_table_privilege('portal_auditevent', 'TRUNCATE')
                OR has_table_privilege('portal_auditevent', 'UPDATE')
                OR has_table_privilege('portal_auditevent', 'DELETE'))
"""


def role_problems(cursor) -> list[Warning]:
    """What the role the cursor connects as could do to the audit trail that the portal's
    own role must not (``manage.py db_roles``)."""
    cursor.execute(_ROLE_FACTS)
    superuser, owned, can_erase = cursor.fetchone()
    problems = []
    if superuser or owned:
        problems.append(
            Warning(
                "The portal connects to PostgreSQL as a role that "
                + ("is a superuser." if superuser else f"owns {owned} table(s).")
                + " An owner can disable the audit log's trigger and rewrite it.",
                hint="Make an owner role for migrations and an application role for "
                "DATABASE_URL: `manage.py db_roles` (docs/operations.md, Database roles).",
                id="portal.W010",
            )
        )
    if can_erase:
        problems.append(
            Warning(
                f"The portal's database role can TRUNCATE, UPDATE or DELETE {AUDIT_TABLE}: "
                "it could erase the audit trail.",
                hint="Give it only INSERT and SELECT there: `manage.py db_roles`.",
                id="portal.W011",
            )
        )
    return problems


@register(Tags.security, deploy=True)
def database_role_is_least_privilege(app_configs, **kwargs):
    if connection.vendor != "postgresql":
        return []
    try:
        with connection.cursor() as cursor:
            return role_problems(cursor)
    except DatabaseError:
        return []  # no database here (a build step): nothing to say about its roles
