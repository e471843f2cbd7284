"""A bounded, closed-loop HTTP load generator (like locust's users): ``concurrency``
threads each send one GET at a time to a loopback URL for ``seconds``; it records the
latency of every request and counts non-200 answers as errors."""

import http.client
import threading
import time
from dataclasses import dataclass
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


def _loopback(url: str):
    parts = urlsplit(url)
    if parts.hostname not in LOOPBACK:
        raise ValueError("the benchmark only talks to this machine (loopback)")
    return parts


def _get(host: str, port: int, path: str, headers: dict) -> http.client.HTTPResponse:
    """One GET on a fresh connection; the answer is read in full."""
    connection = http.client.HTTPConnection(host, port, timeout=30)
    try:
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        response.read()
        return response
    finally:
        connection.close()


def with_cookies_set_by(url: str, cookie: str) -> str:
    """``cookie`` plus the cookies one GET of ``url`` sets, as a browser would keep them."""
    parts = _loopback(url)
    response = _get(parts.hostname, parts.port or 80, parts.path, {"Cookie": cookie})
    jar = SimpleCookie(cookie)
    for header in response.headers.get_all("Set-Cookie") or []:
        jar.load(header)
    return "; ".join(f"{name}={morsel.value}" for name, morsel in jar.items())


def run_load(
    name: str, url: str, *, cookie: str = "", seconds: float = 10, concurrency: int = 4
) -> LoadResult:
    """Hit ``url`` with ``concurrency`` clients for ``seconds``; refuses non-loopback hosts."""
    parts = _loopback(url)
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    headers = {"Cookie": cookie} if cookie else {}
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()
    deadline = time.perf_counter() + seconds

    def client():
        mine, failed = [], 0
        while time.perf_counter() < deadline:
            started = time.perf_counter()
            try:
                ok = _get(parts.hostname, parts.port or 80, path, headers).status == 200
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
