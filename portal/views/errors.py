"""The 500 handler: a dependency outage is 503 with ``Retry-After``, a bug stays 500.

Monitoring tells them apart by the status alone: 503 means "wait, it will come back"
(the database refused or hung, the broker or shared cache unreachable), 500 means a defect
to fix. Both show the same self-contained branded page naming 988 (``templates/500.html``):
it renders without the database, the URLconf or any context processor.
"""

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseServerError
from django.template import loader
from django.views.decorators.csrf import requires_csrf_token
from kombu.exceptions import OperationalError as BrokerError
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

# Errors that say a dependency is out of reach, not that our code is wrong. Django's
# OperationalError covers a refused or timed-out connection and a statement the server
# cancelled; InterfaceError a connection that died under us.
OUTAGES = (OperationalError, InterfaceError, BrokerError, RedisConnectionError, RedisTimeoutError)
RETRY_AFTER_SECONDS = 10


def is_outage(error: BaseException | None) -> bool:
    """True when ``error``, or any error it was raised from, is a dependency outage."""
    while error is not None:
        if isinstance(error, OUTAGES):
            return True
        error = error.__cause__ or error.__context__
    return False


@requires_csrf_token
def server_error(request, template_name="500.html"):
    # Django calls the handler inside its ``except`` block, so the error is at hand.
    page = loader.get_template(template_name).render()
    if is_outage(sys.exc_info()[1]):
        response = HttpResponse(page, status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    return HttpResponseServerError(page)
