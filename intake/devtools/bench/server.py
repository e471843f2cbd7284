"""Serve the portal with gunicorn for the length of a benchmark run (loopback only)."""

import os
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager

from django.conf import settings


@contextmanager
def gunicorn(*, port: int, workers: int, settings_module: str = "portal.settings"):
    """A gunicorn process serving ``portal.wsgi`` with the bare baseline view mounted
    (PORTAL_BENCH=1) and DEBUG off, as in production; stopped (only it) on exit."""
    env = {
        **os.environ,
        "PORTAL_BENCH": "1",
        "DJANGO_DEBUG": "false",
        "DJANGO_SECRET_KEY": os.environ.get("DJANGO_SECRET_KEY") or settings.SECRET_KEY,
        "PORTAL_LOG_LEVEL": "WARNING",
        "DJANGO_SETTINGS_MODULE": settings_module,
    }
    # As a deploy does: the hashed static files collected first (DEBUG off links them), here
    # into a scratch folder.
    static_root = tempfile.TemporaryDirectory(prefix="bench-static-")
    env["DJANGO_STATIC_ROOT"] = static_root.name
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--no-input", "-v0"],
        env=env, cwd=settings.BASE_DIR, check=True,
    )  # fmt: skip
    command = [sys.executable, "-m", "gunicorn", "portal.wsgi", "--bind",
               f"127.0.0.1:{port}", "--workers", str(workers), "--worker-class", "sync",
               "--log-level", "warning"]  # fmt: skip
    process = subprocess.Popen(command, env=env, cwd=settings.BASE_DIR)
    try:
        _wait_until_up(f"http://127.0.0.1:{port}/review/_bench/bare/", process)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        try:
            process.wait(20)
        except subprocess.TimeoutExpired:
            process.kill()
        static_root.cleanup()


def _wait_until_up(url: str, process, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("gunicorn exited during start-up")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310 (loopback)
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError("gunicorn did not answer in time")
