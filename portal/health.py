"""Health endpoints for the load balancer and the orchestrator (django-health-check).

``/healthz``: liveness. The process answers; it touches no database, cache or broker, so a
dependency's outage never gets healthy web processes restarted.

``/readyz``: readiness. The database, the shared cache and the broker, checked at once
(in parallel), each within ``PORTAL_READYZ_TIMEOUT`` seconds; 503 naming the ones that
failed. Neither says more than "ok" or "unavailable" per dependency (no host names, no
error text: those go to the log), reads no patient data and writes no audit row.
"""

import asyncio
import dataclasses
import datetime

from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache
from health_check.base import HealthCheck
from health_check.checks import Cache, Database
from health_check.exceptions import ServiceUnavailable
from health_check.views import HealthCheckView


def _timeout() -> datetime.timedelta:
    return datetime.timedelta(seconds=getattr(settings, "READYZ_TIMEOUT", 2.0))


@dataclasses.dataclass
class Broker(HealthCheck):
    """The Celery broker accepts a connection (Redis also answers a PING). With no broker
    configured, tasks run inline and there is nothing to check."""

    def run(self):
        from portal.celery import app

        if app.conf.task_always_eager:
            return
        seconds = self.timeout.total_seconds()
        try:
            with app.connection_for_write() as conn:
                conn.ensure_connection(max_retries=1, interval_start=0, timeout=seconds)
                client = getattr(conn.default_channel, "client", None)
                if client is not None and hasattr(client, "ping"):
                    client.ping()
        except Exception as error:  # kombu and its transports raise many kinds
            raise ServiceUnavailable("broker unavailable") from error


# What /readyz checks, by the name it reports.
READINESS = {"database": Database, "cache": Cache, "broker": Broker}


class ReadinessView(HealthCheckView):
    async def get(self, request, *args, **kwargs):
        checks = {}
        for name, check_class in READINESS.items():
            check = check_class()
            check.timeout = _timeout()
            checks[name] = check
        results = await asyncio.gather(*(check.get_result() for check in checks.values()))
        status = {
            name: "unavailable" if r.error else "ok"
            for name, r in zip(checks, results, strict=True)
        }
        failed = [name for name, state in status.items() if state != "ok"]
        return JsonResponse(
            {"status": "unavailable" if failed else "ok", "failed": failed, "checks": status},
            status=503 if failed else 200,
        )


readyz = ReadinessView.as_view()


@never_cache
def healthz(request):
    return HttpResponse("ok\n", content_type="text/plain")
