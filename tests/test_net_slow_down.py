"""A host that answers "too many requests" (429, or 503 with Retry-After) is slowed down as a whole:
nothing more starts there until its wait is over, then one request at a time, further apart; it
speeds up again after answers without one. Against a real server on loopback."""

from __future__ import annotations

import threading
import time
from typing import Any, Callable, Iterator

import pytest
from loopback import LoopbackServer, Reply, status

from contentlint.net.checker import check_urls
from contentlint.net.client import LinkClient
from contentlint.net.limits import HostLimiter
from contentlint.net.outcome import Outcome
from contentlint.net.settings import LinkSettings


def settings(**changes: Any) -> LinkSettings:
    values: dict[str, Any] = {"timeout": 2.0, "retries": 2, "backoff": 0.05, "host_interval": 0,
                              "host_concurrency": 4, "allow_private_hosts": True, "cache": False}
    return LinkSettings(**{**values, **changes})


class Log:
    """What the server saw: (path, arrival, departure) of each request, on the server's clock."""

    def __init__(self) -> None:
        self.entries: list[tuple[str, float, float]] = []
        self._lock = threading.Lock()

    def route(self, path: str, answer: Callable[[int], Reply], delay: float = 0.0) -> Callable[[str, int], Reply]:
        def reply(method: str, nth: int) -> Reply:
            arrived = time.monotonic()
            chosen = answer(nth)
            with self._lock:
                self.entries.append((path, arrived, arrived + delay))
            return Reply(chosen.status, chosen.headers, delay=delay)
        return reply

    def after(self, moment: float) -> list[tuple[str, float, float]]:
        return sorted((entry for entry in self.entries if entry[1] > moment), key=lambda entry: entry[1])


@pytest.fixture()
def server() -> Iterator[LoopbackServer]:
    with LoopbackServer("127.0.0.1", lifetime=30) as running:
        yield running


def run(urls: list[str], link_settings: LinkSettings, notices: list[str] | None = None) -> dict[str, Outcome]:
    outcomes, _ = check_urls(urls, link_settings, is_good=lambda outcome: outcome.error is None,
                             notice=notices.append if notices is not None else None)
    return outcomes


def test_too_many_requests_pauses_the_whole_host_then_asks_one_at_a_time(server: LoopbackServer) -> None:
    log = Log()
    server.routes["/busy"] = log.route("/busy", lambda nth: Reply(429, {"Retry-After": "1"}))
    paths = [f"/page-{n}" for n in range(4)]
    for path in paths:
        server.routes[path] = log.route(path, lambda nth: Reply(200), delay=0.1)
    client = LinkClient(settings(retries=0, host_concurrency=4))
    try:
        assert client.check(server.url("/busy")).status == 429
        found: dict[str, Outcome] = {}
        workers = [threading.Thread(target=lambda p=path: found.update({p: client.check(server.url(p))}), daemon=True)
                   for path in paths]
        for worker in workers:  # four at once, where four slots would be free without the 429
            worker.start()
        for worker in workers:
            worker.join(timeout=10)
    finally:
        client.close()
    assert {path: outcome.status for path, outcome in found.items()} == dict.fromkeys(paths, 200)
    (busy_at,) = [arrived for path, arrived, _ in log.entries if path == "/busy"]
    later = sorted((entry for entry in log.entries if entry[0] != "/busy"), key=lambda entry: entry[1])
    # None starts within the second the 429 asked for (the server's clock; late is allowed, early not).
    assert all(arrived >= busy_at + 0.95 for _, arrived, _ in later)
    # Then one at a time: each starts once the one before has been answered.
    for (_, _, answered), (_, next_arrived, _) in zip(later, later[1:]):
        assert next_arrived >= answered - 0.01


def test_the_run_says_which_hosts_it_slowed_down(server: LoopbackServer) -> None:
    server.routes["/busy"] = lambda method, nth: Reply(429, {"Retry-After": "0"}) if nth == 1 else Reply(200)
    server.routes["/page"] = status(200)
    notices: list[str] = []
    outcomes = run([server.url("/busy"), server.url("/page")], settings(), notices)
    assert {outcome.status for outcome in outcomes.values()} == {200}  # the 429 was asked again
    assert notices == [
        "127.0.0.1 answered \"too many requests\" 1 time: its other links were checked more slowly from then on"
    ]


