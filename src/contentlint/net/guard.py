"""The address guard: every connection is checked against the address it really goes to.

The guard sits inside urllib3's connection class, so the check and the connection use the same
DNS answer (no window for DNS rebinding), and it covers every redirect hop and every retry.
A refused address raises ``ForbiddenAddressError`` before any byte is sent.
"""

from __future__ import annotations

import http.client
import socket
from typing import Any

from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.exceptions import (
    ConnectTimeoutError,
    NameResolutionError,
    NewConnectionError,
)
from urllib3.util import connection as urllib3_connection

from contentlint.net import deadline
from contentlint.net.addresses import (
    forbidden_host,
    is_forbidden_address,
    literal_address,
)


class ForbiddenAddressError(Exception):
    """The host resolves to an address the checker must not contact (rule L008)."""

    def __init__(self, host: str, address: str, reason: str) -> None:
        super().__init__(f"{host} resolves to {address} ({reason} address)")
        self.host = host
        self.address = address
        self.reason = reason


def resolve(host: str, port: int) -> list[tuple[int, str]]:
    """(family, address) pairs for ``host``, in the resolver's order, without duplicates."""
    family = urllib3_connection.allowed_gai_family()
    seen: list[tuple[int, str]] = []
    for af, _type, _proto, _name, sockaddr in socket.getaddrinfo(host.strip("[]"), port, family, socket.SOCK_STREAM):
        entry = (af, str(sockaddr[0]))
        if entry not in seen:
            seen.append(entry)
    return seen


def checked_addresses(host: str, port: int, allow_private: bool) -> list[tuple[int, str]]:
    """Resolve ``host``; refuse it if ANY of its addresses is forbidden (a mixed answer is suspect)."""
    addresses = resolve(host, port)
    if not allow_private:
        for _family, address in addresses:
            reason = is_forbidden_address(address)
            if reason is not None:
                raise ForbiddenAddressError(host, address, reason)
    return addresses


def check_target(host: str, port: int) -> None:
    """The guard for a request sent through a proxy, which connects to the host itself: refuse a
    forbidden literal address or local name, or a name that resolves here to a forbidden address.
    A name that does not resolve here is left to the proxy (behind a proxy, often only it can)."""
    name = host.strip("[]")
    address = literal_address(name)
    if address is not None:
        reason = is_forbidden_address(address)
        if reason is not None:
            raise ForbiddenAddressError(host, str(address), reason)
        return
    if forbidden_host(name) is not None:
        raise ForbiddenAddressError(host, name, "local host name")
    try:
        checked_addresses(name, port, allow_private=False)
    except (socket.gaierror, UnicodeError):
        return


class UnfinishedHeaders(http.client.HTTPException):
    """The connection closed in the middle of the headers (http.client takes that for their end)."""


class _HeaderEndWatch:
    """Wraps a response's file while the headers are read, to see the line they ended with."""

    def __init__(self, fp: Any) -> None:
        self.inner = fp
        self.last: bytes | None = None

    def readline(self, *args: Any) -> bytes:
        line: bytes = self.inner.readline(*args)
        self.last = line
        return line

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)


class StrictResponse(http.client.HTTPResponse):
    """An http.client response that fails when the headers are cut off, instead of passing them."""

    def begin(self) -> None:
        if self.headers is not None:
            return
        watch = _HeaderEndWatch(self.fp)
        self.fp = watch  # type: ignore[assignment]
        try:
            super().begin()
        finally:
            if self.fp is watch:
                self.fp = watch.inner
        if watch.last not in (b"\r\n", b"\n"):
            raise UnfinishedHeaders("the connection closed before the end of the headers")


class _DeadlineConnectionMixin:
    """A connection that takes part in its thread's request deadline (net.deadline) and rejects
    responses whose headers were cut off."""

    response_class = StrictResponse
    _deadline_socket: socket.socket | None = None

    def _watched_socket(self, sock: socket.socket) -> socket.socket:
        self._drop_watched()
        try:
            self._deadline_socket = sock.dup()
        except OSError:
            self._deadline_socket = None
        deadline.watch(self)
        return sock

    def _drop_watched(self) -> None:
        watched, self._deadline_socket = self._deadline_socket, None
        if watched is not None:
            watched.close()

    def _connect_timeout(self) -> Any:
        timeout = self.timeout  # type: ignore[attr-defined]
        current = deadline.current()
        if current is not None:
            left = max(0.001, current.remaining())
            timeout = left if not isinstance(timeout, (int, float)) else min(timeout, left)
        return timeout

    def connect(self) -> None:
        deadline.watch(self)
        super().connect()  # type: ignore[misc]

    def request(self, *args: Any, **kwargs: Any) -> None:
        deadline.watch(self)  # a connection from the pool: this request's deadline now
        super().request(*args, **kwargs)  # type: ignore[misc]

    def close(self) -> None:
        try:
            super().close()  # type: ignore[misc]
        finally:
            self._drop_watched()


