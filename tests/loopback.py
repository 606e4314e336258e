"""Real HTTP servers on loopback addresses for the link-checking tests and the benchmark.

Each server answers from a table of routes, records every request it gets (method, path),
tracks how many were in flight at once, and stops by itself after ``lifetime`` seconds.
"""

from __future__ import annotations

import socket
import ssl
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Callable, Union


def socket_buffers_at_most() -> int:
    """What loopback TCP may hold between the server's writes and the client's reads: the
    largest send and receive buffers the kernel grows to (Linux), else a generous guess."""
    try:
        send = int(Path("/proc/sys/net/ipv4/tcp_wmem").read_text().split()[2])
        receive = int(Path("/proc/sys/net/ipv4/tcp_rmem").read_text().split()[2])
    except (OSError, IndexError, ValueError):
        return 64 * 1024 * 1024
    return send + receive


@dataclass
class Reply:
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""
    delay: float = 0.0  # seconds to wait before answering
    stream_bytes: int = 0  # instead of body: this many bytes, sent in chunks (to see how much is read)


# A route is a fixed Reply, or a function (method, nth request to this path, 1-based) -> Reply.
Route = Union[Reply, Callable[[str, int], Reply]]


def status(code: int, **headers: str) -> Reply:
    return Reply(code, {k.replace("_", "-"): v for k, v in headers.items()})


def redirect(code: int, location: str) -> Reply:
    return Reply(code, {"Location": location})


def head_refused(get_status: int = 200, head_status: int = 405) -> Route:
    return lambda method, nth: Reply(head_status if method == "HEAD" else get_status, body=b"<p>hello</p>")


