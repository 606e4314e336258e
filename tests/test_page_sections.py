"""L014: links to a section (`#fragment`) of a web page that the page does not have, checked
against real HTTP servers on loopback (127.0.0.1 and 127.0.0.2)."""

from __future__ import annotations

import socket
import time
from pathlib import Path
from typing import Any, Iterator

import pytest

from contentlint.net.anchors import NO_IDS, NOT_HTML, SCRIPTED, UNREAD, checkable_fragment, judge_fragments
from contentlint.net.outcome import Outcome
from contentlint.net.settings import LinkSettings
from conftest import link_pass
from loopback import LoopbackServer, RawServer, Reply, redirect, socket_buffers_at_most, status

FAST = {
    "timeout": 2, "retries": 0, "backoff": 0.02, "max-retry-wait": 0.25, "host-interval": 0,
    "allow-private-hosts": True, "cache": False,
}
HTML = {"Content-Type": "text/html; charset=utf-8"}
PAGE = """<!doctype html><html><head><title>Treatment</title>
<script>var sections = {"built-by-script": 1};</script></head><body>
<nav><a href="#toc-only">Contents</a></nav>
<h2 id="_19">Stage II</h2><a name="legacy"></a><h3 id="café">Coffee</h3>
<div id="user-content-install"></div><p data-note="_20x">Text</p>
</body></html>""".encode()
LATE = b'<div id="early"></div>' + b"<p>" + b"x" * (11 * 1024 * 1024) + b'</p><div id="late"></div>'


@pytest.fixture(scope="module")
def servers() -> Iterator[tuple[LoopbackServer, LoopbackServer]]:
    with LoopbackServer("127.0.0.1", lifetime=60) as a, LoopbackServer("127.0.0.2", lifetime=60) as b:
        b.routes["/new-home"] = Reply(200, HTML, PAGE)
        a.routes.update({
            "/pdq": Reply(200, HTML, PAGE),
            "/latin": Reply(200, {"Content-Type": "text/html; charset=iso-8859-1"}, '<p id="caf\xe9">x</p>'.encode("latin-1")),
            "/app": Reply(200, HTML, b"<html><body><div>Loading</div><script src=app.js></script></body></html>"),
            "/leaflet.pdf": Reply(200, {"Content-Type": "application/pdf"}, b"%PDF-1.4"),
            "/no-type": Reply(200, {}, PAGE),
            "/moved": redirect(301, b.url("/new-home")),
            "/temporary": redirect(302, "/pdq"),
            "/gone": status(404),
            "/big": Reply(200, HTML, LATE),
        })
        yield a, b


def check(urls: list[str], **links: Any) -> list[tuple[str, str, Any]]:
    return link_pass(urls, {**FAST, **links})


def sections_missing(found: list[tuple[str, str, Any]]) -> list[str]:
    return [violation.subject.rsplit("#", 1)[1] for _, code, violation in found if code == "L014"]


CASES = [
    # (path#fragment on 127.0.0.1, whether L014 is expected, why)
    ("/pdq#_19", False, "an element's id"),
    ("/pdq#_23", True, "no such id"),
    ("/pdq#_2", True, "a prefix of an id is not that id"),
    ("/pdq#_20", True, "a longer value that starts with it is not it"),
    ("/pdq#Stage-II", False, "a heading's text: a script may make an id of it"),
    ("/pdq#stage_ii", False, "a heading's text, read as ids made from it read"),
    ("/pdq#stage-iii", True, "no heading reads so"),
    ("/pdq#coffee-break", True, "more than a heading's text"),
    ("/pdq#legacy", False, "an <a name>"),
    ("/pdq#caf%C3%A9", False, "percent-decoded, as a browser tries it"),
    ("/pdq#café", False, "as written"),
    ("/latin#caf%C3%A9", False, "a page in Latin-1 that says so"),
    ("/pdq#install", False, "GitHub's user-content- ids"),
    ("/pdq#built-by-script", False, "named in a script: the script may make it"),
    ("/pdq#toc-only", False, "named by the page's own contents link"),
    ("/pdq#top", False, "#top is the top of any page"),
    ("/pdq#:~:text=Stage", False, "a text fragment"),
    ("/pdq#/settings", False, "a web app's route"),
    ("/pdq#!/page", False, "a web app's route"),
    ("/pdq#page=2", False, "parameters"),
    ("/app#results", False, "no ids at all: built in the browser"),
    ("/leaflet.pdf#intro", False, "not HTML"),
    ("/no-type#_23", False, "no Content-Type: not known to be HTML"),
    ("/moved#_23", True, "after a permanent redirect (L003 too)"),
    ("/moved#_19", False, "the page the redirects end on has it"),
    ("/temporary#_23", True, "after a temporary redirect"),
    ("/gone#_23", False, "the page is broken (L001), not its section"),
    ("/big#early", False, "a page over the limit: found before it"),
    ("/big#late", False, "a page over the limit: not read that far, so not judged"),
]


