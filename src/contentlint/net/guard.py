"""The address guard: every connection is checked against the address it really goes to.

The guard sits inside urllib3's connection class, so the check and the connection use the same
DNS answer (no window for DNS rebinding), and it covers every redirect hop and every retry.
A refused address raises ``ForbiddenAddressError`` before any byte is sent.
"""

from __future__ import annotations

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

from contentlint.net.addresses import is_forbidden_address


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


class _GuardedConnectionMixin:
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
                timeout = self.timeout  # type: ignore[attr-defined]
                if isinstance(timeout, (int, float)):
                    sock.settimeout(timeout)
                sock.connect((address, port))
                return sock
            except socket.timeout as error:
                sock.close()
                raise ConnectTimeoutError(self, f"Connection to {host} timed out. (connect timeout={self.timeout})") from error  # type: ignore[attr-defined, arg-type]
            except OSError as error:
                sock.close()
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
