"""Property-based tests: no input raises out of reading, front matter, link extraction or the rules."""

from __future__ import annotations

import datetime as dt
import re
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from conftest import CLEAN_FRONT_MATTER, TODAY, make_config
from contentlint.model.settings import Config
from contentlint.analysis.links import document_links
from contentlint.document.reading import decode, normalise_newlines, parse_document
from contentlint.document.frontmatter_yaml import FrontMatterError, load_front_matter
from contentlint.engine.linter import Linter
from contentlint.net.anchors import judge_fragments
from contentlint.analysis.review_dates import _LABEL_RE, _date_parser, _common_english_date, _label_matches

# Bounded so the whole module runs in a few seconds; a deadline catches anything slow.
FUZZ = settings(max_examples=150, deadline=dt.timedelta(milliseconds=1500),
                suppress_health_check=[HealthCheck.too_slow])

LINTER = Linter(make_config())

YAML_PIECES = st.sampled_from([
    "title", "url", "lastReviewed", "status", ": ", ":", "- ", "-", "? ", "[", "]", "{", "}", ",", "&a ", "*a",
    "!!str ", "!!binary ", "!!python/name:os.system ", "'", '"', "\\u00e9", "|\n", ">\n", "#", "%YAML 1.1\n",
    "---\n", "...\n", "\n", "  ", "\t", "2024-02-30", "no", "~", "1e400", "0x1F", "<<: *a\n", "\x00", "\x07",
    "\u2028", "\ufeff", "é", "🙂", "\ud800",
])
MARKDOWN_PIECES = st.sampled_from([
    "# ", "## ", "- ", "* ", "> ", "1. ", "[", "]", "(", ")", "<", ">", "![", "https://", "http://", "www.",
    "example.org", "/path", "#frag", "javascript:", "mailto:", "`", "```\n", "<!-- contentlint-disable Q -->",
    "<!-- contentlint-disable-next-line F001 -->", "Reviewed:", "Next review:", "Last updated", "Page last reviewed:",
    "12 March 2024", "May 2020", "2024-13-45", "31 February 2024", "\n", "\n\n", " ", "\t", "|", "---", "***",
    "\\", "&amp;", "&#x0;", "é", "İ", "ſ", "\u00a0", "\r\n", "\r",
])


def joined(pieces: st.SearchStrategy[str], max_size: int = 60) -> st.SearchStrategy[str]:
    return st.lists(pieces | st.text(max_size=8), max_size=max_size).map("".join)


def assert_lints_cleanly(data: bytes | str) -> None:
    raw = data if isinstance(data, bytes) else data.encode("utf-8", "surrogatepass")
    document = parse_document(raw, "fuzz.md")
    findings = LINTER.lint_document(document)
    internal = [f.message for f in findings if f.code == "E999"]
    assert not internal, internal
    text = document.text if document.read_error is None else normalise_newlines(raw.decode("utf-8", "surrogateescape"))
    lines = text.count("\n") + 1
    for finding in findings:
        assert finding.line <= lines, finding  # a line of the file (the linter makes lines at least 1)
        assert finding.message
    assert isinstance(document_links(document, Config()), list)


@FUZZ
@given(st.binary(max_size=3000))
def test_any_bytes(data: bytes) -> None:
    assert_lints_cleanly(data)


@FUZZ
@given(st.binary(max_size=400))
def test_any_bytes_after_front_matter(data: bytes) -> None:
    assert_lints_cleanly(CLEAN_FRONT_MATTER.encode() + data)


@FUZZ
@given(joined(YAML_PIECES), joined(MARKDOWN_PIECES, 20))
def test_any_front_matter(yaml_text: str, body: str) -> None:
    assert_lints_cleanly("---\n" + yaml_text + "\n---\n" + body)


@FUZZ
@given(st.lists(st.sampled_from(CLEAN_FRONT_MATTER.splitlines(keepends=True)[1:-1]), max_size=12), YAML_PIECES,
       st.integers(0, 200))
def test_damaged_real_front_matter(lines: list[str], damage: str, where: int) -> None:
    text = "".join(lines)
    where = min(where, len(text))
    assert_lints_cleanly("---\n" + text[:where] + damage + text[where:] + "---\nBody.\n")


@FUZZ
@given(joined(YAML_PIECES, 80))
def test_front_matter_loader_raises_only_its_own_error(text: str) -> None:
    try:
        load_front_matter(text)
    except FrontMatterError as error:
        assert error.code in ("M002", "M003") and error.message
        assert error.line >= 0


@FUZZ
@given(joined(MARKDOWN_PIECES, 80))
def test_any_markdown_body(body: str) -> None:
    assert_lints_cleanly(CLEAN_FRONT_MATTER + body)
    assert_lints_cleanly(body)


@FUZZ
@given(st.binary(max_size=200))
def test_decode_returns_text_or_a_reason(data: bytes) -> None:
    text, error = decode(data)
    assert (text is None) != (error is None)
    if text is not None:
        assert "\r" not in text and not text.startswith("\ufeff")


LABEL_PIECES = st.sampled_from([
    "Next", "next", "review", "Review", "reviewed", "REVIEWED", "due", "date", "Page", "page", "content", "last",
    "Last", "medically", "revised", "Revised", "updated", "Updated", "on", "by", "Date", ":", "-", "–", " ", "  ",
    "\t", "\n", "> ", "* ", "**", "_", "# ", "| ", "•", "12 March 2024", "x", ".", "İ", "ı", "ſ", "reviſed",
])


