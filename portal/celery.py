"""The Celery app. Worker: ``celery -A portal worker``; beat: ``celery -A portal beat``."""

import os

from celery import Celery
from celery.signals import worker_init

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")

app = Celery("portal")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@worker_init.connect
def _require_secret_key(**kwargs):
    # Celery logs and ignores exceptions from signal handlers: exit instead.
    from django.core.exceptions import ImproperlyConfigured

    from portal.startup import require_secret_key

    try:
        require_secret_key()
    except ImproperlyConfigured as error:
        raise SystemExit(f"ImproperlyConfigured: {error}") from error