class _PlainConnectionMixin(_DeadlineConnectionMixin):
    """To the proxy the user named: no address guard (the target is checked before sending)."""

    def _new_conn(self) -> socket.socket:
        self.timeout = self._connect_timeout()  # type: ignore[attr-defined]
        sock: socket.socket = super()._new_conn()  # type: ignore[misc]
        return self._watched_socket(sock)


class _GuardedConnectionMixin(_DeadlineConnectionMixin):
    allow_private = False  # set on the subclasses made by GuardedAdapter

    def _new_conn(self) -> socket.socket:
        host: str = self._dns_host  # type: ignore[attr-defined]
        port: int = self.port  # type: ignore[attr-defined]
        try:
            addresses = checked_addresses(host, port, self.allow_private)
        except socket.gaierror as error:
            raise NameResolutionError(self.host, self, error) from error  # type: ignore[attr-defined, arg-type]
        last_error: OSError | None = None
        for family, address in addresses:
            sock = socket.socket(family, socket.SOCK_STREAM)
            try:
                urllib3_connection._set_socket_options(sock, self.socket_options)  # type: ignore[attr-defined]
                timeout = self._connect_timeout()
                if isinstance(timeout, (int, float)):
                    sock.settimeout(timeout)
                self._watched_socket(sock)
                sock.connect((address, port))
                return sock
            except socket.timeout as error:
                sock.close()
                self._drop_watched()
                raise ConnectTimeoutError(self, f"Connection to {host} timed out. (connect timeout={self.timeout})") from error  # type: ignore[attr-defined, arg-type]
            except OSError as error:
                sock.close()
                self._drop_watched()
                last_error = error
        raise NewConnectionError(self, f"Failed to establish a new connection: {last_error}") from last_error  # type: ignore[arg-type]


class GuardedAdapter(HTTPAdapter):
    """An HTTPAdapter whose connections pass the address guard (unless private hosts are allowed)."""

    def __init__(self, allow_private: bool = False, **kwargs: Any) -> None:
        self.allow_private = allow_private
        super().__init__(**kwargs)

    def init_poolmanager(self, connections: int, maxsize: int, block: bool = False, **pool_kwargs: Any) -> None:
        super().init_poolmanager(connections, maxsize, block, **pool_kwargs)
        flag = {"allow_private": self.allow_private}
        http_conn = type("GuardedHTTPConnection", (_GuardedConnectionMixin, HTTPConnection), flag)
        https_conn = type("GuardedHTTPSConnection", (_GuardedConnectionMixin, HTTPSConnection), flag)
        http_pool = type("GuardedHTTPConnectionPool", (HTTPConnectionPool,), {"ConnectionCls": http_conn})
        https_pool = type("GuardedHTTPSConnectionPool", (HTTPSConnectionPool,), {"ConnectionCls": https_conn})
        self.poolmanager.pool_classes_by_scheme = {"http": http_pool, "https": https_pool}

    def proxy_manager_for(self, proxy: str, **proxy_kwargs: Any) -> Any:
        """The proxy's connections keep the request deadline; the guard checks targets instead."""
        fresh = proxy not in self.proxy_manager
        manager = super().proxy_manager_for(proxy, **proxy_kwargs)
        if fresh:
            manager.pool_classes_by_scheme = {"http": _PLAIN_POOLS[0], "https": _PLAIN_POOLS[1]}
        return manager


_PLAIN_POOLS = (
    type("DeadlineHTTPConnectionPool", (HTTPConnectionPool,), {
        "ConnectionCls": type("DeadlineHTTPConnection", (_PlainConnectionMixin, HTTPConnection), {})}),
    type("DeadlineHTTPSConnectionPool", (HTTPSConnectionPool,), {
        "ConnectionCls": type("DeadlineHTTPSConnection", (_PlainConnectionMixin, HTTPSConnection), {})}),
)
