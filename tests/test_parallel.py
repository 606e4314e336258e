"""--jobs: the same output, in the same order, from several processes as from one."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from conftest import TODAY, make_config
from contentlint.engine import parallel
from contentlint.model.findings import Severity
from contentlint.engine.linter import Linter
from contentlint.plugin import Rule

ROOT = Path(__file__).resolve().parents[1]


def load_generator():
    spec = importlib.util.spec_from_file_location("generate_corpus", ROOT / "bench" / "generate_corpus.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A 130-document corpus with every defect the generator makes, plus files that cannot be read."""
    root = tmp_path_factory.mktemp("corpus")
    load_generator().generate(root / "docs", 130, seed=3)
    (root / "docs" / "binary.md").write_bytes(b"\x00\x01binary")
    (root / "docs" / "suppressed.md").write_text(
        "<!-- contentlint-disable-file M001 -->\n# No front matter\n\nLast reviewed: 1 May 2020\n", "utf-8"
    )
    (root / ".contentlint.toml").write_text('[per-file-ignores]\n"docs/part-0000/doc-00001*.md" = ["F"]\n', "utf-8")
    return root


@pytest.mark.parametrize("suffix", ["md", "html"])
def test_report_jobs_give_identical_reports(run_cli, generated: Path, suffix: str) -> None:
    written = {}
    for jobs in ("1", "2"):
        name = f"report-{jobs}.{suffix}"
        result = run_cli("report", "docs", "--today", TODAY.isoformat(), "-o", name, "--calendar", f"reviews-{jobs}.ics",
                         "--jobs", jobs, cwd=generated)
        assert result.code == 1
        written[jobs] = ((generated / name).read_bytes(), (generated / f"reviews-{jobs}.ics").read_bytes())
    assert written["1"] == written["2"]
    assert b"132 documents" in written["2"][0]


@pytest.mark.parametrize("output_format", ["text", "json", "sarif", "markdown"])
def test_jobs_give_identical_output(run_cli, generated: Path, output_format: str) -> None:
    args = ["check", "docs", "--today", TODAY.isoformat(), "--format", output_format]
    serial = run_cli(*args, "--jobs", "1", cwd=generated)
    in_two = run_cli(*args, "--jobs", "2", cwd=generated)
    assert serial.code == 1
    assert serial.out == in_two.out
    assert serial.code == in_two.code
    if output_format == "text":
        in_three = run_cli(*args, "--jobs", "3", cwd=generated)
        assert (in_three.code, in_three.out) == (serial.code, serial.out)
    if output_format == "json":
        payload = json.loads(serial.out)
        assert payload["summary"]["files"] == 132
        codes = {f["code"] for f in payload["findings"]}
        assert {"E001", "M001", "M002", "M101", "M102", "M103", "F001", "Q009"} <= codes
        assert not any(f["path"] == "docs/suppressed.md" and f["code"] == "M001" for f in payload["findings"])
        ignored = [f for f in payload["findings"] if f["path"].startswith("docs/part-0000/doc-00001")]
        assert ignored and not any(f["code"].startswith("F") for f in ignored)