@pytest.mark.parametrize(("target", "missing", "why"), CASES, ids=[c[0] for c in CASES])
def test_sections(servers: tuple[LoopbackServer, LoopbackServer], target: str, missing: bool, why: str) -> None:
    a, _ = servers
    found = check([a.url(target)])
    fragment = target.split("#", 1)[1]
    assert sections_missing(found) == ([fragment] if missing else []), why


def test_message_names_the_page_and_the_section(servers: tuple[LoopbackServer, LoopbackServer]) -> None:
    a, b = servers
    found = check([a.url("/moved#_23")])
    assert sorted(code for _, code, _ in found) == ["L003", "L014"]
    [violation] = [v for _, code, v in found if code == "L014"]
    assert violation.message == (
        f'section not found: {a.url("/moved")} (which redirects to {b.url("/new-home")}) has no element with id '
        '"_23", so the link opens the page at its top; link to the section\'s current id, or drop "#_23"'
    )
    assert (violation.line, violation.column, violation.subject) == (1, 1, a.url("/moved#_23"))


def test_one_get_per_page_however_many_sections(servers: tuple[LoopbackServer, LoopbackServer]) -> None:
    a, _ = servers
    a.routes["/shared"] = Reply(200, HTML, PAGE)
    found = check([a.url("/shared#_19"), a.url("/shared#_23"), a.url("/shared#_24"), a.url("/shared")])
    assert sections_missing(found) == ["_23", "_24"]
    assert [violation.line for _, _, violation in found] == [2, 3]
    assert [m for m, p in a.requests if p == "/shared"] == ["GET"]


def test_pages_without_fragments_get_a_head(servers: tuple[LoopbackServer, LoopbackServer]) -> None:
    a, _ = servers
    a.routes["/plain"] = Reply(200, HTML, PAGE)
    check([a.url("/plain"), a.url("/plain#top")])
    assert [m for m, p in a.requests if p == "/plain"] == ["HEAD"]


def test_check_fragments_false_reads_no_page(servers: tuple[LoopbackServer, LoopbackServer]) -> None:
    a, _ = servers
    a.routes["/off"] = Reply(200, HTML, PAGE)
    assert sections_missing(check([a.url("/off#_23")], check_fragments=False)) == []
    assert [m for m, p in a.requests if p == "/off"] == ["HEAD"]


def test_ignoring_l014_reads_no_page(servers: tuple[LoopbackServer, LoopbackServer]) -> None:
    a, _ = servers
    a.routes["/ignored"] = Reply(200, HTML, PAGE)
    link_pass([a.url("/ignored#_23")], FAST, ignore=["L014"])
    assert [m for m, p in a.requests if p == "/ignored"] == ["HEAD"]


def test_a_large_page_is_read_up_to_the_limit_only(servers: tuple[LoopbackServer, LoopbackServer]) -> None:
    a, _ = servers
    read_limit = LinkSettings().page_read_limit
    page = read_limit + socket_buffers_at_most() + 32 * 1024 * 1024
    a.routes["/endless"] = Reply(200, HTML, stream_bytes=page)
    assert sections_missing(check([a.url("/endless#_23")])) == []
    # the server can write no more than what was read plus what the sockets buffer
    assert a.sent["/endless"] <= read_limit + socket_buffers_at_most() + 2 * 65536


_PAGE_HEAD = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100000\r\n\r\n<p id=a>"


def _dripping_page(connection: socket.socket, head: bytes) -> None:
    """Headers at once, then a page that comes a few bytes at a time, slower than the timeout."""
    connection.sendall(_PAGE_HEAD)
    for _ in range(30):  # 3 s at most; the client gives up after 0.5 s
        time.sleep(0.1)
        connection.sendall(b"<p>")


def _cut_off_page(connection: socket.socket, head: bytes) -> None:
    """A page that ends long before the Content-Length it announced."""
    connection.sendall(_PAGE_HEAD)
    connection.shutdown(socket.SHUT_RDWR)


@pytest.mark.parametrize("script", [_dripping_page, _cut_off_page])
def test_a_page_not_read_whole_is_fine_as_a_head_would_find_it(script: Any) -> None:
    # The page answered 200: it is not made broken or unreachable by being read for its sections,
    # and its sections are not judged.
    with RawServer(script, lifetime=20) as server:
        assert check([server.url("/page#b")], timeout=0.5) == []


