"""The shared cache as an accelerator, never a single point of failure.

Django's Redis cache, except that when Redis refuses, fails or hangs (past the socket
timeouts), a read is a miss and a write is skipped, so every caller (cached sessions, the
throttle counters, template fragments) falls back to the database, slower. After a
failure, this process leaves Redis alone for ``CACHE_RETRY_SECONDS`` so an outage costs a
request one timeout, not one per cache call.

Nothing stale comes back with Redis: every key carries the *generation* kept in the
database (``CacheGeneration``). A write or delete that failed or was skipped bumps it, in
the same transaction as the database change the cache missed (a sign-out's deleted
session, a saved session), so each process, which re-reads the generation at most every
``CACHE_GENERATION_POLL_SECONDS``, stops reading the keys written before. A process can
therefore serve an entry another process has just failed to update for at most that poll
interval (1 s by default), and only if it can reach Redis while that one cannot.
"""

import logging
import threading
import time
from functools import partial

from django.conf import settings
from django.core.cache.backends.redis import RedisCache
from django.db import DatabaseError, IntegrityError, transaction
from django.db.models import F
from redis.backoff import NoBackoff
from redis.exceptions import ConnectionError, RedisError
from redis.retry import Retry

logger = logging.getLogger(__name__)
CACHE_ERRORS = (RedisError, OSError)
_MISSING = object()


class _GenerationUnknown(Exception):
    """The database could not tell the generation: use no cache for this call."""


class _Health:
    """Per process (shared by every thread's cache object): when Redis last failed, and the
    generation last read from the database."""

    def __init__(self):
        self.lock = threading.Lock()
        self.down_until = 0.0
        self.generation: int | None = None
        self.generation_read_at = 0.0


_health = _Health()


def generation_bump() -> None:
    """Make every key written so far unreadable (in the caller's transaction)."""
    from portal.models import CacheGeneration

    try:
        if not CacheGeneration.objects.filter(pk=1).update(value=F("value") + 1):
            with transaction.atomic():
                CacheGeneration.objects.create(pk=1, value=1)
    except IntegrityError:  # created meanwhile by another process
        CacheGeneration.objects.filter(pk=1).update(value=F("value") + 1)
    _health.generation_read_at = 0.0  # read the new value before the next cache call


def _generation_read() -> int:
    from portal.models import CacheGeneration

    now = time.monotonic()
    poll = getattr(settings, "CACHE_GENERATION_POLL_SECONDS", 1.0)
    if _health.generation is None or now - _health.generation_read_at >= poll:
        try:
            value = CacheGeneration.objects.filter(pk=1).values_list("value", flat=True).first()
        except DatabaseError:
            if _health.generation is None:
                raise _GenerationUnknown from None
            return _health.generation  # the database fails too; that request will fail
        _health.generation, _health.generation_read_at = value or 0, now
    return _health.generation


class ResilientRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        # A pooled connection that died in an outage fails once on its next use: retry that
        # on a fresh connection at once. A timeout is never retried (that is a hung server).
        retry = Retry(NoBackoff(), 1, supported_errors=(ConnectionError,))
        self._options = {"retry": retry, **self._options}

    def make_key(self, key, version=None):
        return super().make_key(f"g{_generation_read()}:{key}", version=version)

    # ---- health ------------------------------------------------------------------------
    @staticmethod
    def _is_down() -> bool:
        return time.monotonic() < _health.down_until

    @staticmethod
    def _trip(error: Exception) -> None:
        retry = getattr(settings, "CACHE_RETRY_SECONDS", 5.0)
        with _health.lock:
            first = not ResilientRedisCache._is_down()
            _health.down_until = time.monotonic() + retry
        if first:
            logger.warning(
                "shared cache unavailable (%s); using the database for %s s",
                type(error).__name__,
                retry,
            )

    @staticmethod
    def _forget() -> None:
        try:
            generation_bump()
        except DatabaseError:
            logger.warning("shared cache: could not record a missed write", exc_info=True)

    def _guard(self, call, *, failed, mutates: bool):
        if not self._is_down():
            try:
                return call()
            except _GenerationUnknown:
                return failed
            except CACHE_ERRORS as error:
                self._trip(error)
        if mutates:
            self._forget()
        return failed

    # ---- reads: a miss ------------------------------------------------------------------
    def get(self, key, default=None, version=None):
        return self._guard(partial(super().get, key, default, version), failed=default,
                           mutates=False)  # fmt: skip

    def get_many(self, keys, version=None):
        return self._guard(partial(super().get_many, keys, version), failed={}, mutates=False)

    def has_key(self, key, version=None):
        return self._guard(partial(super().has_key, key, version), failed=False, mutates=False)

    # ---- writes: skipped, and whatever they would have replaced is forgotten ---------------
    def set(self, *args, **kwargs):
        return self._guard(partial(super().set, *args, **kwargs), failed=None, mutates=True)

    def add(self, *args, **kwargs):
        return self._guard(partial(super().add, *args, **kwargs), failed=False, mutates=True)

    def set_many(self, data, *args, **kwargs):
        return self._guard(partial(super().set_many, data, *args, **kwargs),
                           failed=list(data), mutates=True)  # fmt: skip

    def touch(self, *args, **kwargs):
        return self._guard(partial(super().touch, *args, **kwargs), failed=False, mutates=True)

    def delete(self, *args, **kwargs):
        return self._guard(partial(super().delete, *args, **kwargs), failed=False, mutates=True)

    def delete_many(self, *args, **kwargs):
        return self._guard(partial(super().delete_many, *args, **kwargs), failed=None,
                           mutates=True)  # fmt: skip

    def clear(self):
        return self._guard(super().clear, failed=False, mutates=True)

    def incr(self, key, delta=1, version=None):
        result = self._guard(partial(super().incr, key, delta, version), failed=_MISSING,
                             mutates=True)  # fmt: skip
        if result is _MISSING:  # as for a key that is not there: callers know this one
            raise ValueError("Key not found (the shared cache is unavailable).")
        return result

    def decr(self, key, delta=1, version=None):
        return self.incr(key, -delta, version)
