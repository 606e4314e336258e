"""`check -` and `--stdin-filename PATH`: a document read from standard input, checked as if it were the
file PATH (its name, its folder's config and relative links, its suffix), with nothing written to disk.
Each test runs the command in a subprocess with real standard input."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import PROSE, front_matter
from loopback import LoopbackServer, status

from contentlint import report

TODAY = "2026-11-22"
NOTES = front_matter() + f"\n# Radiotherapy\n\n{PROSE}\n\n## Side effects\n\n{PROSE}\n"
DOCUMENT = front_matter() + (
    f"\n# Radiotherapy\n\n{PROSE}\n\nPlaceholder slot\n\n"
    "Read [the guide](http://www.cancer.gov/types), [our notes](notes.md), [its side effects]"
    "(notes.md#side-effects), [no such part](notes.md#no-such-part) and [gone](missing.md).\n"
)
FIXED = DOCUMENT.replace("http://www.cancer.gov/types", "https://www.cancer.gov/types")
# Scraped plain text: as a .txt file its indented lines are prose; as Markdown they are code.
PLAIN = front_matter() + f"\n{PROSE}\n\n    Placeholder slot\n"


def contentlint(cwd: Path, *args: str, data: bytes = DOCUMENT.encode()) -> subprocess.CompletedProcess[bytes]:
    environment = {key: value for key, value in os.environ.items() if key not in ("GITHUB_ACTIONS", "CI")}
    return subprocess.run(
        [sys.executable, "-m", "contentlint", "check", "--today", TODAY, "--no-cache", *args],
        input=data, capture_output=True, cwd=cwd, timeout=60, env=environment,
    )


def findings(output: bytes) -> list[tuple[str, int, int, str]]:
    return [(f["path"], f["line"], f["column"], f["code"]) for f in json.loads(output)["findings"]]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "notes.md").write_text(NOTES, encoding="utf-8")
    return tmp_path


# (name, PATH, input bytes, codes its findings must include)
SAME_AS_A_FILE = [
    ("markdown", "docs/page.md", DOCUMENT.encode(), {"Q001", "L004", "L010", "L011"}),
    ("plain text", "docs/page.txt", PLAIN.encode(), {"Q001"}),
    ("markdown, indented", "docs/page.md", PLAIN.encode(), set()),  # indented: code, not placeholder text
    ("binary", "docs/page.md", b"\x00\x01\x02binary", {"E001"}),
    ("UTF-16 with BOM", "docs/page.md", b"\xff\xfe" + DOCUMENT.encode("utf-16-le"), {"E001"}),
    ("UTF-16 without BOM", "docs/page.md", DOCUMENT.encode("utf-16-le"), {"E001"}),
    ("cp1252", "docs/page.md", ("# Café\n\nDéjà vu.\n").encode("cp1252"), {"E001"}),
    ("BOM and CRLF", "docs/page.md", b"\xef\xbb\xbf" + DOCUMENT.replace("\n", "\r\n").encode(), {"Q001", "L010"}),
    ("broken YAML", "docs/page.md", b"---\ntitle: [unclosed\n---\n\nText here.\n", {"M002"}),
    ("unterminated front matter", "docs/page.md", b"---\ntitle: x\n\nText.\n", {"M002"}),
    ("empty", "docs/page.md", b"", {"Q008"}),
]


@pytest.mark.parametrize(("path", "data", "codes"), [case[1:] for case in SAME_AS_A_FILE],
                         ids=[case[0] for case in SAME_AS_A_FILE])
def test_stdin_gets_the_findings_of_the_same_bytes_in_a_file(project: Path, path: str, data: bytes, codes: set[str]) -> None:
    as_stdin = contentlint(project, "-", "--stdin-filename", path, "--format", "json", data=data)
    implied = contentlint(project, "--stdin-filename", path, "--format", "json", data=data)
    (project / path).parent.mkdir(parents=True, exist_ok=True)
    (project / path).write_bytes(data)
    as_file = contentlint(project, path, "--format", "json")
    assert as_stdin.stdout == implied.stdout == as_file.stdout  # the whole report, summary too
    assert as_stdin.returncode == implied.returncode == as_file.returncode
    assert b"Traceback" not in as_stdin.stderr
    assert codes <= {f[3] for f in findings(as_stdin.stdout)}
    if path == "docs/page.md" and "L010" in codes:  # resolved from docs/: notes.md is there, missing.md not
        assert [(f[1], f[3]) for f in findings(as_stdin.stdout) if f[3] in ("L010", "L011")] == [(18, "L011"), (18, "L010")]


@pytest.mark.parametrize("output_format", sorted(report.names()))
def test_every_format_shows_the_named_path(project: Path, output_format: str) -> None:
    (project / "docs" / "page.md").write_text(DOCUMENT, encoding="utf-8")
    as_file = contentlint(project, "docs/page.md", "--format", output_format)
    as_stdin = contentlint(project, "--stdin-filename", "docs/page.md", "--format", output_format)
    assert as_stdin.returncode == as_file.returncode == 1
    assert b"docs/page.md" in as_stdin.stdout.replace(b"<wbr>", b"")
    if output_format != "html":  # the page carries a nonce of its own
        assert as_stdin.stdout == as_file.stdout


def cmd(*args: str) -> tuple[str, ...]:
    return args


# (name, arguments, input, exit code, start of standard output (b"" for none at all), text on standard error
# ("" for none at all))
BEHAVIOUR = [
    ("unnamed is shown as -", cmd("-", "--select", "Q001"), DOCUMENT.encode(), 0,
     b"-:16:1: Q001 [warning] placeholder text", ""),
    ("show-source quotes the input, not the file at PATH",
     cmd("--stdin-filename", "docs/notes.md", "--select", "Q001", "--show-source", "-q"),
     DOCUMENT.encode(), 0, b'docs/notes.md:16:1: Q001 [warning] placeholder text "Placeholder slot": the page is '
     b"unfinished; write the real content or delete it\n   16 | Placeholder slot\n      | ^^^^^^^^^^^^^^^^\n", ""),
    ("--fix: the mended document on stdout", cmd("--stdin-filename", "docs/page.md", "--fix"), DOCUMENT.encode(), 1,
     FIXED.encode(), "docs/page.md:16:1: Q001"),
    ("--fix with nothing to mend echoes the input", cmd("-", "--fix", "--select", "Q005"), b"# One\n\nText.\r\n", 0,
     b"# One\n\nText.\r\n", "Nothing to fix"),
    ("--fix on binary input echoes it", cmd("-", "--fix"), b"a\x00b", 1, b"a\x00b", "E001 [error] binary file"),
    ("--fix, findings as JSON on stderr", cmd("--stdin-filename", "docs/page.md", "--fix", "--format", "json"),
     DOCUMENT.encode(), 1, FIXED.encode(), '"code": "Q001"'),
    ("--diff", cmd("--stdin-filename", "docs/page.md", "--diff"), DOCUMENT.encode(), 1,
     b"--- a/docs/page.md\n+++ b/docs/page.md\n", "would fix 1 problem in 1 file"),
    ("--diff with nothing to mend", cmd("-", "--diff", "--select", "Q005"), b"# One\n", 0, b"", "nothing to fix"),
    ("`-` with a path", cmd("-", "docs"), DOCUMENT.encode(), 2, b"",
     "contentlint: error: `-` (standard input) cannot be checked together with other paths\n"),
    ("--stdin-filename with a path", cmd("docs", "--stdin-filename", "x.md"), DOCUMENT.encode(), 2, b"",
     "--stdin-filename names the document on standard input"),
    ("--stdin-filename with .", cmd(".", "--stdin-filename", "x.md"), DOCUMENT.encode(), 2, b"",
     "--stdin-filename names the document on standard input"),
    ("--stdin-filename empty", cmd("--stdin-filename", " "), DOCUMENT.encode(), 2, b"", "needs a file name"),
    ("a folder as PATH is not walked", cmd("--stdin-filename", "docs", "--select", "Q001", "-q"), DOCUMENT.encode(), 0,
     b"docs:16:1: Q001", ""),
]


@pytest.mark.parametrize(("args", "data", "code", "stdout", "stderr"), [case[1:] for case in BEHAVIOUR],
                         ids=[case[0] for case in BEHAVIOUR])
def test_stdin_behaviour(
    project: Path, args: tuple[str, ...], data: bytes, code: int, stdout: bytes, stderr: str,
) -> None:
    before = sorted(project.rglob("*"))
    result = contentlint(project, *args, data=data)
    assert result.returncode == code, result.stderr
    assert result.stdout.startswith(stdout) and (stdout or not result.stdout)
    assert stderr in result.stderr.decode() and (stderr or not result.stderr)
    assert b"Traceback" not in result.stderr
    assert sorted(project.rglob("*")) == before  # nothing written, not even a cache
    if "--fix" in args:
        assert result.stdout == stdout  # the whole document, and nothing else
        assert (project / "docs" / "notes.md").read_text(encoding="utf-8") == NOTES


# (name, the project's config, PATH, the codes that must not be reported, those that must)
CONFIGS = [
    ("the config of PATH's folder", {"docs/pyproject.toml": '[tool.contentlint]\nignore = ["Q001"]\n'},
     "docs/page.md", {"Q001"}, {"L004"}),
    ("searched from the nearest folder that exists", {"docs/pyproject.toml": '[tool.contentlint]\nignore = ["Q001"]\n'},
     "docs/new/page.md", {"Q001"}, {"L004"}),
    ("not the config of another folder", {"other/pyproject.toml": '[tool.contentlint]\nignore = ["Q001"]\n'},
     "docs/page.md", set(), {"Q001", "L004"}),
    ("per-file-ignores match PATH", {"pyproject.toml": '[tool.contentlint]\nper-file-ignores = {"docs/*" = ["L004"]}\n'},
     "docs/page.md", {"L004"}, {"Q001"}),
]


@pytest.mark.parametrize(("files", "path", "absent", "present"), [case[1:] for case in CONFIGS],
                         ids=[case[0] for case in CONFIGS])
def test_stdin_config_is_that_of_a_file_at_path(
    project: Path, files: dict[str, str], path: str, absent: set[str], present: set[str],
) -> None:
    for name, text in files.items():
        (project / name).parent.mkdir(parents=True, exist_ok=True)
        (project / name).write_text(text, encoding="utf-8")
    codes = {f[3] for f in findings(contentlint(project, "--stdin-filename", path, "--format", "json").stdout)}
    assert not codes & absent
    assert present <= codes


EXCLUDING = '[tool.contentlint]\nextend-exclude = ["drafts"]\nnot-documents = ["CHANGES.md"]\n'

# (PATH, whether --force-exclude leaves it out)
FORCE_EXCLUDE = [
    ("drafts/page.md", True),  # `exclude`
    ("docs/CHANGES.md", True),  # `not-documents`
    ("docs/script.py", True),  # not in `include`
    ("docs/page.md", False),
    ("-", False),  # unnamed: nothing to judge
]


@pytest.mark.parametrize(("path", "left_out"), FORCE_EXCLUDE)
@pytest.mark.parametrize("output_format", ["text", "json"])
def test_force_exclude(project: Path, path: str, left_out: bool, output_format: str) -> None:
    (project / "pyproject.toml").write_text(EXCLUDING, encoding="utf-8")
    named = ("--stdin-filename", path) if path != "-" else ("-",)
    forced = contentlint(project, *named, "--force-exclude", "--format", output_format)
    fixed = contentlint(project, *named, "--force-exclude", "--fix", "--format", output_format)
    unforced = contentlint(project, *named, "--format", output_format)
    assert unforced.returncode == 1 and path.encode() in unforced.stdout  # named files are checked as given
    if left_out:  # nothing at all, as ruff does; with --fix the input comes back as it was
        assert (forced.returncode, forced.stdout, forced.stderr) == (0, b"", b"")
        assert (fixed.returncode, fixed.stdout, fixed.stderr) == (0, DOCUMENT.encode(), b"")
    else:
        assert (forced.returncode, forced.stdout) == (unforced.returncode, unforced.stdout)
        assert fixed.stdout == FIXED.encode()


@pytest.mark.parametrize("fix", [False, True])
def test_input_over_the_size_limit(project: Path, fix: bool) -> None:
    (project / "pyproject.toml").write_text("[tool.contentlint]\nmax-file-size-mb = 0.001\n", encoding="utf-8")
    data = DOCUMENT.encode() * 3  # over 1048 bytes
    result = contentlint(project, "-", "--format", "json", *(["--fix"] if fix else []), data=data)
    assert result.returncode == 1
    if fix:  # all of it comes back, not only the part read
        assert result.stdout == data
        assert findings(result.stderr) == [("-", 1, 1, "E001")]  # the findings beside it
    else:
        assert findings(result.stdout) == [("-", 1, 1, "E001")]


@pytest.fixture
def server() -> Iterator[LoopbackServer]:
    with LoopbackServer("127.0.0.1", lifetime=30) as running:
        running.routes["/gone"] = status(404)
        running.routes["/ok"] = status(200)
        yield running


def test_links_are_checked_as_for_a_file(project: Path, server: LoopbackServer) -> None:
    data = (front_matter() + f"\n# Links\n\n{PROSE}\n\n[a]({server.url('/gone')}) and [b]({server.url('/ok')})\n").encode()
    args = ("--links", "--allow-private-hosts", "--select", "L001,L002", "--format", "json")
    as_stdin = contentlint(project, "--stdin-filename", "docs/page.md", *args, data=data)
    (project / "docs" / "page.md").write_bytes(data)
    as_file = contentlint(project, "docs/page.md", *args)
    assert findings(as_stdin.stdout) == findings(as_file.stdout) == [("docs/page.md", 16, 5, "L001")]
    assert server.count("/gone") >= 2  # asked once for each run: nothing kept between them
