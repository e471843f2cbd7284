"""gunicorn settings for the portal: ``gunicorn portal.wsgi -c deploy/gunicorn.conf.py``.

Restart without dropping a request: ``kill -HUP <master pid>`` (new workers start with the
new code, old ones finish what they are serving, then stop). Never TERM-and-start.
"""

import os

bind = os.environ.get("PORTAL_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
worker_class = "sync"  # the request deadline (portal/wsgi_guard.py) needs the main thread
# Above PORTAL_REQUEST_DEADLINE_SECONDS (10): the portal answers a hung request itself first.
timeout = 30
graceful_timeout = 30
keepalive = 5
preload_app = False  # HUP then loads the new code in every new worker
accesslog = None  # the portal logs one line per request (portal.requests)
errorlog = "-"
# The portal logs the client address itself when DJANGO_BEHIND_PROXY is set.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
