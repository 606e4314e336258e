"""Fixes that the link check earns, end to end on loopback servers: L003 (a permanent redirect's
new address), L004 with --links (https:// where the https address answers alike) and L014 (the
page's own spelling of a section's id); and how a fix shows in JSON and SARIF."""

from __future__ import annotations

import json
import shutil
import ssl
import subprocess
from pathlib import Path
from typing import Callable, Iterator

import pytest

from conftest import front_matter
from contentlint.analysis import link_problems
from contentlint.analysis.link_fixes import answers_alike, from_chain, redirect_fix, section_fix
from contentlint.net.client import LinkClient
from contentlint.net.outcome import Outcome
from loopback import LoopbackServer, Reply, closed_port, redirect, status

CONFIG = "[links]\ntimeout = 1\nretries = 0\n"
BASE = ["check", "--links", "--allow-private-hosts", "--today", "2026-11-22", "--format", "json"]


@pytest.fixture(scope="module")
def certificate(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A self-signed certificate for 127.0.0.3 (made by openssl, trusted by the checker in these tests)."""
    if shutil.which("openssl") is None:
        pytest.skip("openssl is needed to make a test certificate")
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
         "-keyout", str(key), "-out", str(cert), "-days", "2", "-subj", "/CN=127.0.0.3",
         "-addext", "subjectAltName=IP:127.0.0.3"],
        check=True, capture_output=True,
    )
    return cert, key


@pytest.fixture
def trusting(monkeypatch: pytest.MonkeyPatch, certificate: tuple[Path, Path]) -> None:
    """The checker trusts the test certificate (as a site's real one is trusted)."""
    plain = LinkClient._session

    def session(self: LinkClient):  # type: ignore[no-untyped-def]
        made = plain(self)
        made.verify = str(certificate[0])
        return made

    monkeypatch.setattr(LinkClient, "_session", session)


@pytest.fixture
def public(monkeypatch: pytest.MonkeyPatch) -> None:
    """The pages link to the test servers as to public sites: offline, a loopback address is L008
    rather than L004 (with --allow-private-hosts it is requested, and judged by its answer)."""
    monkeypatch.setattr(link_problems, "forbidden_host", lambda host: None)


@pytest.fixture(scope="module")
def site() -> Iterator[LoopbackServer]:
    """http only, on 127.0.0.2; the redirects of the L003 table."""
    with LoopbackServer("127.0.0.2", lifetime=120) as server:
        yield server


@pytest.fixture(scope="module")
def other() -> Iterator[LoopbackServer]:
    with LoopbackServer("127.0.0.4", lifetime=120, routes={"/away": status(200)}) as server:
        yield server


@pytest.fixture(scope="module")
def secure(certificate: tuple[Path, Path]) -> Iterator[LoopbackServer]:
    """http and https on one port of 127.0.0.3."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(*certificate)
    with LoopbackServer("127.0.0.3", lifetime=120, tls=context) as server:
        yield server


@pytest.fixture(scope="module")
def no_tls() -> Iterator[LoopbackServer]:
    """http on 127.0.0.5; every https connection is closed at once."""
    with LoopbackServer("127.0.0.5", lifetime=120, tls="refuse") as server:
        yield server


def _page(body: str, **fields: object) -> str:
    return front_matter(**fields) + "\n# Radiotherapy\n\n" + body


def _run(run_cli: Callable, root: Path, *args: str) -> tuple[int, dict, str]:
    result = run_cli(*BASE, *args, ".", cwd=root)
    assert result.code in (0, 1), result.err
    return result.code, json.loads(result.out), result.err


def _corpus(root: Path, body: str, **fields: object) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / ".contentlint.toml").write_text(CONFIG, encoding="utf-8")
    (root / "page.md").write_text(_page(body, **fields), encoding="utf-8")
    return root


# --- L003 ------------------------------------------------------------------------------------------

# (name, routes on the http site, the link as written ({s} the site, {o} the other host), the link
# after --fix, after --fix --unsafe-fixes (None: left as written), still an L003 when left).
L003_TABLE = [
    ("trailing slash, fragment kept", {"/a": redirect(301, "/a/"), "/a/": status(200)},
     "{s}/a#side-effects", "{s}/a/#side-effects", "{s}/a/#side-effects", False),
    ("moved on the site: unsafe", {"/drugs": redirect(301, "/medicines/list"), "/medicines/list": status(200)},
     "{s}/drugs", None, "{s}/medicines/list", True),
    ("a chain that ends elsewhere on the site: unsafe",
     {"/b": redirect(308, "/b/"), "/b/": redirect(301, "/b/index"), "/b/index": status(200)},
     "{s}/b", None, "{s}/b/index", True),
    ("another host: unsafe", {"/far": redirect(301, "{o}/away")}, "{s}/far", None, "{o}/away", True),
    ("permanent, then temporary: unsafe",
     {"/c": redirect(301, "/c/"), "/c/": redirect(302, "/c/today"), "/c/today": status(200)},
     "{s}/c", None, "{s}/c/", True),
    ("302: no finding, no fix", {"/t": redirect(302, "/t/"), "/t/": status(200)}, "{s}/t", None, None, False),
    ("307: no finding, no fix", {"/u": redirect(307, "/u/"), "/u/": status(200)}, "{s}/u", None, None, False),
    # the page is gone (L001) or hidden (L009), not moved: no L003, no fix
    ("to the home page: L001, no fix", {"/gone": redirect(301, "/"), "/": status(200)}, "{s}/gone", None, None, False),
    ("to a sign-in page: L009, no fix", {"/members": redirect(301, "/account/login?next=/members"),
                                         "/account/login?next=/members": status(200)}, "{s}/members", None, None, False),
    ("to a not-found page: L001, no fix", {"/dropped": redirect(301, "/404.html"), "/404.html": status(200)},
     "{s}/dropped", None, None, False),
    ("ends broken: L001, no fix", {"/lost": redirect(301, "/lost/"), "/lost/": status(404)},
     "{s}/lost", None, None, False),
]


def _filled(text: str | None, site: LoopbackServer, other: LoopbackServer) -> str | None:
    if text is None:
        return None
    return text.replace("{s}", site.url("")).replace("{o}", other.url(""))


@pytest.mark.parametrize("unsafe", [False, True], ids=["fix", "unsafe-fixes"])
@pytest.mark.parametrize(("name", "routes", "written", "safe_after", "unsafe_after", "left"), L003_TABLE,
                         ids=[row[0] for row in L003_TABLE])
def test_l003_fix_table(run_cli: Callable, site: LoopbackServer, other: LoopbackServer, tmp_path: Path,
                        name: str, routes: dict, written: str, safe_after: str | None, unsafe_after: str | None,
                        left: bool, unsafe: bool) -> None:
    for path, reply in routes.items():
        if "Location" in reply.headers:
            reply = redirect(reply.status, _filled(reply.headers["Location"], site, other))
        site.routes[path] = reply
    link = _filled(written, site, other)
    root = _corpus(tmp_path, f"See [the leaflet]({link}) first.\n")
    before = (root / "page.md").read_text(encoding="utf-8")
    args = ["--select", "L003", "--fix"] + (["--unsafe-fixes"] if unsafe else [])
    _, report, _ = _run(run_cli, root, *args)
    after = _filled(unsafe_after if unsafe else safe_after, site, other)
    text = (root / "page.md").read_text(encoding="utf-8")
    assert text == (before if after is None else before.replace(f"]({link})", f"]({after})"))
    assert [f["code"] for f in report["findings"]] == (["L003"] if after is None and left else [])


@pytest.mark.usefixtures("trusting")
def test_l003_fix_diff_applies_and_a_second_fix_changes_nothing(run_cli: Callable, site: LoopbackServer,
                                                                 secure: LoopbackServer, tmp_path: Path) -> None:
    # http -> https (301) -> a trailing slash (308): the same page, a safe fix over two hops.
    secure.routes.update({"/chain": redirect(301, secure.url("/chain", "https")),
                          "https:/chain": redirect(308, secure.url("/chain/", "https")),
                          "https:/chain/": status(200)})
    site.routes.update({"/list": redirect(301, "/list/"), "/list/": status(200),
                        "/temp": redirect(302, "/temp/"), "/temp/": status(200)})
    old, new = secure.url("/chain"), secure.url("/chain/", "https")
    body = (f"See [the leaflet]({old}#dose) and\n[the list]({site.url('/list')}) "
            f"and [a page]({site.url('/temp')}).\n\n[ref]: {old}\n")
    work = tmp_path / "work"
    _corpus(work, "")
    original = b"\xef\xbb\xbf" + _page(body).replace("\n", "\r\n").encode("utf-8")
    (work / "page.md").write_bytes(original)
    subprocess.run(["git", "init", "-q", str(work)], check=True)
    shown = run_cli(*BASE[:-2], "--select", "L003", "--diff", ".", cwd=work)
    assert shown.code == 1 and "would fix 3 problems in 1 file" in shown.err
    assert (work / "page.md").read_bytes() == original  # --diff writes nothing
    subprocess.run(["git", "apply", "-"], input=shown.out.encode("utf-8"), cwd=work, check=True)
    patched = (work / "page.md").read_bytes()
    (work / "page.md").write_bytes(original)
    _, report, _ = _run(run_cli, work, "--select", "L003", "--fix")
    fixed = (work / "page.md").read_bytes()
    assert fixed == patched  # the diff is what --fix writes
    expected = original.replace(f"({old}#dose)".encode(), f"({new}#dose)".encode()) \
        .replace(f"{old}\r\n".encode(), f"{new}\r\n".encode()) \
        .replace(f"({site.url('/list')})".encode(), f"({site.url('/list/')})".encode())
    assert expected != original and fixed == expected  # the BOM and every CRLF kept, the 302 left
    assert report["findings"] == []
    again = run_cli(*BASE[:-2], "--select", "L003", "--fix", ".", cwd=work)
    assert (work / "page.md").read_bytes() == fixed and "Nothing to fix." in again.out


def test_l003_fix_from_a_warm_cache(run_cli: Callable, site: LoopbackServer, tmp_path: Path) -> None:
    site.routes.update({"/warm": redirect(301, "/warm/"), "/warm/": status(200)})
    root = _corpus(tmp_path, f"See [the leaflet]({site.url('/warm')}).\n")
    _, report, _ = _run(run_cli, root, "--select", "L003")  # fills the cache; writes nothing
    assert [f["code"] for f in report["findings"]] == ["L003"]
    asked = site.count()
    _run(run_cli, root, "--select", "L003", "--fix")
    assert site.count() == asked  # nothing requested: the cache knew
    assert f"({site.url('/warm/')})" in (root / "page.md").read_text(encoding="utf-8")


def test_l003_not_fixed_when_written_relative_or_without_links(run_cli: Callable, site: LoopbackServer,
                                                               tmp_path: Path) -> None:
    site.routes.update({"/base/rel": redirect(301, "/base/rel/"), "/base/rel/": status(200)})
    root = _corpus(tmp_path, "See [the leaflet](rel).\n", url=site.url("/base/page"))
    before = (root / "page.md").read_bytes()
    _, report, _ = _run(run_cli, root, "--select", "L003", "--fix")
    assert [f["code"] for f in report["findings"]] == ["L003"]  # reported at the relative link ...
    assert "fix" not in report["findings"][0] and (root / "page.md").read_bytes() == before  # ... not rewritten
    asked = site.count()
    result = run_cli("check", "--select", "L", "--fix", "--today", "2026-11-22", ".", cwd=root)
    assert (root / "page.md").read_bytes() == before and "L003" not in result.out and site.count() == asked


# --- L004 with --links -----------------------------------------------------------------------------

# (name, server: t http+https, s http only, n closes https at once; path, http answer, https answer, fixed)
L004_TABLE = [
    ("https answers 200 as http does", "t", "/ok", status(200), status(200), True),
    ("both answer 404: alike", "t", "/both-gone", status(404), status(404), True),
    ("http redirects to its https address", "t", "/up", None, status(200), True),
    ("https 404 where http 200", "t", "/differs", status(200), status(404), False),
    ("https 500 where http 200", "t", "/failing", status(200), status(500), False),
    ("no https: the handshake fails", "s", "/plain", status(200), None, False),
    ("https closed at once (refused)", "n", "/refused", status(200), None, False),
    ("http itself refused: nothing to compare", "t", "/down", None, status(200), False),
]


@pytest.mark.usefixtures("trusting", "public")
@pytest.mark.parametrize(("name", "server", "path", "http", "https", "fixed"), L004_TABLE,
                         ids=[row[0] for row in L004_TABLE])
def test_l004_fixed_with_links_table(run_cli: Callable, site: LoopbackServer, secure: LoopbackServer,
                                     no_tls: LoopbackServer, tmp_path: Path, name: str, server: str, path: str,
                                     http: object, https: object, fixed: bool) -> None:
    host = {"t": secure, "s": site, "n": no_tls}[server]
    host.routes[path] = http if http is not None else redirect(301, host.url(path, "https"))
    if https is not None:
        host.routes["https:" + path] = https
    link = host.url(path)
    if path == "/down":
        link = f"http://127.0.0.3:{closed_port('127.0.0.3')}{path}"
    root = _corpus(tmp_path, f"See [the leaflet]({link}) first.\n")
    before = (root / "page.md").read_text(encoding="utf-8")
    _, report, _ = _run(run_cli, root, "--select", "L004", "--fix")
    text = (root / "page.md").read_text(encoding="utf-8")
    assert text == (before.replace(f"]({link})", f"](https{link[4:]})") if fixed else before)
    assert [f["code"] for f in report["findings"]] == ([] if fixed else ["L004"])
    if path == "/up":  # known from the link's own redirect: the https address is not asked again
        assert host.count("https:/up") == 1


@pytest.mark.usefixtures("trusting", "public")
def test_l004_not_fixed_without_links(run_cli: Callable, secure: LoopbackServer, tmp_path: Path) -> None:
    secure.routes.update({"/offline": status(200), "https:/offline": status(200)})
    root = _corpus(tmp_path, f"See [the leaflet]({secure.url('/offline')}) first.\n")
    before = (root / "page.md").read_bytes()
    result = run_cli("check", "--select", "L004", "--fix", "--format", "json", ".", cwd=root)
    assert (root / "page.md").read_bytes() == before
    assert [f["code"] for f in json.loads(result.out)["findings"]] == ["L004"]
    assert secure.count("/offline") == 0


# --- the fix in JSON and SARIF ---------------------------------------------------------------------

def test_fix_in_json_and_sarif(run_cli: Callable, site: LoopbackServer, tmp_path: Path) -> None:
    from test_reporters_ci import sarif_validator

    site.routes.update({"/shown": redirect(301, "/shown/"), "/shown/": status(200),
                        "/elsewhere": redirect(301, "/new/place"), "/new/place": status(200)})
    link, moved = site.url("/shown"), site.url("/elsewhere")
    sentence = f"See [the leaflet]({link}) and [this]({moved})."
    root = _corpus(tmp_path / "online", sentence + "\n")
    line = _page(sentence).splitlines().index(sentence) + 1
    _, report, _ = _run(run_cli, root, "--select", "L003")
    first, second = len("See [the leaflet](") + 1, len(f"See [the leaflet]({link}) and [this](") + 1
    assert [(f["code"], f["column"]) for f in report["findings"]] == [("L003", first), ("L003", second)]
    assert report["findings"][0]["fix"] == {
        "applicability": "safe", "message": f"use the same page's address, {link}/",
        "edits": [{"line": line, "column": first, "end_line": line, "end_column": first + len(link),
                   "content": link + "/"}],
    }
    assert report["findings"][1]["fix"]["applicability"] == "unsafe"
    # Offline, a document rule's fix: PubMed is known to serve https, example.org is not.
    offline = _corpus(tmp_path / "offline", "See [PubMed](http://www.ncbi.nlm.nih.gov/pubmed/1).\n"
                      "See [a shop](http://example.org/buy).\n")
    found = json.loads(run_cli("check", "--select", "L004", "--format", "json", ".", cwd=offline).out)["findings"]
    column = len("See [PubMed](") + 1
    assert [f.get("fix") for f in found] == [
        {"applicability": "safe", "message": "use https:// for www.ncbi.nlm.nih.gov",
         "edits": [{"line": line, "column": column, "end_line": line, "end_column": column + 7, "content": "https://"}]},
        None,
    ]

    sarif = json.loads(run_cli(*BASE[:-1], "sarif", "--select", "L003", ".", cwd=root).out)
    sarif_validator().validate(sarif)
    [safe, unsafe] = [r["fixes"] for r in sarif["runs"][0]["results"]]
    assert unsafe[0]["properties"] == {"applicability": "unsafe"}
    assert safe == [{
        "description": {"text": f"use the same page's address, {link}/"},
        "artifactChanges": [{
            "artifactLocation": {"uri": "page.md", "uriBaseId": "%SRCROOT%"},
            "replacements": [{"deletedRegion": {"startLine": line, "startColumn": first, "endLine": line,
                                                "endColumn": first + len(link)},
                              "insertedContent": {"text": link + "/"}}],
        }],
        "properties": {"applicability": "safe"},
    }]
    # --fix mends the first; the second (unsafe) moves along the line, its fix with it.
    _, left, _ = _run(run_cli, root, "--select", "L003", "--fix")
    [unsafe] = left["findings"]
    assert unsafe["column"] == second + 1 and unsafe["fix"]["edits"][0]["column"] == second + 1
    assert unsafe["fix"]["edits"][0]["end_column"] == second + 1 + len(moved)
    assert (root / "page.md").read_text(encoding="utf-8").splitlines()[line - 1] == sentence.replace(
        f"({link})", f"({link}/)")


# --- L014 ------------------------------------------------------------------------------------------

# (heading texts that read otherwise: a heading that reads as the fragment makes it found)
SPELT_PAGE = b'<!doctype html><h2 id="side-effects">Unwanted effects</h2><h2 id="Dosage_Adults">Dose</h2>'
# (the link's fragment, after --fix, after --fix --unsafe-fixes: None when left as written)
L014_TABLE = [
    ("Side-Effects", None, "side-effects"),
    ("side_effects", None, "side-effects"),
    ("dosage-adults", None, "Dosage_Adults"),
    ("dosage%20adults", None, "Dosage_Adults"),
    ("side-effect", None, None),  # another name, not another spelling: no fix
]


@pytest.mark.parametrize("unsafe", [False, True], ids=["fix", "unsafe-fixes"])
@pytest.mark.parametrize(("fragment", "safe_after", "unsafe_after"), L014_TABLE, ids=[row[0] for row in L014_TABLE])
def test_l014_fix_table(run_cli: Callable, site: LoopbackServer, tmp_path: Path, fragment: str,
                        safe_after: str | None, unsafe_after: str | None, unsafe: bool) -> None:
    site.routes["/spelt"] = Reply(200, {"Content-Type": "text/html"}, SPELT_PAGE)
    link = site.url(f"/spelt#{fragment}")
    root = _corpus(tmp_path, f"See [the leaflet]({link}) first.\n")
    before = (root / "page.md").read_text(encoding="utf-8")
    _, report, _ = _run(run_cli, root, "--select", "L014", "--fix", *(["--unsafe-fixes"] if unsafe else []))
    after = unsafe_after if unsafe else safe_after
    text = (root / "page.md").read_text(encoding="utf-8")
    assert text == (before if after is None else before.replace(f"#{fragment})", f"#{after})"))
    assert [f["code"] for f in report["findings"]] == ([] if after else ["L014"])
    if after is None and unsafe_after is not None:
        [finding] = report["findings"]
        assert finding["fix"]["applicability"] == "unsafe"
        assert f'it has "{unsafe_after}" (ids are matched letter for letter)' in finding["message"]


def test_l014_not_fixed_when_written_relative(run_cli: Callable, site: LoopbackServer, tmp_path: Path) -> None:
    site.routes["/base/spelt"] = Reply(200, {"Content-Type": "text/html"}, SPELT_PAGE)
    root = _corpus(tmp_path, "See [the leaflet](spelt#Side-Effects).\n", url=site.url("/base/page"))
    before = (root / "page.md").read_bytes()
    _, report, _ = _run(run_cli, root, "--select", "L014", "--fix", "--unsafe-fixes")
    [finding] = report["findings"]
    assert finding["code"] == "L014" and '"side-effects"' in finding["message"] and "fix" not in finding
    assert (root / "page.md").read_bytes() == before


@pytest.mark.parametrize(("written", "section_id", "content"), [
    ("https://a.org/x#Side-Effects", "side-effects", "side-effects"),
    ("https://a.org/x#stage_ii", "Stage II (adults)", "Stage%20II%20%28adults%29"),
    ("https://a.org/x#behandlung", "Behandlung_für_Ältere", "Behandlung_für_Ältere"),
    ("https://a.org/x#a", "a<b>\"c\"", "a%3Cb%3E%22c%22"),
])
def test_section_fix_writes_the_id_as_a_link_may_hold_it(written: str, section_id: str, content: str) -> None:
    fix = section_fix(written, 4, 10, section_id)
    assert fix is not None and fix.safe is False
    [span] = fix.spans
    at = written.index("#") + 1
    assert (span.line, span.column, span.end_column, span.original, span.content) == (
        4, 10 + at, 10 + len(written), written[at:], content)


def test_section_fix_needs_a_fragment_to_change() -> None:
    assert section_fix("https://a.org/x", 1, 1, "a") is None
    assert section_fix("https://a.org/x#a", 1, 1, "a") is None


# --- the judgement itself, without a network --------------------------------------------------------

def _outcome(url: str, hops: list[tuple[str, int]], final: str, status_code: int | None = 200,
             error: str | None = None) -> Outcome:
    return Outcome(url, status_code, "", final, hops, error)


# (written, hops, final address, final status, the new link or None, safe)
REDIRECT_TABLE = [
    ("http://a.org/x", [("http://a.org/x", 301)], "https://a.org/x", 200, "https://a.org/x", True),
    ("http://a.org/x#top", [("http://a.org/x", 301)], "https://a.org/x/", 200, "https://a.org/x/#top", True),
    ("https://a.org/x?id=1", [("https://a.org/x?id=1", 308)], "https://a.org/x/?id=1", 200, "https://a.org/x/?id=1", True),
    ("https://a.org/x", [("https://a.org/x", 301)], "http://a.org/x", 200, "http://a.org/x", False),  # to http
    ("http://a.org/x", [("http://a.org/x", 301)], "https://www.a.org/x", 200, "https://www.a.org/x", False),
    ("http://a.org/x", [("http://a.org/x", 301)], "https://a.org/y", 200, "https://a.org/y", False),
    ("http://a.org/x?id=1", [("http://a.org/x?id=1", 301)], "https://a.org/x?id=2", 200, "https://a.org/x?id=2", False),
    ("http://a.org:8080/x", [("http://a.org:8080/x", 301)], "https://a.org/x", 200, "https://a.org/x", False),
    ("http://a.org/x#top", [("http://a.org/x", 301)], "https://a.org/x#intro", 200, None, None),
    ("http://a.org/x", [("http://a.org/x", 301)], "https://a.org/", 200, None, None),
    ("http://a.org/x", [("http://a.org/x", 301)], "https://a.org/signin?return=/x", 200, None, None),
    ("http://a.org/x", [("http://a.org/x", 301)], "https://a.org/page-not-found", 200, None, None),
    ("http://a.org/x", [("http://a.org/x", 301)], "https://a.org/x/", 503, None, None),
    ("http://a.org/x", [("http://a.org/x", 302)], "https://a.org/x/", 200, None, None),
]


@pytest.mark.parametrize(("written", "hops", "final", "code", "new", "safe"), REDIRECT_TABLE)
def test_redirect_fix_table(written: str, hops: list, final: str, code: int, new: str | None, safe: bool | None) -> None:
    fix = redirect_fix(written, 3, 5, _outcome(written, hops, final, code))
    if new is None:
        assert fix is None
        return
    assert fix is not None and fix.safe is safe
    [span] = fix.spans
    assert (span.line, span.column, span.end_column, span.original, span.content) == (3, 5, 5 + len(written), written, new)


def test_https_answer_read_from_the_redirects() -> None:
    http = _outcome("http://a.org/x", [("http://a.org/x", 301), ("https://a.org/x", 301)], "https://a.org/x/")
    derived = from_chain(http, "https://a.org/x")
    assert derived is not None and derived.hops == [("https://a.org/x", 301)] and answers_alike(http, derived)
    assert from_chain(_outcome("http://a.org/x", [], "http://a.org/x"), "https://a.org/x") is None
    assert not answers_alike(http, _outcome("https://a.org/x", [], "https://a.org/x", None, "tls"))
    assert not answers_alike(http, _outcome("https://a.org/x", [], "https://a.org/x", 404))



def test_l003_fixed_when_documents_are_checked_in_worker_processes(run_cli: Callable, site: LoopbackServer,
                                                                   tmp_path: Path) -> None:
    site.routes.update({"/many": redirect(301, "/many/"), "/many/": status(200)})
    root = _corpus(tmp_path, "")
    (root / "page.md").unlink()
    for n in range(60):  # enough for worker processes (-j 2)
        (root / f"p{n:02}.md").write_text(_page(f"Page {n}: see [the leaflet]({site.url('/many')}).\n",
                                                title=f"Page {n}"), encoding="utf-8")
    result = run_cli(*BASE[:-2], "--select", "L003", "--fix", "-j", "2", ".", cwd=root)
    assert result.code == 0 and "Fixed 60 problems in 60 files." in result.out, result.out + result.err
    assert all(f"({site.url('/many/')})" in path.read_text(encoding="utf-8") for path in root.glob("p*.md"))
