"""Every request has a total deadline; a cut-off answer is an error (issue 18, slow servers).

Raw loopback servers that drip their answers one byte at a time, or close in the middle of them.
The failure mode was minutes per URL; the bounds here are a few times the timeout.
"""

from __future__ import annotations

import socket
import time
from typing import Any

import pytest
from loopback import RawServer

from contentlint.net import outcome as kinds
from contentlint.net.checker import check_urls
from contentlint.net.outcome import Outcome
from contentlint.net.settings import LinkSettings
from contentlint.rules.online_links import judge

TIMEOUT = 1.0
SETTINGS = LinkSettings(timeout=TIMEOUT, retries=0, backoff=0.01, max_retry_wait=0.1, host_interval=0,
                        allow_private_hosts=True, cache=False)


def run(url: str, **changes: Any) -> tuple[Outcome, float]:
    settings = LinkSettings(**{**SETTINGS.__dict__, **changes})
    started = time.monotonic()
    outcomes, _ = check_urls([url], settings, is_good=lambda outcome: outcome.error is None)
    return outcomes[url], time.monotonic() - started


def drip(server: RawServer, connection: socket.socket, data: bytes, every: float = 0.1) -> None:
    for byte in data:
        if not server.pause(every):
            return
        connection.sendall(bytes([byte]))


def is_get(head: bytes) -> bool:
    return head.startswith(b"GET ")


def close(connection: socket.socket) -> None:
    connection.shutdown(socket.SHUT_RDWR)


@pytest.mark.parametrize("where", ["status line", "headers", "header end"])
def test_dripped_headers_time_out_within_the_timeout(where: str) -> None:
    answer = b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\nX-Padding: " + b"a" * 200 + b"\r\n\r\n"
    split = {"status line": 3, "headers": 40, "header end": len(answer) - 30}[where]

    def script(connection: socket.socket, head: bytes) -> None:
        connection.sendall(answer[:split])
        drip(server, connection, answer[split:])
        close(connection)

    with RawServer(script, lifetime=20) as server:
        outcome, seconds = run(server.url("/dripped"))
    assert outcome.error == kinds.TIMEOUT, outcome
    assert seconds < 3 * TIMEOUT
    code, message = judge(outcome, SETTINGS)
    assert code == "L002" and f"within {TIMEOUT:g} s" in message


def test_dripped_body_times_out() -> None:
    body = b"<html>" + b"x" * 300

    def script(connection: socket.socket, head: bytes) -> None:
        if not is_get(head):  # HEAD refused: the checker falls back to a GET and reads the body
            connection.sendall(b"HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\n\r\n")
            return
        connection.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\n\r\n" % len(body))
        drip(server, connection, body)
        close(connection)

    with RawServer(script, lifetime=20) as server:
        outcome, seconds = run(server.url("/slow-body"))
    assert outcome.error == kinds.TIMEOUT, outcome
    assert seconds < 3 * TIMEOUT


def test_retries_of_a_dripping_server_stay_within_the_url_budget() -> None:
    def script(connection: socket.socket, head: bytes) -> None:
        connection.sendall(b"HTTP/1.1 200 OK\r\n")
        drip(server, connection, b"X-Slow: " + b"z" * 500)
        close(connection)

    with RawServer(script, lifetime=20) as server:
        outcome, seconds = run(server.url("/drip"), retries=2)
        requests = server.count()
    assert outcome.error == kinds.TIMEOUT
    assert outcome.attempts == 3 and requests == 3
    assert seconds < LinkSettings(timeout=TIMEOUT, retries=2).url_budget() + 1


def test_a_200_with_unfinished_headers_is_an_error() -> None:
    # "200 OK" and one header, then the connection closes before the blank line.
    def script(connection: socket.socket, head: bytes) -> None:
        connection.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 5000\r\n")
        close(connection)

    with RawServer(script, lifetime=20) as server:
        outcome, _ = run(server.url("/cut"))
    assert outcome.error == kinds.CONNECTION, outcome
    assert "end of the headers" in outcome.detail
    assert judge(outcome, SETTINGS)[0] == "L002"


def test_a_200_cut_off_after_the_status_line_is_an_error() -> None:
    def script(connection: socket.socket, head: bytes) -> None:
        connection.sendall(b"HTTP/1.1 200 OK\r\n")
        close(connection)

    with RawServer(script, lifetime=20) as server:
        outcome, _ = run(server.url("/cut"))
    assert outcome.error == kinds.CONNECTION and outcome.status is None
    assert judge(outcome, SETTINGS)[0] == "L002"


def test_a_body_shorter_than_its_content_length_is_an_error() -> None:
    def script(connection: socket.socket, head: bytes) -> None:
        if not is_get(head):
            connection.sendall(b"HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\n\r\n")
            return
        connection.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n<html>only this")
        close(connection)

    with RawServer(script, lifetime=20) as server:
        outcome, _ = run(server.url("/truncated"))
    assert outcome.error == kinds.CONNECTION, outcome
    assert "cut off" in outcome.detail
    assert judge(outcome, SETTINGS)[0] == "L002"


def test_a_complete_answer_is_still_fine() -> None:
    def script(connection: socket.socket, head: bytes) -> None:
        if not is_get(head):
            connection.sendall(b"HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\n\r\n")
            return
        connection.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 12\r\n\r\n<p>hello</p>")

    with RawServer(script, lifetime=20) as server:
        outcome, _ = run(server.url("/fine"))
        assert server.count() == 2
    assert outcome.error is None and outcome.status == 200


def test_a_head_answer_without_its_body_is_fine() -> None:
    # HEAD answers announce a Content-Length and send no body: that is not a cut-off answer.
    def script(connection: socket.socket, head: bytes) -> None:
        connection.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 5000\r\n\r\n")

    with RawServer(script, lifetime=20) as server:
        outcome, _ = run(server.url("/head"))
    assert outcome.error is None and outcome.status == 200


def test_many_dripping_urls_end_together() -> None:
    # Twenty URLs, each dripped: the run takes about one timeout, not twenty.
    def script(connection: socket.socket, head: bytes) -> None:
        connection.sendall(b"HTTP/1.1 200 OK\r\n")
        drip(server, connection, b"X-Slow: " + b"z" * 500)
        close(connection)

    with RawServer(script, lifetime=20) as server:
        urls = [server.url(f"/drip/{n}") for n in range(20)]
        settings = LinkSettings(**{**SETTINGS.__dict__, "host_concurrency": 20})
        started = time.monotonic()
        outcomes, _ = check_urls(urls, settings, is_good=lambda outcome: outcome.error is None)
        seconds = time.monotonic() - started
    assert {outcome.error for outcome in outcomes.values()} == {kinds.TIMEOUT}
    assert seconds < 3 * TIMEOUT
