"""`check --statistics`: findings counted by rule, most first, in text or JSON; the exit code as without it."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import PROSE, front_matter

import contentlint.cli
import contentlint.engine.linter as linter_module

KEEPS_RESULTS = contentlint.cli._keeps_results  # conftest turns the results cache off for each test

TODAY = "2026-11-22"
# a.md: two http links to a host with a known https address (L004, safe fix) and a placeholder alone on
# its line (Q001, unsafe fix). b.md: a second top-level heading (Q005, unsafe fix) and an http link.
# c.md: overdue (F001); a placeholder inside a sentence (Q001, no fix); an http link to a host with no
# known https address (L004, no fix); a placeholder alone on its line. F001 is first seen after Q005, so
# their tie is ordered by code, not by the order the findings came in.
LINKS = "See [the NCI page](http://www.cancer.gov/types) and [more](http://www.cancer.gov/about)."
DOCUMENTS = {
    "a.md": front_matter(url="https://www.cancer.gov/a") + f"\n# Radiotherapy\n\n{PROSE}\n\n{LINKS}\n\nPlaceholder slot\n",
    "b.md": front_matter(url="https://www.cancer.gov/b")
    + f"\n# First title\n\n{PROSE}\n\n# Second title\n\n{PROSE} Read [this](http://www.cancer.gov/other).\n",
    "c.md": front_matter(url="https://www.cancer.gov/c", lastReviewed="'2020-01-01'")
    + f"\n# Chemotherapy\n\n{PROSE} The dose is TBD. See [the trial](http://trials.example.org/x).\n\nPlaceholder slot\n",
}
CLEAN = front_matter() + f"\n# Radiotherapy\n\n{PROSE}\n"

ROWS = [
    "4  L004  warning  insecure-link                [*] 3 fixable with --fix",
    "3  Q001  warning  placeholder-text             [*] 2 fixable with --fix --unsafe-fixes",
    "1  F001  error    review-overdue",
    "1  Q005  warning  multiple-top-level-headings  [*] 1 fixable with --fix --unsafe-fixes",
]
SUMMARY = ("Found 9 problems (1 error, 8 warnings) in 3 files; 3 files checked. "
           "[*] 3 fixable with --fix; 3 more with --fix --unsafe-fixes.")


def statistics(run_cli: Callable, root: Path, *extra: str):
    return run_cli("check", ".", "--today", TODAY, "--statistics", *extra, cwd=root)


@pytest.mark.parametrize(
    ("extra", "lines", "code"),
    [
        ([], [*ROWS, SUMMARY], 1),
        (["--quiet"], ROWS, 1),
        (["--unsafe-fixes"], [
            "4  L004  warning  insecure-link                [*] 3 fixable with --fix",
            "3  Q001  warning  placeholder-text             [*] 2 fixable with --fix",
            "1  F001  error    review-overdue",
            "1  Q005  warning  multiple-top-level-headings  [*] 1 fixable with --fix",
            "Found 9 problems (1 error, 8 warnings) in 3 files; 3 files checked. [*] 6 fixable with --fix.",
        ], 1),
        (["--select", "L"], [
            "4  L004  warning  insecure-link  [*] 3 fixable with --fix",
            "Found 4 problems (0 errors, 4 warnings) in 3 files; 3 files checked. [*] 3 fixable with --fix.",
        ], 0),
        (["--select", "L", "--fail-on", "warning", "-q"], ["4  L004  warning  insecure-link  [*] 3 fixable with --fix"], 1),
        (["--ignore", "L004,Q001", "-q"], [
            "1  F001  error    review-overdue",
            "1  Q005  warning  multiple-top-level-headings  [*] 1 fixable with --fix --unsafe-fixes",
        ], 1),
        (["--select", "F002"], ["All clear: 3 files checked, no findings."], 0),
        # `severity` in config is the severity shown, and it decides the exit code.
        (["--select", "Q005", "--config", "severity.toml", "-q"],
         ["1  Q005  error    multiple-top-level-headings  [*] 1 fixable with --fix --unsafe-fixes"], 1),
    ],
)
def test_text_rows_by_count_then_code(run_cli, corpus, extra, lines, code) -> None:
    root = corpus({**DOCUMENTS, "severity.toml": '[tool.contentlint.severity]\nQ005 = "error"\n'})
    result = statistics(run_cli, root, *extra)
    assert result.out.splitlines() == lines
    assert result.code == code, result.err


def test_json_list_of_rules(run_cli, corpus) -> None:
    result = statistics(run_cli, corpus(DOCUMENTS), "--format", "json")
    assert json.loads(result.out) == [
        {"code": "L004", "name": "insecure-link", "severity": "warning", "count": 4, "fixable": 3, "unsafe_fixable": 0},
        {"code": "Q001", "name": "placeholder-text", "severity": "warning", "count": 3, "fixable": 0, "unsafe_fixable": 2},
        {"code": "F001", "name": "review-overdue", "severity": "error", "count": 1, "fixable": 0, "unsafe_fixable": 0},
        {"code": "Q005", "name": "multiple-top-level-headings", "severity": "warning", "count": 1, "fixable": 0,
         "unsafe_fixable": 1},
    ]
    assert result.code == 1


@pytest.mark.parametrize(("documents", "code"), [({"a.md": CLEAN}, 0), ({"a.md": CLEAN, **DOCUMENTS}, 1)])
def test_json_without_findings_is_an_empty_list(run_cli, corpus, documents, code) -> None:
    result = statistics(run_cli, corpus(documents), "--format", "json", "--select", "F002,F001")
    expected = [] if code == 0 else [{"code": "F001", "name": "review-overdue", "severity": "error", "count": 1,
                                      "fixable": 0, "unsafe_fixable": 0}]
    assert (json.loads(result.out), result.code) == (expected, code)


@pytest.mark.parametrize(
    ("extra", "says"),
    [
        (["--format", "sarif"], "--statistics prints text or json, not --format sarif"),
        (["--format", "github"], "--statistics prints text or json, not --format github"),
        (["--format", "csv"], "--statistics prints text or json, not --format csv"),
        (["--format", "junit", "-o", "out.xml"], "--statistics prints text or json, not --format junit"),
        (["--format", "html"], "--statistics prints text or json, not --format html"),
        (["--diff"], "--statistics and --diff do not go together"),
    ],
)
def test_other_formats_are_a_usage_error(run_cli, corpus, extra, says) -> None:
    root = corpus(DOCUMENTS)
    result = statistics(run_cli, root, *extra)
    assert result.code == 2
    assert result.out == ""
    assert result.err.startswith(f"contentlint: error: {says}") and result.err.count("\n") == 1
    assert not (root / "out.xml").exists()


def test_github_actions_gets_the_rows_not_annotations(run_cli, corpus, monkeypatch) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    result = statistics(run_cli, corpus(DOCUMENTS), "-q")
    assert result.out.splitlines() == ROWS


def test_output_file_holds_what_stdout_would(run_cli, corpus) -> None:
    root = corpus(DOCUMENTS)
    result = statistics(run_cli, root, "-o", "counts.txt", "--color", "always")
    assert result.out == ""
    assert (root / "counts.txt").read_text(encoding="utf-8").splitlines() == [*ROWS, SUMMARY]
    assert result.err == "contentlint: wrote counts.txt: 3 documents, 1 error, 8 warnings\n"
    assert result.code == 1


@pytest.mark.parametrize(
    ("code", "painted"), [("F001", "\033[1;31mF001\033[0m  error"), ("L004", "\033[1;33mL004\033[0m  warning")]
)
def test_colour_paints_the_code_by_severity(run_cli, corpus, code, painted) -> None:
    result = statistics(run_cli, corpus(DOCUMENTS), "--color", "always", "-q")
    row = next(line for line in result.out.splitlines() if code in line)
    assert painted in row


def test_baseline_leaves_only_new_findings(run_cli, corpus) -> None:
    root = corpus(DOCUMENTS)
    assert run_cli("check", ".", "--today", TODAY, "--write-baseline", "base.json", cwd=root).code == 0
    kept = statistics(run_cli, root, "--baseline", "base.json")
    assert kept.out.splitlines() == ["All clear: 3 files checked, no findings. 9 findings suppressed by the baseline."]
    assert kept.code == 0
    (root / "d.md").write_text(front_matter(url="https://www.cancer.gov/d", lastReviewed="'2019-01-01'")
                               + f"\n# New page\n\n{PROSE}\n", encoding="utf-8")
    new = statistics(run_cli, root, "--baseline", "base.json", "-q")
    assert (new.out.splitlines(), new.code) == (["1  F001  error    review-overdue"], 1)


def test_after_fix_counts_what_is_left(run_cli, corpus) -> None:
    result = statistics(run_cli, corpus(DOCUMENTS), "--fix")
    assert result.out.splitlines() == [
        "3  Q001  warning  placeholder-text             [*] 2 fixable with --fix --unsafe-fixes",
        "1  F001  error    review-overdue",
        "1  L004  warning  insecure-link",
        "1  Q005  warning  multiple-top-level-headings  [*] 1 fixable with --fix --unsafe-fixes",
        ("Found 6 problems (1 error, 5 warnings) in 3 files; 3 files checked. Fixed 3 problems in 2 files. "
         "[*] 3 fixable with --fix --unsafe-fixes."),
    ]
    assert result.code == 1


def test_results_read_back_from_the_cache_count_the_same(run_cli, corpus, monkeypatch) -> None:
    monkeypatch.setattr(contentlint.cli, "_keeps_results", KEEPS_RESULTS)
    for name in ("CONTENTLINT_NO_CACHE", "CONTENTLINT_CACHE_DIR", "CI"):
        monkeypatch.delenv(name, raising=False)
    root = corpus(DOCUMENTS)
    first = statistics(run_cli, root, "--format", "json")

    def fail(*args: object) -> None:
        raise RuntimeError("checked")

    monkeypatch.setattr(linter_module, "read_document", fail)  # a document checked again gets an E999
    second = statistics(run_cli, root, "--format", "json")
    assert json.loads(second.out) == json.loads(first.out)
    assert json.loads(first.out)[0]["fixable"] == 3  # the fixes come back with the findings
    assert statistics(run_cli, root, "--format", "json", "--no-cache").out != first.out  # checked: E999


def test_jobs_count_as_one_process_does(run_cli, corpus) -> None:
    # 60 documents: enough for worker processes; copies of one page are duplicates (Q009), not counted here.
    root = corpus({f"p{index:02}/{name}": text for index in range(20) for name, text in DOCUMENTS.items()})
    serial = statistics(run_cli, root, "--jobs", "1", "--format", "json", "--ignore", "Q009")
    in_two = statistics(run_cli, root, "--jobs", "2", "--format", "json", "--ignore", "Q009")
    assert serial.out == in_two.out
    assert [(row["code"], row["count"]) for row in json.loads(serial.out)] == [
        ("L004", 80), ("Q001", 60), ("F001", 20), ("Q005", 20),
    ]