def test_cache_keeps_the_sections_looked_for(servers: tuple[LoopbackServer, LoopbackServer], tmp_path: Path) -> None:
    a, _ = servers
    a.routes["/cached"] = Reply(200, HTML, PAGE)
    options = {"cache": True, "cache_dir": str(tmp_path / "cache")}
    assert sections_missing(check([a.url("/cached#_23")], **options)) == ["_23"]
    assert sections_missing(check([a.url("/cached#_23")], **options)) == ["_23"]
    assert a.count("/cached") == 1  # the second run read the verdict from the cache
    # A section not looked for before: the page is read again.
    assert sections_missing(check([a.url("/cached#_19"), a.url("/cached#_31")], **options)) == ["_31"]
    assert a.count("/cached") == 2
    # A page first checked with a HEAD (no fragment) is read once a link names a section of it.
    a.routes["/headed"] = Reply(200, HTML, PAGE)
    check([a.url("/headed")], **options)
    assert sections_missing(check([a.url("/headed#_23")], **options)) == ["_23"]
    assert [m for m, p in a.requests if p == "/headed"] == ["HEAD", "GET"]


JUDGED = [
    # (body, content type, read whole, fragments, expected verdicts, expected note)
    (b'<p id="a">', "text/html", True, ["a", "b"], {"a": True, "b": False}, ""),
    (b'<p id="a">', "application/xhtml+xml", True, ["b"], {"b": False}, ""),
    (b'<p id="a">', "text/html", False, ["a", "b"], {"a": True}, UNREAD),
    (b'<p id="a">', "text/html", False, ["a"], {"a": True}, ""),
    (b"<p>no ids</p>", "text/html", True, ["a"], {}, NO_IDS),
    (b"", "text/html", False, ["a"], {}, UNREAD),
    (b'<p id="a">', "text/plain", True, ["a"], {}, NOT_HTML),
    (b'<p id=a><p id=b>', "text/html", True, ["a", "b", "c"], {"a": True, "b": True, "c": False}, ""),
    (b'<p id="A">', "text/html", True, ["a"], {"a": False}, ""),  # ids are matched as written
    (b'<p id="a"><!-- <p id="c"> -->', "text/html", True, ["c"], {"c": True}, ""),  # named in the source
    (b'<p id="user-content-d">', "text/html", True, ["d"], {"d": True}, ""),
    (b'<p id="a"><p id="xd">', "text/html", True, ["d"], {"d": False}, ""),
    (b'<p id="a&amp;b">', "text/html", True, ["a&b"], {"a&b": True}, ""),
    (b'<p id="\xff">', "text/html; charset=utf-8", True, ["x"], {"x": False}, ""),  # bad bytes do not stop it
    # broken markup: the ids around it still count
    (b'<p id="a"><![<p id="b">', "text/html", True, ["a", "b", "x"], {"a": True, "b": True, "x": False}, ""),
    # ids anywhere in the source count (a script's, an input's): they may only make a fragment found
    (b'<p id="a"><input name=q><script>el.id = "made"</script>', "text/html", True, ["q", "made", "x"],
     {"q": True, "made": True, "x": False}, ""),
    (b"<p ID='a' data-id=\"b\">", "text/html", True, ["a", "b"], {"a": True, "b": True}, ""),
    (b'<div data-id="x" aria-name="y">', "text/html", True, ["z"], {}, NO_IDS),  # no id of its own
    # a script that reads the fragment itself: a hash router, or a hashchange handler
    (b'<p id="a"><script src="/js/routie.min.js"></script>', "text/html", True, ["_19"], {}, SCRIPTED),
    (b'<p id="a"><script>window.addEventListener("hashchange", go)</script>', "text/html", True, ["_19"], {},
     SCRIPTED),
    # GitHub's file view: the rendered README is JSON in a script, its quotes escaped
    (b'<div id="repo-content"></div><script type="application/json">{"richText":"\\u003ch2 '
     b'id=\\"user-content-install\\"\\u003eInstall"}</script>', "text/html", True, ["install", "usage"],
     {"install": True, "usage": False}, ""),
    ('<p id="a">\u0130stanbul</p>'.encode(), "text/html", True, ["a", "b"], {"a": True, "b": False}, ""),
    # a charset that is no text encoding: read as UTF-8
    *[(b'<p id="a">', f"text/html; charset={name}", True, ["a", "x"], {"a": True, "x": False}, "")
      for name in ("idna", "rot13", "base64", "punycode", "undefined", "no-such-charset")],
    # labels as browsers read them: latin1 is windows-1252 (0x92 is a curly apostrophe); a byte-order mark wins
    (b'<p id="it\x92s">', "text/html; charset=latin1", True, ["it%E2%80%99s"], {"it%E2%80%99s": True}, ""),
    ('<p id="é">'.encode("utf-16-le"), "text/html; charset=utf-16", True, ["é", "e"], {"é": True, "e": False}, ""),
    (b"\xef\xbb\xbf" + '<p id="é">'.encode(), "text/html; charset=windows-1252", True, ["é"], {"é": True}, ""),
]


