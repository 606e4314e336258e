"""Bad input and bad days: what a hostile document, file name or signal cannot do (issue 18)."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from icalendar import Calendar

from contentlint.net.cache import CACHE_FILENAME
from loopback import LoopbackServer, Reply


ROOT = Path(__file__).resolve().parents[1]

# Two M102 findings at the same place (`title: ""` is empty and does not match its pattern).
TWO_AT_ONE_PLACE = """\
---
title: ""
url: 5
source: x
sourceType: 02_nci_core
lastReviewed: 2025-13-45
reviewFrequency: weekly
status: no
language: en
---
# T

Body text here.
"""


def contentlint(*args: str, cwd: Path, seed: str = "0", timeout: float = 120) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    env.pop("GITHUB_ACTIONS", None)
    return subprocess.run(
        [sys.executable, "-m", "contentlint", *args], cwd=cwd, env=env, capture_output=True, timeout=timeout
    )


# -- 1. deterministic output ---------------------------------------------------------------------


def test_output_is_the_same_bytes_for_any_hash_seed_and_any_jobs(tmp_path: Path) -> None:
    for index in range(60):  # enough files for --jobs 2 to use workers
        (tmp_path / f"doc-{index:03}.md").write_text(TWO_AT_ONE_PLACE, "utf-8")
    outputs = set()
    for seed in ("1", "2", "3", "5"):
        for jobs in ("1", "2"):
            run = contentlint("check", ".", "--today", "2026-01-01", "--format", "json", "--jobs", jobs, cwd=tmp_path, seed=seed)
            assert run.returncode == 1, run.stderr
            outputs.add(run.stdout)
    assert len(outputs) == 1


def test_findings_sort_on_every_field() -> None:
    from contentlint.model.findings import Finding, Severity

    a = Finding("a.md", 2, 8, "M102", Severity.ERROR, "`title` is empty", "field-invalid")
    b = Finding("a.md", 2, 8, "M102", Severity.ERROR, "`title` is '', not in the expected form", "field-invalid")
    assert sorted([a, b]) == sorted([b, a]) == [b, a]


# -- 2. Ctrl-C and SIGTERM ---------------------------------------------------------------------------

# `contentlint ARGS` whose workers each stop on their first file (as on a huge one) after writing
# their process id into the folder argv[1]. SIGINT is made Ctrl-C's KeyboardInterrupt, as at a terminal.
_STUCK_WORKERS = """
import os, signal, sys, time
from pathlib import Path
from contentlint.engine.linter import Linter
from contentlint.cli import main

signal.signal(signal.SIGINT, signal.default_int_handler)
parent, real, folder = os.getpid(), Linter.lint_file, Path(sys.argv[1])

def lint_file(self, path, shown):
    if os.getpid() != parent:
        (folder / str(os.getpid())).touch()
        time.sleep(600)
    return real(self, path, shown)

