"""The real stack for the fault tests: gunicorn (deploy/gunicorn.conf.py) and a Celery worker,
on a scratch PostgreSQL database and Redis, each reached through a FaultProxy; an SMTP sink
that records every message (and can answer slowly); a small cookie-keeping HTTP client."""

import http.cookiejar
import os
import re
import signal
import socket
import socketserver
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

import psycopg

from tests.env import redis_db
from tests.faults import FaultProxy

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# ---- SMTP sink -------------------------------------------------------------------------
class _SmtpHandler(socketserver.StreamRequestHandler):
    def _say(self, line: str) -> None:
        self.wfile.write(line.encode() + b"\r\n")

    def handle(self):
        sink = self.server.sink
        self._say("220 sink ESMTP")
        while line := self.rfile.readline():
            verb = line.decode(errors="replace").strip().upper()
            if verb.startswith(("EHLO", "HELO")):
                self._say("250 sink")
            elif verb == "DATA":
                self._say("354 go ahead")
                lines = []
                while (data := self.rfile.readline()) not in (b".\r\n", b""):
                    lines.append(data.decode(errors="replace"))
                sink.received("".join(lines))  # delivered: the mail is in the mailbox now
                time.sleep(sink.reply_delay)  # ...and the sender learns it only later
                self._say("250 queued")
            elif verb == "QUIT":
                self._say("221 bye")
                return
            else:
                self._say("250 ok")


class SmtpSink:
    def __init__(self):
        self.messages: list[str] = []
        self.reply_delay = 0.0
        self._lock = threading.Lock()
        self.server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), _SmtpHandler)
        self.server.daemon_threads = True
        self.server.sink = self
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def received(self, message: str) -> None:
        with self._lock:
            self.messages.append(message)

    def notification_ids(self) -> list[str]:
        with self._lock:
            return [
                m.group(1)
                for message in self.messages
                if (m := re.search(r"^X-Portal-Notification-Id: (\d+)", message, re.M))
            ]

    def close(self):
        self.server.shutdown()
        self.server.server_close()


# ---- HTTP client -----------------------------------------------------------------------
class Response:
    def __init__(self, status: int, url: str, text: str, seconds: float, headers=None):
        self.status, self.url, self.text, self.seconds = status, url, text, seconds
        self.headers = headers or {}


class Browser:
    def __init__(self, base: str):
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def request(self, path: str, data: dict | None = None, timeout: float = 40) -> Response:
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        started = time.monotonic()
        try:
            with self.opener.open(self.base + path, body, timeout=timeout) as reply:
                text = reply.read().decode(errors="replace")
                seconds = time.monotonic() - started
                return Response(reply.status, reply.url, text, seconds, reply.headers)
        except urllib.error.HTTPError as error:
            text = error.read().decode(errors="replace")
            seconds = time.monotonic() - started
            return Response(error.code, error.url, text, seconds, error.headers)
        except OSError as error:  # refused, reset, timed out: no page at all
            return Response(0, "", repr(error), time.monotonic() - started)

    def csrf(self, path: str) -> str:
        page = self.request(path).text
        match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        assert match, page[:500]
        return match.group(1)

    def post(self, path: str, data: dict, form_path: str | None = None) -> Response:
        token = self.csrf(form_path or path)
        return self.request(path, {**data, "csrfmiddlewaretoken": token})

    def sign_in(self, username: str, password: str) -> Response:
        return self.post("/accounts/login/", {"username": username, "password": password})

    def session_cookie(self) -> http.cookiejar.Cookie | None:
        return next((c for c in self.jar if "session" in c.name), None)


