"""Health endpoints for the load balancer and the orchestrator (django-health-check).

``/healthz``: liveness. The process answers; it touches no database, cache or broker, so a
dependency's outage never gets healthy web processes restarted.

``/readyz``: readiness. The database, the shared cache and the broker, checked at once
(each on its own thread); the answer comes within ``PORTAL_READYZ_TIMEOUT`` seconds
whatever hangs, and names only the ones that failed (503). Neither says more than "ok" or
"unavailable" per dependency (no host names, no error text: the log names the error's
type), reads no patient data and writes no audit row. A 503 here is a state to report,
not an error: it is logged once as a warning, never as an ERROR with a traceback.
"""

import dataclasses
import logging
from concurrent.futures import ThreadPoolExecutor, wait

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache
from django.http import HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache
from health_check.base import HealthCheck
from health_check.checks import Database
from health_check.exceptions import ServiceUnavailable

from portal.celery import app

logger = logging.getLogger(__name__)


@dataclasses.dataclass
class Broker(HealthCheck):
    """The Celery broker accepts a connection (Redis also answers a PING). With no broker
    configured, tasks run inline and there is nothing to check."""

    def run(self):
        if app.conf.task_always_eager:
            return
        seconds = settings.READYZ_TIMEOUT
        try:
            with app.connection_for_write() as conn:
                conn.ensure_connection(max_retries=1, interval_start=0, timeout=seconds)
                client = getattr(conn.default_channel, "client", None)
                if client is not None and hasattr(client, "ping"):
                    client.ping()
        except Exception as error:  # kombu and its transports raise many kinds
            raise ServiceUnavailable("broker unavailable") from error


@dataclasses.dataclass
class SharedCache(HealthCheck):
    """Redis answers a PING, asked directly. The library's cache check goes through the
    cache API, whose keys carry the cache generation read from the database
    (portal/resilient_cache.py): a database outage then read as the cache's too."""

    def run(self):
        cache = caches["default"]
        if not isinstance(cache, RedisCache):
            return  # a per-process cache: nothing outside the process to check
        try:
            cache._cache.get_client(write=True).ping()  # Django's Redis client, its timeouts
        except Exception as error:  # redis-py and the socket raise many kinds
            raise ServiceUnavailable("cache unavailable") from error


# What /readyz checks, by the name it reports.
READINESS = {"database": Database, "cache": SharedCache, "broker": Broker}


def _failure(future) -> str | None:
    """The error's type if the check failed, "timeout" if it is still running, else None."""
    if not future.done():
        return "timeout"
    error = future.exception()
    return type(error.__cause__ or error).__name__ if error else None


def readiness() -> dict[str, str | None]:
    """Each dependency's failure (None when it answered), within READYZ_TIMEOUT at most.

    A check still running then is counted as failed and left to finish on its own thread
    (its client timeout ends it): the answer never waits for it."""
    pool = ThreadPoolExecutor(max_workers=len(READINESS), thread_name_prefix="readyz")
    try:
        futures = {name: pool.submit(check().run) for name, check in READINESS.items()}
        wait(futures.values(), timeout=settings.READYZ_TIMEOUT)
        return {name: _failure(future) for name, future in futures.items()}
    finally:
        pool.shutdown(wait=False, cancel_futures=True)


@never_cache
def readyz(request):
    failures = readiness()
    failed = [name for name, failure in failures.items() if failure]
    status = {name: "unavailable" if failure else "ok" for name, failure in failures.items()}
    response = JsonResponse(
        {"status": "unavailable" if failed else "ok", "failed": failed, "checks": status},
        status=503 if failed else 200,
    )
    if failed:
        logger.warning(
            "not ready: %s",
            ", ".join(f"{name} ({failures[name]})" for name in failed),
            extra={"failed": failed},
        )
        # Said above, once: Django would log every 503 as an ERROR (django.request).
        response._has_been_logged = True
    return response


@never_cache
def healthz(request):
    return HttpResponse("ok\n", content_type="text/plain")
