"""--links without a network (issue 16): one NetworkUnavailable, not an L002 per link, and
nothing cached. No DNS query leaves the machine: the lookup is replaced by one that fails the
way an offline resolver does, and the hosts that do answer are loopback servers."""

from __future__ import annotations

import errno
import socket
import sqlite3
from pathlib import Path
from typing import Any, Iterator

import pytest
from loopback import LoopbackServer, closed_port, status

from contentlint.net import guard
from contentlint.net import outcome as kinds
from contentlint.net.cache import CACHE_FILENAME
from contentlint.net.checker import check_urls
from contentlint.net.outcome import NetworkUnavailable, Outcome
from contentlint.net.settings import LinkSettings
from contentlint.rules.online_links import judge


def settings(tmp_path: Path, **changes: Any) -> LinkSettings:
    values: dict[str, Any] = {"timeout": 1, "retries": 1, "backoff": 0.01, "host_interval": 0, "cache": True,
                              "cache_dir": tmp_path, "allow_private_hosts": True}
    return LinkSettings(**{**values, **changes})


def run(urls: list[str], link_settings: LinkSettings) -> dict[str, Outcome]:
    outcomes, _ = check_urls(urls, link_settings, is_good=lambda outcome: judge(outcome, link_settings) is None)
    return outcomes


def cached_rows(tmp_path: Path) -> int:
    if not (tmp_path / CACHE_FILENAME).exists():
        return 0
    with sqlite3.connect(tmp_path / CACHE_FILENAME) as db:
        return int(db.execute("SELECT count(*) FROM link_outcomes").fetchone()[0])