@pytest.mark.parametrize(("body", "content_type", "complete", "fragments", "verdicts", "note"), JUDGED)
def test_judge_fragments(body: bytes, content_type: str, complete: bool, fragments: list[str],
                         verdicts: dict[str, bool], note: str) -> None:
    found, said, respelt = judge_fragments(body, content_type, complete, fragments)
    assert (found, said) == (verdicts, note)
    assert set(respelt) <= {fragment for fragment, here in found.items() if not here}  # see RESPELT


RESPELT = [
    # (page, read whole, fragments asked for, the page's own spelling of each missing one that has one)
    (True, b'<h2 id="Side_Effects">', ["side-effects"], {"side-effects": "Side_Effects"}),
    (True, b'<h2 id="stage-ii">', ["Stage%20II", "stage ii", "STAGE-II"],
     {"Stage%20II": "stage-ii", "stage ii": "stage-ii", "STAGE-II": "stage-ii"}),
    (True, b'<a class="x" name="Legacy"></a><p id=y>', ["legacy"], {"legacy": "Legacy"}),
    (True, b'<p id="a&amp;B">', ["A&b"], {"A&b": "a&B"}),
    # what a link cannot scroll to is not offered: a <meta> or <input> name, a data-id
    (True, b'<meta name="description"><input name="Search"><p data-id="Treatment"><p id=x>',
     ["Description", "search", "treatment"], {}),
    # two ids spelt alike: which one is meant is the editor's to say
    (True, b'<p id="Side-Effects"><p id="side_effects">', ["SIDE-EFFECTS"], {}),
    # the same letters but another name: "_19" is not "19"
    (True, b'<p id="19"><p id="stage2">', ["_19", "stage-2"], {}),
    (True, b'<p id="A">', ["a"], {"a": "A"}),
    # found fragments are not respelt
    (True, b'<p id="x"><p id="X">', ["x"], {}),
    # not judged: the page was not read whole, or makes its sections in a script
    (False, b'<p id="Side_Effects">', ["side-effects"], {}),
    (True, b'<p id="Side_Effects"><script>onhashchange = go</script>', ["side-effects"], {}),
]


@pytest.mark.parametrize(("complete", "body", "fragments", "respelt"), RESPELT)
def test_respelt_sections(complete: bool, body: bytes, fragments: list[str], respelt: dict[str, str]) -> None:
    verdicts = judge_fragments(body, "text/html", complete, fragments)
    assert verdicts.respelt == respelt
    assert all(verdicts.found.get(fragment) is False for fragment in respelt)


@pytest.mark.parametrize("page", [
    *(b'<p id="x">' + piece * 200_000 for piece in (b"<a ", b"<a name", b"<h2>", b"<h2 ", b"<h2><b>x</b>")),
    b'<p id="x"><h2>' + b"<" * 200_000 + b"</h2>",  # a heading's text full of "<"
], ids=["a", "a-name", "h2", "h2-attributes", "h2-with-markup", "heading-of-lt"])
def test_a_page_of_unclosed_tags_is_read_in_one_pass(page: bytes) -> None:
    # Each tag is read up to the next one: read to the end of the page from every opening, 30,000
    # "<a " took 37 s, and a page may be 10 MB.
    verdicts = judge_fragments(page, "text/html", True, ["missing"])
    assert verdicts == ({"missing": False}, "", {})


@pytest.mark.parametrize(("fragment", "checkable"), [
    ("_19", True), ("side-effects", True), ("", False), ("top", False), ("TOP", False),
    (":~:text=dose", False), ("/route", False), ("!/route", False), ("cit/section_3.1", False), ("page=2", False),
    ("a&b", False),
])
def test_checkable_fragments(fragment: str, checkable: bool) -> None:
    assert checkable_fragment(fragment) is checkable


def test_outcome_fragments_round_trip_and_reject_bad_rows() -> None:
    outcome = Outcome(url="https://example.org/", status=200, fragments={"a": True, "b": False}, fragments_note="")
    assert Outcome.from_json(outcome.to_json()).fragments == {"a": True, "b": False}
    with pytest.raises(ValueError):
        Outcome.from_json({**outcome.to_json(), "fragments": {"a": "yes"}})
    with pytest.raises(ValueError):
        Outcome.from_json({**outcome.to_json(), "fragments": ["a"]})
    spelt = Outcome(url="https://example.org/", status=200, fragments={"A": False}, respelt={"A": "a"})
    assert Outcome.from_json(spelt.to_json()).respelt == {"A": "a"}
    with pytest.raises(ValueError):
        Outcome.from_json({**spelt.to_json(), "respelt": {"A": 1}})
    assert Outcome.from_json({k: v for k, v in spelt.to_json().items() if k != "respelt"}).respelt == {}
