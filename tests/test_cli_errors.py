"""Every mistake a user can make on the command line or in config: one line on stderr, exit 2."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

import pytest

from conftest import CLEAN_FRONT_MATTER, PROSE

CASES = {
    "output in a missing folder": (["check", "docs", "-o", "missing/dir/out.txt"], "", "the folder missing/dir does not exist"),
    "output is a folder": (["check", "docs", "-o", "docs"], "", "it is a directory"),
    "report output in a missing folder": (["report", "docs", "-o", "missing/r.html"], "", "does not exist"),
    "calendar in a missing folder": (["report", "docs", "--calendar", "missing/r.ics"], "", "does not exist"),
    "empty --select": (["check", "docs", "--select", ""], "", "--select names no rule codes"),
    "selection leaves nothing": (["check", "docs", "--ignore", "ALL"], "", "leaves no rule to run"),
    "folder without documents": (["check", "empty"], "", "no documents found in empty"),
    "report on a folder without documents": (["report", "empty", "-o", "r.html"], "", "no documents found in empty"),
    "impossible --today": (["check", "docs", "--today", "2026-02-30"], "", "not a date: '2026-02-30'"),
    "--jobs 0": (["check", "docs", "--jobs", "0"], "", "not a number of processes"),
    "unknown --format": (["check", "docs", "--format", "xml"], "", "invalid choice: 'xml'"),
    "unknown rule code": (["check", "docs", "--select", "Z9"], "", "unknown rule code or prefix"),
    "missing path": (["check", "nowhere"], "", "no such file or directory: nowhere"),
    "cycle that is not a cycle": (
        ["check", "docs", "--config", "other.toml"], '[review]\ndefault-cycle = "fortnightly"\n',
        "'fortnightly' is not allowed; use one of monthly, quarterly",
    ),
    "duration in words": (
        ["check", "docs", "--config", "other.toml"], '[links]\ncache-ok = "7 days"\n',
        "'7 days' is not allowed; use a number of seconds, or a number with a unit",
    ),
    "--config file without a contentlint table": (
        ["check", "docs", "--config", "other.toml"], "[tool.black]\nline-length = 99\n", "unknown key `tool`",
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_each_mistake_is_one_line_and_exit_2(case: str, tmp_path: Path, run_cli: Callable) -> None:
    argv, config, expected = CASES[case]
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "page.md").write_text(CLEAN_FRONT_MATTER + PROSE + "\n", encoding="utf-8")
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "notes.rst").write_text("Not a document of ours.\n", encoding="utf-8")
    if config:
        (tmp_path / "other.toml").write_text(config, encoding="utf-8")
    result = run_cli(*argv, cwd=tmp_path)
    assert result.code == 2, result
    assert result.out == ""
    assert result.err.count("\n") == 1, result.err
    assert result.err.startswith("contentlint: ") and expected in result.err
    assert not (tmp_path / "missing").exists()


def test_a_config_file_given_with_its_tool_table_is_read(tmp_path: Path, run_cli: Callable) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "page.md").write_text("No front matter here, and TODO: finish.\n", encoding="utf-8")
    (tmp_path / "other.toml").write_text('[tool.contentlint]\nselect = ["Q001"]\n', encoding="utf-8")
    result = run_cli("check", "docs", "--config", "other.toml", "--format", "json", cwd=tmp_path)
    assert result.code == 0
    assert '"code": "Q001"' in result.out and '"M001"' not in result.out


def test_output_file_is_announced(tmp_path: Path, run_cli: Callable) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "page.md").write_text(CLEAN_FRONT_MATTER + PROSE + "\n", encoding="utf-8")
    result = run_cli("check", "docs", "-o", "out.txt", "--today", "2026-11-22", cwd=tmp_path)
    assert result.code == 0
    assert result.err == "contentlint: wrote out.txt: 1 document, 0 errors, 0 warnings\n"
    assert "All clear" in (tmp_path / "out.txt").read_text(encoding="utf-8")
