"""Who is signed in, read without a database query on every request (with ``CACHE_URL``).

The shared cache holds one entry per user: a random *stamp* and the user's group names
(``roles.shared_entry``), nothing about the person. Each process keeps the user row it
read under that stamp in its own memory. Any change to the user row or to their groups
drops the shared entry (``portal/signals.py``), so on its next request every process sees
no entry, or a new stamp, and reads the row again: a deactivated account, a new password
or a lost role counts at once, in every process. Without a shared cache this is Django's
own ``ModelBackend``, reading the row every time.
"""

from django.conf import settings
from django.contrib.auth.backends import ModelBackend
from django.core.cache import caches

from . import roles

BACKEND = "portal.identity.CachedModelBackend"


def _row_key(user_id, stamp: str) -> str:
    return f"portal:user:{user_id}:{stamp}"


class CachedModelBackend(ModelBackend):
    def get_user(self, user_id):
        if not settings.SHARED_CACHE:
            return super().get_user(user_id)
        stamp, names = roles.shared_entry(user_id)
        local = caches["local"]
        user = local.get(_row_key(user_id, stamp))
        if user is None:
            user = super().get_user(user_id)
            if user is None:
                return None
            local.set(_row_key(user_id, stamp), user, roles.ROLES_CACHE_SECONDS)
        user._group_names = names
        return user if self.user_can_authenticate(user) else None
