"""Online link checking (L001-L003, L008, L009) against real HTTP servers on loopback.

Two servers, on 127.0.0.1 and 127.0.0.2 (separate hosts for the per-host limits); no mocked
transport, no internet. Timeouts, backoff and Retry-After caps are set small so the module
stays fast; the servers stop by themselves.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path
from typing import Any, Iterator

import pytest

from contentlint.net.addresses import is_forbidden_address
from contentlint.net.botwall import looks_like_bot_wall
from contentlint.net.cache import CACHE_FILENAME, LinkCache
from contentlint.net.client import parse_retry_after
from contentlint.net.outcome import Outcome
from contentlint.net.settings import host_matches, parse_duration
from contentlint.rules.online_links import finish_links
from conftest import link_pass, make_config
from loopback import LoopbackServer, Reply, closed_port, head_refused, in_turn, redirect, socket_buffers_at_most, status

# Small numbers keep the tests quick: a slow route takes 1 s, the timeout is 0.3 s.
FAST = {
    "timeout": 0.3, "retries": 1, "backoff": 0.02, "max-retry-wait": 0.25, "host-interval": 0,
    "allow-private-hosts": True, "cache": False,
}
BOT_WALL = Reply(503, {"cf-mitigated": "challenge", "Content-Type": "text/html"}, b"<title>Just a moment...</title>")


@pytest.fixture(scope="module")
def servers() -> Iterator[tuple[LoopbackServer, LoopbackServer]]:
    with LoopbackServer("127.0.0.1", lifetime=60) as a, LoopbackServer("127.0.0.2", lifetime=60) as b:
        b.routes.update({
            "/ok": status(200),
            "/missing": status(404),
            "/": status(200),
        })
        a.routes.update({
            "/ok": status(200),
            "/not-found": status(404),
            "/gone": status(410),
            "/teapot": status(418),
            "/error": status(500),
            "/moved": redirect(301, b.url("/ok")),
            "/moved-308": redirect(308, "/ok"),
            "/moved-to-missing": redirect(301, b.url("/missing")),
            "/found": redirect(302, "/ok"),
            "/see-other": redirect(303, "/ok"),
            "/moved-then-found": redirect(301, "/found"),
            "/loop-a": redirect(302, "/loop-b"),
            "/loop-b": redirect(301, "/loop-a"),
            "/hop-1": redirect(302, "/hop-2"),
            "/hop-2": redirect(302, "/hop-3"),
            "/hop-3": redirect(302, "/hop-4"),
            "/hop-4": redirect(302, "/ok"),
            "/to-ftp": redirect(302, "ftp://files.example.org/leaflet.pdf"),
            "/to-nowhere": redirect(302, "http://[::1"),  # a Location that is no URL
            "/no-location": Reply(307),
            "/to-long-label": redirect(302, "http://" + "a" * 64 + ".example.org/"),
            "/empty-location": redirect(301, " "),
            "/head-no-location": lambda method, nth: Reply(301) if method == "HEAD" else Reply(200),
            "/slow": Reply(200, delay=1.0),
            "/head-405": head_refused(200, 405),
            "/head-404": head_refused(200, 404),
            "/head-405-get-404": head_refused(404, 405),
            "/rate-limited": in_turn(status(429, Retry_After="30"), status(200)),
            "/busy": in_turn(status(503), status(200)),
            "/forbidden": status(403),
            "/unauthorized": status(401),
            "/always-429": status(429),
            "/bot-wall": BOT_WALL,
            "/linkedin": status(999),
            "/": status(200),
            "/en/": status(200),
            "/retired": redirect(301, "/"),
            "/retired-302": redirect(302, "/index.html"),
            "/index.html": status(200),
            "/en/retired": redirect(302, "/en/"),
            "/fr/retired": redirect(302, "/en/"),
            "/home": redirect(301, "/"),
            "/index.htm": redirect(301, "/"),
            "/to-other-home": redirect(301, b.url("/")),
            "/members": redirect(302, "/account/login?next=/members"),
            "/account/login?next=/members": status(200),
            "/members-area": redirect(302, "/sso/start"),
            "/sso/start": status(200),
            "/login-page": redirect(301, "/login/"),
            "/login/": status(200),
            "/authors": redirect(301, "/authors/"),
            "/authors/": status(200),
            "/withdrawn": redirect(302, "/errors/404.html"),
            "/errors/404.html": status(200),
            "/old-leaflet": redirect(301, "/Error.aspx?aspxerrorpath=/old-leaflet"),
            "/Error.aspx?aspxerrorpath=/old-leaflet": status(200),
            "/404": redirect(301, "/404/"),
            "/404/": status(200),
        })
        yield a, b


def check(urls: list[str], **links: Any) -> list[tuple[str, str, Any]]:
    """Run the link pass over one document citing ``urls`` (line i+1 each)."""
    return link_pass(urls, {**FAST, **links})


def codes(found: list[tuple[str, str, Any]]) -> list[str]:
    return [code for _, code, _ in found]


CASES = [
    # (path on 127.0.0.1, expected code or None, a fragment the message must contain)
    ("/ok", None, ""),
    ("/not-found", "L001", "404"),
    ("/gone", "L001", "410"),
    ("/teapot", "L001", "418"),
    ("/error", "L001", "after 2 tries"),
    ("/moved", "L003", "127.0.0.2"),
    ("/moved-308", "L003", "/ok"),
    ("/moved-to-missing", "L001", "redirects to http://127.0.0.2"),
    ("/found", None, ""),
    ("/see-other", None, ""),
    ("/moved-then-found", "L003", "/found"),
    ("/loop-a", "L002", "redirect loop"),
    ("/to-ftp", "L002", "not http(s)"),
    ("/to-nowhere", "L002", "redirects to 'http://[::1', which is not a valid address"),
    ("/no-location", "L002", "answers 307 Temporary Redirect but names no address to go to"),
    ("/to-long-label", "L002", "the host name is not a valid domain name"),
    ("/empty-location", "L002", "names no address to go to"),
    ("/head-no-location", None, ""),  # HEAD gets a redirect to nowhere, GET the page
    ("/head-405", None, ""),
    ("/head-404", None, ""),
    ("/head-405-get-404", "L001", "404"),
    ("/busy", None, ""),
    ("/forbidden", "L009", "403"),
    ("/unauthorized", "L009", "401"),
    ("/always-429", "L009", "429"),
    ("/bot-wall", "L009", "blocks automated checks"),
    ("/linkedin", "L009", "answers 999, which is no HTTP status"),
    # redirects that end on the site's home page: the page is gone
    ("/retired", "L001", "redirects to its site's home page, http://127.0.0.1:"),
    ("/retired-302", "L001", "/index.html: the page is gone; find where its content lives now"),
    ("/en/retired", "L001", "home page"),
    ("/fr/retired", None, ""),  # another language's home: a temporary redirect, as before
    ("/home", "L003", ""),  # a home page's own address, moved to "/"
    ("/index.htm", "L003", ""),
    ("/to-other-home", "L003", ""),  # another site's home page: a move to another site
    # redirects that end on a sign-in page: readers without an account cannot open it
    ("/members", "L009", "redirects to a sign-in page"),
    ("/members-area", "L009", "readers without an account cannot open it"),
    ("/login-page", "L003", ""),  # the link names a sign-in page itself
    ("/authors", "L003", ""),  # "authors" is no sign-in
    # redirects that end on the site's "page not found" page, which answers 200 (a soft 404)
    ("/withdrawn", "L001", "/errors/404.html, the site's \"page not found\" or error page, which answers 200 OK"),
    ("/old-leaflet", "L001", "the page is gone"),
    ("/404", "L003", ""),  # the link names the error page itself
]


@pytest.mark.parametrize(("path", "expected", "fragment"), CASES, ids=[c[0] for c in CASES])
def test_status_classes(servers: tuple[LoopbackServer, LoopbackServer], path: str, expected: str | None, fragment: str) -> None:
    a, _ = servers
    found = check([a.url(path)])
    assert codes(found) == ([expected] if expected else [])
    if expected:
        message = found[0][2].message
        assert fragment in message
        assert found[0][2].subject == a.url(path)


def test_permanent_redirect_names_the_final_url(servers: tuple[LoopbackServer, LoopbackServer]) -> None:
    a, b = servers
    [(_, code, violation)] = check([a.url("/moved") + "#side-effects"])
    assert code == "L003"
    assert f"has moved to {b.url('/ok')}#side-effects; update the link" in violation.message


def test_get_fallback_reads_only_the_start_of_a_body(servers: tuple[LoopbackServer, LoopbackServer]) -> None:
    a, _ = servers
    size = socket_buffers_at_most() + 32 * 1024 * 1024
    a.routes["/huge"] = lambda method, nth: Reply(405) if method == "HEAD" else Reply(404, stream_bytes=size)
    assert codes(check([a.url("/huge")])) == ["L001"]
    time.sleep(0.1)  # let the server notice the closed connection
    assert a.sent["/huge"] <= socket_buffers_at_most() + 2 * 65536  # never the whole body


def test_too_many_redirects(servers: tuple[LoopbackServer, LoopbackServer]) -> None:
    a, _ = servers
    assert codes(check([a.url("/hop-1")], max_redirects=3)) == ["L002"]
    assert codes(check([a.url("/hop-1")], max_redirects=4)) == []


def test_server_errors_are_retried_then_broken(servers: tuple[LoopbackServer, LoopbackServer]) -> None:
    a, _ = servers
    before = a.count("/error")
    assert codes(check([a.url("/error")], retries=2)) == ["L001"]
    assert a.count("/error") - before == 3  # HEAD, then two retries


def test_slow_response_past_timeout_is_unreachable(servers: tuple[LoopbackServer, LoopbackServer]) -> None:
    a, _ = servers
    [(_, code, violation)] = check([a.url("/slow")], retries=0)
    assert code == "L002"
    assert "within 0.3 s" in violation.message  # the 1 s answer was not waited for


def test_rate_limit_waits_as_asked_but_capped(servers: tuple[LoopbackServer, LoopbackServer]) -> None:
    a, _ = servers
    started = time.monotonic()
    assert codes(check([a.url("/rate-limited")])) == []  # 429 with Retry-After: 30, then 200
    waited = time.monotonic() - started
    assert 0.25 <= waited < 2  # honoured up to max-retry-wait (0.25 s), not the 30 s asked


def test_closed_port_is_unreachable() -> None:
    [(_, code, violation)] = check([f"http://127.0.0.1:{closed_port()}/page"])
    assert code == "L002"
    assert "connection was refused" in violation.message


def test_tls_failure_is_unreachable(servers: tuple[LoopbackServer, LoopbackServer]) -> None:
    a, _ = servers
    [(_, code, violation)] = check([f"https://127.0.0.1:{a.port}/ok"])  # the server speaks plain HTTP
    assert code == "L002"
    assert "secure connection failed" in violation.message


def test_unresolvable_host_is_unreachable() -> None:
    # No DNS query in tests: the error a failed lookup raises is built here and classified.
    import socket

    import requests
    from urllib3.exceptions import MaxRetryError, NameResolutionError

    from contentlint.net.client import _error_kind
    from contentlint.net.settings import LinkSettings
    from contentlint.rules.online_links import judge

    lookup = NameResolutionError("no-such-host.invalid", None, socket.gaierror(-2, "Name or service not known"))  # type: ignore[arg-type]
    error = requests.exceptions.ConnectionError(MaxRetryError(None, "/", lookup))  # type: ignore[arg-type]
    kind, detail = _error_kind(error)
    outcome = Outcome("https://no-such-host.invalid/page", error=kind, detail=detail)
    code, message = judge(outcome, LinkSettings())
    assert (kind, code) == ("dns", "L002")
    assert "does not resolve" in message


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost"])
def test_loopback_refused_without_allow_private_hosts(
    servers: tuple[LoopbackServer, LoopbackServer], host: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A written loopback address is the offline L008's to report; here the pass reports it too,
    # to show that the guard refused the request.
    import contentlint.rules.online_links as online_links

    monkeypatch.setattr(online_links, "_seen_offline", lambda outcome: False)
    a, _ = servers
    before = a.count()
    url = f"http://{host}:{a.port}/ok"
    [(_, code, violation)] = check([url], allow_private_hosts=False)
    assert code == "L008"
    assert "loopback" in violation.message and "--allow-private-hosts" in violation.message
    assert a.count() == before  # not a single request reached the server


def test_guard_applies_at_every_redirect_hop(servers: tuple[LoopbackServer, LoopbackServer], monkeypatch: pytest.MonkeyPatch) -> None:
    # Play "127.0.0.1 is a public site" so that only the redirect's target (127.0.0.2) is refused.
    import contentlint.net.guard as guard

    real = guard.is_forbidden_address
    monkeypatch.setattr(guard, "is_forbidden_address", lambda ip: None if ip == "127.0.0.1" else real(ip))
    a, b = servers
    a.routes["/to-private"] = redirect(302, b.url("/ok"))
    before = b.count()
    [(_, code, violation)] = check([a.url("/to-private")], allow_private_hosts=False)
    assert code == "L008"
    assert f"it redirects to {b.url('/ok')}" in violation.message
    assert b.count() == before


def test_one_request_per_unique_url(servers: tuple[LoopbackServer, LoopbackServer]) -> None:
    a, b = servers
    a.routes["/cited-often"] = status(200)
    b.routes["/cited-often"] = status(404)
    config = make_config(network=True)
    config.sections = {"links": dict(FAST)}
    summaries = [
        (f"doc{n}.md", [(a.url("/cited-often"), 3, 1), (a.url("/cited-often") + f"#part-{n}", 9, 4), (b.url("/cited-often"), 12, 2)])
        for n in range(5)
    ]
    found = list(finish_links(summaries, config))
    assert a.count("/cited-often") == 1
    assert b.count("/cited-often") == 2  # HEAD 404, then the GET that confirms it
    assert sorted((path, v.line) for path, code, v in found) == [(f"doc{n}.md", 12) for n in range(5)]


def test_accepted_statuses_per_host(servers: tuple[LoopbackServer, LoopbackServer]) -> None:
    a, b = servers
    assert codes(check([a.url("/forbidden")], accept={"127.0.0.1": [403]})) == []
    assert codes(check([a.url("/forbidden")], accept={"127.0.0.2": [403]})) == ["L009"]
    assert codes(check([b.url("/missing")], accept={"127.0.0.*": [404]})) == []


def test_extra_headers_go_to_their_host_only(servers: tuple[LoopbackServer, LoopbackServer], monkeypatch: pytest.MonkeyPatch) -> None:
    a, b = servers
    seen: list[str | None] = []
    import loopback

    original = loopback._Handler._answer

    def recording(handler: Any, method: str) -> None:
        seen.append(handler.headers.get("X-Api-Token"))
        original(handler, method)

    monkeypatch.setattr(loopback._Handler, "_answer", recording)
    monkeypatch.setenv("CONTENTLINT_TEST_TOKEN", "s3cret")
    a.routes["/to-b"] = redirect(302, b.url("/ok"))
    found = check([a.url("/to-b")], headers={"127.0.0.1": {"X-Api-Token": "${CONTENTLINT_TEST_TOKEN}"}})
    assert codes(found) == []
    assert seen == ["s3cret", None]


def test_user_agent_names_the_tool(servers: tuple[LoopbackServer, LoopbackServer], monkeypatch: pytest.MonkeyPatch) -> None:
    a, _ = servers
    agents: list[str] = []
    import loopback

    original = loopback._Handler._answer

    def recording(handler: Any, method: str) -> None:
        agents.append(handler.headers.get("User-Agent", ""))
        original(handler, method)

    monkeypatch.setattr(loopback._Handler, "_answer", recording)
    check([a.url("/ok")])
    assert agents and agents[0].startswith("contentlint/")


def test_skipped_urls_are_not_requested(servers: tuple[LoopbackServer, LoopbackServer]) -> None:
    a, _ = servers
    a.routes["/skipped"] = status(404)
    assert codes(check([a.url("/skipped")], skip=[r"/skip+ed$"])) == []
    assert a.count("/skipped") == 0


def test_warm_cache_sends_no_request(servers: tuple[LoopbackServer, LoopbackServer], tmp_path: Path) -> None:
    a, b = servers
    a.routes["/cached-ok"] = status(200)
    a.routes["/cached-moved"] = redirect(301, b.url("/ok"))
    a.routes["/cached-broken"] = status(410)
    urls = [a.url("/cached-ok"), a.url("/cached-moved"), a.url("/cached-broken")]
    options = {"cache": True, "cache_dir": str(tmp_path / "cache")}
    first = check(urls, **options)
    before = a.count() + b.count()
    second = check(urls, **options)
    assert a.count() + b.count() == before
    assert [(c, v.message) for _, c, v in second] == [(c, v.message) for _, c, v in first]
    assert codes(second) == ["L003", "L001"]
    assert (tmp_path / "cache" / ".gitignore").read_text(encoding="utf-8").strip().endswith("*")
    # A change to what is sent (here the User-Agent) makes the cached answers stale.
    check(urls, user_agent="contentlint-test/1", **options)
    assert a.count() + b.count() > before


def test_cache_lifetimes_good_and_failed(tmp_path: Path) -> None:
    now = [1_000_000.0]
    cache = LinkCache(tmp_path, "settings", clock=lambda: now[0])
    good = Outcome("https://example.org/a", status=200)
    bad = Outcome("https://example.org/b", status=404)
    cache.store([(good.url, good, 7 * 86400), (bad.url, bad, 3600)])
    assert set(cache.lookup([good.url, bad.url])) == {good.url, bad.url}
    now[0] += 3601
    assert set(cache.lookup([good.url, bad.url])) == {good.url}
    now[0] += 7 * 86400
    assert cache.lookup([good.url, bad.url]) == {}
    cache.close()


def test_damaged_cache_file_is_replaced(tmp_path: Path) -> None:
    (tmp_path / CACHE_FILENAME).write_bytes(b"this is not a database" * 100)
    cache = LinkCache(tmp_path, "settings")
    cache.store([("https://example.org/", Outcome("https://example.org/", status=200), 60)])
    assert list(cache.lookup(["https://example.org/"])) == ["https://example.org/"]
    cache.close()


_WRITER = textwrap.dedent("""
    import sys
    from pathlib import Path
    from contentlint.net.cache import LinkCache
    from contentlint.net.outcome import Outcome
    directory, name = Path(sys.argv[1]), sys.argv[2]
    cache = LinkCache(directory, "shared")
    for batch in range(40):
        urls = [f"https://{name}.example.org/{batch}/{i}" for i in range(25)]
        cache.store([(u, Outcome(u, status=200), 3600) for u in urls])
        assert len(cache.lookup(urls)) == 25
    cache.close()