@pytest.mark.parametrize(
    ("reply", "slowed"),
    [
        (Reply(429, {"Retry-After": "0"}), True),
        (Reply(429), True),  # no Retry-After: the host waits its backoff gap
        (Reply(503, {"Retry-After": "0"}), True),  # "overloaded, come back later"
        (Reply(503), False),  # a failing page, not a request to slow down
        (Reply(500), False),
        (Reply(404), False),
        (Reply(200), False),
    ],
)
def test_which_answers_slow_a_host_down(server: LoopbackServer, reply: Reply, slowed: bool) -> None:
    server.routes["/page"] = reply
    limiter = HostLimiter(per_host=4, interval=0, slow_gap=0.01, max_gap=0.5)
    client = LinkClient(settings(retries=0), limiter)
    try:
        client.check(server.url("/page"))
    finally:
        client.close()
    assert (limiter.allowed("127.0.0.1"), sum(limiter.slowed.values())) == ((1, 1) if slowed else (4, 0))


@pytest.mark.parametrize(
    ("calm_answers", "allowed"),
    # Five answers a step: the gap halves three times, goes back to the usual one, then a slot a step.
    [(0, 1), (4, 1), (20, 1), (24, 1), (25, 2), (30, 3), (34, 3), (35, 4), (200, 4)],
)
def test_a_slowed_host_speeds_up_again_in_steps(calm_answers: int, allowed: int) -> None:
    limiter = HostLimiter(per_host=4, interval=0, slow_gap=0.01, max_gap=0.5)
    limiter.too_many("Www.Example.org", 0)
    for _ in range(calm_answers):
        limiter.answered("www.example.org")
    assert limiter.allowed("www.example.org") == allowed
    assert limiter.allowed("other.example.org") == 4


def test_another_too_many_starts_the_recovery_again() -> None:
    limiter = HostLimiter(per_host=4, interval=0, slow_gap=0.01, max_gap=0.5)
    limiter.too_many("www.example.org", 0)
    for _ in range(30):
        limiter.answered("www.example.org")
    assert limiter.allowed("www.example.org") == 3
    limiter.too_many("www.example.org", 0)
    assert limiter.allowed("www.example.org") == 1
    for _ in range(9):  # from a quarter of the first gap: two steps back to the usual gap
        limiter.answered("www.example.org")
    assert limiter.allowed("www.example.org") == 1 and limiter.slowed["www.example.org"] == 2
    limiter.answered("www.example.org")
    for _ in range(5):
        limiter.answered("www.example.org")
    assert limiter.allowed("www.example.org") == 2


def test_stopping_ends_a_hosts_pause_at_once() -> None:
    limiter = HostLimiter(per_host=2, interval=0, slow_gap=0.01, max_gap=30)
    limiter.too_many("www.example.org", 30)
    entered = threading.Event()

    def wait_for_a_slot() -> None:
        with limiter.slot("www.example.org"):
            entered.set()

    worker = threading.Thread(target=wait_for_a_slot, daemon=True)
    worker.start()
    assert not entered.wait(0.2)  # paused: the request does not start
    limiter.stop()
    worker.join(timeout=5)
    assert entered.is_set() and not worker.is_alive()


def test_a_host_that_keeps_answering_too_many_is_still_checked_to_the_end(server: LoopbackServer) -> None:
    # Every fifth link answers 429 the first time: pause after pause while others wait their turn.
    # Each pause must void the starts reserved before it, or the waits pile up behind one another.
    server.default = lambda method, nth: Reply(429, {"Retry-After": "0.05"}) if nth == 1 and method == "HEAD" else Reply(200)
    paths = [f"/page-{n}" for n in range(60)]
    for path in paths[::5]:
        server.routes[path] = server.default
    server.default = status(200)
    outcomes: dict[str, Outcome] = {}
    link_settings = settings(host_concurrency=8, backoff=0.02, max_retry_wait=0.2)
    worker = threading.Thread(target=lambda: outcomes.update(run(list(map(server.url, paths)), link_settings)),
                              daemon=True)
    worker.start()
    worker.join(timeout=60)  # a bound on a stall, far above the second or two it takes
    assert not worker.is_alive(), "the check did not end"
    assert {outcome.status for outcome in outcomes.values()} == {200} and len(outcomes) == 60
