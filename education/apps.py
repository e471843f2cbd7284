from django.apps import AppConfig
from django.db.models.signals import post_migrate


class EducationConfig(AppConfig):
    name = "education"
    verbose_name = "Education pages"

    def ready(self):
        # This app's permissions exist only once its own turn in migrate (or in a test
        # database's flush) has come, so the grant runs then too, not only from portal's
        # hook, which runs earlier (apps are handled in INSTALLED_APPS order).
        post_migrate.connect(
            _after_migrate, sender=self, dispatch_uid="education-editor-permissions"
        )

    def ensure_reference_data(self) -> None:
        """Content editors may change education content and nothing else."""
        from django.contrib.auth.models import Group, Permission

        from portal.roles import CONTENT_EDITORS

        group = Group.objects.filter(name=CONTENT_EDITORS).first()
        if group is not None:
            group.permissions.set(Permission.objects.filter(content_type__app_label=self.label))


def _after_migrate(sender, **kwargs):
    sender.ensure_reference_data()
