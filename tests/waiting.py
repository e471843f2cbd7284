"""Waiting for work done elsewhere (a Celery worker thread) to show in the database."""

import time


def wait_for(condition, seconds: float = 20.0) -> bool:
    """True as soon as ``condition()`` is, polling every 0.1 s; False after ``seconds``."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return False
