"""`contentlint check --links` end to end: documents on disk, loopback servers, the real CLI."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Callable, Iterator
from urllib.parse import quote

import socket
import sqlite3

import pytest

from conftest import front_matter
from contentlint.cli import Progress
from contentlint.net import guard
from contentlint.net.cache import CACHE_FILENAME
from loopback import ForwardProxy, LoopbackServer, Reply, redirect, status

FAST_CONFIG = """\
[links]
timeout = 0.5
retries = 1
backoff = 0.02
max-retry-wait = 0.2
"""


@pytest.fixture(scope="module")
def site() -> Iterator[LoopbackServer]:
    with LoopbackServer("127.0.0.2", lifetime=60) as server:
        server.routes.update({
            "/ok": status(200),
            "/gone": status(410),
            "/moved": redirect(301, "/new"),
            "/new": status(200),
            "/walled": status(403),
            "/slow": Reply(200, delay=1.5),
            "/treatment-pdq": Reply(200, {"Content-Type": "text/html"}, b'<h2 id="_19">Stage II</h2><h2 id="_24">Stage III</h2>'),
        })
        yield server


def write_corpus(root: Path, site: LoopbackServer, config: str = FAST_CONFIG) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / ".contentlint.toml").write_text(config, encoding="utf-8")
    (root / "a.md").write_text(
        front_matter()
        + "\n# Radiotherapy\n\n"
        + f"Read [the overview]({site.url('/ok')}) first.\n"
        + f"Then [side effects]({site.url('/gone')}).\n",
        encoding="utf-8",
    )
    (root / "b.md").write_text(
        front_matter()
        + "\n# Chemotherapy\n\n"
        + f"See [the overview]({site.url('/ok')}) and [the old page]({site.url('/moved')}).\n\n"
        + f"A journal: [article][journal].\n\n[journal]: {site.url('/walled')}\n",
        encoding="utf-8",
    )
    return root


LINKS = ["check", "--links", "--allow-private-hosts", "--select", "L", "--today", "2026-11-22", "--format", "json"]


def findings(out: str) -> list[tuple[str, int, str]]:
    return [(f["path"], f["line"], f["code"]) for f in json.loads(out)["findings"]]


def test_links_reports_every_citing_place(run_cli: Callable, site: LoopbackServer, tmp_path: Path) -> None:
    root = write_corpus(tmp_path, site)
    before = site.count("/ok")
    result = run_cli(*LINKS, ".", cwd=root)
    assert result.code == 1, result.err
    assert result.err == ""  # no progress bar when stderr is not a terminal
    # L004 is the offline rule's finding about the written loopback http:// addresses; L008 is
    # not reported when private hosts are allowed and requested (it would contradict L001).
    assert "L008" not in {code for _, _, code in findings(result.out)}
    assert [f for f in findings(result.out) if f[2] != "L004"] == [
        ("a.md", 15, "L001"),
        ("b.md", 14, "L003"),
        ("b.md", 18, "L009"),
    ]
    assert site.count("/ok") - before == 1  # cited twice, requested once
    assert (root / ".contentlint_cache" / "links-v1.sqlite3").is_file()


def test_sections_of_the_page_itself_are_checked_on_the_live_page(
        run_cli: Callable, site: LoopbackServer, tmp_path: Path) -> None:
    # A copy of a web page links to its own sections by path, as pages converted from a site do:
    # resolved against its `url`, they are checked on the live page (L011 leaves them alone).
    tmp_path.joinpath(".contentlint.toml").write_text(FAST_CONFIG, encoding="utf-8")
    tmp_path.joinpath("pdq.md").write_text(
        front_matter(url=site.url("/treatment-pdq"))
        + "\n# Treatment\n\nSee [stage II](/treatment-pdq#_19) and [stage III](/treatment-pdq#_23).\n",
        encoding="utf-8",
    )
    result = run_cli("check", "--links", "--allow-private-hosts", "--select", "L011,L014", "--today", "2026-11-22",
                     "--format", "json", "pdq.md", cwd=tmp_path)
    assert result.code == 0, result.err  # a warning
    [finding] = json.loads(result.out)["findings"]
    assert (finding["code"], finding["line"], finding["column"]) == ("L014", 14, 52)
    assert finding["message"].startswith(f'section not found: {site.url("/treatment-pdq")} has no element with id "_23"')


def test_without_links_nothing_is_requested(run_cli: Callable, site: LoopbackServer, tmp_path: Path) -> None:
    root = write_corpus(tmp_path, site)
    before = site.count()
    result = run_cli("check", "--select", "L", "--format", "json", ".", cwd=root)
    assert site.count() == before
    assert not {code for _, _, code in findings(result.out)} & {"L001", "L002", "L003", "L009"}
    assert "L008" in {code for _, _, code in findings(result.out)}  # offline, the address is refused
    assert not (root / ".contentlint_cache").exists()


def test_warm_run_sends_nothing(run_cli: Callable, site: LoopbackServer, tmp_path: Path) -> None:
    root = write_corpus(tmp_path, site)
    first = run_cli(*LINKS, ".", cwd=root)
    before = site.count()
    second = run_cli(*LINKS, ".", cwd=root)
    assert site.count() == before
    assert second.out == first.out


def test_no_cache_and_cache_dir(run_cli: Callable, site: LoopbackServer, tmp_path: Path) -> None:
    root = write_corpus(tmp_path / "corpus", site)
    run_cli(*LINKS, "--no-cache", ".", cwd=root)
    assert not (root / ".contentlint_cache").exists()
    elsewhere = tmp_path / "ci-cache"
    run_cli(*LINKS, "--cache-dir", str(elsewhere), ".", cwd=root)
    assert (elsewhere / "links-v1.sqlite3").is_file() and not (root / ".contentlint_cache").exists()


def test_unusable_cache_is_a_warning_not_a_failure(run_cli: Callable, site: LoopbackServer, tmp_path: Path) -> None:
    root = write_corpus(tmp_path / "corpus", site)
    not_a_directory = tmp_path / "cache-file"
    not_a_directory.write_text("in the way", encoding="utf-8")
    result = run_cli(*LINKS, "--cache-dir", str(not_a_directory), ".", cwd=root)
    assert "contentlint: warning: link cache not used" in result.err
    assert ("a.md", 15, "L001") in findings(result.out)


def test_timeout_flag(run_cli: Callable, site: LoopbackServer, tmp_path: Path) -> None:
    (tmp_path / "slow.md").write_text(front_matter() + f"\n[slow]({site.url('/slow')})\n", encoding="utf-8")
    (tmp_path / ".contentlint.toml").write_text("[links]\nretries = 0\ntimeout = 5\n", encoding="utf-8")
    result = run_cli(*LINKS, "--no-cache", "--timeout", "0.3", ".", cwd=tmp_path)
    [finding] = [f for f in json.loads(result.out)["findings"] if f["code"] == "L002"]
    assert "within 0.3 s" in finding["message"]


def test_loopback_refused_by_default(run_cli: Callable, site: LoopbackServer, tmp_path: Path) -> None:
    (tmp_path / "local.md").write_text(front_matter() + f"\n[local](http://localhost:{site.port}/ok)\n", encoding="utf-8")
    before = site.count()
    result = run_cli("check", "--links", "--no-cache", "--select", "L", "--format", "json", ".", cwd=tmp_path)
    assert site.count() == before
    [finding] = [f for f in json.loads(result.out)["findings"] if f["code"] == "L008"]
    assert finding["line"] == 12 and "loopback" in finding["message"]
    assert result.code == 1


@pytest.mark.parametrize(("config", "error"), [
    ("[links]\nskip = ['(unclosed']\n", "not a valid regular expression"),
    ("[links]\nheaders = { 'api.example.org' = { Authorization = 'Bearer ${CONTENTLINT_NO_SUCH_VARIABLE}' } }\n",
     "not set in the environment"),
    ("[links]\ncache-ok = 'a week'\n", "cache-ok"),
    ("[links]\ntimout = 3\n", "did you mean `timeout`"),
    ("[links]\nproxy = 'socks5://127.0.0.1:1080'\n", "is not a proxy URL"),
    ("[links]\nproxy = ''\n", "proxy"),
    ("[links]\nbudget = 'soon'\n", "budget"),
])
def test_bad_link_config_is_exit_2(run_cli: Callable, tmp_path: Path, config: str, error: str) -> None:
    (tmp_path / ".contentlint.toml").write_text(config, encoding="utf-8")
    (tmp_path / "a.md").write_text(front_matter(), encoding="utf-8")
    result = run_cli("check", "--links", ".", cwd=tmp_path)
    assert result.code == 2
    assert error in result.err and "Traceback" not in result.err


def test_a_proxy_named_on_the_command_line_is_a_config_error_when_unusable(run_cli: Callable, tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(front_matter(), encoding="utf-8")
    result = run_cli("check", "--links", "--proxy", "ftp://proxy.example.org", ".", cwd=tmp_path)
    assert (result.code, result.err.count("\n")) == (2, 1)
    assert "is not a proxy URL" in result.err


def test_links_through_the_named_proxy(run_cli: Callable, site: LoopbackServer, tmp_path: Path,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HTTP_PROXY", "http://127.0.0.9:9")  # never used: only --proxy is
    root = write_corpus(tmp_path / "corpus", site)
    with ForwardProxy("127.0.0.1", lifetime=30) as proxy:
        result = run_cli(*LINKS, "--no-cache", "--proxy", proxy.url(), ".", cwd=root)
        targets = {target for _, target, _ in proxy.requests}
    assert site.url("/gone") in targets and site.url("/ok") in targets
    direct = run_cli(*LINKS, "--no-cache", ".", cwd=root)
    assert findings(result.out) == findings(direct.out) and ("a.md", 15, "L001") in findings(result.out)
    assert result.code == 1


def test_links_without_a_network_is_one_line_and_exit_2(run_cli: Callable, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    def no_dns(host: str, port: int) -> list:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(guard, "resolve", no_dns)
    (tmp_path / "a.md").write_text(
        front_matter() + "\nSee [one](https://one.example.org/a), [two](https://two.example.net/b)"
        " and [three](https://three.example.com/c).\n", encoding="utf-8")
    result = run_cli("check", "--links", "--format", "json", ".", cwd=tmp_path)
    assert result.code == 2 and result.out == ""
    assert result.err.count("\n") == 1 and result.err.startswith("contentlint: network unavailable")
    cache = tmp_path / ".contentlint_cache" / CACHE_FILENAME
    if cache.exists():  # nothing was cached: the next run with a network checks every link
        with sqlite3.connect(cache) as db:
            assert db.execute("SELECT count(*) FROM link_outcomes").fetchone()[0] == 0


def test_bad_timeout_flag_is_a_usage_error(run_cli: Callable, tmp_path: Path) -> None:
    result = run_cli("check", "--links", "--timeout", "0", ".", cwd=tmp_path)
    assert result.code == 2 and "positive number of seconds" in result.err


def test_concurrent_runs_share_one_cache(site: LoopbackServer, tmp_path: Path) -> None:
    for n in range(30):
        site.routes[f"/shared/{n}"] = status(200 if n % 3 else 404)
    cache = tmp_path / "cache"
    runs = []
    for name in ("one", "two"):
        root = tmp_path / name
        root.mkdir()
        (root / ".contentlint.toml").write_text(FAST_CONFIG, encoding="utf-8")
        body = "\n".join(f"- [page {n}]({site.url(f'/shared/{n}')})" for n in range(30))
        (root / "doc.md").write_text(front_matter() + "\n" + body + "\n", encoding="utf-8")
        command = [sys.executable, "-m", "contentlint", *LINKS, "--select", "L001", "--cache-dir", str(cache), "."]
        runs.append(subprocess.Popen(command, cwd=root, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                     env={**os.environ, "CI": "true"}))
    outputs = [run.communicate(timeout=60) for run in runs]
    assert [run.returncode for run in runs] == [1, 1], outputs
    assert [len(json.loads(out)["findings"]) for out, _ in outputs] == [10, 10]
    import sqlite3

    with sqlite3.connect(cache / "links-v1.sqlite3") as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert db.execute("SELECT count(*) FROM link_outcomes").fetchone()[0] == 30


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_only_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    terminal, pipe = _Terminal(), io.StringIO()
    for stream in (terminal, pipe):
        with Progress(stream) as bar:
            bar.links(0, 10)
            bar.links(10, 10)
    assert "Checking links" in terminal.getvalue()
    assert pipe.getvalue() == ""
    monkeypatch.setenv("CI", "true")
    quiet = _Terminal()
    with Progress(quiet) as bar:
        bar.links(5, 10)
    assert quiet.getvalue() == ""


@pytest.mark.parametrize(
    ("written", "offline"),
    [
        ("http://127.0.0.2:{port}\\ok", "L007"),  # a browser reads "\" as "/": not this page's 404
        ("http://127.0.0.2:99999/ok", "L007"),
        ("<http://exa mple.org/ok>", "L007"),
        ("#", "L005"),
    ],
)
def test_a_link_the_offline_rules_call_unusable_is_not_requested(
    run_cli: Callable, site: LoopbackServer, tmp_path: Path, written: str, offline: str
) -> None:
    """One finding per link: the offline one says what is wrong with it, and nothing is asked."""
    (tmp_path / ".contentlint.toml").write_text(FAST_CONFIG, encoding="utf-8")
    target = written.format(port=site.port)
    (tmp_path / "a.md").write_text(
        front_matter() + f"\n# Title\n\nRead [this]({target}) and [the overview]({site.url('/ok')}).\n", encoding="utf-8"
    )
    before = site.count()
    result = run_cli(*LINKS, "--no-cache", ".", cwd=tmp_path)
    assert [code for _, _, code in findings(result.out) if code != "L004"] == [offline]
    assert site.count() - before == 1  # the overview only


@pytest.mark.parametrize("wrapper", [
    "https://www.google.com/url?q={target}&sa=D&source=editors",
    "https://eur01.safelinks.protection.outlook.com/?url={quoted}&data=05%7C01",
])
def test_a_wrapped_link_is_checked_at_the_address_it_carries(
    run_cli: Callable, site: LoopbackServer, tmp_path: Path, wrapper: str
) -> None:
    # The wrapper is never asked (here it could not be: no test reaches the internet); the page a
    # reader reaches through it is.
    (tmp_path / ".contentlint.toml").write_text(FAST_CONFIG, encoding="utf-8")
    target = site.url("/gone")
    link = wrapper.format(target=target, quoted=quote(target, safe=""))
    (tmp_path / "a.md").write_text(front_matter() + f"\n# Title\n\nRead [this]({link}).\n", encoding="utf-8")
    before = site.count("/gone")
    result = run_cli(*LINKS, "--no-cache", ".", cwd=tmp_path)
    assert result.code == 1, result.err
    assert [(code, f["message"].split(" answers ")[0]) for f in json.loads(result.out)["findings"]
            for code in [f["code"]] if code.startswith("L00")] == [("L001", f"broken link: {target}")]
    assert site.count("/gone") - before == 1
