"""The last line of defence around the Django application (``portal/wsgi.py``).

1. A request deadline (``PORTAL_REQUEST_DEADLINE_SECONDS``): a dependency that hangs where
   no client timeout reaches (a database connection that stops answering mid-query) is
   interrupted well before gunicorn's worker timeout, which would kill the worker and
   leave the browser a reset connection. The alarm repeats every second until the request
   has unwound, because a rollback on the same hung connection would hang too.
2. Whatever escapes Django's own handler (the deadline, an error while rendering the error
   page) gets the branded error page naming 988, not gunicorn's bare "Internal Server Error",
   and its one ``portal.requests`` line (Django's middleware did not finish it).

The deadline uses SIGALRM, so it applies in a process's main thread only (gunicorn's sync
workers); elsewhere (threads, the development server) requests run without it.
"""

import contextlib
import logging
import signal
import sys
import threading
import time
from pathlib import Path

from django.db import connections

from portal.middleware import IN_FLIGHT, log_request
from portal.views.errors import RETRY_AFTER_SECONDS, is_outage

logger = logging.getLogger(__name__)
PAGE = (Path(__file__).resolve().parent.parent / "templates" / "500.html").read_bytes()


class RequestDeadlineExceeded(BaseException):
    """Raised by the alarm. A BaseException, so that no ``except Exception`` on the way
    (Django's handler included) tries to carry on with a hung connection."""


def _on_alarm(signum, frame):
    raise RequestDeadlineExceeded


@contextlib.contextmanager
def deadline(seconds: float):
    if not seconds or threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGALRM, _on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds, 1.0)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _drop_connections() -> None:
    # A connection interrupted mid-query is in an unknown state: never reuse it.
    for connection in connections.all(initialized_only=True):
        with contextlib.suppress(Exception):
            connection.close()


class Guard:
    def __init__(self, application, *, deadline_seconds: float):
        self.application = application
        self.deadline_seconds = deadline_seconds

    def __call__(self, environ, start_response):
        started = time.monotonic()
        try:
            with deadline(self.deadline_seconds):
                return self.application(environ, start_response)
        except RequestDeadlineExceeded:
            logger.error("request stopped at the %ss deadline", self.deadline_seconds)
            exc_info, outage = sys.exc_info(), True  # a dependency hung
        except Exception as error:
            logger.exception("error outside Django's handler")
            exc_info, outage = sys.exc_info(), is_outage(error)
        _drop_connections()
        # As Django's own handler (portal/views/errors.py): an outage 503, a bug 500.
        status = "503 Service Unavailable" if outage else "500 Internal Server Error"
        headers = [
            ("Content-Type", "text/html; charset=utf-8"),
            ("Content-Length", str(len(PAGE))),
            ("Cache-Control", "no-store"),
        ]
        if outage:
            headers.append(("Retry-After", str(RETRY_AFTER_SECONDS)))
        request, _ = environ.pop(IN_FLIGHT, (None, None))
        if request is not None and getattr(request, "id", ""):
            headers.append(("X-Request-ID", request.id))
        # Django's middleware never finished this request: its one line is written here.
        log_request(request, status=int(status[:3]), started=started, environ=environ)
        # exc_info: re-raised if the headers went out already; nothing else to do then.
        start_response(status, headers, exc_info)
        return [PAGE]
