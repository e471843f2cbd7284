import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
application = get_asgi_application()

from portal.startup import require_secret_key, warn_if_static_files_missing  # noqa: E402 (needs the settings loaded)

require_secret_key()
warn_if_static_files_missing()