""")


def test_concurrent_runs_share_the_cache_safely(tmp_path: Path) -> None:
    writers = [subprocess.Popen([sys.executable, "-c", _WRITER, str(tmp_path), name]) for name in ("one", "two", "three")]
    assert [w.wait(timeout=60) for w in writers] == [0, 0, 0]
    with sqlite3.connect(tmp_path / CACHE_FILENAME) as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert db.execute("SELECT count(*) FROM link_outcomes").fetchone()[0] == 3 * 40 * 25


@pytest.mark.parametrize(("address", "reason"), [
    ("127.0.0.1", "loopback"), ("::1", "loopback"), ("::ffff:127.0.0.1", "loopback"), ("10.2.3.4", "private"),
    ("172.16.0.1", "private"), ("192.168.1.1", "private"), ("fd12:3456::1", "private"),
    ("fec0::1", "private"), ("feff:ffff::1", "private"), ("fec0::1%eth0", "private"), ("fe00::1", "reserved"),
    ("169.254.169.254", "cloud metadata"), ("fe80::1", "link-local"), ("169.254.1.1", "link-local"),
    ("224.0.0.251", "multicast"), ("0.0.0.0", "unspecified"), ("240.0.0.1", "reserved"),
    ("100.64.0.1", "shared (carrier-grade NAT)"), ("192.0.2.10", "reserved"),
    ("8.8.8.8", None), ("2606:4700:4700::1111", None), ("151.101.1.1", None),
])
def test_forbidden_addresses(address: str, reason: str | None) -> None:
    assert is_forbidden_address(address) == reason


@pytest.mark.parametrize(("value", "seconds"), [("7", 7.0), ("30", 30.0), ("", None), ("soon", None)])
def test_retry_after_seconds(value: str, seconds: float | None) -> None:
    assert parse_retry_after(value) == seconds


def test_retry_after_http_date() -> None:
    import calendar

    now = calendar.timegm((2026, 11, 22, 10, 0, 0))
    assert parse_retry_after("Sun, 22 Nov 2026 10:00:30 GMT", now=now) == pytest.approx(30)


@pytest.mark.parametrize(("value", "seconds"), [(5, 5.0), ("45s", 45.0), ("30m", 1800.0), ("12h", 43200.0), ("7d", 604800.0)])
def test_durations(value: object, seconds: float) -> None:
    assert parse_duration(value, "cache-ok") == seconds


@pytest.mark.parametrize(("pattern", "host", "matches"), [
    ("www.nhs.uk", "www.nhs.uk", True), ("*.nhs.uk", "www.nhs.uk", True), ("*.nhs.uk", "nhs.uk", True),
    ("*.nhs.uk", "evilnhs.uk", False), ("www.nhs.uk", "nhs.uk", False),
])
def test_host_patterns(pattern: str, host: str, matches: bool) -> None:
    assert host_matches(pattern, host) is matches


@pytest.mark.parametrize(("status_code", "headers", "body", "wall"), [
    (503, {"cf-mitigated": "challenge"}, b"", True),
    (403, {}, b"<title>Just a moment...</title>", True),
    (403, {}, b"<h1>Forbidden</h1>", False),
    (404, {}, b"please verify you are human", False),  # a real 404 stays a 404
    (503, {}, b"Service temporarily unavailable", False),
])
def test_bot_walls(status_code: int, headers: dict[str, str], body: bytes, wall: bool) -> None:
    assert looks_like_bot_wall(status_code, headers, body) is wall


def test_outcome_round_trips_through_json() -> None:
    outcome = Outcome("https://a.example/", status=200, final_url="https://b.example/", hops=[("https://a.example/", 301)])
    again = Outcome.from_json(json.loads(json.dumps(outcome.to_json())))
    assert again.hops == outcome.hops and again.final_url == outcome.final_url and again.cached