Linter.lint_file = lint_file
sys.exit(main(sys.argv[2:]))
"""


def _gone(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return True
    return state in ("Z", "X")  # a zombie has ended; only its parent's wait is missing


def _wait_for(condition, seconds: float) -> bool:
    """Poll ``condition`` for up to ``seconds`` (a bound against a hang, not a timing assertion)."""
    for _ in range(int(seconds * 20)):
        if condition():
            return True
        time.sleep(0.05)
    return condition()


@pytest.mark.parametrize(("signum", "code", "word"), [(signal.SIGINT, 130, "interrupted"),
                                                      (signal.SIGTERM, 143, "terminated")])
def test_a_signal_stops_the_run_and_its_workers(tmp_path: Path, signum: int, code: int, word: str) -> None:
    corpus, pids = tmp_path / "docs", tmp_path / "pids"
    corpus.mkdir()
    pids.mkdir()
    for index in range(60):  # enough files for --jobs 2 to use workers
        (corpus / f"doc-{index:03}.md").write_text(TWO_AT_ONE_PLACE, "utf-8")
    run = subprocess.Popen(
        [sys.executable, "-c", _STUCK_WORKERS, str(pids), "check", "docs", "--jobs", "2", "--today", "2026-01-01"],
        cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env={**os.environ, "CI": "true"},
    )
    try:
        assert _wait_for(lambda: len(list(pids.iterdir())) == 2, 120), "the workers never started"
        run.send_signal(signum)
        _, err = run.communicate(timeout=60)
    finally:
        run.kill()
    assert run.returncode == code, err
    assert err.strip() == f"contentlint: {word}; no report was written"
    workers = [int(p.name) for p in pids.iterdir()]
    assert _wait_for(lambda: all(_gone(pid) for pid in workers), 30), "a worker outlived the run"


def test_sigterm_during_a_link_check_leaves_a_sound_cache(tmp_path: Path) -> None:
    with LoopbackServer("127.0.0.2", lifetime=120) as site:
        site.routes.update({"/ok": Reply(200), "/hang": Reply(200, delay=100)})
        (tmp_path / ".contentlint.toml").write_text("[links]\ntimeout = 90\nretries = 0\n", "utf-8")
        (tmp_path / "a.md").write_text(
            f"# A\n\nSee [this]({site.url('/ok')}) and [that]({site.url('/hang')}).\n", "utf-8"
        )
        run = subprocess.Popen(
            [sys.executable, "-m", "contentlint", "check", "--links", "--allow-private-hosts", "--select", "L001",
             "--cache-dir", "cache", "a.md"],
            cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env={**os.environ, "CI": "true"},
        )
        cache = tmp_path / "cache" / CACHE_FILENAME
        try:
            asked = _wait_for(lambda: ("GET", "/hang") in site.requests or ("HEAD", "/hang") in site.requests, 60)
            assert asked, (run.poll(), site.requests, run.stderr.read() if run.poll() is not None else "")
            assert _wait_for(lambda: _cached(cache) == [site.url("/ok")], 30), "the finished link was not saved"
            run.send_signal(signal.SIGTERM)
            _, err = run.communicate(timeout=30)
        finally:
            run.kill()
    assert run.returncode == 143, err
    assert "Traceback" not in err
    with sqlite3.connect(cache) as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert _cached(cache) == [site.url("/ok")]


def _cached(cache: Path) -> list[str]:
    if not cache.exists():
        return []
    try:
        with sqlite3.connect(cache) as db:
            return [row[0] for row in db.execute("SELECT url FROM link_outcomes ORDER BY url")]
    except sqlite3.Error:
        return []


# -- 3. file names that are not UTF-8 ------------------------------------------------------------

# Latin-1 "é" (not UTF-8), and an escape sequence that would colour a terminal.
_RAW_NAME = b"caf\xe9 \x1b[31m.md"


@pytest.fixture
def badly_named(tmp_path: Path) -> Path:
    try:
        (tmp_path / os.fsdecode(_RAW_NAME)).write_text(
            "---\ntitle: Caf\nlastReviewed: '2026-01-01'\nreviewFrequency: annual\n---\n# Caf\n\nTODO: write this page.\n",
            "utf-8",
        )
    except (OSError, UnicodeError):
        pytest.skip("this file system refuses file names that are not UTF-8")
    return tmp_path


@pytest.mark.parametrize("output_format", ["text", "json", "sarif", "github", "gitlab", "junit", "csv"])
@pytest.mark.parametrize("to_file", [False, True], ids=["stdout", "output-file"])
def test_a_file_name_that_is_not_utf8_is_written_safely(badly_named: Path, output_format: str, to_file: bool) -> None:
    target = ["-o", "out"] if to_file else []
    run = contentlint("check", ".", "--today", "2026-12-05", "--format", output_format, *target, cwd=badly_named)
    assert run.returncode == 1, run.stderr
    written = (badly_named / "out").read_bytes() if to_file else run.stdout
    text = written.decode("utf-8")  # valid UTF-8, whatever the name
    assert "\x1b" not in text or output_format in ("json", "sarif", "csv")
    if output_format == "json":
        assert json.loads(text)["findings"][0]["path"] == "caf\\xe9 \x1b[31m.md"
    elif output_format == "gitlab":
        assert json.loads(text)[0]["location"]["path"] == "caf\\xe9 \x1b[31m.md"
    else:
        assert "caf\\xe9" in text or "caf%E9" in text


def test_a_baseline_holds_a_file_name_that_is_not_utf8(badly_named: Path) -> None:
    written = contentlint("check", ".", "--today", "2026-12-05", "--write-baseline", "base.json", cwd=badly_named)
    assert written.returncode == 0, written.stderr
    again = contentlint("check", ".", "--today", "2026-12-05", "--baseline", "base.json", cwd=badly_named)
    assert again.returncode == 0, again.stderr
    assert b"All clear" in again.stdout and b"suppressed by the baseline" in again.stdout


def test_the_report_and_calendar_hold_a_file_name_that_is_not_utf8(badly_named: Path) -> None:
    for output in ("r.html", "r.md"):
        run = contentlint("report", ".", "--today", "2026-12-05", "-o", output, "--calendar", "r.ics", cwd=badly_named)
        assert run.returncode == 1, run.stderr
        assert "xe9" in (badly_named / output).read_text("utf-8")  # Markdown shows the backslash escaped
    assert "caf\\xe9" in Calendar.from_ical((badly_named / "r.ics").read_bytes()).walk("VEVENT")[0]["SUMMARY"]


# -- 4. the ends of the calendar -----------------------------------------------------------------


@pytest.mark.parametrize("today", ["9999-02-01", "9999-12-31", "0001-01-01"])
def test_a_report_at_the_ends_of_the_calendar(tmp_path: Path, today: str) -> None:
    for reviewed in ("9999-12-01", "9999-06-01", "0001-01-01"):
        (tmp_path / f"r{reviewed}.md").write_text(
            f"---\ntitle: T\nlastReviewed: '{reviewed}'\nreviewFrequency: monthly\n---\n# T\n\nNext review: 31 December 9999\n",
            "utf-8",
        )
    run = contentlint("report", ".", "--today", today, "-o", "r.html", "--calendar", "r.ics", cwd=tmp_path)
    assert run.returncode == 1, run.stderr
    assert b"contentlint: wrote r.html and r.ics" in run.stderr
    events = Calendar.from_ical((tmp_path / "r.ics").read_bytes()).walk("VEVENT")
    assert all(event["DTSTART"].dt.year in (1, 9999) for event in events)
    markdown = contentlint("report", ".", "--today", today, "-o", "-", cwd=tmp_path)
    assert markdown.returncode == 1 and b"## Content audit" in markdown.stdout, markdown.stderr
