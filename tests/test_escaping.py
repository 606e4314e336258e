"""Hostile file names and messages through every output format, read back by each format's own consumer."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pytest
from icalendar import Calendar

from contentlint import report as reporters
from contentlint.model.facts import OVERDUE, DocumentFacts
from contentlint.model.findings import Finding, Severity
from contentlint.model.results import RunResult
from contentlint.report.calendar import calendar_bytes
from contentlint.report.escape import csv_cell, github_data, github_property, markdown_text, printable, unsurrogate
from contentlint.model.settings import Config

TODAY = dt.date(2026, 12, 5)
# A terminal title and colour change, a bell, a forged annotation on a line of its own, a table
# break, a formula, an encoded newline, a right-to-left override and a byte that is not UTF-8.
HOSTILE_PATH = "docs/\x1b]0;owned\x07evil\x1b[31m|\r\n::error file=x.md::forged %0A,:\u202e\udce9.md"
HOSTILE_MESSAGE = "=HYPERLINK(\"http://x.test\")\n::error title=F::forged\x1b[2J | `code` %0A\u0085\x00 @team"
FORMULA_PATHS = ["=1+1.md", "+cmd.md", "-x.md", "@sum.md", "\tindent.md"]
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\udc80-\udcff]")


def hostile_result() -> RunResult:
    findings = [
        Finding(HOSTILE_PATH, 3, 1, "F001", Severity.ERROR, HOSTILE_MESSAGE, "review-overdue"),
        *(Finding(path, 1, 1, "Q001", Severity.WARNING, "-" + HOSTILE_MESSAGE, "placeholder") for path in FORMULA_PATHS),
    ]
    documents = [
        DocumentFacts(HOSTILE_PATH, "Title\x1b[1m\n# injected | cell", source="NCI\r\nX-EVIL:1", url="https://x.test/\x07",
                      next_review=dt.date(2026, 1, 1), review_basis="lastReviewed\n2025-01-01", review_state=OVERDUE),
        *(DocumentFacts(path, path) for path in FORMULA_PATHS),
    ]
    return RunResult(sorted(findings), 1 + len(FORMULA_PATHS), paths=[d.path for d in documents], documents=documents)


def render(name: str) -> str:
    out = io.StringIO()
    reporters.get(name)(hostile_result(), out, reporters.ReportOptions(config=Config(today=TODAY)))
    return out.getvalue()


def test_every_format_is_covered() -> None:
    assert set(reporters.names()) == set(CHECKS)


def check_text(output: str) -> None:
    lines = output.splitlines()
    assert len(lines) == 1 + len(FORMULA_PATHS) + 1  # one line a finding, and the summary
    assert "\\tindent.md:1:1:" in output
    assert lines[-1].startswith("Found ")
    assert any(line.startswith("docs/\\x1b]0;owned\\x07evil\\x1b[31m|\\r\\n::error file=x.md::forged %0A,:\\u202e\\xe9.md:3:1:") for line in lines)


def check_json(output: str) -> None:
    findings = [f for f in json.loads(output)["findings"] if f["path"].startswith("docs/")]
    assert findings[0]["path"] == HOSTILE_PATH.replace("\udce9", "\\xe9")  # control characters exact, JSON-escaped
    assert findings[0]["message"] == HOSTILE_MESSAGE


def check_sarif(output: str) -> None:
    result = next(r for r in json.loads(output)["runs"][0]["results"] if r["ruleId"] == "F001")
    assert result["message"]["text"] == HOSTILE_MESSAGE
    uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri.startswith("docs/%1B%5D0%3Bowned%07evil") and uri.endswith("%E2%80%AE%E9.md")  # the file's own bytes


def check_github(output: str) -> None:
    lines = output.splitlines()
    assert len(lines) == 1 + len(FORMULA_PATHS) + 1
    assert sum(line.startswith("::") for line in lines) == 1 + len(FORMULA_PATHS)  # nothing forged
    command = next(re.fullmatch(r"::error file=([^,]*),line=3,col=1,title=F001::(.*)", line) for line in lines
                   if line.startswith("::error"))
    assert command is not None, lines
    decoded = {"%3A": ":", "%2C": ",", "%0D": "\r", "%0A": "\n", "%25": "%"}
    unescape = lambda text: re.sub("%3A|%2C|%0D|%0A|%25", lambda m: decoded[m.group()], text)  # noqa: E731
    assert unescape(command.group(1)) == printable(HOSTILE_PATH.replace("\r\n", "")).replace("|::", "|\r\n::", 1)
    assert unescape(command.group(2)).startswith('=HYPERLINK("http://x.test")\n::error title=F::forged\\x1b[2J')


def check_gitlab(output: str) -> None:
    issues = json.loads(output)
    assert len(issues) == 1 + len(FORMULA_PATHS)
    issue = next(i for i in issues if i["check_name"] == "F001")
    assert issue["location"]["path"] == unsurrogate(HOSTILE_PATH)  # control characters exact, JSON-escaped
    assert issue["description"] == "F001 " + HOSTILE_MESSAGE
    assert not re.search("[\x00-\x09\x0b-\x1f\udc80-\udcff]", output)  # JSON escapes C0 controls; valid UTF-8


def check_junit(output: str) -> None:
    root = ET.fromstring(output.encode("utf-8"))
    names = [case.get("name") for case in root.iter("testcase")]
    assert printable(HOSTILE_PATH) in names


def check_csv(output: str) -> None:
    rows = list(csv.reader(io.StringIO(output)))
    assert len(rows) == 1 + 1 + len(FORMULA_PATHS)
    for row in rows[1:]:
        assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in row), row
    paths = {row[0] for row in rows[1:]}
    assert paths == {unsurrogate(HOSTILE_PATH)} | {"'" + path for path in FORMULA_PATHS}
    assert {row[6] for row in rows[1:]} == {"'" + HOSTILE_MESSAGE, "'-" + HOSTILE_MESSAGE}


def _cells(row: str) -> int:
    return len(re.findall(r"(?<!\\)\|", row))


def check_markdown(output: str) -> None:
    assert not CONTROL.search(output)
    header = None
    for line in output.splitlines():
        if not line.startswith("|"):
            header = None
            continue
        header = header or line
        assert _cells(line) == _cells(header), line  # no value adds or breaks a cell
    assert "\\# injected \\| cell" in output
    assert not re.search(r"^::|^# injected", output, re.MULTILINE)


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def check_html(output: str) -> None:
    assert not CONTROL.search(output)
    parser = _Text()
    parser.feed(output)
    text = "".join(parser.text)
    assert printable(HOSTILE_PATH) in text
    assert "script" not in parser.tags[1:] or parser.tags.count("script") == 1  # only the page's own script


def check_calendar(output: str) -> None:
    data = output.encode("utf-8")
    assert all(len(line) <= 75 for line in data.split(b"\r\n")), "a line is not folded at 75 octets"
    assert not CONTROL.search(output.replace("\r\n", ""))
    events = Calendar.from_ical(data).walk("VEVENT")
    assert len(events) == 1
    summary, description = str(events[0]["SUMMARY"]), str(events[0]["DESCRIPTION"])
    assert summary == f"Review (overdue, due 2026-01-01): {printable('Title' + chr(27) + '[1m' + chr(10) + '# injected | cell')} ({printable(HOSTILE_PATH)})"
    assert description.splitlines()[0] == f"Document: {printable(HOSTILE_PATH)}"
    assert "Source: NCI\\r\\nX-EVIL:1" in description
    assert "X-EVIL" not in [line.split(b":")[0].decode() for line in data.split(b"\r\n")]


CHECKS = {
    "text": check_text, "json": check_json, "sarif": check_sarif, "github": check_github, "gitlab": check_gitlab,
    "junit": check_junit, "csv": check_csv, "markdown": check_markdown, "html": check_html,
}


@pytest.mark.parametrize("name", sorted(CHECKS))
def test_hostile_names_and_messages_are_written_safely(name: str) -> None:
    CHECKS[name](render(name))


def test_hostile_names_in_the_calendar() -> None:
    check_calendar(calendar_bytes(hostile_result().documents, TODAY).decode("utf-8"))


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("plain.md", "plain.md"),
        ("a\nb\rc\td", "a\\nb\\rc\\td"),
        ("\x1b[31mred\x07", "\\x1b[31mred\\x07"),
        ("C1 \x9b and DEL \x7f", "C1 \\x9b and DEL \\x7f"),
        ("caf\udce9.md", "caf\\xe9.md"),
        ("rtl \u202eevil", "rtl \\u202eevil"),
        ("one\u2028line\u2029only", "one\\u2028line\\u2029only"),
        ("www\u200b.cancer\u2060.gov\ufeff", "www\\u200b.cancer\\u2060.gov\\ufeff"),
        ("emoji \U0001f469\u200d\U0001f52c and \u0645\u200c\u06cc", "emoji \U0001f469\u200d\U0001f52c and \u0645\u200c\u06cc"),
        ("accents é ü 中文", "accents é ü 中文"),
    ],
)
def test_printable(text: str, shown: str) -> None:
    assert printable(text) == shown


@pytest.mark.parametrize(
    ("value", "cell"),
    [("=1+1", "'=1+1"), ("+1", "'+1"), ("-1", "'-1"), ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"), ("a=b", "a=b"), (3, 3)],
)
def test_csv_cell(value: object, cell: object) -> None:
    assert csv_cell(value) == cell


def test_github_escaping_follows_the_toolkit() -> None:
    assert github_data("100% %0A\r\n\x1b") == "100%25 %250A%0D%0A\\x1b"
    assert github_property("a::b,c%") == "a%3A%3Ab%2Cc%25"


def test_markdown_text_is_one_line_without_markup() -> None:
    assert markdown_text("a | b\n# c\x1b") == "a \\| b \\# c\\\\x1b"  # shows as `c\x1b`


def test_messages_on_stderr_show_control_characters(run_cli, tmp_path) -> None:
    (tmp_path / "a.md").write_text("# A\n\nText of the page, long enough to be a page of its own.\n", "utf-8")
    stale = {"fingerprint": "0" * 32 + ":1", "code": "F001", "path": "gone\x1b]0;owned\x07.md", "subject": "x\x1b[2J",
             "count": 1}
    (tmp_path / "base.json").write_text(
        json.dumps({"tool": "contentlint", "baseline-version": 1, "findings": [stale]}), "utf-8"
    )
    result = run_cli("check", "a.md", "--baseline", "base.json", "--today", TODAY.isoformat(), cwd=tmp_path)
    assert "no longer occur" in result.err
    assert "gone\\x1b]0;owned\\x07.md F001 (x\\x1b[2J)" in result.err
    assert not CONTROL.search(result.err.replace("\n", ""))