def in_turn(*replies: Reply) -> Route:
    """The nth request gets the nth reply; the last one repeats."""
    return lambda method, nth: replies[min(nth, len(replies)) - 1]


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def log_message(self, format: str, *args: object) -> None:  # keep test output clean
        pass

    def do_HEAD(self) -> None:
        self._answer("HEAD")

    def do_GET(self) -> None:
        self._answer("GET")

    def _answer(self, method: str) -> None:
        server = self.server.owner
        path = self.path
        if isinstance(self.connection, ssl.SSLSocket):  # the TLS side: its own routes, "https:/path"
            path = "https:" + path
        nth = server._arrived(method, path)
        try:
            route = server.routes.get(path, server.routes.get(self.path, server.default))
            if route is None:
                reply = Reply(404, body=b"not found")
            elif isinstance(route, Reply):
                reply = route
            else:
                reply = route(method, nth)
            if reply.delay:
                time.sleep(reply.delay)
            self.send_response(reply.status)
            for name, value in reply.headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(reply.stream_bytes or len(reply.body)))
            self.end_headers()
            if method != "HEAD" and reply.stream_bytes:
                chunk = b"x" * 65536
                for _ in range(reply.stream_bytes // len(chunk)):
                    self.wfile.write(chunk)
                    server._sent(path, len(chunk))
            elif method != "HEAD" and reply.body:
                self.wfile.write(reply.body)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True
        finally:
            server._left()


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False  # a slow handler must not hold up the end of a test
    request_queue_size = 128
    owner: LoopbackServer

    def get_request(self) -> tuple[socket.socket, object]:
        connection, address = super().get_request()
        tls = self.owner.tls
        if tls is None:
            return connection, address
        # One port, both sides: a TLS client speaks first, with a handshake record (0x16).
        connection.settimeout(5)
        try:
            secure = connection.recv(1, socket.MSG_PEEK) == b"\x16"
            if secure and tls == "refuse":
                raise OSError("this server refuses TLS")
            if secure:
                connection = tls.wrap_socket(connection, server_side=True)
        except OSError:
            connection.close()
            raise
        connection.settimeout(None)
        return connection, address


class LoopbackServer:
    """An HTTP server on ``host`` (e.g. 127.0.0.1 or 127.0.0.2), on a free port."""

    def __init__(self, host: str = "127.0.0.1", routes: dict[str, Route] | None = None,
                 default: Route | None = None, lifetime: float = 60.0,
                 tls: ssl.SSLContext | str | None = None) -> None:
        """``tls``: also answer https:// on the same port with this context (routes "https:/path"
        answer there, else the plain ones), or "refuse" to close every TLS connection at once."""
        self.host = host
        self.tls = tls
        self.routes: dict[str, Route] = dict(routes or {})
        self.default = default
        self.requests: list[tuple[str, str]] = []
        self.peak_in_flight = 0
        self._in_flight = 0
        self._counts: Counter[str] = Counter()
        self.sent: Counter[str] = Counter()  # body bytes written per path (stream_bytes replies)
        self._lock = threading.Lock()
        self._server = _Server((host, 0), _Handler)
        self._server.owner = self
        self.port = self._server.server_address[1]
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self._watchdog = threading.Timer(lifetime, self.stop)
        self._watchdog.daemon = True
        self._stopped = False

    def __enter__(self) -> LoopbackServer:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def start(self) -> None:
        self._thread.start()
        self._watchdog.start()

    def stop(self) -> None:
        with self._lock:
            if self._stopped:
                return
            self._stopped = True
        self._watchdog.cancel()
        self._server.shutdown()
        self._server.server_close()

    def url(self, path: str, scheme: str = "http") -> str:
        return f"{scheme}://{self.host}:{self.port}{path}"

    def count(self, path: str | None = None) -> int:
        with self._lock:
            return len(self.requests) if path is None else sum(1 for _, p in self.requests if p == path)

    def _arrived(self, method: str, path: str) -> int:
        with self._lock:
            self.requests.append((method, path))
            self._counts[path] += 1
            self._in_flight += 1
            self.peak_in_flight = max(self.peak_in_flight, self._in_flight)
            return self._counts[path]

    def _sent(self, path: str, size: int) -> None:
        with self._lock:
            self.sent[path] += size

    def _left(self) -> None:
        with self._lock:
            self._in_flight -= 1


def closed_port(host: str = "127.0.0.1") -> int:
    """A port on ``host`` where nothing listens (connections are refused)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((host, 0))
        return probe.getsockname()[1]


# A raw script answers one connection: it gets the socket and the request head (bytes up to the
# blank line) and writes whatever it likes, as slowly as it likes.
Script = Callable[[socket.socket, bytes], None]


class RawServer:
    """A TCP server on ``host`` whose answers are written byte by byte by a script: for servers
    that misbehave below HTTP (dripping headers or bodies, closing mid-answer). It records each
    request head, stops by itself after ``lifetime`` seconds, and ``stop()`` ends every connection."""

    def __init__(self, script: Script, host: str = "127.0.0.1", lifetime: float = 30.0) -> None:
        self.host = host
        self.script = script
        self.heads: list[bytes] = []
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._listener.bind((host, 0))
        self._listener.listen(64)
        self._listener.settimeout(0.05)
        self.port = self._listener.getsockname()[1]
        self._connections: list[socket.socket] = []
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._deadline = time.monotonic() + lifetime

    def __enter__(self) -> RawServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def url(self, path: str) -> str:
        return f"http://{self.host}:{self.port}{path}"

    @property
    def stopping(self) -> bool:
        return self._stopping.is_set() or time.monotonic() > self._deadline

    def pause(self, seconds: float) -> bool:
        """Sleep in a script; False once the server is stopping (the script should return)."""
        return not self._stopping.wait(seconds) and time.monotonic() <= self._deadline

    def stop(self) -> None:
        self._stopping.set()
        self._thread.join(timeout=5)
        with self._lock:
            for connection in self._connections:
                try:
                    connection.close()
                except OSError:
                    pass
        self._listener.close()

    def _serve(self) -> None:
        while not self.stopping:
            try:
                connection, _ = self._listener.accept()
            except (socket.timeout, OSError):
                continue
            with self._lock:
                self._connections.append(connection)
            threading.Thread(target=self._handle, args=(connection,), daemon=True).start()

    def _handle(self, connection: socket.socket) -> None:
        connection.settimeout(5)
        try:
            while not self.stopping:
                head = b""
                while b"\r\n\r\n" not in head:
                    data = connection.recv(65536)
                    if not data:
                        return
                    head += data
                with self._lock:
                    self.heads.append(head)
                self.script(connection, head)
        except OSError:
            pass
        finally:
            try:
                connection.close()
            except OSError:
                pass

    def count(self) -> int:
        with self._lock:
            return len(self.heads)


class _ProxyHandler(BaseHTTPRequestHandler):
    """A forward proxy for plain HTTP: the request line carries the absolute URL to fetch."""

    protocol_version = "HTTP/1.1"
    server: _ProxyServer

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_HEAD(self) -> None:
        self._forward("HEAD")

    def do_GET(self) -> None:
        self._forward("GET")

    def do_CONNECT(self) -> None:  # tunnels are not needed by the tests: refuse them plainly
        self.server.owner._record("CONNECT", self.path, self.headers)
        self.send_response(501)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _forward(self, method: str) -> None:
        import http.client
        from urllib.parse import urlsplit

        owner = self.server.owner
        owner._record(method, self.path, self.headers)
        target = urlsplit(self.path)
        if target.scheme != "http" or not target.hostname:
            self.send_response(400)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        headers = {k: v for k, v in self.headers.items() if k.lower() not in ("proxy-authorization", "proxy-connection", "connection")}
        upstream = http.client.HTTPConnection(target.hostname, target.port or 80, timeout=5)
        try:
            upstream.request(method, target.path or "/", headers=headers)
            answer = upstream.getresponse()
            body = answer.read()
            self.send_response(answer.status, answer.reason)
            for name, value in answer.getheaders():
                if name.lower() not in ("content-length", "connection", "transfer-encoding"):
                    self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if method != "HEAD":
                self.wfile.write(body)
        except OSError:
            self.send_response(502)
            self.send_header("Content-Length", "0")
            self.end_headers()
        finally:
            upstream.close()


class _ProxyServer(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    owner: ForwardProxy


class ForwardProxy:
    """A tiny forward proxy on loopback: records (method, absolute URL, Proxy-Authorization) of every
    request and fetches plain-HTTP targets itself; stops by itself after ``lifetime`` seconds."""

    def __init__(self, host: str = "127.0.0.1", lifetime: float = 30.0) -> None:
        self.host = host
        self.requests: list[tuple[str, str, str | None]] = []
        self._lock = threading.Lock()
        self._server = _ProxyServer((host, 0), _ProxyHandler)
        self._server.owner = self
        self.port = self._server.server_address[1]
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self._watchdog = threading.Timer(lifetime, self.stop)
        self._watchdog.daemon = True
        self._stopped = False

    def __enter__(self) -> ForwardProxy:
        self._thread.start()
        self._watchdog.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def url(self, credentials: str = "") -> str:
        return f"http://{credentials + '@' if credentials else ''}{self.host}:{self.port}"

    def stop(self) -> None:
        with self._lock:
            if self._stopped:
                return
            self._stopped = True
        self._watchdog.cancel()
        self._server.shutdown()
        self._server.server_close()

    def _record(self, method: str, target: str, headers: object) -> None:
        with self._lock:
            self.requests.append((method, target, getattr(headers, "get")("Proxy-Authorization")))