def test_parallel_run_uses_workers(generated: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    used = []
    real = parallel._lint_in_workers
    monkeypatch.setattr(parallel, "_lint_in_workers", lambda *a: used.append(True) or real(*a))
    files = sorted(generated.glob("docs/*/*.md"))
    result = Linter(make_config()).run(((p, p.name) for p in files), jobs=2)
    assert used and result.files == 130


@pytest.mark.parametrize("method", ["fork", "spawn"])
def test_forked_and_spawned_workers_give_the_serial_findings(generated: Path, monkeypatch: pytest.MonkeyPatch, method: str) -> None:
    """Forked workers inherit the prepared linter; spawned ones build their own from the config."""
    import multiprocessing

    files = sorted(generated.glob("docs/*/*.md"))[:60]
    serial = Linter(make_config()).run(((p, p.name) for p in files), jobs=1)
    monkeypatch.setattr(parallel, "_context", lambda: multiprocessing.get_context(method))
    in_two = Linter(make_config()).run(((p, p.name) for p in files), jobs=2)
    assert in_two.findings == serial.findings and in_two.files == 60
    assert parallel._worker_linter is None  # the parent's reference is dropped after the run


@pytest.mark.parametrize("count", [1, parallel.SERIAL_BELOW - 1])
def test_small_runs_stay_in_process(generated: Path, monkeypatch: pytest.MonkeyPatch, count: int) -> None:
    def refuse(*args: object) -> None:
        raise AssertionError("started workers for a small run")

    monkeypatch.setattr(parallel, "_lint_in_workers", refuse)
    files = sorted(generated.glob("docs/*/*.md"))[:count]
    result = Linter(make_config()).run(((p, p.name) for p in files), jobs=8)
    assert result.files == count


def test_discovery_is_consumed_lazily(generated: Path) -> None:
    """Files are pulled from the iterator as the workers need them, not all up front."""
    files = sorted(generated.glob("docs/*/*.md")) * 5
    pulled = []

    def lazily():
        for path in files:
            pulled.append(path)
            yield path, path.name

    results = parallel.lint_files(Linter(make_config()), lazily(), jobs=2)
    next(results)
    assert len(pulled) < len(files)
    assert len(list(results)) == len(files) - 1


def test_memory_does_not_grow_with_the_number_of_files(tmp_path: Path) -> None:
    """Documents are not kept: linting 8x the files (without findings) needs no more memory."""
    import tracemalloc

    text = (ROOT / "examples" / "clean-radiotherapy-side-effects.md").read_text("utf-8")
    path = tmp_path / "clean.md"
    path.write_text(text + "Padding text for the body of this document.\n" * 200, "utf-8")
    linter = Linter(make_config(select=["M001", "E"]))
    linter.run([(path, "warm-up.md")])

    def peak(count: int) -> int:
        tracemalloc.start()
        result = linter.run((path, f"doc-{i}.md") for i in range(count))
        _, top = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        assert result.files == count and result.findings == []
        return top

    small, large = peak(40), peak(320)
    assert large < small + 256 * 1024, (small, large)


def test_unpicklable_config_falls_back_to_one_process(generated: Path) -> None:
    config = make_config()
    config.sections = {"custom": {"lock": threading.Lock()}}
    files = sorted(generated.glob("docs/*/*.md"))
    result = Linter(config).run(((p, p.name) for p in files), jobs=2)
    assert result.files == 130
    assert parallel._picklable(config) is None
    assert parallel._picklable(make_config()) is not None


def test_config_with_progress_hooks_goes_to_workers() -> None:
    """The CLI attaches progress and notice callbacks; workers get the config without them."""
    config = make_config()
    config.progress = lambda done, total: None
    config.notice = print
    stripped = parallel._picklable(config)
    assert stripped is not None and stripped.progress is None and stripped.notice is None
    assert config.progress is not None


def test_network_rules_keep_one_process() -> None:
    linter = Linter(make_config())
    assert parallel.offline_per_document(linter)
    linter.rules.append(Rule("L999", "fake-network", Severity.ERROR, lambda d, c: iter(()), network=True))
    assert not parallel.offline_per_document(linter)


# Runs `contentlint ARGS` with a worker that dies on doc-000070.md: `once` (SIGKILL, the first time
# only: the retry succeeds) or `always` (os._exit, every time: the file gets an E999).
_DYING_WORKER = """
import os, signal, sys
from pathlib import Path
from contentlint.engine.linter import Linter
from contentlint.cli import main

parent, real = os.getpid(), Linter.lint_file
mode, marker = sys.argv[1], Path(sys.argv[2])

def lint_file(self, path, shown):
    if os.getpid() != parent and shown.endswith("doc-000070.md"):
        if mode == "always":
            os._exit(3)
        if not marker.exists():
            marker.touch()
            os.kill(os.getpid(), signal.SIGKILL)
    return real(self, path, shown)

Linter.lint_file = lint_file
sys.exit(main(sys.argv[3:]))
"""


def _run_dying(mode: str, marker: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-c", _DYING_WORKER, mode, str(marker), *args]
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=300,
                          env={**os.environ, "CI": "true", "PYTHONHASHSEED": "0"})


@pytest.mark.parametrize("mode", ["once", "always"])
def test_a_dead_worker_costs_only_its_own_files(generated: Path, tmp_path: Path, mode: str) -> None:
    args = ("check", "docs", "--today", TODAY.isoformat(), "--format", "json")
    expected = json.loads(_run_dying("never", tmp_path / "unused", *args, "--jobs", "1", cwd=generated).stdout)
    run = _run_dying(mode, tmp_path / "marker", *args, "--jobs", "2", cwd=generated)
    assert run.returncode == 1, run.stderr
    assert "Traceback" not in run.stderr
    got = json.loads(run.stdout)
    assert got["summary"]["files"] == expected["summary"]["files"] == 132
    if mode == "once":
        assert (tmp_path / "marker").exists()  # the worker did die
        assert got["findings"] == expected["findings"]
        return
    dead = [f for f in got["findings"] if f["path"].endswith("doc-000070.md")]
    assert [f["code"] for f in dead] == ["E999"]
    assert "worker process checking this file stopped" in dead[0]["message"]
    others = [f for f in expected["findings"] if not f["path"].endswith("doc-000070.md")]
    assert [f for f in got["findings"] if f not in dead] == others


def test_a_crash_while_reading_is_reported_and_the_run_goes_on(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import contentlint.engine.linter as linter_module

    real = linter_module.read_document

    def flaky(path, shown, max_bytes):
        if shown == "b.md":
            raise ValueError("unexpected")
        return real(path, shown, max_bytes)

    monkeypatch.setattr(linter_module, "read_document", flaky)
    for name in ("a.md", "b.md", "c.md"):
        (tmp_path / name).write_text("# Title\n", "utf-8")
    result = Linter(make_config(select=["E", "M001"])).run([(tmp_path / n, n) for n in ("a.md", "b.md", "c.md")])
    assert [(f.path, f.code) for f in result.findings] == [("a.md", "M001"), ("b.md", "E999"), ("c.md", "M001")]
    assert "ValueError: unexpected" in result.findings[1].message


@pytest.mark.parametrize("value", ["0", "-1", "two"])
def test_jobs_must_be_a_positive_number(run_cli, tmp_path: Path, value: str) -> None:
    result = run_cli("check", str(tmp_path), "--jobs", value)
    assert result.code == 2
    assert "--jobs" in result.err or "processes" in result.err


def test_default_jobs_is_the_usable_cores() -> None:
    assert parallel.default_jobs() >= 1


def test_generator_is_deterministic_and_makes_10kb_documents(tmp_path: Path) -> None:
    generator = load_generator()
    generator.generate(tmp_path / "a", 12, seed=5)
    generator.generate(tmp_path / "b", 20, seed=5)
    first = sorted((tmp_path / "a").rglob("*.md"))
    assert len(first) == 12
    for path in first:
        twin = tmp_path / "b" / path.relative_to(tmp_path / "a")
        assert path.read_bytes() == twin.read_bytes()
        assert 9_000 <= path.stat().st_size <= 11_000
    text = first[0].read_text("utf-8")
    assert text.count("\n## ") >= 5 and "\n- " in text and "](https://" in text
    assert any(label in text for label in ("Page last reviewed:", "Last Revised:", "Next review:"))
    generator.generate(tmp_path / "c", 12, seed=6)
    assert (tmp_path / "c" / first[0].relative_to(tmp_path / "a")).read_bytes() != first[0].read_bytes()
