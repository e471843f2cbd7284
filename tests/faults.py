"""A TCP fault proxy for the resilience tests: it sits between the portal and one service
(PostgreSQL, Redis, RabbitMQ, SMTP) and, on command, passes the traffic through, refuses
connections, or blackholes them (accepts and reads, never answers), as a hung server or
a dropped network would. Going back to "pass" resets the blackholed connections, so
clients reconnect as they would after a real outage.
"""

import contextlib
import socket
import struct
import threading

PASS, REFUSE, BLACKHOLE = "pass", "refuse", "blackhole"


def _reset(sock: socket.socket) -> None:
    # SO_LINGER 0: close with a RST, as a dead peer or a dropped route does. The shutdown
    # first wakes a pump thread blocked reading it (a close alone waits for that read).
    with contextlib.suppress(OSError):
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)
    with contextlib.suppress(OSError):
        sock.close()


class FaultProxy:
    def __init__(self, upstream: tuple[str, int] | None = None, *, mode: str = PASS):
        self.upstream = upstream
        self.mode = mode
        self._lock = threading.Lock()
        self._conns: set[socket.socket] = set()
        self._listener: socket.socket | None = None
        self._closed = False
        self.port = self._listen(0)

    # ---- control ---------------------------------------------------------------------
    @property
    def address(self) -> str:
        return f"127.0.0.1:{self.port}"

    def set_mode(self, mode: str) -> None:
        with self._lock:
            previous, self.mode = self.mode, mode
            conns = list(self._conns)
        if mode == REFUSE:
            self._stop_listening()
        elif previous == REFUSE:
            self._listen(self.port)
        if mode != BLACKHOLE:
            # Every connection made before (or swallowed during) a fault is dead now.
            for conn in conns:
                _reset(conn)
            with self._lock:
                self._conns.difference_update(conns)

    @contextlib.contextmanager
    def failing(self, mode: str):
        """``mode`` (REFUSE or BLACKHOLE) for the block; passing again after it, whatever
        happens in it."""
        self.set_mode(mode)
        try:
            yield self
        finally:
            self.set_mode(PASS)

    def close(self) -> None:
        self._closed = True
        self._stop_listening()
        with self._lock:
            conns, self._conns = list(self._conns), set()
        for conn in conns:
            _reset(conn)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    # ---- plumbing --------------------------------------------------------------------
    def _listen(self, port: int) -> int:
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", port))
        listener.listen(128)
        self._listener = listener
        threading.Thread(target=self._accept_loop, args=(listener,), daemon=True).start()
        return listener.getsockname()[1]

    def _stop_listening(self) -> None:
        listener, self._listener = self._listener, None
        if listener is not None:
            with contextlib.suppress(OSError):
                listener.shutdown(socket.SHUT_RDWR)
            listener.close()

    def _accept_loop(self, listener: socket.socket) -> None:
        while not self._closed:
            try:
                client, _ = listener.accept()
            except OSError:
                return
            with self._lock:
                self._conns.add(client)
                mode = self.mode
            if mode == BLACKHOLE or self.upstream is None:
                threading.Thread(target=self._swallow, args=(client,), daemon=True).start()
                continue
            try:
                server = socket.create_connection(self.upstream, timeout=5)
                server.settimeout(None)
            except OSError:
                _reset(client)
                continue
            with self._lock:
                self._conns.add(server)
            for src, dst in ((client, server), (server, client)):
                threading.Thread(target=self._pump, args=(src, dst), daemon=True).start()

    def _swallow(self, sock: socket.socket) -> None:
        with contextlib.suppress(OSError):
            while sock.recv(65536):
                pass

    def _pump(self, src: socket.socket, dst: socket.socket) -> None:
        try:
            while True:
                data = src.recv(65536)
                if not data:
                    break
                if self.mode == BLACKHOLE:
                    continue  # a hung peer: bytes go in, nothing comes out
                dst.sendall(data)
        except OSError:
            pass
        finally:
            with contextlib.suppress(OSError):
                dst.shutdown(socket.SHUT_WR)


@contextlib.contextmanager
def blackhole():
    """A port that accepts connections and never answers (a hung server)."""
    with FaultProxy(None, mode=BLACKHOLE) as proxy:
        yield proxy
