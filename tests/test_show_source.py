"""`check --show-source`: under each finding, its line with a caret under the column (and under
the whole subject, such as a URL); long lines shown as a window; only with text output."""

from __future__ import annotations

import json
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import PROSE, front_matter

from contentlint.model.findings import Finding, Severity
from contentlint.report.source_lines import SourceLines, excerpt

TODAY = "2026-11-22"
LONG_LEAD = "Word " * 30  # 150 characters before the link


def finding(line: int, column: int, subject: str = "") -> Finding:
    return Finding("a.md", line, column, "L004", Severity.WARNING, "message", "insecure-link", subject)


@pytest.mark.parametrize(
    ("line", "column", "subject", "expected"),
    [
        # caret under the column
        ("Placeholder slot", 1, "", ["    3 | Placeholder slot", "      | ^"]),
        ("It can: ", 4, "", ["    3 | It can: ", "      |    ^"]),
        # the subject underlined whole where the line holds it at the column
        ("See [NCI](http://x.org/a).", 11, "http://x.org/a",
         ["    3 | See [NCI](http://x.org/a).", "      |           ^^^^^^^^^^^^^^"]),
        # in another case (a phrase rule's subject is folded)
        ("Click to Download now", 1, "click to download",
         ["    3 | Click to Download now", "      | " + "^" * len("click to download")]),
        # a subject the line does not hold there: one caret
        ("See [NCI](http://x.org/a).", 11, "something else",
         ["    3 | See [NCI](http://x.org/a).", "      |           ^"]),
        # a tab counts as one column, shown as a space
        ("\tTBD", 2, "", ["    3 |  TBD", "      |  ^"]),
        # control characters are shown escaped, and the caret follows what is shown
        ("a\x1bb TBD", 5, "", ["    3 | a\\x1bb TBD", "      | " + " " * 7 + "^"]),
        # an empty line, and a column past the end of the line
        ("", 1, "", ["    3 | ", "      | ^"]),
        ("short", 40, "", ["    3 | short", "      |      ^"]),
        # a long line: a window of 100 characters, cut with … where the line goes on
        (LONG_LEAD + "[x](http://x.org/a) " + "tail " * 30, 155, "http://x.org/a",
         ["    3 | …" + (LONG_LEAD + "[x](http://x.org/a) " + "tail " * 30)[114:214] + "…",
          "      | " + " " * 41 + "^" * 14]),
        # a long line with the column near its start: no cut at the start
        ("x" * 150, 3, "", ["    3 | " + "x" * 100 + "…", "      |   ^"]),
        # near its end: the window ends with the line
        ("x" * 150, 149, "", ["    3 | …" + "x" * 100, "      | " + " " * 99 + "^"]),
    ],
)
def test_excerpt(line: str, column: int, subject: str, expected: list[str]) -> None:
    assert excerpt(finding(3, column, subject), line).lines() == expected


def test_source_lines_read_each_file_once_and_prefer_known_texts(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_bytes(b"\xef\xbb\xbffirst\r\nsecond\r\n")  # BOM and CRLF, as the check reads them
    (tmp_path / "b.bin").write_bytes(b"\x00\x01binary")
    (tmp_path / "d.md").write_text("---\ntitle: x\n---\n\n  \ntext\n")
    lines = SourceLines({str(tmp_path / "c.md"): "given\ntext"})
    assert lines.line(str(tmp_path / "a.md"), 1) == "first"
    assert lines.line(str(tmp_path / "a.md"), 2) == "second"
    assert lines.line(str(tmp_path / "a.md"), 9) is None
    assert lines.line(str(tmp_path / "b.bin"), 1) is None
    assert lines.line(str(tmp_path / "missing.md"), 1) is None
    assert lines.line(str(tmp_path / "c.md"), 2) == "text"
    # nothing worth showing: a front-matter fence, blank lines
    assert [lines.line(str(tmp_path / "d.md"), number) for number in range(1, 7)] == [None, "title: x", None, None, None, "text"]


DOCUMENT = front_matter() + f"\n# Radiotherapy\n\n{PROSE}\n\nPlaceholder slot\n\nRead [more](http://trials.example.org/x).\n"


def test_check_show_source(run_cli: Callable, corpus: Callable) -> None:
    root = corpus({"a.md": DOCUMENT, "binary.md": b"\x00\x01\x02"})
    result = run_cli("check", ".", "--today", TODAY, "--show-source", cwd=root)
    lines = result.out.splitlines()
    placeholder = next(i for i, text in enumerate(lines) if " Q001 " in text)
    assert lines[placeholder + 1].endswith("| Placeholder slot")
    assert lines[placeholder + 2].endswith("| " + "^" * len("Placeholder slot"))  # its subject, folded
    link = next(i for i, text in enumerate(lines) if " L004 " in text)
    assert lines[link + 1].endswith("| Read [more](http://trials.example.org/x).")
    assert lines[link + 2] == "      | " + " " * len("Read [more](") + "^" * len("http://trials.example.org/x")
    # a file that is not text gets its finding and no source line
    unreadable = next(i for i, text in enumerate(lines) if text.startswith("binary.md:"))
    assert not lines[unreadable + 1].startswith(" ")
    assert lines[-1].startswith("Found ")
    assert result.code == 1


def test_show_source_off_by_default(run_cli: Callable, corpus: Callable) -> None:
    root = corpus({"a.md": DOCUMENT})
    result = run_cli("check", ".", "--today", TODAY, cwd=root)
    assert not any(line.startswith(" ") for line in result.out.splitlines())


def test_show_source_in_color(run_cli: Callable, corpus: Callable) -> None:
    root = corpus({"a.md": DOCUMENT})
    result = run_cli("check", ".", "--today", TODAY, "--show-source", "--color", "always", "--select", "Q001", cwd=root)
    assert "\033[2m      | \033[0m\033[1;33m" + "^" * len("Placeholder slot") + "\033[0m" in result.out


def test_show_source_in_github_actions_prints_text(run_cli: Callable, corpus: Callable, monkeypatch: pytest.MonkeyPatch) -> None:
    root = corpus({"a.md": DOCUMENT})
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    result = run_cli("check", ".", "--today", TODAY, "--show-source", "--select", "Q001", cwd=root)
    assert result.out.splitlines()[1].endswith("| Placeholder slot")


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--format", "json"], "--show-source adds lines to the text output, not to --format json"),
        (["--diff"], "--show-source and --diff do not go together"),
        (["--statistics"], "--statistics and --show-source do not go together"),
    ],
)
def test_show_source_usage_errors(run_cli: Callable, corpus: Callable, extra: list[str], message: str) -> None:
    root = corpus({"a.md": DOCUMENT})
    result = run_cli("check", ".", "--today", TODAY, "--show-source", *extra, cwd=root)
    assert result.code == 2
    assert message in result.err
    assert result.out == ""


