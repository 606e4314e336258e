"""`check -` and `--stdin-filename PATH`: a document read from standard input, checked as if it were
the file PATH (its name, its folder's config and relative links), with nothing written to disk."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import PROSE, front_matter

TODAY = "2026-11-22"
DOCUMENT = front_matter() + (
    f"\n# Radiotherapy\n\n{PROSE}\n\nPlaceholder slot\n\n"
    "Read [the guide](http://www.cancer.gov/types) and [our notes](notes.md) and [gone](missing.md).\n"
)


def contentlint(cwd: Path, *args: str, data: bytes = DOCUMENT.encode()) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "contentlint", "check", "--today", TODAY, "--no-cache", *args],
        input=data, capture_output=True, cwd=cwd, timeout=60, env=_environment(),
    )


def _environment() -> dict[str, str]:
    import os

    return {key: value for key, value in os.environ.items() if key not in ("GITHUB_ACTIONS", "CI")}


def findings(output: bytes) -> list[tuple[str, int, int, str]]:
    return [(f["path"], f["line"], f["column"], f["code"]) for f in json.loads(output)["findings"]]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "notes.md").write_text(DOCUMENT, encoding="utf-8")
    return tmp_path


def test_stdin_findings_are_those_of_the_same_file(project: Path) -> None:
    (project / "docs" / "page.md").write_text(DOCUMENT, encoding="utf-8")
    as_file = contentlint(project, "docs/page.md", "--format", "json")
    as_stdin = contentlint(project, "-", "--stdin-filename", "docs/page.md", "--format", "json")
    implied = contentlint(project, "--stdin-filename", "docs/page.md", "--format", "json")
    assert as_file.returncode == as_stdin.returncode == implied.returncode == 1
    expected = findings(as_file.stdout)
    assert findings(as_stdin.stdout) == findings(implied.stdout) == expected
    # relative links resolve from the named file's folder: notes.md is there, missing.md is not
    assert [f for f in expected if f[3] == "L010"] == [("docs/page.md", 18, 84, "L010")]
    assert {f[3] for f in expected} >= {"Q001", "L004", "L010"}


def test_stdin_unnamed_is_shown_as_dash(project: Path) -> None:
    result = contentlint(project, "-", "--select", "Q001")
    assert result.stdout.decode().splitlines()[0].startswith("-:16:1: Q001 ")
    assert result.returncode == 0


def test_stdin_config_comes_from_the_named_files_folder(project: Path) -> None:
    (project / "docs" / "pyproject.toml").write_text('[tool.contentlint]\nignore = ["Q001"]\n', encoding="utf-8")
    named = contentlint(project, "-", "--stdin-filename", "docs/new/page.md", "--format", "json")
    unnamed = contentlint(project, "-", "--format", "json")
    assert "Q001" not in {f[3] for f in findings(named.stdout)}  # docs/new does not exist: docs/ is searched
    assert "Q001" in {f[3] for f in findings(unnamed.stdout)}


def test_stdin_force_exclude_skips_an_excluded_name(project: Path) -> None:
    (project / "pyproject.toml").write_text('[tool.contentlint]\nextend-exclude = ["drafts"]\n', encoding="utf-8")
    excluded = contentlint(project, "-", "--stdin-filename", "drafts/page.md", "--force-exclude", "--format", "json")
    assert excluded.returncode == 0 and findings(excluded.stdout) == []
    kept = contentlint(project, "-", "--stdin-filename", "drafts/page.md", "--format", "json")
    assert kept.returncode == 1 and findings(kept.stdout)


def test_stdin_fix_prints_the_mended_document_and_writes_nothing(project: Path) -> None:
    before = sorted(p.name for p in project.rglob("*"))
    result = contentlint(project, "-", "--stdin-filename", "docs/page.md", "--fix")
    assert result.stdout == DOCUMENT.replace("http://www.cancer.gov/types", "https://www.cancer.gov/types").encode()
    assert "docs/page.md:16:1: Q001" in result.stderr.decode()  # what is left, beside the document
    assert "Fixed 1 problem in 1 file." in result.stderr.decode()
    assert sorted(p.name for p in project.rglob("*")) == before
    clean = contentlint(project, "-", "--fix", "--select", "Q005", data=b"# One title\n\nText.\r\n")
    assert clean.stdout == b"# One title\n\nText.\r\n"  # nothing to mend: echoed byte for byte


def test_stdin_diff(project: Path) -> None:
    result = contentlint(project, "-", "--stdin-filename", "docs/page.md", "--diff")
    assert result.returncode == 1
    diff = result.stdout.decode()
    assert diff.startswith("--- a/docs/page.md\n+++ b/docs/page.md\n")
    assert "+Read [the guide](https://www.cancer.gov/types)" in diff


@pytest.mark.parametrize(
    ("data", "code", "says"),
    [
        (b"\x00\x01\x02binary", "E001", "binary file"),
        (b"\xff\xfe" + "# Title\n".encode("utf-16-le"), "E001", "UTF-16"),
        ("# Café\n\nDéjà vu.\n".encode("cp1252"), "E001", "Windows-1252"),
        (b"", "Q008", "no content"),
        (b"---\ntitle: [unclosed\n---\n\nText here.\n", "M002", ""),
    ],
)
def test_stdin_bad_input_gets_a_finding(project: Path, data: bytes, code: str, says: str) -> None:
    result = contentlint(project, "-", "--format", "json", data=data)
    assert result.returncode in (0, 1)
    reported = json.loads(result.stdout)["findings"]
    assert any(f["code"] == code and says in f["message"] for f in reported), reported
    assert b"Traceback" not in result.stderr


def test_stdin_bom_and_crlf_read_as_a_file(project: Path) -> None:
    data = b"\xef\xbb\xbf" + DOCUMENT.replace("\n", "\r\n").encode()
    result = contentlint(project, "-", "--format", "json", data=data)
    assert ("-", 16, 1, "Q001") in findings(result.stdout)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-", "docs"], "`-` (standard input) cannot be checked together with other paths"),
        (["docs", "--stdin-filename", "x.md"], "--stdin-filename names the document on standard input"),
    ],
)
def test_stdin_usage_errors(project: Path, args: list[str], message: str) -> None:
    result = contentlint(project, *args)
    assert result.returncode == 2
    assert message in result.stderr.decode()
