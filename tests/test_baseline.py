"""Baselines: record today's findings, report only new ones, say what was suppressed and what is stale."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import front_matter, PROSE
from contentlint.engine import baseline
from contentlint.model.findings import Finding, Severity
from contentlint.engine.fingerprint import fingerprint, normalised_message

TODAY = "2026-11-22"
CLEAN = front_matter() + "\n# Radiotherapy\n\n" + PROSE + "\n"
OVERDUE = front_matter(
    title="Radiotherapy for lung cancer", url="https://www.cancer.gov/overdue-page", lastReviewed="'2020-01-01'", colour="red"
) + "\n# Radiotherapy\n\n" + PROSE + "\n"
NO_FRONT_MATTER = "Plain notes, no front matter, no review date.\n\nWritten by the ward team.\n\n" + PROSE + "\n"


def check(run_cli, root: Path, *args: str):
    return run_cli("check", ".", "--today", TODAY, *args, cwd=root)


def finding(line: int, code: str = "Q001", subject: str = "TODO", message: str = "placeholder text 'TODO'") -> Finding:
    return Finding("a.md", line, 1, code, Severity.WARNING, message, "placeholder-text", subject)


def test_write_baseline_then_nothing_is_reported(run_cli, corpus) -> None:
    root = corpus({"a.md": OVERDUE, "b.txt": NO_FRONT_MATTER, "c.md": CLEAN})
    written = check(run_cli, root, "--write-baseline", "baseline.json")
    assert written.code == 0
    assert "wrote 4 findings (4 entries) to baseline.json" in written.err
    assert written.out == "All clear: 3 files checked, no findings. 4 findings suppressed by the baseline.\n"
    again = check(run_cli, root, "--baseline", "baseline.json", "--format", "json")
    assert again.code == 0
    payload = json.loads(again.out)
    assert payload["findings"] == []
    assert payload["summary"] == {"files": 3, "errors": 0, "warnings": 0, "baselined": 4, "stale": 0}


def test_baseline_file_is_sorted_stable_and_has_no_lines(run_cli, corpus) -> None:
    root = corpus({"b.txt": NO_FRONT_MATTER, "a.md": OVERDUE})
    check(run_cli, root, "--write-baseline", "one.json")
    check(run_cli, root, "--write-baseline", "two.json", "--today", "2026-12-24")  # other day counts, same file
    one = (root / "one.json").read_bytes()
    assert one == (root / "two.json").read_bytes()
    entries = json.loads(one)["findings"]
    assert [(e["path"], e["code"]) for e in entries] == sorted((e["path"], e["code"]) for e in entries)
    assert all(set(e) == {"fingerprint", "code", "path", "subject", "count"} for e in entries)
    assert b'"line"' not in one


def test_only_new_findings_are_reported_even_after_lines_move(run_cli, corpus) -> None:
    root = corpus({"a.md": OVERDUE, "c.md": CLEAN})
    check(run_cli, root, "--write-baseline", "baseline.json")
    moved = OVERDUE.replace("title:", "tags: [a]\naudienceLevel: patient\ntitle:", 1)
    moved = moved.replace("colour: red", "colour: red\nflavour: mint")
    (root / "a.md").write_text(moved, encoding="utf-8")
    (root / "new.txt").write_text(NO_FRONT_MATTER, encoding="utf-8")
    result = check(run_cli, root, "--baseline", "baseline.json", "--format", "json")
    assert result.code == 1
    payload = json.loads(result.out)
    reported = [(f["path"], f["code"], f["message"]) for f in payload["findings"]]
    assert [(p, c) for p, c, _ in reported] == [("a.md", "M103"), ("new.txt", "F004"), ("new.txt", "M001")]
    assert "flavour" in reported[0][2]
    assert payload["summary"]["baselined"] == 2


def test_stale_entries_are_counted_and_named(run_cli, corpus) -> None:
    root = corpus({"a.md": OVERDUE, "b.txt": NO_FRONT_MATTER})
    check(run_cli, root, "--write-baseline", "baseline.json")
    (root / "a.md").write_text(OVERDUE.replace("colour: red\n", ""), encoding="utf-8")
    (root / "b.txt").unlink()
    result = check(run_cli, root, "--baseline", "baseline.json")
    assert result.code == 0
    assert result.out.endswith("1 finding suppressed by the baseline; 3 baseline entries no longer occur.\n")
    assert "3 baseline entries no longer occur" in result.err
    assert "a.md M103 (colour)" in result.err and "b.txt M001" in result.err
    payload = json.loads(check(run_cli, root, "--baseline", "baseline.json", "--format", "json").out)
    assert (payload["summary"]["baselined"], payload["summary"]["stale"]) == (1, 3)


def test_entries_for_files_outside_the_run_are_not_stale(run_cli, corpus) -> None:
    root = corpus({"docs/a.md": OVERDUE, "notes/b.txt": NO_FRONT_MATTER})
    run_cli("check", ".", "--today", TODAY, "--write-baseline", "baseline.json", cwd=root)
    result = run_cli("check", "docs", "--today", TODAY, "--baseline", "baseline.json", "--format", "json", cwd=root)
    assert json.loads(result.out)["summary"]["stale"] == 0
    assert result.err == ""


def test_counts_cover_identical_findings_one_by_one() -> None:
    recorded = [finding(3), finding(9)]
    entries = baseline.entries_for(recorded)
    assert [e.count for e in entries] == [1 + 1]
    three = [finding(3), finding(9), finding(12)]
    outcome = baseline.apply(three, entries)
    assert outcome.suppressed == 2 and [f.line for f in outcome.findings] == [12]
    one = baseline.apply([finding(5)], entries)
    assert one.suppressed == 1 and [e.code for e in one.stale] == ["Q001"]


def test_fingerprint_ignores_lines_and_numbers_but_not_subjects() -> None:
    assert fingerprint(finding(3)) == fingerprint(finding(40))
    assert fingerprint(finding(3, subject="TBD")) != fingerprint(finding(3))
    no_subject = [finding(1, subject="", message=f"review overdue by {n} days: due 2025-0{n}-01") for n in (3, 4)]
    assert fingerprint(no_subject[0]) == fingerprint(no_subject[1])
    assert normalised_message("Overdue  by 12 days") == "overdue by days"
    other_file = Finding("b.md", 3, 1, "Q001", Severity.WARNING, "placeholder text 'TODO'", "placeholder-text", "TODO")
    assert fingerprint(other_file) != fingerprint(finding(3))


def test_write_baseline_replaces_an_old_one(run_cli, corpus) -> None:
    root = corpus({"a.md": OVERDUE, "b.txt": NO_FRONT_MATTER})
    check(run_cli, root, "--write-baseline", "baseline.json")
    (root / "b.txt").unlink()
    result = check(run_cli, root, "--baseline", "baseline.json", "--write-baseline", "baseline.json")
    assert result.code == 0 and "stale" not in result.out
    assert {e["path"] for e in json.loads((root / "baseline.json").read_text())["findings"]} == {"a.md"}


@pytest.mark.parametrize(
    "content, words",
    [
        (None, "baseline missing.json not found; create it with --write-baseline missing.json"),
        ("not json", "is not a contentlint baseline"),
        ('{"tool": "other", "findings": []}', "is not a contentlint baseline"),
        ('{"tool": "contentlint", "baseline-version": 1, "findings": [{"code": "F001"}]}', "is not a contentlint baseline"),
    ],
)
def test_bad_baseline_files_exit_2_in_one_line(run_cli, corpus, content, words) -> None:
    root = corpus({"a.md": OVERDUE})
    if content is not None:
        (root / "missing.json").write_text(content, encoding="utf-8")
    result = check(run_cli, root, "--baseline", "missing.json")
    assert result.code == 2
    assert words in result.err
    assert len(result.err.strip().splitlines()) == 1 and result.out == ""
