"""A bounded, closed-loop HTTP load generator: ``concurrency`` threads each send one
request at a time to a loopback address for ``seconds`` and record the latency of every
request; an answer whose status is not one the call expects counts as an error. A
``Pacer`` sends a sequence of calls at a stated rate in the background (the writer)."""

import http.client
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from urllib.parse import urlsplit

LOOPBACK = {"127.0.0.1", "localhost", "::1"}


@dataclass(frozen=True)
class LoadResult:
    name: str
    requests: int
    errors: int
    seconds: float
    latencies_ms: tuple[float, ...]

    @property
    def rps(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    def percentile(self, p: float) -> float:
        """Nearest-rank percentile of the latencies, in milliseconds."""
        ordered = sorted(self.latencies_ms)
        if not ordered:
            return float("nan")
        rank = max(1, min(len(ordered), round(p / 100 * len(ordered) + 0.5)))
        return ordered[rank - 1]

    def __add__(self, other: "LoadResult") -> "LoadResult":
        """Two rounds of the same page as one result."""
        return LoadResult(
            self.name,
            self.requests + other.requests,
            self.errors + other.errors,
            self.seconds + other.seconds,
            self.latencies_ms + other.latencies_ms,
        )


@dataclass(frozen=True)
class Call:
    """One request: ``ok`` lists the statuses that count as success."""

    method: str
    path: str
    headers: dict = field(default_factory=dict)
    body: bytes = b""
    ok: tuple[int, ...] = (200,)


def _loopback(url: str):
    parts = urlsplit(url)
    if parts.hostname not in LOOPBACK:
        raise ValueError("the benchmark only talks to this machine (loopback)")
    return parts


def send(host: str, port: int, call: Call) -> http.client.HTTPResponse:
    """One request on a fresh connection; the answer is read in full."""
    connection = http.client.HTTPConnection(host, port, timeout=30)
    try:
        headers = dict(call.headers)
        if call.body:
            headers.setdefault("Content-Type", "application/x-www-form-urlencoded")
        connection.request(call.method, call.path, body=call.body or None, headers=headers)
        response = connection.getresponse()
        response.read()
        return response
    finally:
        connection.close()


def with_cookies_set_by(url: str, cookie: str) -> str:
    """``cookie`` plus the cookies one GET of ``url`` sets, as a browser would keep them."""
    parts = _loopback(url)
    response = send(parts.hostname, parts.port or 80, Call("GET", parts.path, {"Cookie": cookie}))
    jar = SimpleCookie(cookie)
    for header in response.headers.get_all("Set-Cookie") or []:
        jar.load(header)
    return "; ".join(f"{name}={morsel.value}" for name, morsel in jar.items())


def run_calls(
    name: str, base: str, next_call: Callable[[], Call | None], *, seconds: float,
    concurrency: int,
) -> LoadResult:  # fmt: skip
    """``concurrency`` clients send ``next_call()`` (None: nothing left) for ``seconds``."""
    parts = _loopback(base)
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()
    deadline = time.perf_counter() + seconds

    def client():
        mine, failed = [], 0
        while time.perf_counter() < deadline:
            call = next_call()
            if call is None:
                break
            started = time.perf_counter()
            try:
                ok = send(parts.hostname, parts.port or 80, call).status in call.ok
            except OSError:
                ok = False
            mine.append((time.perf_counter() - started) * 1000)
            failed += not ok
        with lock:
            latencies.extend(mine)
            errors[0] += failed

    began = time.perf_counter()
    threads = [threading.Thread(target=client, daemon=True) for _ in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(seconds + 60)
    elapsed = time.perf_counter() - began
    return LoadResult(name, len(latencies), errors[0], elapsed, tuple(latencies))


def run_load(
    name: str, url: str, *, cookie: str = "", seconds: float = 10, concurrency: int = 4
) -> LoadResult:
    """GET ``url`` with ``concurrency`` clients for ``seconds``; refuses non-loopback hosts."""
    parts = _loopback(url)
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    call = Call("GET", path, {"Cookie": cookie} if cookie else {})
    base = f"{parts.scheme}://{parts.netloc}"
    return run_calls(name, base, lambda: call, seconds=seconds, concurrency=concurrency)


class Pacer(threading.Thread):
    """Runs ``step()`` (one unit of background work, e.g. claim then review) ``rate`` times
    a second until stopped; counts the steps done and the ones that failed."""

    def __init__(self, step: Callable[[], bool], rate: float):
        super().__init__(daemon=True)
        self.step, self.interval = step, 1 / rate
        self.done = self.failed = 0
        self._stop_event = threading.Event()
        self.started_at = self.stopped_at = 0.0

    def run(self):
        self.started_at = next_at = time.perf_counter()
        while not self._stop_event.is_set():
            try:
                ok = self.step()
            except OSError:
                ok = False
            self.done += 1
            self.failed += not ok
            next_at += self.interval
            self._stop_event.wait(max(0.0, next_at - time.perf_counter()))
        self.stopped_at = time.perf_counter()

    def stop(self) -> float:
        """Stop; answer the rate achieved (steps a second)."""
        self._stop_event.set()
        self.join(30)
        seconds = self.stopped_at - self.started_at
        return self.done / seconds if seconds else 0.0
