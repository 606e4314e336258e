"""The address guard at connection time: deprecated site-local IPv6 (fec0::/10) is private (issue 18)."""

from __future__ import annotations

import socket
from typing import Iterator

import pytest
from loopback import LoopbackServer, status

from contentlint.net import guard
from contentlint.net import outcome as kinds
from contentlint.net.addresses import forbidden_host, is_forbidden_address
from contentlint.net.checker import check_urls
from contentlint.net.settings import LinkSettings
from contentlint.rules.online_links import judge


@pytest.fixture()
def server() -> Iterator[LoopbackServer]:
    with LoopbackServer("127.0.0.1", lifetime=30) as running:
        running.routes["/ok"] = status(200)
        yield running


@pytest.mark.parametrize("address", ["fec0::1", "fec0:0:0:ffff::1", "feff:ffff:ffff:ffff::1", "fec0::1%2"])
def test_site_local_ipv6_is_private(address: str) -> None:
    assert is_forbidden_address(address) == "private"


def test_site_local_literal_is_refused_offline() -> None:
    assert forbidden_host("[fec0::1]") == "a private address"


def test_a_name_resolving_to_site_local_is_never_contacted(server: LoopbackServer, monkeypatch: pytest.MonkeyPatch) -> None:
    # "intranet.example" resolves to a site-local address first and to the loopback server second:
    # a mixed answer is refused as a whole, so the server sees nothing.
    def resolve(host: str, port: int) -> list[tuple[int, str]]:
        assert host == "intranet.example"
        return [(socket.AF_INET6, "fec0::10"), (socket.AF_INET, "127.0.0.1")]

    monkeypatch.setattr(guard, "resolve", resolve)
    monkeypatch.setattr(guard, "is_forbidden_address",
                        lambda ip: None if ip == "127.0.0.1" else is_forbidden_address(ip))
    url = f"http://intranet.example:{server.port}/ok"
    settings = LinkSettings(timeout=1, retries=0, host_interval=0, cache=False)
    outcomes, _ = check_urls([url], settings, is_good=lambda outcome: outcome.error is None)
    outcome = outcomes[url]
    assert outcome.error == kinds.FORBIDDEN
    assert (outcome.address, outcome.address_reason) == ("fec0::10", "private")
    assert judge(outcome, settings)[0] == "L008"
    assert server.count() == 0


def test_the_same_name_on_a_public_address_is_checked(server: LoopbackServer, monkeypatch: pytest.MonkeyPatch) -> None:
    # The control: with only the (here "public") loopback address, the request is made.
    monkeypatch.setattr(guard, "resolve", lambda host, port: [(socket.AF_INET, "127.0.0.1")])
    monkeypatch.setattr(guard, "is_forbidden_address",
                        lambda ip: None if ip == "127.0.0.1" else is_forbidden_address(ip))
    url = f"http://intranet.example:{server.port}/ok"
    settings = LinkSettings(timeout=1, retries=0, host_interval=0, cache=False)
    outcomes, _ = check_urls([url], settings, is_good=lambda outcome: outcome.error is None)
    assert outcomes[url].status == 200 and server.count() == 1
