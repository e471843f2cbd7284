from django.apps import AppConfig
from django.db.models.signals import post_migrate


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = "Portal: accounts and audit"

    def ready(self):
        from . import signals  # noqa: F401  (connects the login audit receivers)

        post_migrate.connect(_grant_editor_permissions, sender=self)


def _grant_editor_permissions(**kwargs):
    """Content editors may change education content and nothing else.

    Runs after every migrate, so permissions of new education models reach the group.
    """
    from django.contrib.auth.models import Group, Permission

    from .roles import CONTENT_EDITORS

    group = Group.objects.filter(name=CONTENT_EDITORS).first()
    if group is not None:
        group.permissions.set(Permission.objects.filter(content_type__app_label="education"))
