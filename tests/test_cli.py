"""The command line: exit codes, output shape, selection, config errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import front_matter, PROSE

ROOT = Path(__file__).resolve().parent.parent
CLEAN = front_matter() + "\n# Radiotherapy\n\n" + PROSE + "\n"
OVERDUE = front_matter(
    title="Radiotherapy for lung cancer", url="https://www.cancer.gov/overdue-page", lastReviewed="'2020-01-01'"
) + "\n# Radiotherapy\n\n" + PROSE + "\n"
DUE_SOON = front_matter(
    title="Chemotherapy at home", url="https://www.cancer.gov/due-soon-page", lastReviewed="'2026-09-01'", reviewFrequency="quarterly"
) + "\n# A\n\n" + PROSE + "\n"


def test_clean_corpus_exits_0(run_cli, corpus) -> None:
    root = corpus({"docs/a.md": CLEAN})
    result = run_cli("check", "docs", "--today", "2026-11-22", cwd=root)
    assert result.code == 0, result.out
    assert "All clear: 1 file checked" in result.out


def test_findings_exit_1_with_text_lines(run_cli, corpus) -> None:
    root = corpus({"docs/a.md": OVERDUE, "docs/b.md": CLEAN})
    result = run_cli("check", "docs", "--today", "2026-11-22", cwd=root)
    assert result.code == 1
    lines = result.out.splitlines()
    assert lines[0].startswith("docs/a.md:6:1: F001 [error] review overdue")
    assert lines[-1].startswith("Found 1 problem (1 error, 0 warnings) in 1 file; 2 files checked.")


def test_warnings_only_exit_0_unless_fail_on_warning(run_cli, corpus) -> None:
    root = corpus({"a.md": DUE_SOON})
    assert run_cli("check", ".", "--today", "2026-11-22", cwd=root).code == 0
    assert run_cli("check", ".", "--today", "2026-11-22", "--fail-on", "warning", cwd=root).code == 1


# An insecure link (L004, a warning with a safe fix) beside an overdue review (F001, an error).
FIXABLE = OVERDUE + "\nSee [the statistics](http://www.cancer.gov/about-cancer/statistics).\n"


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        (["check", "."], 1),
        (["check", ".", "--exit-zero"], 0),
        (["check", ".", "--exit-zero", "--fail-on", "warning"], 0),
        (["check", ".", "--exit-zero", "--format", "json"], 0),
        (["check", ".", "--diff"], 1),  # a fix would change a file
        (["check", ".", "--diff", "--exit-zero"], 0),
        (["check", ".", "--fix", "--exit-zero"], 0),  # F001 is left
        (["check", ".", "--fix", "--exit-zero", "--exit-non-zero-on-fix"], 1),  # named, it outranks --exit-zero
        (["check", ".", "--exit-zero", "--select", "Z999"], 2),  # a usage error stays 2
        (["check", ".", "--exit-zero", "--config", "missing.toml"], 2),
        (["report", ".", "-o", "r.html"], 1),
        (["report", ".", "-o", "r.html", "--exit-zero"], 0),
    ],
)
def test_exit_zero(run_cli, corpus, command: list[str], expected: int) -> None:
    root = corpus({"a.md": FIXABLE})
    result = run_cli(*command, "--today", "2026-11-22", cwd=root)
    assert result.code == expected, result.out + result.err
    if "--fix" not in command and "--diff" not in command:
        assert "http://" in (root / "a.md").read_text(encoding="utf-8")  # nothing written unless asked


def test_json_shape(run_cli, corpus) -> None:
    root = corpus({"docs/a.md": OVERDUE, "docs/b.md": DUE_SOON})
    result = run_cli("check", "docs", "--today", "2026-11-22", "--format", "json", cwd=root)
    payload = json.loads(result.out)
    assert set(payload) == {"version", "findings", "summary"}
    assert payload["summary"] == {"files": 2, "errors": 1, "warnings": 1}
    first = payload["findings"][0]
    assert set(first) == {"path", "line", "column", "code", "severity", "rule", "message"}
    assert (first["path"], first["line"], first["code"], first["severity"], first["rule"]) == (
        "docs/a.md", 6, "F001", "error", "review-overdue",
    )


def test_output_file(run_cli, corpus) -> None:
    root = corpus({"a.md": OVERDUE})
    result = run_cli("check", ".", "--today", "2026-11-22", "--format", "json", "-o", "out.json", cwd=root)
    assert result.code == 1 and result.out == ""
    assert json.loads((root / "out.json").read_text())["summary"]["errors"] == 1


@pytest.mark.parametrize(
    "args, expected",
    [
        (["--select", "F"], {"F001"}),
        (["--select", "M"], {"M001"}),
        (["--ignore", "F001"], {"M001"}),
        (["--select", "M,F", "--ignore", "F"], {"M001"}),
        (["--select", "M", "--extend-select", "F001"], {"M001", "F001"}),
        (["--ignore", "F", "--select", "F001"], {"F001"}),
    ],
)
def test_select_and_ignore_prefixes(run_cli, corpus, args, expected) -> None:
    root = corpus({"a.txt": "Written by the ward team.\n\n" + PROSE + "\n\nLast reviewed: 1 May 2019\n"})
    result = run_cli("check", ".", "--today", "2026-11-22", "--format", "json", *args, cwd=root)
    assert {f["code"] for f in json.loads(result.out)["findings"]} == expected


@pytest.mark.parametrize(
    "args, words",
    [
        (["--select", "Z123"], "unknown rule code or prefix `Z123`"),
        (["--select", "F01"], "unknown rule code or prefix `F01`; did you mean F001?"),
        (["--select", "F,review-overdue"], "`review-overdue` is the name of F001: rules are chosen by code, F001"),
        (["--ignore", "Insecure-Link"], "`insecure-link` is the name of L004: rules are chosen by code, L004"),
        (["--select", "freshness"], "unknown rule code or prefix `FRESHNESS`; the freshness rules are chosen by their letter, F"),
        (["--today", "22/11/2026"], "not a date"),
        (["--format", "yaml"], "invalid choice"),
        (["--config", "missing.toml"], "config file not found"),
        (["no-such-dir"], "no such file or directory: no-such-dir"),
    ],
)
def test_usage_errors_exit_2_in_one_line(run_cli, corpus, args, words) -> None:
    root = corpus({"a.md": CLEAN})
    result = run_cli("check", *args, cwd=root)
    assert result.code == 2
    assert words in result.err
    assert "Traceback" not in result.err


@pytest.mark.parametrize(
    "config_text, words",
    [
        ("[tool.contentlint]\nselct = ['F']\n", "unknown key `selct`; did you mean `select`?"),
        ("[tool.contentlint]\nselect = ['F9']\n", "unknown rule code or prefix `F9`"),
        ("[tool.contentlint]\nper-file-ignores = { 'a.md' = ['placeholder-text'] }\n",
         "`placeholder-text` is the name of Q001: rules are chosen by code, Q001"),
        ("[tool.contentlint.fix]\nunfixable = ['insecure-link']\n",
         "[tool.contentlint.fix] `unfixable`: unknown rule code or prefix `insecure-link`; `insecure-link` is the name of L004"),
        ("[tool.contentlint.review]\ndue-soon = 10\n", "unknown key `due-soon` in [review]; did you mean `due-soon-days`?"),
        ("[tool.contentlint.review]\ndefault-cycle = 'yearly'\n", "default-cycle"),
        ("[tool.contentlint.severity]\nF001 = 'fatal'\n", "severity.F001"),
        ("[tool.contentlint]\nschema = 'nope.json'\n", "`schema` file not found"),
        ("[tool.contentlint\n", "not valid TOML"),
    ],
)
def test_config_errors_exit_2(run_cli, corpus, config_text, words) -> None:
    root = corpus({"pyproject.toml": config_text, "a.md": CLEAN})
    result = run_cli("check", ".", cwd=root)
    assert result.code == 2, result.out
    assert words in result.err
    assert len(result.err.strip().splitlines()) == 1


def test_config_is_found_above_the_working_directory(run_cli, corpus) -> None:
    root = corpus({
        ".contentlint.toml": "ignore = ['F001']\n[severity]\nM001 = 'warning'\n",
        "docs/a.txt": "Written by the ward team.\n\n" + PROSE + "\n\nLast reviewed: 1 May 2019\n",
    })
    result = run_cli("check", ".", "--today", "2026-11-22", "--format", "json", cwd=root / "docs")
    findings = json.loads(result.out)["findings"]
    assert [(f["code"], f["severity"]) for f in findings] == [("M001", "warning")]
    assert result.code == 0


def test_per_file_ignores_and_review_policy(run_cli, corpus) -> None:
    root = corpus({
        "pyproject.toml": (
            "[tool.contentlint]\n[tool.contentlint.per-file-ignores]\n'archive/*' = ['F']\n"
            "[tool.contentlint.review.by-source-type]\n02_nci_core = 'quarterly'\n"
        ),
        "archive/old.md": OVERDUE,
        "docs/nci.md": front_matter(lastReviewed="'2026-06-01'", reviewFrequency=None) + "\n# A\n\n" + PROSE + "\n",
    })
    result = run_cli("check", ".", "--today", "2026-11-22", "--format", "json", "--select", "F", cwd=root)
    findings = json.loads(result.out)["findings"]
    assert [(f["path"], f["code"]) for f in findings] == [("docs/nci.md", "F001")]


def test_include_and_exclude(run_cli, corpus) -> None:
    root = corpus({
        ".contentlint.toml": "include = ['*.md']\nextend-exclude = ['drafts']\n",
        "a.md": OVERDUE, "b.txt": OVERDUE, "drafts/c.md": OVERDUE, "notes.rst": OVERDUE,
    })
    result = run_cli("check", ".", "--today", "2026-11-22", "--format", "json", cwd=root)
    assert {f["path"] for f in json.loads(result.out)["findings"]} == {"a.md"}


def test_bad_file_does_not_stop_the_run(run_cli, corpus) -> None:
    root = corpus({"a.md": b"\x00\x01binary", "b.md": OVERDUE, "c.md": "---\n: [\n---\n"})
    result = run_cli("check", ".", "--today", "2026-11-22", "--format", "json", cwd=root)
    codes = [(f["path"], f["code"]) for f in json.loads(result.out)["findings"]]
    assert ("a.md", "E001") in codes and ("b.md", "F001") in codes and ("c.md", "M002") in codes


def test_rules_lists_every_rule(run_cli) -> None:
    result = run_cli("rules")
    assert result.code == 0
    for code in ("E001", "M001", "M103", "F001", "F005"):
        assert code in result.out
    listed = json.loads(run_cli("rules", "--format", "json").out)
    assert {"code", "name", "severity", "network", "summary"} <= set(listed[0])


@pytest.mark.parametrize("name", ["F001", "f001", "review-overdue"])
def test_explain(run_cli, name) -> None:
    result = run_cli("explain", name)
    assert result.code == 0
    assert result.out.startswith("F001 review-overdue (error by default")
    assert "Example" in result.out and "Options" in result.out


def test_explain_unknown_code(run_cli) -> None:
    result = run_cli("explain", "F01")
    assert result.code == 2 and "unknown rule" in result.err


def test_every_rule_is_documented(run_cli) -> None:
    from contentlint.engine.rule_set import all_rules

    for rule in all_rules().values():
        doc = rule.documentation
        assert rule.summary, rule.code
        assert "Options" in doc, f"{rule.code} docstring lacks its options"


def test_no_colour_when_piped_and_version() -> None:
    version = subprocess.run([sys.executable, "-m", "contentlint", "--version"], capture_output=True, text=True)
    assert version.returncode == 0 and version.stdout.startswith("contentlint ")
    result = subprocess.run(
        [sys.executable, "-m", "contentlint", "check", str(ROOT / "examples"), "--today", "2026-11-22"],
        capture_output=True, text=True,
    )
    assert result.returncode == 1
    assert "\033[" not in result.stdout


def test_examples_show_every_offline_rule(run_cli) -> None:
    from contentlint.engine.rule_set import all_rules

    result = run_cli("check", str(ROOT / "examples"), "--today", "2026-11-22", "--format", "json")
    shown = {f["code"] for f in json.loads(result.out)["findings"]}
    expected = {code for code, rule in all_rules().items() if not rule.network and code != "E999"}
    assert expected - shown == set()
    assert result.code == 1


class _Terminal:
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(
    ("choice", "environment", "expected"),
    [
        ("auto", {}, True),
        ("auto", {"TERM": "dumb"}, False),
        ("auto", {"NO_COLOR": "1"}, False),
        ("auto", {"NO_COLOR": "1", "FORCE_COLOR": "1"}, False),
        ("auto", {"TERM": "dumb", "FORCE_COLOR": "1"}, True),
        ("always", {"TERM": "dumb"}, True),
        ("never", {}, False),
    ],
)
def test_colour_on_a_terminal_unless_dumb_or_no_color(monkeypatch, choice, environment, expected) -> None:
    from contentlint import cli

    for name in ("TERM", "NO_COLOR", "FORCE_COLOR"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    assert cli._use_color(choice, _Terminal()) is expected


@pytest.mark.parametrize(("color", "marks"), [("never", ["F001 [error] ", "F002 [warning] "]), ("always", ["\033[1;31mF001\033[0m review"])])
def test_uncoloured_lines_name_the_severity(run_cli, corpus, color, marks) -> None:
    root = corpus({"a.md": OVERDUE, "b.md": DUE_SOON})
    out = run_cli("check", ".", "--today", "2026-11-22", "--color", color, cwd=root).out
    assert all(mark in out for mark in marks), out
    assert ("[error]" in out) is (color == "never")


@pytest.mark.parametrize(("words", "says"), [(1, "only 1 word of content"), (3, "only 3 words of content")])
def test_near_empty_counts_its_words(run_cli, corpus, words, says) -> None:
    root = corpus({"a.md": front_matter() + "\n# Title\n\n" + " ".join(["rays"] * words) + "\n"})
    assert says in run_cli("check", ".", "--select", "Q008", cwd=root).out


@pytest.mark.parametrize(
    ("files", "says"),
    [({"docs/a.md": OVERDUE}, "1 document, 1 error, 0 warnings"), ({"docs/a.md": OVERDUE, "docs/b.md": DUE_SOON}, "2 documents, 1 error, 1 warning")],
)
def test_report_says_what_it_wrote_in_good_english(run_cli, corpus, files, says) -> None:
    root = corpus(files)
    result = run_cli("report", "docs", "-o", "r.md", "--today", "2026-11-22", "--select", "F", cwd=root)
    assert result.err == f"contentlint: wrote r.md: {says}\n"

