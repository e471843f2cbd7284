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
        """Content editors may change education content and nothing else; clinical
        reviewers may read it (their approval goes through the review page, not edits)."""
        from django.contrib.auth.models import Group, Permission

        from portal.roles import CLINICAL_REVIEWERS, CONTENT_EDITORS

        ours = Permission.objects.filter(content_type__app_label=self.label)
        editors = Group.objects.filter(name=CONTENT_EDITORS).first()
        if editors is not None:
            editors.permissions.set(ours.exclude(codename__endswith="reviewerprofile"))
        reviewers = Group.objects.filter(name=CLINICAL_REVIEWERS).first()
        if reviewers is not None:
            reviewers.permissions.set(ours.filter(codename__startswith="view_"))


def _after_migrate(sender, **kwargs):
    sender.ensure_reference_data()
