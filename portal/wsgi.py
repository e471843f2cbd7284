import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
django_application = get_wsgi_application()

from django.conf import settings  # noqa: E402 (needs the settings loaded)

from portal.startup import require_secret_key, warn_if_static_files_missing  # noqa: E402
from portal.wsgi_guard import Guard  # noqa: E402

require_secret_key()
warn_if_static_files_missing()
# The request deadline and the branded page for what escapes Django (portal/wsgi_guard.py).
application = Guard(django_application, deadline_seconds=settings.REQUEST_DEADLINE_SECONDS)
