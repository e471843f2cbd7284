from django.apps import AppConfig
from django.db.models.signals import post_migrate


class EducationConfig(AppConfig):
    name = "education"
    verbose_name = "Education pages"

    def ready(self):
        post_migrate.connect(
            _grant_editor_permissions, sender=self, dispatch_uid="education-editor-permissions"
        )


def _grant_editor_permissions(**kwargs):
    """Content editors hold this app's permissions from the very first migrate.

    portal's own post_migrate hook grants them too, but it runs before this app's
    permissions exist on a fresh database (apps are handled in INSTALLED_APPS order).
    """
    from django.contrib.auth.models import Group, Permission

    from portal.roles import CONTENT_EDITORS

    group = Group.objects.filter(name=CONTENT_EDITORS).first()
    if group is not None:
        group.permissions.add(*Permission.objects.filter(content_type__app_label="education"))
