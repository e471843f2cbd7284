"""Hand a Celery publish to a background thread, so a request never waits on the broker.

A broker that hangs costs the publish its timeouts (``CELERY_BROKER_TIMEOUT``), not the
patient's response. Whatever is owed is in the database first (an outbox row) and the
sweep sends what the thread could not queue, so a publish dropped here (too many waiting,
the process stopping) delays a message; it never loses one.
"""

import logging
import os
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

logger = logging.getLogger(__name__)
# Publishes waiting at most; beyond this the broker is clearly stuck and the sweep will do.
QUEUE_LIMIT = 200


class Publisher:
    def __init__(self, limit: int = QUEUE_LIMIT):
        self.limit = limit
        self._lock = threading.Lock()
        self._pid = None
        self._executor: ThreadPoolExecutor | None = None
        self._waiting = 0
        self._idle = threading.Event()
        self._idle.set()

    def _executor_for_this_process(self) -> ThreadPoolExecutor:
        # A forked child (gunicorn with preload) has no threads of its parent's.
        if self._executor is None or self._pid != os.getpid():
            self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="publisher")
            self._pid = os.getpid()
            self._waiting = 0
            self._idle.set()
        return self._executor

    def submit(self, publish: Callable[[], object]) -> bool:
        """Run ``publish()`` soon on the publisher thread; False when too many are waiting."""
        with self._lock:
            executor = self._executor_for_this_process()
            if self._waiting >= self.limit:
                return False
            self._waiting += 1
            self._idle.clear()
        executor.submit(self._run, publish)
        return True

    def _run(self, publish: Callable[[], object]) -> None:
        try:
            publish()
        except Exception:
            logger.exception("a background publish failed")
        finally:
            with self._lock:
                self._waiting -= 1
                if self._waiting == 0:
                    self._idle.set()

    def drain(self, timeout: float = 30) -> bool:
        """Wait until nothing is waiting to be published (tests, shutdown); True if so."""
        return self._idle.wait(timeout)


publisher = Publisher()