# ---- the stack -------------------------------------------------------------------------
class Stack:
    def __init__(self, workdir: Path):
        self.workdir = workdir
        self.dbname = f"stack_{uuid.uuid4().hex[:10]}"
        self.direct_db = f"postgres://postgres@127.0.0.1:5432/{self.dbname}"
        # Its own Redis database: never the shared-cache tests' (which flush theirs).
        self.redis_db = redis_db(4)
        self.db = FaultProxy(("127.0.0.1", 5432))
        self.cache = FaultProxy(("127.0.0.1", 6379))
        self.broker = FaultProxy(("127.0.0.1", 6379))
        self.smtp = SmtpSink()
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.web: subprocess.Popen | None = None
        self.worker: subprocess.Popen | None = None
        self.queue = f"stack-{self.dbname}"

    def env(self, *, direct: bool = False) -> dict:
        env = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
        db = self.direct_db if direct else f"postgres://postgres@{self.db.address}/{self.dbname}"
        cache_host = "127.0.0.1:6379" if direct else self.cache.address
        broker_host = "127.0.0.1:6379" if direct else self.broker.address
        env.update(
            DATABASE_URL=db,
            CACHE_URL=f"redis://{cache_host}/{self.redis_db}",
            CELERY_BROKER_URL=f"redis://{broker_host}/{self.redis_db}",
            CELERY_TASK_DEFAULT_QUEUE=self.queue,
            EMAIL_URL=f"smtp://127.0.0.1:{self.smtp.port}",
            DJANGO_DEBUG="false",
            DJANGO_SECRET_KEY="stack-tests-" + "s" * 50,
            DJANGO_ALLOWED_HOSTS="127.0.0.1",
            PORTAL_BASE_URL=self.base,
            PORTAL_BIND=f"127.0.0.1:{self.port}",
            WEB_CONCURRENCY="2",
            DATABASE_CONN_MAX_AGE="60",
            DATABASE_CONNECT_TIMEOUT="2",
            CACHE_CONNECT_TIMEOUT="0.5",
            CACHE_SOCKET_TIMEOUT="0.5",
            CACHE_RETRY_SECONDS="1",
            CELERY_BROKER_TIMEOUT="1",
            PORTAL_REQUEST_DEADLINE_SECONDS="4",
            PORTAL_READYZ_TIMEOUT="1",
            PORTAL_NOTIFICATION_CLAIM_SECONDS="3",
            PORTAL_LOG_FORMAT="text",
            EMAIL_TIMEOUT="10",
            DJANGO_STATIC_ROOT=str(self.workdir / "static"),
        )
        return env

    # ---- processes -------------------------------------------------------------------
    def start(self) -> None:
        with psycopg.connect("postgres://postgres@127.0.0.1:5432/postgres", autocommit=True) as c:
            c.execute(f'CREATE DATABASE "{self.dbname}"')
        self.manage("migrate", "--no-input", "-v", "0")
        # As deploy/stack.sh does: with DEBUG off pages link the collected, hashed names.
        self.manage("collectstatic", "--no-input", "-v", "0")
        self.web = self._spawn("web", [str(BIN / "gunicorn"), "portal.wsgi", "-c",
                                       "deploy/gunicorn.conf.py"])  # fmt: skip
        self.start_worker()
        deadline = time.monotonic() + 60
        while Browser(self.base).request("/healthz", timeout=2).status != 200:
            assert time.monotonic() < deadline, self.log("web")
            time.sleep(0.3)

    def start_worker(self) -> None:
        self.worker = self._spawn("worker", [
            str(BIN / "celery"), "-A", "portal", "worker", "--pool", "solo", "-Q", self.queue,
            "--loglevel", "INFO", "--without-heartbeat", "--without-mingle", "--without-gossip",
        ])  # fmt: skip

    def kill_worker(self) -> None:
        self.worker.send_signal(signal.SIGKILL)
        self.worker.wait(10)

    def _spawn(self, name: str, argv: list[str]) -> subprocess.Popen:
        log = open(self.workdir / f"{name}.log", "ab")  # noqa: SIM115 (closed with the process)
        return subprocess.Popen(argv, cwd=ROOT, env=self.env(), stdout=log, stderr=log)

    def log(self, name: str, *, whole: bool = False) -> str:
        text = (self.workdir / f"{name}.log").read_text(errors="replace")
        return text if whole else text[-3000:]

    def manage(self, *args: str) -> str:
        result = subprocess.run(
            [sys.executable, "manage.py", *args], cwd=ROOT, env=self.env(direct=True),
            capture_output=True, text=True, timeout=180,
        )  # fmt: skip
        assert result.returncode == 0, result.stdout + result.stderr
        return result.stdout

    def shell(self, code: str) -> str:
        """Run Python against the stack's database (directly, never through a fault)."""
        return self.manage("shell", "--no-imports", "-c", code).strip()

    def stop(self) -> None:
        for proc in (self.web, self.worker):
            if proc is not None and proc.poll() is None:
                proc.terminate()
                try:
                    proc.wait(15)
                except subprocess.TimeoutExpired:
                    proc.kill()
        for proxy in (self.db, self.cache, self.broker):
            proxy.close()
        self.smtp.close()
        with psycopg.connect("postgres://postgres@127.0.0.1:5432/postgres", autocommit=True) as c:
            c.execute(f'DROP DATABASE IF EXISTS "{self.dbname}" WITH (FORCE)')
