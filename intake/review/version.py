"""The queue's *version*: it changes whenever anything a queue page shows may have
changed, and keys the page cache (``queue_view``).

With a shared cache (``CACHE_URL``) it is a random token in that cache: every write to an
intake other than a draft's own save drops it (``IntakeQuerySet`` for bulk writes, the
receivers below for single saves), now and again at commit, and the next reader draws a
new one. A version that is evicted or lost is simply a new version. Without a shared cache
each process has its own page cache, so the version comes from the database itself: the
newest ``updated_at`` of any intake (one probe of the ``intake_queue_version`` index).
"""

import secrets

from django.conf import settings
from django.core.cache import cache
from django.db import connection, transaction

KEY = "review:queue-version"


def queue_version() -> str:
    if not settings.SHARED_CACHE:
        return _newest_update()
    version = cache.get(KEY)
    if version is None:
        cache.add(KEY, secrets.token_hex(8), None)
        version = cache.get(KEY)
    return version


def queue_changed() -> None:
    """Every cached queue page is out of date."""
    if settings.SHARED_CACHE:
        cache.delete(KEY)
        # Again at commit: a page rendered meanwhile from the old rows is not kept current.
        transaction.on_commit(lambda: cache.delete(KEY))


def _newest_update() -> str:
    from ..models import Intake  # (the models import this module)

    # Plain SQL: the ORM's query building would cost more than the index probe itself.
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT MAX(updated_at) FROM {Intake._meta.db_table}")  # noqa: S608
        (newest,) = cursor.fetchone()
    return str(newest) if newest else "empty"
