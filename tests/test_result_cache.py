"""The results cache: a second run of unchanged documents reads their results back, and anything
a result came from that changes (the document, the date, the settings, the files it links to,
the schema) makes it check again. Whether a run read a result back is seen by making the checking
of any document fail: a result read back carries no such failure."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path
from typing import Callable

import pytest
from conftest import PROSE, front_matter

import contentlint.cli
from contentlint.engine import result_cache

TODAY = "2026-11-22"
DATABASE = Path(".contentlint_cache") / result_cache.CACHE_FILENAME


KEEPS_RESULTS = contentlint.cli._keeps_results


@pytest.fixture(autouse=True)
def _cache_on(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(contentlint.cli, "_keeps_results", KEEPS_RESULTS)
    monkeypatch.delenv("CONTENTLINT_NO_CACHE", raising=False)
    monkeypatch.delenv("CONTENTLINT_CACHE_DIR", raising=False)
    monkeypatch.delenv("CI", raising=False)


@pytest.fixture
def rule_fails(monkeypatch: pytest.MonkeyPatch) -> Callable[[], None]:
    """From the call on, checking any document fails (an E999 finding): a result read back has none."""
    import contentlint.engine.linter as linter_module

    def fail(*args: object) -> None:
        raise RuntimeError("checked")

    def turn_on() -> None:
        monkeypatch.setattr(linter_module, "read_document", fail)

    return turn_on


def page(body: str = PROSE, **fields: object) -> str:
    return front_matter(**fields) + "\n# A page\n\n" + body + "\n"


def check(run_cli: Callable, root: Path, *extra: str, today: str = TODAY) -> list[tuple[str, int, str]]:
    result = run_cli("check", ".", "--today", today, "--format", "json", *extra, cwd=root)
    assert result.code in (0, 1), result.err
    return sorted((f["path"], f["line"], f["code"]) for f in json.loads(result.out)["findings"])


def ran_again(run_cli: Callable, root: Path, *extra: str, today: str = TODAY, path: str = "a.md") -> bool:
    """Whether the document at ``path`` was checked again (rather than read back)."""
    return (path, 1, "E999") in check(run_cli, root, *extra, today=today)


def test_a_second_run_reads_results_back(run_cli: Callable, corpus: Callable, rule_fails: Callable) -> None:
    root = corpus({"a.md": page(), "b.md": page("TODO: write this. " + PROSE, lastReviewed="'2020-01-01'")})
    first = check(run_cli, root)
    assert (root / DATABASE).is_file()
    rule_fails()
    assert check(run_cli, root) == first  # read back: nothing was checked
    assert ran_again(run_cli, root, "--no-cache")  # and it does run when asked to check afresh


def change_content_same_size_and_time(root: Path) -> None:
    target = root / "a.md"
    info = target.stat()
    target.write_text(target.read_text(encoding="utf-8").replace("Radiotherapy uses", "Radiotherapy u5es"), encoding="utf-8")
    os.utime(target, ns=(info.st_atime_ns, info.st_mtime_ns))
    assert target.stat().st_size == info.st_size


def delete_linked_file(root: Path) -> None:
    (root / "other.md").unlink()


def rename_linked_heading(root: Path) -> None:
    target = root / "other.md"
    target.write_text(target.read_text(encoding="utf-8").replace("# Side effects", "# After effects"), encoding="utf-8")


def add_missing_file(root: Path) -> None:
    (root / "missing.pdf").write_bytes(b"%PDF-1.4\n")


def change_config(root: Path) -> None:
    (root / "pyproject.toml").write_text("[tool.contentlint]\nignore = ['Q001']\n", encoding="utf-8")


def change_schema(root: Path) -> None:
    schema = json.loads((root / "schemas" / "page.json").read_text(encoding="utf-8"))
    schema["required"].append("owner")
    (root / "schemas" / "page.json").write_text(json.dumps(schema), encoding="utf-8")


SHIPPED_SCHEMA = (Path(result_cache.__file__).parent.parent / "schemas" / "document.schema.json").read_text("utf-8")
WITH_SCHEMA = {"schemas/page.json": SHIPPED_SCHEMA, "pyproject.toml": "[tool.contentlint]\nschema = 'schemas/page.json'\n"}


LINKS = "See [other](other.md), [its section](other.md#side-effects) and [a leaflet](missing.pdf).\n\n" + PROSE


# (what changes, documents, how, extra arguments of the second run)
CHANGES = [
    ("document bytes, same size and time", {}, change_content_same_size_and_time, ()),
    ("linked file deleted", {"a.md": page(LINKS)}, delete_linked_file, ()),
    ("linked heading renamed", {"a.md": page(LINKS)}, rename_linked_heading, ()),
    ("missing linked file created", {"a.md": page(LINKS)}, add_missing_file, ()),
    ("config file", {"pyproject.toml": "[tool.contentlint]\n"}, change_config, ()),
    ("schema file", WITH_SCHEMA, change_schema, ()),
    ("--today", {}, None, ("--today", "2026-11-23")),
    ("--select", {}, None, ("--select", "Q,F")),
    ("--fail-on", {}, None, ("--fail-on", "warning")),
]


@pytest.mark.parametrize(("what", "files", "change", "extra"), CHANGES, ids=[c[0] for c in CHANGES])
def test_a_change_to_what_a_result_came_from_checks_again(
    run_cli: Callable, corpus: Callable, rule_fails: Callable, what: str, files: dict, change: Callable | None, extra: tuple
) -> None:
    root = corpus({"a.md": page("TODO: write this.\n\n" + PROSE), "other.md": page("# Side effects\n\n" + PROSE), **files})
    check(run_cli, root)
    rule_fails()
    assert not ran_again(run_cli, root)  # nothing changed: read back
    if change is not None:
        change(root)
    assert ran_again(run_cli, root, *extra, today=extra[1] if extra[:1] == ("--today",) else TODAY)


@pytest.mark.parametrize(("what", "files", "change", "extra"), CHANGES, ids=[c[0] for c in CHANGES])
def test_after_a_change_the_findings_are_those_of_a_fresh_check(
    run_cli: Callable, corpus: Callable, what: str, files: dict, change: Callable | None, extra: tuple
) -> None:
    root = corpus({"a.md": page("TODO: write this.\n\n" + PROSE), "other.md": page("# Side effects\n\n" + PROSE), **files})
    today = extra[1] if extra[:1] == ("--today",) else TODAY
    check(run_cli, root)
    if change is not None:
        change(root)
    assert check(run_cli, root, *extra, today=today) == check(run_cli, root, *extra, "--no-cache", today=today)


@pytest.mark.parametrize(
    ("how", "arguments", "environment", "config"),
    [
        ("--no-cache", ("--no-cache",), {}, ""),
        ("CONTENTLINT_NO_CACHE", (), {"CONTENTLINT_NO_CACHE": "1"}, ""),
        ("CI=true", (), {"CI": "true"}, ""),
        ("cache = false", (), {}, "[tool.contentlint]\ncache = false\n"),
        ("--fix", ("--fix",), {}, ""),
        ("--diff", ("--diff",), {}, ""),
    ],
)
def test_runs_that_keep_nothing(
    run_cli: Callable, corpus: Callable, monkeypatch: pytest.MonkeyPatch, how: str, arguments: tuple, environment: dict, config: str
) -> None:
    files = {"a.md": page("Read [this](http://www.cancer.gov/about).\n\n" + PROSE)}
    if config:
        files["pyproject.toml"] = config
    root = corpus(files)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    run_cli("check", ".", "--today", TODAY, *arguments, cwd=root)
    assert not (root / DATABASE).exists()


def test_fix_does_not_trust_a_result_read_back(run_cli: Callable, corpus: Callable) -> None:
    root = corpus({"a.md": page("Read [this](http://www.cancer.gov/about).\n\n" + PROSE)})
    assert ("a.md", 14, "L004") in check(run_cli, root)
    run_cli("check", ".", "--today", TODAY, "--fix", cwd=root)
    assert "https://www.cancer.gov/about" in (root / "a.md").read_text(encoding="utf-8")
    assert ("a.md", 14, "L004") not in check(run_cli, root)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_results_read_back_are_the_same_in_the_same_order(run_cli: Callable, corpus: Callable, jobs: str) -> None:
    # Over 50 files, so that --jobs 2 lints in workers; every third one changes between the runs.
    files = {f"d{n:02}.md": page(("TODO. " if n % 2 else "") + PROSE, lastReviewed=f"'20{10 + n % 15}-01-01'") for n in range(60)}
    root = corpus(files)
    fresh = run_cli("check", ".", "--today", TODAY, "--format", "json", "--jobs", jobs, cwd=root).out
    for name in list(files)[::3]:
        (root / name).write_text(files[name].replace("Radiotherapy", "Chemotherapy"), encoding="utf-8")
    second = run_cli("check", ".", "--today", TODAY, "--format", "json", "--jobs", jobs, cwd=root).out
    third = run_cli("check", ".", "--today", TODAY, "--format", "json", "--jobs", jobs, cwd=root).out
    afresh = run_cli("check", ".", "--today", TODAY, "--format", "json", "--jobs", jobs, "--no-cache", cwd=root).out
    assert second == third == afresh
    assert json.loads(fresh)["findings"] and fresh != "" and json.loads(fresh)["summary"] == json.loads(afresh)["summary"]


def test_the_audit_report_reads_results_back(run_cli: Callable, corpus: Callable, rule_fails: Callable) -> None:
    root = corpus({"docs/a.md": page(lastReviewed="'2020-01-01'"), "docs/b.md": page()})
    run_cli("report", "docs", "--today", TODAY, "-o", "first.md", cwd=root)
    rule_fails()
    run_cli("report", "docs", "--today", TODAY, "-o", "second.md", cwd=root)
    assert (root / "second.md").read_text(encoding="utf-8") == (root / "first.md").read_text(encoding="utf-8")
    assert "1 review overdue" in (root / "first.md").read_text(encoding="utf-8")


def test_rows_signed_with_another_key_are_not_read(
    run_cli: Callable, corpus: Callable, rule_fails: Callable, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    root = corpus({"a.md": page()})
    check(run_cli, root)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "another-user"))  # a cache folder from elsewhere
    rule_fails()
    assert ran_again(run_cli, root)


def test_a_tampered_row_is_not_read(run_cli: Callable, corpus: Callable, rule_fails: Callable) -> None:
    root = corpus({"a.md": page()})
    check(run_cli, root)
    with sqlite3.connect(root / DATABASE) as db:
        (blob,) = db.execute("SELECT result FROM results").fetchone()
        db.execute("UPDATE results SET result = ?", (blob[:-1] + bytes([blob[-1] ^ 1]),))
    rule_fails()
    assert ran_again(run_cli, root)


@pytest.mark.parametrize("damage", ["garbage", "a folder"])
def test_a_cache_that_cannot_be_used_costs_nothing_but_time(run_cli: Callable, corpus: Callable, damage: str) -> None:
    root = corpus({"a.md": page("TODO: write this.\n\n" + PROSE)})
    expected = check(run_cli, root, "--no-cache")
    (root / ".contentlint_cache").mkdir()
    if damage == "garbage":
        (root / DATABASE).write_bytes(b"not a database" * 100)
    else:
        (root / DATABASE).mkdir()
    assert check(run_cli, root) == expected
    assert check(run_cli, root) == expected


def test_cache_dir_moves_it(run_cli: Callable, corpus: Callable, tmp_path: Path) -> None:
    root = corpus({"a.md": page()})
    elsewhere = tmp_path / "elsewhere"
    check(run_cli, root, "--cache-dir", str(elsewhere))
    assert (elsewhere / result_cache.CACHE_FILENAME).is_file() and not (root / ".contentlint_cache").exists()


def test_the_results_of_settings_no_run_used_for_a_day_are_removed(run_cli: Callable, corpus: Callable) -> None:
    root = corpus({"a.md": page()})
    check(run_cli, root, today="2026-11-01")  # settings no run uses any more
    with sqlite3.connect(root / DATABASE) as db:
        db.execute("UPDATE settings_used SET used = used - ?", (result_cache.UNUSED_FOR + 60,))
    check(run_cli, root, today="2026-11-02")  # settings used a moment ago
    check(run_cli, root)
    with sqlite3.connect(root / DATABASE) as db:
        assert db.execute("SELECT count(DISTINCT settings) FROM results").fetchone() == (2,)
        assert db.execute("SELECT count(*) FROM settings_used").fetchone() == (2,)


def test_a_pipe_named_on_the_command_line_does_not_block(run_cli: Callable, corpus: Callable) -> None:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes here")
    root = corpus({"a.md": page()})
    os.mkfifo(root / "pipe.md")
    result = run_cli("check", "a.md", "pipe.md", "--today", TODAY, "--format", "json", cwd=root)
    assert {f["code"] for f in json.loads(result.out)["findings"] if f["path"] == "pipe.md"} == {"E001"}


def test_a_link_out_of_the_project_is_not_read_for_the_cache(run_cli: Callable, corpus: Callable, tmp_path_factory: pytest.TempPathFactory) -> None:
    outside = tmp_path_factory.mktemp("outside") / "secret.md"
    outside.write_text(page(), encoding="utf-8")
    root = corpus({"a.md": page()})
    (root / "b.md").symlink_to(outside)
    for _ in range(2):
        assert ("b.md", 1, "E001") in check(run_cli, root)
    with sqlite3.connect(root / DATABASE) as db:
        assert db.execute("SELECT count(*) FROM results").fetchone() == (1,)  # a.md's only


@pytest.mark.parametrize(("select", "depends"), [(["L010"], True), (["L004"], True), (["F", "Q"], False)])
def test_a_result_depends_on_the_disk_only_where_a_check_looked(corpus: Callable, select: list[str], depends: bool) -> None:
    from conftest import make_config

    from contentlint.engine.linter import Linter

    root = corpus({"a.md": page(LINKS)})
    result = Linter(make_config(select=select), keep_results=True).lint_file(root / "a.md", str(root / "a.md"))
    named = {path for path, _ in result.depends_on}
    assert (str(root / "missing.pdf") in named and str(root) in named) is depends
    assert bool(result.depends_on) is depends


@pytest.mark.parametrize("method", ["fork", "spawn"])
def test_workers_record_what_their_results_depend_on(corpus: Callable, monkeypatch: pytest.MonkeyPatch, method: str) -> None:
    """Over 50 files, so that the work goes to worker processes, forked or started afresh."""
    import multiprocessing

    from conftest import make_config

    from contentlint.engine import parallel
    from contentlint.engine.linter import Linter

    monkeypatch.setattr(parallel, "_context", lambda: multiprocessing.get_context(method))
    root = corpus({f"d{n:02}.md": page(f"See [the leaflet](leaflet-{n % 3}.pdf).\n\n" + PROSE) for n in range(60)})
    files = [(path, str(path)) for path in sorted(root.glob("*.md"))]

    def run(keep: bool) -> list:
        config = make_config(cache_dir=root / "cache")
        return Linter(config, keep_results=keep).run(iter(files), jobs=2).findings

    first = run(True)
    assert sum(f.code == "L010" for f in first) == 60
    (root / "leaflet-1.pdf").write_bytes(b"%PDF-1.4\n")
    assert run(True) == run(False)
    assert sum(f.code == "L010" for f in run(True)) == 40


@pytest.mark.parametrize("cache_dir", ["", "a-file"], ids=["cache", "cache that cannot be opened"])
def test_a_bad_setting_is_a_config_error_with_the_cache_too(run_cli: Callable, corpus: Callable, cache_dir: str) -> None:
    root = corpus({"a.md": page(), "bad.json": '{"type": 12}', "pyproject.toml": "[tool.contentlint]\nschema = 'bad.json'\n",
                   "a-file": "in the way of a cache folder"})
    with_cache = run_cli("check", ".", "--today", TODAY, *(["--cache-dir", cache_dir] if cache_dir else []), cwd=root)
    afresh = run_cli("check", ".", "--today", TODAY, "--no-cache", cwd=root)
    assert (with_cache.code, with_cache.err, with_cache.out) == (afresh.code, afresh.err, afresh.out)
    assert with_cache.code == 2 and "not a valid JSON Schema" in with_cache.err


def test_a_run_that_reads_every_result_back_builds_nothing(
    run_cli: Callable, corpus: Callable, monkeypatch: pytest.MonkeyPatch
) -> None:
    import contentlint.engine.linter as linter_module

    built: list[int] = []
    real = linter_module.build_resources
    monkeypatch.setattr(linter_module, "build_resources", lambda *args: built.append(1) or real(*args))
    root = corpus({"a.md": page("TODO: write this.\n\n" + PROSE), "b.md": page()})
    first = check(run_cli, root)
    assert built == [1]
    assert check(run_cli, root) == first and built == [1]  # nothing to check: the schema, phrases... not built
    (root / "b.md").write_text(page("Changed. " + PROSE), encoding="utf-8")
    check(run_cli, root)
    assert built == [1, 1]
