"""The audit report's list of findings that suppression comments hide, with each comment's reason."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from typing import Callable

from conftest import PROSE, front_matter, make_config
from contentlint.document.reading import parse_document
from contentlint.engine.linter import Linter

TODAY = ("--today", "2026-11-22")
OVERDUE = front_matter(lastReviewed="'2020-01-01'")
REASON = "clinical review booked for January <b>ticket 412</b>"
PAGES = {
    # an overdue review hidden for the whole file, with a reason (markup in it stays text)
    "docs/a.md": OVERDUE + f"<!-- contentlint-disable-file F001 -- {REASON} -->\n\n# Radiotherapy\n\n{PROSE}\n",
    # a placeholder hidden on its line, with no reason
    "docs/b.md": front_matter(title="Surgery") + f"\n# Surgery\n\n{PROSE}\n\nPlaceholder slot <!-- contentlint-disable-line Q001 -->\n",
    # a corpus-wide finding (Q009: the same url as a.md) hidden for the file, beside an overdue review
    "docs/c.md": OVERDUE.replace("Radiotherapy", "Radiotherapy copy") + "<!-- contentlint-disable-file Q009 F001 -- a mirror kept on purpose -->\n\n"
    f"# Radiotherapy\n\n{PROSE}\n",
}


class _Rows(HTMLParser):
    """The text of each cell of each row of the table inside <section id="hidden">."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[list[str]] = []
        self.inside = False
        self.in_body = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "section":
            self.inside = dict(attrs).get("id") == "hidden"
        elif self.inside and tag == "tbody":
            self.in_body = True
        elif self.in_body and tag == "tr":
            self.rows.append([])
        elif self.in_body and tag == "td":
            self.rows[-1].append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "tbody":
            self.in_body = False

    def handle_data(self, data: str) -> None:
        if self.in_body and self.rows and self.rows[-1]:
            self.rows[-1][-1] += data


def _hidden_rows(html: str) -> list[list[str]]:
    parser = _Rows()
    parser.feed(html)
    return [[" ".join(cell.split()) for cell in row] for row in parser.rows]


def test_html_lists_each_hidden_finding_with_its_comment_and_reason(run_cli: Callable, corpus: Callable) -> None:
    root = corpus(PAGES)
    result = run_cli("report", "docs", "-o", "audit.html", *TODAY, "--no-cache", cwd=root)
    assert result.code in (0, 1), result.err
    html = (root / "audit.html").read_text(encoding="utf-8")
    rows = _hidden_rows(html)
    places = [(row[1], re.match(r"docs/\w\.md:\d+", row[2]).group()) for row in rows]
    assert places == [("F001", "docs/a.md:6"), ("Q001", "docs/b.md:16"), ("Q009", "docs/c.md:3"), ("F001", "docs/c.md:6")]
    reasons = dict(zip((place for _, place in places), (row[4] for row in rows)))
    assert reasons["docs/a.md:6"] == f"the comment on line 11: “{REASON}”"
    assert reasons["docs/b.md:16"] == "the comment on line 16: no reason given"
    assert reasons["docs/c.md:3"] == reasons["docs/c.md:6"] == "the comment on line 11: “a mirror kept on purpose”"
    assert "<b>ticket 412</b>" not in html and "&lt;b&gt;ticket 412&lt;/b&gt;" in html  # a reason is text
    assert '<a href="#hidden">Hidden by comments (4)</a>' in html
    assert "4 findings that suppression comments in the documents hide from the lists of findings, 1 of them " \
           "with no reason given" in html


def test_markdown_lists_them_too(run_cli: Callable, corpus: Callable) -> None:
    root = corpus(PAGES)
    text = run_cli("report", "docs", "-o", "-", *TODAY, "--no-cache", cwd=root).out
    section = text.split("### Hidden by suppression comments", 1)[1].split("\n\n", 3)
    assert section[1].startswith("4 findings that suppression comments")
    table = section[2].splitlines()
    assert table[0] == "| Severity | Code | Document | Line | Message | Hidden by |"
    assert len(table) == 2 + 4 and all(line.count(" | ") == 5 for line in table[2:])
    assert any(line.endswith("the comment on line 16: no reason given |") for line in table)
    assert any("\\<b\\>" in line or "&lt;b&gt;" in line for line in table)  # the reason's markup is text


def test_the_check_command_keeps_no_hidden_findings(run_cli: Callable, corpus: Callable) -> None:
    root = corpus(PAGES)
    report = json.loads(run_cli("check", "docs", "--format", "json", *TODAY, "--no-cache", cwd=root).out)
    assert not {"F001", "Q001"} & {f["code"] for f in report["findings"]}
    assert set(report) == {"version", "findings", "summary"}
    page = parse_document(PAGES["docs/b.md"].encode("utf-8"), "b.md")
    assert Linter(make_config()).check_document(page).suppressed == []  # only a report keeps them
    [hidden] = Linter(make_config(), collect_facts=True).check_document(page).suppressed
    assert (hidden.finding.code, hidden.finding.line, hidden.comment_line, hidden.reason) == ("Q001", 16, 16, "")


def test_no_section_when_nothing_is_hidden(run_cli: Callable, corpus: Callable) -> None:
    root = corpus({"docs/a.md": front_matter() + f"\n# Radiotherapy\n\n{PROSE}\n"})
    run_cli("report", "docs", "-o", "audit.html", *TODAY, "--no-cache", cwd=root)
    html = (root / "audit.html").read_text(encoding="utf-8")
    assert 'id="hidden"' not in html and "Hidden by comments" not in html


def test_hidden_findings_come_back_from_worker_processes_and_the_cache(run_cli: Callable, corpus: Callable) -> None:
    pages = {f"docs/p{n:02}.md": front_matter(title=f"Page {n}") + f"\n# Page {n}\n\n{PROSE} {n}\n\n"
             "Placeholder slot <!-- contentlint-disable-line Q001 -- the widget is coming -->\n" for n in range(60)}
    root = corpus(pages)
    for extra in (("--no-cache",), (), ()):  # fresh, then filling the cache, then read from it
        run_cli("report", "docs", "-o", "audit.html", *TODAY, "-j", "2", *extra, cwd=root)
        rows = _hidden_rows((root / "audit.html").read_text(encoding="utf-8"))
        assert len(rows) == 60 and {row[4] for row in rows} == {"the comment on line 16: “the widget is coming”"}
