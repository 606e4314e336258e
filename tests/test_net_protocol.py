"""Servers that answer with something other than well-formed HTTP: each gets a finding that says
what the server did, on one line, never "the checker failed"."""

from __future__ import annotations

import socket

import pytest
from loopback import RawServer

from contentlint.net.checker import check_urls
from contentlint.net.settings import LinkSettings
from contentlint.rules.online_links import judge

SETTINGS = LinkSettings(timeout=1.0, retries=0, backoff=0.01, max_retry_wait=0.1, host_interval=0,
                        allow_private_hosts=True, cache=False)


def answering(raw: bytes):
    """Each connection gets ``raw`` and is closed; an HTTP answer says so (Connection: close), or
    a second request on the same connection (GET after HEAD) would race the close."""
    if raw.startswith(b"HTTP/1.1 ") and b"\r\n" in raw:
        raw = raw.replace(b"\r\n", b"\r\nConnection: close\r\n", 1)

    def script(connection: socket.socket, head: bytes) -> None:
        if raw:
            connection.sendall(raw)
        connection.close()
    return script


# (what the server writes, expected code or None, a fragment the message must contain)
CASES = [
    (b"HELLO WORLD\r\n\r\n", "L002", "the answer is not HTTP (it began: HELLO WORLD)"),
    (b"<html>hi</html>", "L002", "the answer is not HTTP"),
    (b"", "L002", "Remote end closed connection without response"),
    (b"HTTP/1.1 301 Moved\r\nLocation: \x00\x01\r\nContent-Length: 0\r\n\r\n", "L002",
     "redirects to '\\x00\\x01', which is not a valid address"),
    (b"HTTP/1.1 302 Found\r\nLocation: http://[::1\r\nContent-Length: 0\r\n\r\n", "L002", "which is not a valid address"),
    (b"HTTP/1.1 307 Temporary Redirect\r\nContent-Length: 0\r\n\r\n", "L002", "names no address to go to"),
    (b"HTTP/1.1 200 OK\r\nX-Big: " + b"a" * 70000 + b"\r\nContent-Length: 0\r\n\r\n", "L002", "65536 bytes"),
    (b"HTTP/1.1 999 Weird\r\nContent-Length: 0\r\n\r\n", "L009", "answers 999 Weird, which is no HTTP status"),
    (b"HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n", None, ""),
    (b"HTTP/1.1 200 OK\nContent-Length: 0\n\n", None, ""),  # bare LF line ends
]


@pytest.mark.parametrize(("raw", "expected", "fragment"), CASES, ids=range(len(CASES)))
def test_malformed_answers_get_a_finding_that_says_what_happened(raw: bytes, expected: str | None, fragment: str) -> None:
    with RawServer(answering(raw), lifetime=20) as server:
        url = server.url("/page")
        outcomes, _ = check_urls([url], SETTINGS, is_good=lambda outcome: outcome.error is None)
    verdict = judge(outcomes[url], SETTINGS)
    if expected is None:
        assert verdict is None
        return
    assert verdict is not None
    code, message = verdict
    assert (code, fragment in message) == (expected, True), message
    assert "\n" not in message and "\r" not in message
    assert "checker failed" not in message