@settings(max_examples=300, deadline=None)
@given(st.lists(LABEL_PIECES, max_size=40).map("".join))
def test_label_search_finds_what_a_full_scan_finds(body: str) -> None:
    # A label may span lines through blank ones; the fast search looks a few lines back, which is
    # exact unless a label is split by several blank lines.
    assume(not re.search(r"\n\s*\n\s*\n", body))
    spans = [m.span() for m in _label_matches(body)]
    assert spans == [m.span() for m in _LABEL_RE.finditer(body)]


MONTH_NAMES = ["January", "Feb", "march", "APR", "May", "June", "Jul", "Aug.", "September", "Sept", "Oct", "Dec"]


@settings(max_examples=200, deadline=None)
@given(st.dates(dt.date(1990, 1, 1), dt.date(2039, 12, 31)), st.sampled_from(MONTH_NAMES),
       st.integers(1, 31), st.sampled_from(["{d} {m} {y}", "{m} {d}, {y}", "{m} {d} {y}", "{d}th {m} {y}",
                                            "{m} {y}", "{m}, {y}", "{d} {m}, {y}"]))
def test_common_dates_read_as_dateparser_reads_them(date: dt.date, month: str, day: int, form: str) -> None:
    written = form.format(d=day, m=month, y=date.year)
    fast = _common_english_date(written)
    data = _date_parser("MDY").get_date_data(written)
    slow = data.date_obj.date() if data is not None and data.date_obj is not None else None
    if fast is not None:
        assert fast == slow


DATE_FORMS = ["{d} {M} {y}", "{M} {d}, {y}", "{y}/{m}/{d}", "{y}-{m}-{d}", "{y}.{m:02d}.{d:02d}", "{D}/{m}/{y}", "{M} {y}"]
QUOTES = ["", "'", '"']


@FUZZ
@given(st.dates(dt.date(1995, 1, 1), dt.date(2026, 11, 1)), st.sampled_from(DATE_FORMS), st.sampled_from(QUOTES),
       st.sampled_from(["", "  # reviewed by the board", "\t# x"]), st.booleans())
def test_m102_date_fix_keeps_the_review_date_the_checks_read(
    date: dt.date, form: str, quote: str, comment: str, crlf: bool
) -> None:
    """--fix writes a review date given in another form as YYYY-MM-DD: the front matter still loads,
    M102 is gone, and F001 reads the same day as before (or the first of the month, for "May 2024")."""
    month_name = date.strftime("%B")
    day = date.day if date.day > 12 or "{D}" not in form else date.day + 12 if date.day + 12 <= 28 else 13
    written = form.format(d=day, D=day, m=date.month, M=month_name, y=date.year)
    text = CLEAN_FRONT_MATTER.replace("lastReviewed: '2026-10-01'", f"lastReviewed: {quote}{written}{quote}{comment}")
    assume(text != CLEAN_FRONT_MATTER)
    text += "\n# Title\n\nA body of enough words to count as the content of the page here.\n"
    data = text.replace("\n", "\r\n").encode() if crlf else text.encode()
    config = Config(today=TODAY, select=["M102", "F001"])
    before = [f for f in Linter(config).lint_document(parse_document(data, "doc.md")) if f.code == "F001"]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "doc.md"
        path.write_bytes(data)
        config.sections["fix"] = {"mode": "fix", "unsafe-fixes": True}
        after = Linter(config).lint_file(path, "doc.md").findings
        fixed = path.read_bytes()
    assert [f.code for f in after if f.code == "M102"] == []
    assert [f.message.split(" (lastReviewed")[0] for f in after if f.code == "F001"] == [
        f.message.split(" (lastReviewed")[0] for f in before]
    assert (b"\r\n" in fixed) == crlf and fixed.count(b"\n") == data.count(b"\n")
    assert (comment.encode() in fixed) and (f"{quote}20".encode() in fixed or f"{quote}19".encode() in fixed)


HTML_PIECES = st.sampled_from([
    "<", ">", "<!", "<![", "<![CDATA[", "]]>", "<!--", "-->", "<?", "?>", "<a ", " name=", " id=", '"', "'", "&",
    "&#", "&#x", ";", "<script>", "</script>", "<style>", "</", "p", " ", "\n", "<!DOCTYPE", "<![if !supportLists]>",
    "<![endif]>", "=", "/>", "\x00", "\ufffd", "é", "<svg><a id=x>", "<textarea>", "<plaintext>", "\ud800",
    " id=X", " id=_A", "<a name=", "İ",
])


@FUZZ
@given(joined(HTML_PIECES, 60), st.sampled_from(["utf-8", "latin1", "idna", "rot13", "utf-16", "bogus", ""]),
       st.booleans())
def test_reading_a_page_for_its_sections_never_raises(html: str, charset: str, complete: bool) -> None:
    found, note, respelt = judge_fragments(html.encode("utf-8", "surrogatepass"), f"text/html; charset={charset}",
                                           complete, ["x", "a", "%zz", "é"])
    assert note or set(found) == {"x", "a", "%zz", "é"}
    assert all(found[fragment] is False and spelt != fragment for fragment, spelt in respelt.items())
