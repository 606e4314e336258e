"""Retry-After within the URL's budget, and waits that hold no host slot (issue 18)."""

from __future__ import annotations

import threading
import time
from typing import Any, Iterator

import pytest
from loopback import LoopbackServer, in_turn, status

from contentlint.net.checker import check_urls
from contentlint.net.client import LinkClient
from contentlint.net.outcome import Outcome
from contentlint.net.settings import LinkSettings


def settings(**changes: Any) -> LinkSettings:
    values: dict[str, Any] = {"timeout": 0.5, "retries": 2, "backoff": 0.01, "host_interval": 0,
                              "allow_private_hosts": True, "cache": False}
    return LinkSettings(**{**values, **changes})


def run(urls: list[str], link_settings: LinkSettings) -> tuple[dict[str, Outcome], Any, float]:
    started = time.monotonic()
    outcomes, stats = check_urls(urls, link_settings, is_good=lambda outcome: outcome.error is None)
    return outcomes, stats, time.monotonic() - started


@pytest.fixture()
def server() -> Iterator[LoopbackServer]:
    with LoopbackServer("127.0.0.1", lifetime=30) as running:
        running.routes.update({
            "/asks-30": in_turn(status(429, Retry_After="30"), status(200)),
            "/asks-1": in_turn(status(429, Retry_After="1"), status(200)),
            "/ok-1": status(200),
            "/ok-2": status(200),
        })
        yield running


def test_a_long_retry_after_is_not_waited_beyond_the_budget(server: LoopbackServer) -> None:
    # Defaults let any one wait be 20 s; with a 0.5 s timeout the URL's budget is 2 s, so the
    # 30 s asked for is not waited at all: the 429 stands (L009, "could not verify").
    link_settings = settings()
    assert link_settings.max_retry_wait == 20 and link_settings.url_budget() == 2
    outcomes, _, seconds = run([server.url("/asks-30")], link_settings)
    outcome = outcomes[server.url("/asks-30")]
    assert outcome.status == 429 and outcome.retry_after == 30
    assert server.count("/asks-30") == 1
    assert seconds < 2


def test_a_retry_after_that_fits_the_budget_is_honoured(server: LoopbackServer) -> None:
    outcomes, _, seconds = run([server.url("/asks-1")], settings(timeout=1.0))
    assert outcomes[server.url("/asks-1")].status == 200
    assert server.count("/asks-1") == 2
    assert 0.9 < seconds < 4


def test_the_budget_setting_bounds_every_url(server: LoopbackServer) -> None:
    outcomes, _, seconds = run([server.url("/asks-1")], settings(timeout=1.0, budget=0.8))
    assert outcomes[server.url("/asks-1")].status == 429  # 1 s asked, 0.8 s allowed in all
    assert seconds < 0.8 + 1


def test_a_waiting_url_holds_no_host_slot(server: LoopbackServer) -> None:
    # One slot for the host: while /fails-once waits its backoff (about 1 s), the other two URLs
    # are checked. (A 429 is another matter: the whole host waits, tests/test_net_slow_down.py.)
    server.routes["/fails-once"] = in_turn(status(503), status(200))
    urls = [server.url("/fails-once"), server.url("/ok-1"), server.url("/ok-2")]
    outcomes, stats, seconds = run(urls, settings(timeout=1.0, host_concurrency=1, backoff=1.0))
    assert all(outcome.status == 200 for outcome in outcomes.values())
    order = [path for _, path in server.requests]
    assert order == ["/fails-once", "/ok-1", "/ok-2", "/fails-once"]
    assert max(stats.peak_per_host.values()) == 1
    assert seconds < 3


def test_stopping_the_client_ends_a_wait_at_once(server: LoopbackServer) -> None:
    client = LinkClient(settings(timeout=10.0, max_retry_wait=30))
    server.routes["/asks-20"] = status(429, Retry_After="20")
    found: list[Outcome] = []
    worker = threading.Thread(target=lambda: found.append(client.check(server.url("/asks-20"))), daemon=True)
    started = time.monotonic()
    worker.start()
    time.sleep(0.3)
    client.stop()
    worker.join(timeout=5)
    client.close()
    assert not worker.is_alive() and time.monotonic() - started < 2
    assert found[0].status == 429
