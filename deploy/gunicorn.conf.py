"""gunicorn settings for the portal: ``gunicorn portal.wsgi -c deploy/gunicorn.conf.py``.

Restart without dropping or stalling a request: ``kill -HUP <master pid>``. New workers
start with the new code while the old ones keep serving; each new worker, once it has
loaded the application, retires one old worker (which finishes what it is serving, then
stops). Never TERM-and-start.

gunicorn's own HUP stops the old workers as soon as the new ones are forked, before they
have imported Django: requests then waited 3.7-15.8 s for the new workers to boot. The
three hooks below (``on_reload``, ``pre_fork``, ``post_worker_init``) make it a hand-over:
during a reload the master keeps twice the workers; a booted new worker sends the master
TTOU (gunicorn's "one worker fewer"), which stops the oldest worker, an old one. gunicorn's
master acts on it after the reload, within ``graceful_timeout``: until then old and new
workers both serve.
"""

import os
import signal

bind = os.environ.get("PORTAL_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
worker_class = "sync"  # the request deadline (portal/wsgi_guard.py) needs the main thread
# Above PORTAL_REQUEST_DEADLINE_SECONDS (10): the portal answers a hung request itself first.
timeout = 30
# A stopping worker's time to finish its request (each ends by the 10 s deadline), and how
# long after a HUP the master hands over (see the hooks): the old workers stop after it.
graceful_timeout = 15
keepalive = 5
preload_app = False  # HUP then loads the new code in every new worker
accesslog = None  # the portal logs one line per request (portal.requests)
errorlog = "-"
# The portal logs the client address itself when DJANGO_BEHIND_PROXY is set.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")


def on_reload(server):
    """In the master, on HUP, before the new workers are forked: keep the old ones too."""
    server.num_workers += server.cfg.workers
    server.portal_handovers_owed = server.cfg.workers


def pre_fork(server, worker):
    """In the master: the first ``workers`` forked after a reload each retire an old one."""
    owed = getattr(server, "portal_handovers_owed", 0)
    worker.portal_retires_one = owed > 0
    server.portal_handovers_owed = max(owed - 1, 0)


def post_worker_init(worker):
    """In a new worker, with the application loaded, before it takes a request: import
    every view (Django would at the first request, which then waited seconds), then let an
    old worker go."""
    from django.urls import get_resolver

    get_resolver()._populate()
    if worker.portal_retires_one:
        os.kill(worker.ppid, signal.SIGTTOU)
