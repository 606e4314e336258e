"""An explicit proxy (issue 16): requests go through the proxy the user named, the address guard
still judges the target host, and proxy variables in the environment are never used."""

from __future__ import annotations

import base64
from pathlib import Path
from typing import Any, Iterator

import pytest
from loopback import ForwardProxy, LoopbackServer, head_refused, redirect, status

from contentlint.net import guard
from contentlint.net import outcome as kinds
from contentlint.net.addresses import is_forbidden_address
from contentlint.net.checker import check_urls
from contentlint.net.outcome import Outcome
from contentlint.net.settings import LinkSettings, SettingsError, settings_from_section
from contentlint.rules.online_links import judge


@pytest.fixture()
def site() -> Iterator[LoopbackServer]:
    with LoopbackServer("127.0.0.2", lifetime=30) as running:
        running.routes.update({"/ok": status(200), "/gone": status(410), "/get-only": head_refused(200, 405)})
        yield running


@pytest.fixture()
def proxy() -> Iterator[ForwardProxy]:
    with ForwardProxy("127.0.0.1", lifetime=30) as running:
        yield running


@pytest.fixture()
def public_site(monkeypatch: pytest.MonkeyPatch) -> None:
    """Play "127.0.0.2 is a public site": the guard refuses every other private address as usual."""
    monkeypatch.setattr(guard, "is_forbidden_address", lambda ip: None if str(ip) == "127.0.0.2" else is_forbidden_address(ip))


def run(urls: list[str], **changes: Any) -> dict[str, Outcome]:
    values: dict[str, Any] = {"timeout": 2, "retries": 0, "host_interval": 0, "cache": False}
    link_settings = LinkSettings(**{**values, **changes})
    outcomes, _ = check_urls(urls, link_settings, is_good=lambda outcome: outcome.error is None)
    return outcomes


def test_requests_go_through_the_named_proxy(site: LoopbackServer, proxy: ForwardProxy, public_site: None) -> None:
    urls = [site.url("/ok"), site.url("/gone"), site.url("/get-only")]
    outcomes = run(urls, proxy=proxy.url("editor:s3cret"))
    assert [outcomes[url].status for url in urls] == [200, 410, 200]
    assert sorted((method, target) for method, target, _ in proxy.requests) == sorted([
        ("HEAD", site.url("/ok")), ("HEAD", site.url("/gone")),
        ("HEAD", site.url("/get-only")), ("GET", site.url("/get-only")),
    ])
    assert {auth for _, _, auth in proxy.requests} == {"Basic " + base64.b64encode(b"editor:s3cret").decode()}
    assert site.count() == 4  # each reached the site, through the proxy


def test_the_guard_still_judges_the_target_host(site: LoopbackServer, proxy: ForwardProxy) -> None:
    # The proxy itself is on loopback (named by the user, so allowed); the target is loopback too.
    for url in (site.url("/ok"), f"http://localhost:{site.port}/ok", f"http://0x7f000002:{site.port}/ok"):
        outcome = run([url], proxy=proxy.url())[url]
        assert outcome.error == kinds.FORBIDDEN, url
        assert judge(outcome, LinkSettings())[0] == "L008"
    assert proxy.requests == [] and site.count() == 0


def test_the_guard_applies_at_every_redirect_hop_through_the_proxy(site: LoopbackServer, proxy: ForwardProxy, public_site: None) -> None:
    site.routes["/to-private"] = redirect(302, "http://127.0.0.1:9/admin")
    outcome = run([site.url("/to-private")], proxy=proxy.url())[site.url("/to-private")]
    assert outcome.error == kinds.FORBIDDEN and outcome.final_url == "http://127.0.0.1:9/admin"
    assert [target for _, target, _ in proxy.requests] == [site.url("/to-private")]


def test_allow_private_hosts_lets_the_proxy_fetch_them(site: LoopbackServer, proxy: ForwardProxy) -> None:
    outcome = run([site.url("/ok")], proxy=proxy.url(), allow_private_hosts=True)[site.url("/ok")]
    assert outcome.status == 200 and len(proxy.requests) == 1


def test_proxy_variables_in_the_environment_are_ignored(site: LoopbackServer, proxy: ForwardProxy,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy", "ALL_PROXY", "all_proxy"):
        monkeypatch.setenv(name, proxy.url())
    monkeypatch.delenv("NO_PROXY", raising=False)
    monkeypatch.delenv("no_proxy", raising=False)
    outcome = run([site.url("/ok")], allow_private_hosts=True)[site.url("/ok")]
    assert outcome.status == 200
    assert proxy.requests == [] and site.count() == 1


def test_proxy_setting_from_the_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CONTENTLINT_TEST_PROXY_PASSWORD", "pa55")
    settings = settings_from_section({"proxy": "http://me:${CONTENTLINT_TEST_PROXY_PASSWORD}@proxy.corp.example:3128"}, tmp_path)
    assert settings.proxy == "http://me:pa55@proxy.corp.example:3128"
    assert settings.proxy_display() == "http://proxy.corp.example:3128"
    assert settings.fingerprint() != settings_from_section({}, tmp_path).fingerprint()
    assert settings_from_section({}, tmp_path).proxy is None


@pytest.mark.parametrize("value", ["socks5://127.0.0.1:1080", "proxy.corp.example:3128", "http://", "http://host:99999",
                                   "http://host:3128/path"])
def test_bad_proxy_settings_are_config_errors(tmp_path: Path, value: str) -> None:
    with pytest.raises(SettingsError, match="`proxy`"):
        settings_from_section({"proxy": value}, tmp_path)


def test_a_dripping_proxy_is_held_to_the_deadline(public_site: None) -> None:
    import socket
    import time

    from loopback import RawServer

    def script(connection: socket.socket, head: bytes) -> None:
        connection.sendall(b"HTTP/1.1 200 OK\r\n")
        for byte in b"X-Slow: " + b"z" * 200:
            if not slow.pause(0.1):
                return
            connection.sendall(bytes([byte]))

    with RawServer(script, lifetime=20) as slow:
        started = time.monotonic()
        outcome = run(["http://127.0.0.2:8/page"], proxy=f"http://127.0.0.1:{slow.port}", timeout=0.5)["http://127.0.0.2:8/page"]
        seconds = time.monotonic() - started
        assert slow.count() == 1
    assert outcome.error == kinds.TIMEOUT and seconds < 1.5
