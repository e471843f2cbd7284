from django.apps import AppConfig, apps
from django.db.models.signals import post_migrate


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = "Portal: accounts and audit"

    def ready(self):
        from . import admin_audit, checks, language, lockout, mfa, signals  # noqa: F401  (registers checks, connects receivers)

        post_migrate.connect(_after_migrate, sender=self)


def _after_migrate(**kwargs):
    ensure_reference_data()


def ensure_reference_data() -> None:
    """Make sure the rows the product cannot run without exist: the role groups, then each
    app's own reference data (an app config method ``ensure_reference_data``: the medication
    catalog, the editors' permissions on education content).

    Runs after every migrate and every test-database flush (both send post_migrate), so
    data that migrations loaded is back after a transactional test empties the tables.
    Idempotent: it never overwrites rows an admin has edited.
    """
    from django.contrib.auth.models import Group

    from .roles import ALL_GROUPS, ESCALATION_GROUP_DEFAULT, ONCALL_GROUP_DEFAULT

    for name in (*ALL_GROUPS, ONCALL_GROUP_DEFAULT, ESCALATION_GROUP_DEFAULT):
        Group.objects.get_or_create(name=name)
    for config in apps.get_app_configs():
        hook = getattr(config, "ensure_reference_data", None)
        if hook is not None and config.label != "portal":
            hook()