@pytest.fixture()
def offline(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every name fails to resolve, as on a machine with no network; IP literals still connect."""
    looked_up: list[str] = []
    real = guard.resolve

    def resolve(host: str, port: int) -> list[tuple[int, str]]:
        if host.replace(".", "").isdigit():
            return real(host, port)
        looked_up.append(host)
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(guard, "resolve", resolve)
    return looked_up


@pytest.fixture()
def server() -> Iterator[LoopbackServer]:
    with LoopbackServer("127.0.0.1", lifetime=30) as running:
        running.routes["/ok"] = status(200)
        yield running


def test_no_host_reachable_raises_one_network_unavailable(offline: list[str], tmp_path: Path) -> None:
    urls = [f"https://www.{name}.example/page" for name in ("nhs", "cancer", "macmillan")] + ["https://www.nhs.example/other"]
    with pytest.raises(NetworkUnavailable) as raised:
        run(urls, settings(tmp_path))
    message = str(raised.value)
    assert message.startswith("network unavailable: no host could be reached (3 hosts tried; ")
    assert "\n" not in message and "does not resolve" in message
    assert raised.value.hosts == ("www.cancer.example", "www.macmillan.example", "www.nhs.example")
    assert set(raised.value.outcomes) == set(urls)  # what was found, for a caller that wants it
    assert cached_rows(tmp_path) == 0  # and nothing of that run is cached


def test_one_answering_host_means_the_network_works(offline: list[str], server: LoopbackServer, tmp_path: Path) -> None:
    urls = ["https://gone-a.example/", "https://gone-b.example/", server.url("/ok")]
    outcomes = run(urls, settings(tmp_path))
    assert [outcomes[url].error for url in urls] == [kinds.DNS, kinds.DNS, None]
    assert judge(outcomes[urls[0]], settings(tmp_path))[0] == "L002"
    assert cached_rows(tmp_path) == 3  # the network works: the failures are real, and cached


def test_a_single_host_that_does_not_resolve_is_an_l002_but_not_cached(offline: list[str], tmp_path: Path) -> None:
    # One name alone cannot tell "offline" from "this domain is gone": reported, never cached.
    url = "https://www.retired-charity.example/leaflet"
    outcome = run([url], settings(tmp_path))[url]
    assert outcome.error == kinds.DNS and judge(outcome, settings(tmp_path))[0] == "L002"
    assert cached_rows(tmp_path) == 0


def test_network_unreachable_is_unavailable_even_for_one_host(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    def no_route(host: str, port: int) -> list[tuple[int, str]]:
        raise OSError(errno.ENETUNREACH, "Network is unreachable")

    monkeypatch.setattr(guard, "resolve", no_route)
    with pytest.raises(NetworkUnavailable, match=r"^network unavailable: no host could be reached \(1 host tried; "):
        run(["https://www.nhs.example/conditions/"], settings(tmp_path))
    assert cached_rows(tmp_path) == 0


def test_an_offline_run_stops_trying_after_a_few_hosts(offline: list[str], tmp_path: Path) -> None:
    urls = [f"https://host-{n}.example/" for n in range(200)]
    with pytest.raises(NetworkUnavailable, match="no host could be reached"):
        run(urls, settings(tmp_path, concurrency=4, cache=False))
    assert 16 <= len(set(offline)) <= 16 + 4


def test_cached_answers_do_not_hide_an_offline_run(offline: list[str], server: LoopbackServer, tmp_path: Path) -> None:
    # A warm cache answers some links; the rest cannot be checked: still "network unavailable".
    run([server.url("/ok")], settings(tmp_path))
    with pytest.raises(NetworkUnavailable):
        run([server.url("/ok"), "https://a.example/", "https://b.example/"], settings(tmp_path))
    assert cached_rows(tmp_path) == 1


def test_an_unreachable_proxy_is_unavailable(tmp_path: Path) -> None:
    proxy = f"http://user:secret@127.0.0.1:{closed_port()}"
    with pytest.raises(NetworkUnavailable) as raised:
        run(["http://www.nhs.example/a", "http://www.nhs.example/b"], settings(tmp_path, proxy=proxy))
    message = str(raised.value)
    assert message.startswith("network unavailable: the proxy http://127.0.0.1:")
    assert "secret" not in message and "\n" not in message
    assert cached_rows(tmp_path) == 0


@pytest.fixture()
def silent_resolver(monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    """A name in the dict gets "try again" from the resolver as many times as the dict says, then
    resolves to 127.0.0.1; other names always get "try again"; IP literals connect."""
    failures_left: dict[str, int] = {}
    real = guard.resolve

    def resolve(host: str, port: int) -> list[tuple[int, str]]:
        if host.replace(".", "").isdigit():
            return real(host, port)
        if host not in failures_left or failures_left[host] > 0:
            if host in failures_left:
                failures_left[host] -= 1
            raise socket.gaierror(socket.EAI_AGAIN, "Temporary failure in name resolution")
        return real("127.0.0.1", port)

    monkeypatch.setattr(guard, "resolve", resolve)
    return failures_left


@pytest.mark.parametrize(
    ("silences", "retries", "error", "code"),
    [
        (1, 1, None, None),  # the name server answered the second time: the link works
        (2, 2, None, None),
        (2, 1, kinds.DNS_NO_ANSWER, "L002"),  # still no answer after the retries
        (5, 0, kinds.DNS_NO_ANSWER, "L002"),
    ],
)
def test_a_name_server_that_gives_no_answer_is_asked_again(
    silent_resolver: dict[str, int], server: LoopbackServer, tmp_path: Path,
    silences: int, retries: int, error: str | None, code: str | None,
) -> None:
    silent_resolver["www.flaky.example"] = silences
    url = f"http://www.flaky.example:{server.port}/ok"
    link_settings = settings(tmp_path, retries=retries)
    outcome = run([url, server.url("/ok")], link_settings)[url]  # the second host shows the network works
    assert outcome.error == error and outcome.attempts == min(silences, retries) + 1
    finding = judge(outcome, link_settings)
    assert (finding[0] if finding else None) == code
    if code:
        tries = f" in {retries + 1} tries" if retries else ""
        assert finding[1] == (
            f"unreachable: the name server gave no answer for www.flaky.example{tries} (a passing "
            "DNS failure, or the domain's name servers are down); check the link later"
        )


def test_no_answer_from_any_name_server_is_network_unavailable(silent_resolver: dict[str, int], tmp_path: Path) -> None:
    # What an offline laptop's resolver says for every name: one line, no L002, nothing cached.
    urls = ["https://www.nhs.example/a", "https://www.cancer.example/b"]
    with pytest.raises(NetworkUnavailable) as raised:
        run(urls, settings(tmp_path))
    assert str(raised.value).startswith("network unavailable: no host could be reached (2 hosts tried; ")
    assert "the name server gave no answer" in str(raised.value)
    assert cached_rows(tmp_path) == 0
