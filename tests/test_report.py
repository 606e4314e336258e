"""`contentlint report`: the HTML page, the Markdown report, the review calendar, the command."""

from __future__ import annotations

import base64
import io
import datetime as dt
import hashlib
import re
from html.parser import HTMLParser
from pathlib import Path

import icalendar
import pytest

from conftest import front_matter, PROSE
from contentlint.model.facts import DocumentFacts
from contentlint.model.findings import Finding, Severity
from contentlint.report.audit import Action
from contentlint.report.audit_report import markdown_escape, message_html, safe_href
from contentlint.report.calendar import working_day
from contentlint.report.findings_table import _shares
from report_corpus import HOSTILE_IMAGE_TITLE, HOSTILE_SCRIPT_TITLE, write_report_corpus

TODAY_ARG = ("--today", "2026-11-22")


@pytest.fixture
def report_dir(tmp_path: Path) -> Path:
    write_report_corpus(tmp_path / "docs")
    return tmp_path


def render(run_cli, root: Path, name: str, *extra: str) -> str:
    result = run_cli("report", "docs", "-o", name, *TODAY_ARG, *extra, cwd=root)
    assert result.code == 1, result.err  # the corpus has errors: same exit codes as `check`
    return (root / name).read_text(encoding="utf-8")


class _Elements(HTMLParser):
    """Every start tag with its attributes, and the text inside <script> and <style>."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.raw: dict[str, list[str]] = {"script": [], "style": []}
        self._inside: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._inside = tag if tag in self.raw else None

    def handle_endtag(self, tag: str) -> None:
        self._inside = None

    def handle_data(self, data: str) -> None:
        if self._inside:
            self.raw[self._inside].append(data)


def parse(html: str) -> _Elements:
    parser = _Elements()
    parser.feed(html)
    return parser


# -- HTML --------------------------------------------------------------------------------------


def test_html_shows_every_part(run_cli, report_dir: Path) -> None:
    html = render(run_cli, report_dir, "report.html")
    for marker in ('<section class="cards"', 'id="timeline-chart"', 'id="sources"', 'id="actions"',
                   'id="findings-table"', "@media print"):
        assert marker in html
    for family in ("Metadata", "Freshness", "Links", "Authority", "Quality"):
        assert f"<h2>{family}</h2>" in html
    assert html.count('<tr data-family=') == 15
    assert 'class="bar bar-overdue"' in html


def test_html_hostile_titles_are_text(run_cli, report_dir: Path) -> None:
    html = render(run_cli, report_dir, "report.html")
    elements = parse(html)
    assert [tag for tag, _ in elements.tags].count("script") == 1
    assert not any(tag == "img" for tag, _ in elements.tags)
    assert not any(name.startswith("on") for _, attrs in elements.tags for name in attrs)
    assert "window.__pwned" not in "".join(elements.raw["script"])
    assert "&lt;script&gt;window.__pwned" in html and "&lt;img src=x onerror=" in html
    # a javascript: URL in front matter never becomes a link
    assert not any((attrs.get("href") or "").lower().startswith("javascript") for _, attrs in elements.tags)


def test_html_is_self_contained(run_cli, report_dir: Path) -> None:
    html = render(run_cli, report_dir, "report.html")
    elements = parse(html)
    assert not [t for t, a in elements.tags if "src" in a or t in ("link", "iframe", "object", "embed")]
    assert "@import" not in html and "url(" not in "".join(elements.raw["style"])
    external = [a["href"] for t, a in elements.tags if t == "a" and not a["href"].startswith("#")]
    assert external and all(href.startswith("https://") for href in external)  # only the documents' live pages


def test_html_content_security_policy_allows_only_its_own_script_and_style(run_cli, report_dir: Path) -> None:
    html = render(run_cli, report_dir, "report.html")
    elements = parse(html)
    policy = next(a["content"] for t, a in elements.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy")

    def digest(text: str) -> str:
        return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"

    assert "default-src 'none'" in policy and "unsafe-inline" not in policy
    assert f"script-src {digest(''.join(elements.raw['script']))}" in policy
    assert f"style-src {digest(''.join(elements.raw['style']))}" in policy


def test_html_without_javascript_shows_everything(run_cli, report_dir: Path) -> None:
    html = render(run_cli, report_dir, "report.html")
    elements = parse(html)
    assert any(t == "form" and a.get("id") == "filters" and "hidden" in a for t, a in elements.tags)
    assert not any(t == "tr" and "hidden" in a for t, a in elements.tags)


def test_html_is_deterministic(run_cli, report_dir: Path) -> None:
    assert render(run_cli, report_dir, "a.html") == render(run_cli, report_dir, "b.html")


def test_html_filters_know_every_source_and_family(run_cli, report_dir: Path) -> None:
    html = render(run_cli, report_dir, "report.html")
    options = re.findall(r'<option value="([^"]*)">', html)
    assert {"metadata", "freshness", "error", "warning", "NCI", "NHS", "ACS", "(no source)"} <= set(options)


def test_html_empty_corpus(run_cli, tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    result = run_cli("report", "docs", "-o", "r.html", *TODAY_ARG, cwd=tmp_path)
    assert result.code == 2 and "no documents found in docs" in result.err
    assert not (tmp_path / "r.html").exists()


# -- Markdown ----------------------------------------------------------------------------------


def test_markdown_has_the_same_content_without_the_chart(run_cli, report_dir: Path) -> None:
    markdown = render(run_cli, report_dir, "report.md")
    assert "<svg" not in markdown and "<script" not in markdown
    for heading in ("### Summary", "### Upcoming reviews by month", "### By source", "### What to fix, worst first"):
        assert heading in markdown
    assert "| **Overdue** | 4 |" in markdown
    assert "| Dec 2026 | 3 |" in markdown
    assert "| NHS | 4 | 2 | 1 | not checked | 0 |" in markdown  # authority rules run offline
    assert "    - [ ] error F001, line 6: review overdue by 237 days" in markdown
    assert "<details><summary>All findings (15)</summary>" in markdown


def test_markdown_tables_are_well_formed(run_cli, report_dir: Path) -> None:
    markdown = render(run_cli, report_dir, "report.md")
    for table in re.findall(r"((?:^\|.*\|$\n?)+)", markdown, re.MULTILINE):
        rows = table.strip().split("\n")
        cells = {len(re.split(r"(?<!\\)\|", row)) for row in rows}
        assert len(cells) == 1, table


def test_markdown_hostile_titles_are_text(run_cli, report_dir: Path) -> None:
    markdown = render(run_cli, report_dir, "report.md")
    assert "<script" not in markdown and "<img" not in markdown
    assert "&lt;script&gt;window.\\_\\_pwned" in markdown


@pytest.mark.parametrize(
    ("value", "escaped"),
    [
        ("Plain title", "Plain title"),
        ("a | b", "a \\| b"),
        ("<b>bold</b>", "&lt;b&gt;bold&lt;/b&gt;"),
        ("[link](https://x.test)", "\\[link\\](https://x.test)"),
        ("*stars* and _under_ and `code`", "\\*stars\\* and \\_under\\_ and \\`code\\`"),
        ("ping @editors about #12", "ping &#64;editors about \\#12"),
        ("two\nlines", "two lines"),
        ("AT&T", "AT&amp;T"),
        (None, ""),
        (3, "3"),
    ],
)
def test_markdown_escape(value: object, escaped: str) -> None:
    assert markdown_escape(value) == escaped


@pytest.mark.parametrize(
    ("message", "html"),
    [
        ("field `sorce` is unknown", "field <code>sorce</code> is unknown"),
        ("title `<script>alert(1)</script>`", "title <code>&lt;script&gt;alert(1)&lt;/script&gt;</code>"),
        ("odd ` backtick <b>", "odd ` backtick &lt;b&gt;"),
        ('quote " and \' stay text', "quote &#34; and &#39; stay text"),
    ],
)
def test_message_html(message: str, html: str) -> None:
    assert str(message_html(message)) == html


@pytest.mark.parametrize(
    ("url", "href"),
    [
        ("https://www.nhs.uk/a", "https://www.nhs.uk/a"),
        ("http://www.nhs.uk/a", "http://www.nhs.uk/a"),
        ("javascript:alert(1)", ""),
        (" JavaScript:alert(1)", ""),
        ("data:text/html,<script>alert(1)</script>", ""),
        ("/relative/page", ""),
        ("https://", ""),
        ("http://[::1", ""),
    ],
)
def test_safe_href(url: str, href: str) -> None:
    assert safe_href(url) == href


def test_markdown_to_standard_output(run_cli, report_dir: Path) -> None:
    result = run_cli("report", "docs", "-o", "-", *TODAY_ARG, cwd=report_dir)
    assert result.code == 1 and result.out.startswith("## Content audit: 17 documents, 2026-11-22")


# -- Calendar ----------------------------------------------------------------------------------


def test_calendar_parses_with_one_all_day_event_per_dated_document(run_cli, report_dir: Path) -> None:
    result = run_cli("report", "docs", "--calendar", "reviews.ics", *TODAY_ARG, cwd=report_dir)
    assert result.code == 1 and "reviews.ics (13 review dates)" in result.err
    calendar = icalendar.Calendar.from_ical((report_dir / "reviews.ics").read_bytes())
    assert str(calendar["VERSION"]) == "2.0" and calendar["PRODID"]
    events = list(calendar.walk("VEVENT"))
    assert len(events) == 13
    assert not any("nutrition.md" in str(e["SUMMARY"]) for e in events)  # its last review is in the future
    uids = [str(e["UID"]) for e in events]
    assert len(set(uids)) == 13
    for event in events:
        start, end = event.decoded("DTSTART"), event.decoded("DTEND")
        assert type(start) is dt.date and end - start == dt.timedelta(days=1)
        assert event.decoded("DTSTAMP") == dt.datetime(2026, 11, 22, tzinfo=dt.timezone.utc)
        assert str(event["SUMMARY"]).startswith("Review")
    immunotherapy = next(e for e in events if "immunotherapy.md" in str(e["SUMMARY"]))
    assert str(immunotherapy["SUMMARY"]) == (
        "Review (overdue, due 2026-03-30): Immunotherapy explained (docs/nci/immunotherapy.md)"
    )
    # Overdue: on the next working day after Sunday 2026-11-22, where an upcoming view shows it.
    assert immunotherapy.decoded("DTSTART") == dt.date(2026, 11, 23)
    assert "Due 2026-03-30 (lastReviewed 2025-12-30 + quarterly cycle); overdue by 237 days on 2026-11-22." in str(
        immunotherapy["DESCRIPTION"]
    )
    assert not any("Due from" in str(e["DESCRIPTION"]) for e in events)
    assert {e.decoded("SEQUENCE") for e in events} == {(dt.date(2026, 11, 22) - dt.date(2000, 1, 1)).days}
    upcoming = [e for e in events if "overdue" not in str(e["SUMMARY"])]
    assert upcoming and all(e.decoded("DTSTART") > dt.date(2026, 11, 22) for e in upcoming)
    hostile = next(e for e in events if "leukaemia.md" in str(e["SUMMARY"]))
    assert HOSTILE_SCRIPT_TITLE in str(hostile["SUMMARY"])  # plain text in a calendar, as written


@pytest.mark.parametrize(
    ("today", "shown"),
    [("2026-11-20", "2026-11-20"), ("2026-11-21", "2026-11-23"), ("2026-11-22", "2026-11-23"), ("2026-11-23", "2026-11-23")],
)
def test_overdue_reviews_sit_on_the_next_working_day(today: str, shown: str) -> None:
    assert working_day(dt.date.fromisoformat(today)) == dt.date.fromisoformat(shown)


def test_calendar_uids_are_stable_across_runs_and_dates(run_cli, report_dir: Path) -> None:
    run_cli("report", "docs", "--calendar", "a.ics", *TODAY_ARG, cwd=report_dir)
    run_cli("report", "docs", "--calendar", "b.ics", "--today", "2027-01-05", cwd=report_dir)

    def uids(name: str) -> dict[str, str]:
        calendar = icalendar.Calendar.from_ical((report_dir / name).read_bytes())
        return {str(e["UID"]): str(e["SUMMARY"]).split(": ", 1)[1] for e in calendar.walk("VEVENT")}

    assert uids("a.ics") == uids("b.ics")

    def sequences(name: str) -> set[int]:
        return {e.decoded("SEQUENCE") for e in icalendar.Calendar.from_ical((report_dir / name).read_bytes()).walk("VEVENT")}

    assert max(sequences("a.ics")) < min(sequences("b.ics"))  # the later export supersedes the earlier
    run_cli("report", "docs", "--calendar", "c.ics", *TODAY_ARG, cwd=report_dir)
    assert (report_dir / "a.ics").read_bytes() == (report_dir / "c.ics").read_bytes()


# -- The command -------------------------------------------------------------------------------


def test_report_and_calendar_together(run_cli, report_dir: Path) -> None:
    result = run_cli("report", "docs", "-o", "report.html", "--calendar", "reviews.ics", *TODAY_ARG, cwd=report_dir)
    assert result.code == 1 and result.out == ""
    assert result.err == (
        "contentlint: wrote report.html and reviews.ics (13 review dates): 17 documents, 10 errors, 5 warnings\n"
    )
    assert (report_dir / "reviews.ics").is_file()


def test_report_needs_a_destination(run_cli, report_dir: Path) -> None:
    result = run_cli("report", "docs", *TODAY_ARG, cwd=report_dir)
    assert result.code == 2 and "-o report.html" in result.err


@pytest.mark.parametrize("name", ["report.pdf", "report"])
def test_report_unknown_extension(run_cli, report_dir: Path, name: str) -> None:
    result = run_cli("report", "docs", "-o", name, *TODAY_ARG, cwd=report_dir)
    assert result.code == 2 and "name it .html or .md" in result.err
    assert not (report_dir / name).exists()


def test_report_format_overrides_extension(run_cli, report_dir: Path) -> None:
    run_cli("report", "docs", "-o", "report.txt", "--format", "markdown", *TODAY_ARG, cwd=report_dir)
    assert (report_dir / "report.txt").read_text().startswith("## Content audit")


def test_report_cannot_write(run_cli, report_dir: Path) -> None:
    result = run_cli("report", "docs", "-o", "missing/dir/report.html", *TODAY_ARG, cwd=report_dir)
    assert result.code == 2 and result.err.strip().endswith("cannot write missing/dir/report.html: the folder missing/dir does not exist")
    assert "Traceback" not in result.err


def test_report_missing_path(run_cli, tmp_path: Path) -> None:
    result = run_cli("report", "nope", "-o", "r.html", cwd=tmp_path)
    assert result.code == 2 and "no such file or directory: nope" in result.err


def test_report_shares_check_options(run_cli, report_dir: Path) -> None:
    assert run_cli("report", "docs", "-o", "r.md", "--select", "M", *TODAY_ARG, cwd=report_dir).code == 1
    markdown = (report_dir / "r.md").read_text()
    assert "F001" not in markdown and "M102" in markdown
    assert "| Freshness (review dates) | not checked | not checked |" in markdown
    # the review facts do not depend on which rules run
    assert "| **Overdue** | 4 |" in markdown
    assert run_cli("report", "docs", "-o", "r.md", "--ignore", "M,F", *TODAY_ARG, cwd=report_dir).code == 0
    assert run_cli("report", "docs", "-o", "r.md", "--select", "X9", cwd=report_dir).code == 2


def test_clean_corpus_exits_0(run_cli, corpus) -> None:
    root = corpus({"docs/a.md": front_matter() + "\n# Radiotherapy\n\n" + PROSE + "\n"})
    result = run_cli("report", "docs", "-o", "r.html", *TODAY_ARG, cwd=root)
    assert result.code == 0 and "1 document, 0 errors, 0 warnings" in result.err
    assert run_cli("report", "docs", "-o", "r.html", "-q", *TODAY_ARG, cwd=root).err == ""


def test_check_format_html_collects_the_facts_too(run_cli, report_dir: Path) -> None:
    result = run_cli("check", "docs", "--format", "markdown", *TODAY_ARG, cwd=report_dir)
    assert result.code == 1 and "| **Overdue** | 4 |" in result.out


def test_hostile_titles_are_in_the_corpus() -> None:
    assert "<script>" in HOSTILE_SCRIPT_TITLE and "onerror=" in HOSTILE_IMAGE_TITLE


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_only_on_a_terminal_and_never_in_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    from contentlint import cli

    files = [(Path(f"{n}.md"), f"{n}.md") for n in range(3)]
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setenv("TERM", "xterm-256color")
    assert cli.Progress(io.StringIO()).files(files, len(files)) is files  # piped: no bar
    terminal = _Terminal()
    bar = cli.Progress(terminal).files(files, len(files))
    assert bar is not files and list(bar) == files
    assert terminal.getvalue() == ""  # a short run finishes before the bar would appear
    monkeypatch.setenv("CI", "true")
    assert cli.Progress(_Terminal()).files(files, len(files)) is files
    monkeypatch.delenv("CI")
    monkeypatch.setenv("TERM", "dumb")
    assert cli.Progress(_Terminal()).files(files, len(files)) is files


def test_markdown_findings_table_is_capped_for_pasting() -> None:
    from conftest import make_config
    from contentlint import report as reporters
    from contentlint.model.findings import Finding, Severity
    from contentlint.model.results import RunResult

    findings = [Finding(f"d{n:03}.md", 1, 1, "M001", Severity.ERROR, "no front matter", "no-front-matter") for n in range(130)]
    stream = io.StringIO()
    reporters.get("markdown")(RunResult(findings, 130), stream, reporters.ReportOptions(config=make_config()))
    markdown = stream.getvalue()
    assert "<summary>All findings (130)</summary>" in markdown
    assert markdown.count("| error | M001 |") == 100
    assert "The first 100 are shown" in markdown and "list all 130" in markdown
    assert "… and 110 more documents with fewer findings" in markdown  # 20 are listed


def test_report_passes_links_through_to_the_link_check(run_cli, tmp_path: Path) -> None:
    from loopback import LoopbackServer, status

    with LoopbackServer("127.0.0.2", lifetime=30) as site:
        site.routes.update({"/ok": status(200), "/gone": status(410)})
        (tmp_path / ".contentlint.toml").write_text("[links]\ntimeout = 0.5\nretries = 1\nbackoff = 0.02\n")
        (tmp_path / "a.md").write_text(
            front_matter(source="NHS") + f"\n# Radiotherapy\n\nSee [the overview]({site.url('/ok')}) "
            f"and [side effects]({site.url('/gone')}).\n", encoding="utf-8",
        )
        result = run_cli("report", ".", "-o", "r.md", "--links", "--allow-private-hosts", "--no-cache",
                         *TODAY_ARG, cwd=tmp_path)
    markdown = (tmp_path / "r.md").read_text()
    assert result.code == 1, result.err
    assert "L001" in markdown and "links were not checked online" not in markdown
    assert "| NHS | 1 | 0 | 0 | 1 |" in markdown  # one broken link for the source


# -- Scale -------------------------------------------------------------------------------------


def test_html_of_70000_findings_caps_its_table_and_keeps_every_count() -> None:
    from big_report import TODAY, big_result
    from contentlint.model.settings import Config
    from contentlint.report import ReportOptions, get

    buffer = io.StringIO()
    get("html")(big_result(), buffer, ReportOptions(config=Config(today=TODAY)))
    html = buffer.getvalue()
    assert len(html.encode()) < 5_000_000  # was 45 MB: an e-mail attachment, open in 0.4 s (bench/bench_report.py)
    assert html.count("<tr data-family=") == 1000
    assert "This table shows 1,000 of the 70,000 findings" in html
    counts = re.findall(r'<td class="n" data-label="Findings">([\d,]+)</td><td class="n" data-label="In the table">([\d,]+)</td>', html)
    assert sum(int(total.replace(",", "")) for total, _ in counts) == 70_000
    assert sum(int(shown.replace(",", "")) for _, shown in counts) == 1000
    assert "more findings for this document" in html  # a document's list in "What to fix" is cut too


def test_markdown_of_70000_findings_fits_in_an_issue() -> None:
    from big_report import TODAY, big_result
    from contentlint.model.settings import Config
    from contentlint.report import ReportOptions, get

    buffer = io.StringIO()
    get("markdown")(big_result(), buffer, ReportOptions(config=Config(today=TODAY)))
    markdown = buffer.getvalue()
    assert len(markdown) <= 65_536  # a GitHub issue body (it was 2.8 MB on nci-kb's 18,000 findings)
    items = re.findall(r"^\d+\. \*\*", markdown, re.MULTILINE)
    assert len(items) == 20 and "… and 1,980 more documents with fewer findings" in markdown
    assert markdown.count("    - [ ] ") == 20 * 5


def _finding(code: str, line: int, severity: str = "warning") -> Finding:
    return Finding("a.md", line, 1, code, Severity(severity), f"{code} at {line}", code.lower())


def _excerpt(codes: list[tuple[str, int]], limit: int) -> tuple[list[str], list[str]]:
    """What an action shows (code:line) and what it tallies, for findings given in their order."""
    action = Action(DocumentFacts("a.md", "a.md"), [_finding(code, line) for code, line in codes], 0, len(codes))
    excerpt = action.excerpt(limit)
    return (
        [f"{f.code}:{f.line}" for f in excerpt.shown],
        [f"{t.code} ×{t.count} ({t.lines})" for t in excerpt.left_out],
    )


INSECURE = [("L004", line) for line in range(10, 40)]


@pytest.mark.parametrize(
    ("codes", "limit", "shown", "left_out"),
    [
        # Thirty insecure links do not hide the overdue review and the vendor link: each code has its turn.
        ([("F001", 5), *INSECURE, ("S003", 90)], 4, ["F001:5", "L004:10", "L004:11", "S003:90"], ["L004 ×28 (lines 12–39)"]),
        ([("F001", 5), *INSECURE, ("S003", 90)], 2, ["F001:5", "L004:10"], ["L004 ×29 (lines 11–39)", "S003 ×1 (line 90)"]),
        ([("F001", 5), ("L004", 8)], 12, ["F001:5", "L004:8"], []),  # all of them
        ([("Q013", 3), ("Q013", 9), ("L004", 4)], 2, ["Q013:3", "L004:4"], ["Q013 ×1 (line 9)"]),
        ([("M101", 1)] * 3 + [("Q001", 7)], 2, ["M101:1", "Q001:7"], ["M101 ×2 (line 1)"]),
        ([], 12, [], []),
    ],
)
def test_a_documents_excerpt_gives_each_code_its_turn(
    codes: list[tuple[str, int]], limit: int, shown: list[str], left_out: list[str]
) -> None:
    assert _excerpt(codes, limit) == (shown, left_out)


def test_what_to_fix_tallies_what_it_leaves_out(run_cli, corpus) -> None:
    links = "\n".join(f"- [Study {n}](http://www.example.org/study/{n})" for n in range(20))
    root = corpus({"docs/a.md": front_matter(lastReviewed="2020-01-01") + "\n# Radiotherapy\n\n" + PROSE + "\n" + links + "\n"})
    for name in ("r.html", "r.md"):
        run_cli("report", "docs", "-o", name, *TODAY_ARG, cwd=root)
    html, markdown = (root / "r.html").read_text(), (root / "r.md").read_text()
    assert "F001" in html.split("more findings for this document")[0]
    assert '… and 9 more findings for this document: <span class="code">L004</span> ×9 (lines 26–34)' in html
    assert "    - … and 16 more findings for this document: L004 ×16 (lines 19–34)" in markdown


@pytest.mark.parametrize(
    ("sizes", "limit", "expected"),
    [
        ({"L001": 5000, "F001": 10, "Q002": 300}, 100, {"F001": 10, "Q002": 45, "L001": 45}),
        ({"L001": 5000, "L002": 5000}, 101, {"L001": 50, "L002": 51}),
        ({"A": 3, "B": 4}, 100, {"A": 3, "B": 4}),
    ],
)
def test_capped_table_gives_each_code_an_equal_share(sizes, limit, expected) -> None:
    assert _shares(sizes, limit) == expected


def test_small_run_shows_every_finding(run_cli, report_dir: Path) -> None:
    html = render(run_cli, report_dir, "r.html")
    assert 'id="findings-cap"' not in html and html.count("<tr data-family=") == 15


def _facts(dates: list[str | None]) -> list:
    from contentlint.model.facts import DocumentFacts

    return [
        DocumentFacts(f"d{i}.md", f"D{i}", last_reviewed=dt.date.fromisoformat(d) if d else None)
        for i, d in enumerate(dates)
    ]


@pytest.mark.parametrize(
    ("dates", "expected"),
    [
        (["2025-12-30"] * 20, ("2025-12-30", 20, 20)),
        (["2025-12-30"] * 20 + ["2026-01-05"] * 19 + [None] * 40, ("2025-12-30", 20, 39)),
        (["2025-12-30"] * 19, None),  # too few to be a stamp
        (["2025-12-30"] * 20 + ["2026-01-05"] * 20, None),  # not most of the dated documents
        ([f"2026-01-{day:02d}" for day in range(1, 29)], None),
        ([None] * 30, None),
    ],
    ids=["all-one-date", "most-of-the-dated", "too-few", "half", "all-different", "none-dated"],
)
def test_shared_review_date(dates: list[str | None], expected: tuple[str, int, int] | None) -> None:
    from contentlint.report.audit import shared_review_date

    found = shared_review_date(_facts(dates))
    assert (found and (found.date.isoformat(), found.documents, found.dated)) == expected


@pytest.mark.parametrize("name", ["audit.md", "audit.html"])
def test_report_warns_when_most_documents_share_one_review_date(run_cli, tmp_path: Path, name: str) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    for i in range(24):
        reviewed = "'2026-01-05'" if i < 21 else f"'2026-0{i - 19}-10'"
        (docs / f"page{i}.md").write_text(front_matter(lastReviewed=reviewed) + f"\n# Page {i}\n\n{PROSE}\n", encoding="utf-8")
    run_cli("report", "docs", "-o", name, *TODAY_ARG, cwd=tmp_path)
    text = " ".join((tmp_path / name).read_text(encoding="utf-8").split())
    assert "One review date for most of the corpus:" in text
    assert "21 of 24 dated documents" in text and ("2026-01-05" in text or "5 January 2026" in text)
    (docs / "page0.md").write_text(front_matter(lastReviewed="'2026-02-10'") + "\n# Page 0\n\n" + PROSE + "\n", encoding="utf-8")
    for i in range(1, 5):
        (docs / f"page{i}.md").unlink()
    run_cli("report", "docs", "-o", name, *TODAY_ARG, cwd=tmp_path)
    assert "One review date" not in (tmp_path / name).read_text(encoding="utf-8")  # 16 of 20: too few


# -- Linked sites ------------------------------------------------------------------------------


@pytest.fixture
def linking_dir(tmp_path: Path) -> Path:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.md").write_text(
        front_matter() + "\n# A\n\n" + PROSE + "\n\n[NCI](https://www.cancer.gov/a) [wiki](https://en.wikipedia.org/wiki/A) "
        "[buy](https://www.benchchem.com/product/b1) https://a|b.example.com/x and [odd](https://x<y.example.org/)\n",
        encoding="utf-8")
    (docs / "b.md").write_text(
        front_matter() + "\n# B\n\n" + PROSE + "\n\n[wiki](https://en.wikipedia.org/wiki/B)\n", encoding="utf-8")
    return tmp_path


def test_html_lists_the_linked_sites_off_the_authority_list(run_cli, linking_dir: Path) -> None:
    result = run_cli("report", "docs", "-o", "report.html", *TODAY_ARG, cwd=linking_dir)
    html = (linking_dir / "report.html").read_text(encoding="utf-8")
    assert result.code == 0 and '<a href="#sites">Linked sites</a>' in html  # S003 warns
    section = html[html.index('<section id="sites"'):html.index("</section>", html.index('<section id="sites"'))]
    rows = re.findall(r'<th scope="row">([^<]*)</th>\s*<td data-label="What it is">([^<]*)</td>\s*'
                      r'<td class="n" data-label="Links">(\d+)</td>\s*<td class="n" data-label="Documents">(\d+)</td>', section)
    assert rows[:2] == [("www.benchchem.com", "vendor", "1", "1"), ("en.wikipedia.org", "open platform", "2", "2")]
    assert "www.cancer.gov" not in section.split("</p>", 1)[1]  # on the list: counted, not listed
    assert "<y.example.org" not in section  # a host is text, escaped


def test_markdown_lists_the_linked_sites(run_cli, linking_dir: Path) -> None:
    run_cli("report", "docs", "-o", "report.md", *TODAY_ARG, cwd=linking_dir)
    markdown = (linking_dir / "report.md").read_text(encoding="utf-8")
    assert "### Linked sites" in markdown
    assert "| www.benchchem.com | vendor | 1 | 1 |" in markdown
    assert "| en.wikipedia.org | open platform | 2 | 2 |" in markdown
    for table in re.findall(r"((?:^\|.*\|$\n?)+)", markdown, re.MULTILINE):
        assert len({len(re.split(r"(?<!\\)\|", row)) for row in table.strip().split("\n")}) == 1, table


def test_no_linked_sites_section_without_links(run_cli, report_dir: Path) -> None:
    assert 'id="sites"' not in render(run_cli, report_dir, "report.html")