class _SourceBlocks(HTMLParser):
    """The text of each <pre class="source"> of a page, and the text of its <mark>."""

    def __init__(self) -> None:
        super().__init__()
        self.blocks: list[list[str]] = []  # [line number, whole text, marked text]
        self._in: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "pre" and ("class", "source") in attrs:
            self.blocks.append(["", "", ""])
            self._in.append(tag)
        elif self._in and tag in ("mark", "span"):
            self._in.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if self._in and self._in[-1] == tag:
            self._in.pop()

    def handle_data(self, data: str) -> None:
        if not self._in:
            return
        block = self.blocks[-1]
        if self._in[-1] == "span":
            block[0] += data
        else:
            block[1] += data
            if self._in[-1] == "mark":
                block[2] += data


HOSTILE = front_matter(url="https://www.cancer.gov/x") + (
    f"\n# Radiotherapy\n\n{PROSE}\n\nPlaceholder slot <script>alert(1)</script>\n\nRead [more](http://trials.example.org/x).\n"
)


def test_html_report_shows_each_findings_line(run_cli: Callable, corpus: Callable) -> None:
    root = corpus({"docs/a.md": HOSTILE})
    result = run_cli("report", "docs", "-o", "report.html", "--today", TODAY, cwd=root)
    assert result.code in (0, 1), result.err
    page = (root / "report.html").read_text(encoding="utf-8")
    assert "<script>alert(1)" not in page  # the line is text, escaped
    parser = _SourceBlocks()
    parser.feed(page)
    blocks = {marked: (number, text) for number, text, marked in parser.blocks}
    assert blocks["http://trials.example.org/x"][1] == "Read [more](http://trials.example.org/x)."
    assert blocks["Placeholder slot"][1] == "Placeholder slot <script>alert(1)</script>"
    lines = HOSTILE.split("\n")
    for number, text in blocks.values():
        assert lines[int(number) - 1] == text  # the line the finding names


@pytest.mark.parametrize(
    ("setting", "extra", "shown"),
    [
        ("show-source = true", [], True),
        ("show-source = true", ["--no-show-source"], False),
        ("show-source = false", ["--show-source"], True),
        ("", [], False),
    ],
)
def test_show_source_setting(run_cli: Callable, corpus: Callable, setting: str, extra: list[str], shown: bool) -> None:
    root = corpus({"a.md": DOCUMENT, "pyproject.toml": f"[tool.contentlint]\n{setting}\n"})
    result = run_cli("check", ".", "--today", TODAY, "--select", "Q001", *extra, cwd=root)
    assert result.out.splitlines()[1].endswith("| Placeholder slot") == shown


def test_show_source_setting_leaves_other_formats_alone(run_cli: Callable, corpus: Callable) -> None:
    root = corpus({"a.md": DOCUMENT, "pyproject.toml": "[tool.contentlint]\nshow-source = true\n"})
    result = run_cli("check", ".", "--today", TODAY, "--select", "Q001", "--format", "json", cwd=root)
    assert result.code == 0 and json.loads(result.out)["findings"][0]["code"] == "Q001"
    statistics = run_cli("check", ".", "--today", TODAY, "--select", "Q001", "--statistics", cwd=root)
    assert statistics.out.splitlines()[0].split()[:2] == ["1", "Q001"]
