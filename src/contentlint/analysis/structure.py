"""One structural parse of a document body: headings, blocks, code and links, with exact positions.

The body is parsed once by pulldown-cmark (through ``pyromark``: CommonMark plus tables, a pull
parser that gives each event its source range). Chosen by measurement on the real corpus
``../shared/corpora/nci-kb`` (750 pages, 24 MB of Markdown), parse time only, in one run:
python-frontmatter's ``load`` 0.19 s (the floor), pyromark 0.25 s (1.3x), markdown-it-pyrs 0.59 s
(3.1x), markdown-it-py 6.1 s (32x). The whole view costs about 0.85-0.9 s there (4-7x the floor on
a shared machine): handling the ~730,000 events in Python, not the parse, is now the cost.
``bench/bench_structure.py`` measures it.

The parser gives UTF-8 byte offsets. Converting one to a character offset, or a character offset
to a line, is cheap C work; a Python call per offset was what cost (about a fifth of the view). So
an offset is converted inline while it falls in a window where the answer is known (the bytes up
to the next non-ASCII character; the current line), and only outside it by a call that converts
and moves the window there: on the corpus above, about 95% of byte offsets and 60% of line
lookups stay inline.

Offsets are 0-based character offsets into ``body`` (``end`` exclusive; a block's range leaves out
its final newline). Lines are 1-based file lines (``first_line`` is the file line of the body's
first line) and columns are 1-based character columns. ``document_structure`` is the view that
rules share, computed once per document.
"""

from __future__ import annotations

import bisect
import html
import re
from dataclasses import dataclass
from functools import cached_property
from operator import attrgetter, itemgetter
from typing import Callable, NamedTuple

import pyromark

from contentlint.analysis.memo import per_document
from contentlint.document import Document

# Link kinds.
INLINE = "inline"  # [text](target)
IMAGE = "image"  # ![alt](target) (also ![alt][label]: the kind is image, the target the definition's)
REFERENCE = "reference"  # [text][label], [label][], [label]: the target is the definition's
AUTOLINK = "autolink"  # <https://...>, <name@example.org> (dest "mailto:...")
HTML = "html"  # href="..." / src="..." in raw HTML (blocks and inline)
BARE = "bare"  # https://... or www.... in running text (not a link in CommonMark)

FENCED = "fenced"
INDENTED = "indented"


class Heading(NamedTuple):
    """An ATX or setext heading. ``text``: inline text, code spans' text kept, markup removed."""

    level: int
    text: str
    empty: bool  # no text at all (``##`` alone, or only markup)
    code_only: bool  # the only text is in code span(s)
    start: int
    end: int
    line: int

    @property
    def has_text(self) -> bool:
        """Whether the heading holds prose: neither empty nor only code."""
        return not (self.empty or self.code_only)


class Paragraph(NamedTuple):
    """A paragraph; the inline content of a tight list item and of a table cell count as one."""

    start: int
    end: int
    line: int
    in_list: bool
    in_quote: bool
    in_table: bool


class ListItem(NamedTuple):
    """A list item; ``depth`` is 0 for an item of a top-level list, 1 inside another item, ..."""

    start: int
    end: int
    line: int
    depth: int
    ordered: bool


class BlockQuote(NamedTuple):
    start: int
    end: int
    line: int
    depth: int  # 0 for an outermost quote


class Span(NamedTuple):
    """A range with the file line where it starts (table rows, HTML comments)."""

    start: int
    end: int
    line: int


class Table(NamedTuple):
    start: int
    end: int
    line: int
    rows: tuple[Span, ...]  # the header row first


class CodeBlock(NamedTuple):
    kind: str  # "fenced" or "indented"
    info: str  # a fence's info string ("" when none or indented)
    text: str  # the content, without fences or indentation
    start: int  # the whole block, fences included
    end: int
    line: int
    in_list: bool
    in_quote: bool


class HtmlBlock(NamedTuple):
    start: int
    end: int
    line: int
    comment: bool  # the block is an HTML comment (it starts with ``<!--``)


class Link(NamedTuple):
    """A link, image or URL. ``offset``/``line``/``column``: the target as written in the source
    (for a reference link, the definition's target); ``start``/``end``: the whole construct."""

    kind: str
    target: str  # exactly as written: body[offset:offset + len(target)]
    dest: str  # as CommonMark reads it: escapes and entities resolved; "mailto:" for e-mail autolinks
    offset: int
    line: int
    column: int
    text: str  # link text or image alt text ("" for autolinks, bare URLs and raw HTML)
    start: int
    end: int
    label: str = ""  # a reference link's label as written at the use


class Definition(NamedTuple):
    """A link reference definition ``[label]: target``; positions are the target's."""

    label: str
    target: str
    dest: str
    offset: int
    line: int
    column: int
    start: int
    end: int


_NEWLINE = re.compile("\n")


@dataclass(frozen=True)
class Structure:
    """The structural view of one body. Every tuple is in source order."""

    body: str
    first_line: int
    headings: tuple[Heading, ...] = ()
    paragraphs: tuple[Paragraph, ...] = ()
    list_items: tuple[ListItem, ...] = ()
    block_quotes: tuple[BlockQuote, ...] = ()
    tables: tuple[Table, ...] = ()
    code_blocks: tuple[CodeBlock, ...] = ()
    html_blocks: tuple[HtmlBlock, ...] = ()
    html_comments: tuple[Span, ...] = ()
    links: tuple[Link, ...] = ()
    definitions: tuple[Definition, ...] = ()
    code_ranges: tuple[tuple[int, int], ...] = ()  # code, HTML comments, scripts, styles: sorted, merged
    plain: bool = False  # made by plain_structure (no Markdown)

    def line_of(self, offset: int) -> int:
        """The file line of a character offset into ``body``."""
        return self.first_line + bisect.bisect_left(self._newlines, offset)

    @cached_property
    def _newlines(self) -> list[int]:
        """The offsets of the body's newlines: line_of costs the same for the last line as the first."""
        return [match.start() for match in _NEWLINE.finditer(self.body)]

    def paragraph_index(self, offset: int) -> int:
        """The index in ``paragraphs`` of the last paragraph that starts at or before ``offset``;
        -1 when none does."""
        return bisect.bisect_right(self._paragraph_starts, offset) - 1

    @cached_property
    def _paragraph_starts(self) -> list[int]:
        return [paragraph.start for paragraph in self.paragraphs]

    @cached_property
    def addresses(self) -> list[tuple[int, int]]:
        """Where each address is written (of a link, an image, a bare URL, a reference definition),
        sorted: part of the page, but no words of its text."""
        return sorted(
            [(link.offset, link.offset + len(link.target)) for link in self.links if not link.label]
            + [(definition.offset, definition.offset + len(definition.target)) for definition in self.definitions]
        )

    def in_code(self, offset: int) -> bool:
        """Whether ``offset`` falls in a code block, a code span or an HTML comment."""
        ranges = self.code_ranges
        index = bisect.bisect_right(ranges, (offset, len(self.body) + 1)) - 1
        return index >= 0 and ranges[index][0] <= offset < ranges[index][1]

    def column_of(self, offset: int) -> int:
        """The 1-based column of a character offset into ``body``."""
        return offset - self.body.rfind("\n", 0, offset)

    def lines(self) -> list[Span]:
        """Every line of the body (without its newline), with its file line."""
        spans, position, number = [], 0, self.first_line
        for text in self.body.split("\n"):
            spans.append(Span(position, position + len(text), number))
            position += len(text) + 1
            number += 1
        return spans

    def visible_text(self) -> str:
        """The body with every code range blanked out (newlines kept, so offsets and lines hold)."""
        if not self.code_ranges:
            return self.body
        body, parts, last = self.body, [], 0
        for start, end in self.code_ranges:
            parts.append(body[last:start])
            lines = body.count("\n", start, end)
            if lines:
                parts.append("\n".join(" " * len(part) for part in body[start:end].split("\n")))
            else:
                parts.append(" " * (end - start))
            last = end
        parts.append(body[last:])
        return "".join(parts)


_OPTIONS = pyromark.Options.ENABLE_TABLES
_new = tuple.__new__  # builds a NamedTuple without its Python-level __new__

# GFM-like bare URLs; the character before must not be part of a word, path or address.
_BARE_URL = re.compile(r"(?<![\w/@.:+-])(?:(?:[Hh][Tt][Tt][Pp][Ss]?|[Ff][Tt][Pp])://|(?:www|WWW|Www)\.)[^\s<>]+")
BARE_TRAILING = ".,:;!?'\"*_~"  # what GFM drops from the end of a bare URL in text
_HTML_ATTR = re.compile(r"""\b(?:href|src)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""", re.IGNORECASE)
HTML_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)  # closed, or running to the end
# An HTML block that is a script or a style sheet (CommonMark's first kind of HTML block).
_SCRIPT_OR_STYLE = re.compile(r" {0,3}<(?:script|style)(?:[\s>]|$)", re.IGNORECASE)
_SCRIPT_OR_STYLE_END = re.compile(r"</(?:script|style)>", re.IGNORECASE)
# After a link's text: "](" then optional spaces and at most one line break, then the destination.
_INLINE_DEST = re.compile(
    r"\]\([ \t]*(?:\n[ \t>]*)?(?:<((?:\\.|[^<>\\\n])*)>|((?:\\.|[^\s()\\]|\((?:\\.|[^\s()\\])*\))*))"
)
_DEFINITION_DEST = re.compile(r"[ \t]*(?:\n[ \t>]*)?(?:<((?:\\.|[^<>\\\n])*)>|(\S+))")
_DEFINITION_LABEL = re.compile(r"[ \t>]*\[(?:\\.|[^\\\]])*\]:")
_ESCAPABLE = re.compile(r"\\([!-/:-@\[-`{-~])")


def _placer(body: str, first_line: int) -> Callable[[int], tuple[int, int]]:
    """Offset -> (file line, 1-based column), counting newlines from the last offset asked (callers go
    mostly forward), so that many places on one long line cost no more than on many lines."""
    state = [0, first_line, 0]  # the last offset asked, its line, where its line starts
    count, rfind = body.count, body.rfind

    def place(offset: int) -> tuple[int, int]:
        last, line, line_start = state
        if offset >= last:
            newlines = count("\n", last, offset)
            if newlines:
                line += newlines
                line_start = rfind("\n", last, offset) + 1
        else:
            line -= count("\n", offset, last)
            line_start = rfind("\n", 0, offset) + 1
        state[0], state[1], state[2] = offset, line, line_start
        return line, offset - line_start + 1

    return place


def _unescape(text: str) -> str:
    """CommonMark's reading of a destination: backslash escapes and entity references resolved."""
    if "\\" in text:
        text = _ESCAPABLE.sub(r"\1", text)
    if "&" in text:
        text = html.unescape(text)
    return text


def _normal_label(label: str) -> str:
    return " ".join(label.split()).casefold()


def _trim_bare(url: str) -> str:
    """GFM autolink rules: drop trailing punctuation and an unbalanced closing bracket."""
    while url:
        last = url[-1]
        if last in BARE_TRAILING:
            url = url[:-1]
        elif last == ")" and url.count(")") > url.count("("):
            url = url[:-1]
        elif last == "]" and url.count("]") > url.count("["):
            url = url[:-1]
        else:
            break
    return url


def shows_its_text(body: str, link: Link) -> bool:
    """Whether the reader sees ``link`` as its text: an inline or reference link, not a bare URL,
    raw HTML, an image or a linked image (`[![badge](…)](…)`)."""
    return link.kind in (INLINE, REFERENCE) and not body.startswith("[!", link.start)


def merge_ranges(ranges: list[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    """Sorted ranges with overlapping or touching ones joined (``ranges`` is sorted in place)."""
    if not ranges:
        return ()
    ranges.sort()
    merged = [ranges[0]]
    for start, end in ranges[1:]:
        last_start, last_end = merged[-1]
        if start <= last_end:
            if end > last_end:
                merged[-1] = (last_start, end)
        else:
            merged.append((start, end))
    return tuple(merged)


def parse_structure(body: str, first_line: int) -> Structure:
    """Parse a Markdown body (LF newlines) once into its structural view."""
    if not body:
        return Structure(body, first_line)
    source = body
    encoded: bytes | None = None
    if not body.isascii():
        try:
            encoded = body.encode("utf-8")
        except UnicodeEncodeError:  # lone surrogates: the parser gets U+FFFD (three bytes too)
            source = _SURROGATE.sub("\ufffd", body)
            encoded = source.encode("utf-8")
    count, find, rfind = body.count, body.find, body.rfind
    # The windows of inline conversion (see the module docstring): a byte offset in
    # [byte_low, byte_high) is the character offset plus ``shift``; a character offset in
    # [line_start, line_end) is on line ``line_no``. Outside, char() or line() moves the window.
    byte_low, byte_high, shift = 0, len(body) + 1, 0  # an ASCII body: one window, no shift
    line_start, line_end = 0, -1  # where the line of line_at starts, and past its newline
    byte_at = char_at = 0  # the last byte offset converted by char(), and its character offset
    line_at, line_no = 0, first_line  # the last character offset placed by line(), and its line

    if encoded is not None:
        # A byte that continues a UTF-8 sequence becomes 1, any other 0: the characters in a byte
        # range are its length less the count of 1s there (counted by C, with no slice copied).
        marks = encoded.translate(_CONTINUATION)
        continuations, next_mark = marks.count, marks.find
        byte_high = 0

    def char(offset: int) -> int:
        """UTF-8 byte offset -> character offset; calls come mostly in increasing order. The
        window becomes the bytes from ``offset`` to the next continuation byte."""
        nonlocal byte_at, char_at, byte_low, byte_high, shift
        if offset >= byte_at:
            char_at += offset - byte_at - continuations(1, byte_at, offset)
        else:
            char_at -= byte_at - offset - continuations(1, offset, byte_at)
        byte_at = byte_low = offset
        byte_high = next_mark(1, offset)
        if byte_high < 0:
            byte_high = len(marks) + 1
        shift = offset - char_at
        return char_at

    def line(offset: int) -> int:
        """Character offset -> file line; calls come mostly in increasing order. The window
        becomes the line of ``offset``, its newline included."""
        nonlocal line_at, line_no, line_start, line_end
        if offset >= line_at:
            line_no += count("\n", line_at, offset)
        else:
            line_no -= count("\n", offset, line_at)
        line_at = offset
        line_start = rfind("\n", 0, offset) + 1
        line_end = find("\n", offset) + 1
        if not line_end:
            line_end = len(body) + 1
        return line_no

    def place(offset: int) -> tuple[int, int]:
        """Character offset -> (file line, 1-based column), through the window."""
        number = line_no if line_start <= offset < line_end else line(offset)
        return number, offset - line_start + 1

    headings: list[Heading] = []
    paragraphs: list[Paragraph] = []
    items: list = []  # a ListItem, or None while it is open
    quotes: list[BlockQuote] = []
    tables: list[Table] = []
    code_blocks: list[CodeBlock] = []
    html_blocks: list[HtmlBlock] = []
    comments: list[tuple[int, int]] = []
    links: list[Link] = []
    code: list[tuple[int, int]] = []
    references: list[int] = []  # indexes in links of reference links and images

    scheme_possible = "://" in body
    www_possible = "www." in body
    other_www_possible = _OTHER_WWW.search(body) is not None  # faster than two "in" on a long body
    bare_possible = scheme_possible or www_possible or other_www_possible
    containers: list[str] = []  # open "Item", "BlockQuote" and "TableCell", innermost last
    opened: list[tuple] = []  # (start, line, ...) of each open block, innermost last
    lists: list[bool] = []  # whether each open list is ordered
    open_items = 0
    open_quotes = 0
    in_cell = False
    rows: list[Span] = []
    heading_parts: list[str] | None = None
    in_code = False
    code_text: list[str] = []
    link_stack: list[tuple] = []  # (tag, attributes, start, text parts)
    run_start = -1  # start of the inline content of a tight list item (no Paragraph event)
    item_run = False  # inline content here belongs to such a run

    for event, span in pyromark.events_with_range(source, options=_OPTIONS, merge_text=True):
        if type(event) is str:  # SoftBreak, HardBreak, Rule
            if event != "Rule":
                if heading_parts is not None:
                    heading_parts.append(" ")
                if link_stack:
                    link_stack[-1][3].append(" ")
            continue
        key, value = event.popitem()
        if key == "Text":
            if in_code:
                code_text.append(value)
                continue
            if item_run and run_start < 0:
                run_start = span["start"]
                run_start = run_start - shift if byte_low <= run_start < byte_high else char(run_start)
            if heading_parts is not None:
                heading_parts.append(value)
            if link_stack:
                link_stack[-1][3].append(value)
            elif bare_possible and (
                (scheme_possible and "://" in value)
                or (www_possible and "www." in value)
                or (other_www_possible and ("WWW." in value or "Www." in value))
            ):
                start, end = span["start"], span["end"]
                if encoded:
                    start, end = char(start), char(end)
                for match in _BARE_URL.finditer(body, start, end):
                    url = _trim_bare(match.group())
                    if url.endswith("://") or url[-4:].lower() == "www.":
                        continue
                    at = match.start()
                    number = line_no if line_start <= at < line_end else line(at)
                    column = at - line_start + 1
                    links.append(_new(Link, (BARE, url, url, at, number, column, "", at, at + len(url), "")))
        elif key == "Start":
            if type(value) is str:
                tag, attributes = value, None
            else:
                ((tag, attributes),) = value.items()
            if tag in _INLINE_TAGS:
                if tag == "Link" or tag == "Image":
                    start = span["start"]
                    start = start - shift if byte_low <= start < byte_high else char(start)
                    link_stack.append((tag, attributes, start, []))
                    if item_run and run_start < 0:
                        run_start = start
                elif item_run and run_start < 0:
                    run_start = span["start"]
                    run_start = run_start - shift if byte_low <= run_start < byte_high else char(run_start)
                continue
            start = span["start"]
            start = start - shift if byte_low <= start < byte_high else char(start)
            if run_start >= 0:
                number = line_no if line_start <= run_start < line_end else line(run_start)
                paragraphs.append(_run(body, run_start, start, number, open_quotes))
                run_start = -1
            item_run = False
            if tag == "List":
                lists.append(attributes is not None)
                continue
            if tag == "CodeBlock" and type(attributes) is str:  # indented: starts where its line does
                at = rfind("\n", 0, start) + 1
                if not body[at:start].strip(" \t>"):
                    start = at
            number = line_no if line_start <= start < line_end else line(start)
            if tag == "Paragraph":
                opened.append((start, number))
            elif tag == "Item":
                opened.append((start, number, len(items), open_items, lists[-1] if lists else False))
                items.append(None)
                open_items += 1
                containers.append(tag)
                item_run = True
            elif tag == "Heading":
                opened.append((start, number, int(attributes["level"][1:])))
                heading_parts = []
            elif tag == "TableCell" or tag == "TableRow" or tag == "TableHead":
                opened.append((start, number))
                if tag == "TableCell":
                    in_cell = True
                    containers.append(tag)
            elif tag == "Table":
                opened.append((start, number))
                rows = []
            elif tag == "CodeBlock":
                if type(attributes) is str:
                    opened.append((start, number, INDENTED, ""))
                else:
                    opened.append((start, number, FENCED, attributes["Fenced"]))
                in_code, code_text = True, []
            elif tag == "BlockQuote":
                opened.append((start, number, open_quotes))
                open_quotes += 1
                containers.append(tag)
            else:  # HtmlBlock, or a block this view does not keep (footnote definitions, ...)
                opened.append((start, number))
        elif key == "End":
            tag = value if type(value) is str else next(iter(value))
            if tag in _INLINE_TAGS:
                if tag == "Link" or tag == "Image":
                    entry = link_stack.pop()
                    text = "".join(entry[3])
                    if link_stack:  # an image inside a link's text: its alt text is part of that text
                        link_stack[-1][3].append(text)
                    end = span["end"]
                    end = end - shift if byte_low <= end < byte_high else char(end)
                    kind, target, dest, at, text, label = _link(body, entry, text, end)
                    number = line_no if line_start <= at < line_end else line(at)
                    column = at - line_start + 1
                    links.append(_new(Link, (kind, target, dest, at, number, column, text, entry[2], end, label)))
                    if label:  # placed at its definition later
                        references.append(len(links) - 1)
                continue
            end = span["end"]
            end = end - shift if byte_low <= end < byte_high else char(end)
            if run_start >= 0:
                number = line_no if line_start <= run_start < line_end else line(run_start)
                paragraphs.append(_run(body, run_start, end, number, open_quotes))
                run_start = -1
            if tag == "List":
                lists.pop()
                item_run = bool(containers) and containers[-1] == "Item"
                continue
            entry = opened.pop()
            start = entry[0]
            if end > start and body[end - 1] == "\n":
                end -= 1
            if tag == "Paragraph":
                paragraphs.append(_new(Paragraph, (start, end, entry[1], open_items > 0, open_quotes > 0, in_cell)))
            elif tag == "Item":
                containers.pop()
                open_items -= 1
                items[entry[2]] = _new(ListItem, (start, end, entry[1], entry[3], entry[4]))
            elif tag == "Heading":
                text = "".join(heading_parts).strip()
                code_only = bool(text) and any(type(part) is _CodeText for part in heading_parts) and not _non_code_text(heading_parts)
                headings.append(_new(Heading, (entry[2], text, not text, code_only, start, end, entry[1])))
                heading_parts = None
            elif tag == "TableCell":
                containers.pop()
                in_cell = False
                cell = body[start:end]
                stripped = cell.strip()
                if stripped:
                    at = start + len(cell) - len(cell.lstrip())
                    paragraphs.append(
                        _new(Paragraph, (at, at + len(stripped), entry[1], open_items > 0, open_quotes > 0, True))
                    )
            elif tag == "TableRow" or tag == "TableHead":
                rows.append(_new(Span, (start, end, entry[1])))
            elif tag == "Table":
                tables.append(_new(Table, (start, end, entry[1], tuple(rows))))
            elif tag == "CodeBlock":
                code_blocks.append(
                    _new(CodeBlock, (entry[2], entry[3], "".join(code_text), start, end, entry[1], open_items > 0, open_quotes > 0))
                )
                code.append((start, end))
                in_code = False
            elif tag == "BlockQuote":
                containers.pop()
                open_quotes -= 1
                quotes.append(_new(BlockQuote, (start, end, entry[1], entry[2])))
            elif tag == "HtmlBlock":
                raw = body[start:end]
                html_blocks.append(_new(HtmlBlock, (start, end, entry[1], raw.lstrip(" ").startswith("<!--"))))
                if _SCRIPT_OR_STYLE.match(raw):  # a script or a style sheet: nothing in it is shown
                    close = _SCRIPT_OR_STYLE_END.search(raw)  # any case, as CommonMark ends the block
                    line_end = raw.find("\n", close.end()) if close else -1
                    code.append((start, start + line_end if line_end >= 0 else end))
                if "<!--" in raw:
                    comments.extend((start + m.start(), start + m.end()) for m in HTML_COMMENT.finditer(raw))
                _html_links(raw, start, place, links)
            item_run = bool(containers) and containers[-1] == "Item"
        elif key == "Code":
            start, end = span["start"], span["end"]
            if encoded:
                start, end = char(start), char(end)
            if item_run and run_start < 0:
                run_start = start
            code.append((start, end))
            if heading_parts is not None:
                heading_parts.append(_CodeText(value))
            if link_stack:
                link_stack[-1][3].append(value)
        elif key == "InlineHtml":
            start, end = span["start"], span["end"]
            if encoded:
                start, end = char(start), char(end)
            if item_run and run_start < 0:
                run_start = start
            if value.startswith("<!--"):
                comments.append((start, end))
            elif "=" in value:
                _html_links(body[start:end], start, place, links)

    if run_start >= 0:
        paragraphs.append(_run(body, run_start, len(body), line(run_start), open_quotes))
    definitions = _definitions(body, source, encoded, line) if references or "]:" in body else {}
    for index in references:
        link = links[index]
        definition = definitions.get(_normal_label(link.label))
        if definition is not None:
            links[index] = link._replace(
                target=definition.target, offset=definition.offset, line=definition.line, column=definition.column
            )
    code.extend(comments)
    starts = list(map(_first, paragraphs))
    if starts != sorted(starts):
        paragraphs.sort()
    links.sort(key=_link_start)
    quotes.sort()
    return Structure(
        body,
        first_line,
        tuple(headings),
        tuple(paragraphs),
        tuple(items),
        tuple(quotes),
        tuple(tables),
        tuple(code_blocks),
        tuple(html_blocks),
        tuple(_new(Span, (start, end, line(start))) for start, end in sorted(comments)),
        tuple(links),
        tuple(definitions.values()),
        merge_ranges(code),
    )


_INLINE_TAGS = frozenset(("Link", "Image", "Emphasis", "Strong", "Strikethrough", "Superscript", "Subscript"))
_CONTINUATION = bytes(1 if 0x80 <= byte < 0xC0 else 0 for byte in range(256))
_AFTER_DEST = (")", " ", "\t", "\n")
_SURROGATE = re.compile("[\ud800-\udfff]")
_OTHER_WWW = re.compile(r"WWW\.|Www\.")
_first = itemgetter(0)
_link_start = attrgetter("start")


def _run(body: str, start: int, end: int, line: int, open_quotes: int) -> Paragraph:
    """The paragraph made by a tight list item's inline content, up to ``end`` less trailing space."""
    return _new(Paragraph, (start, start + len(body[start:end].rstrip()), line, True, open_quotes > 0, False))


class _CodeText(str):
    """A piece of heading text that came from a code span."""


def _non_code_text(parts: list[str]) -> bool:
    return any(part.strip() for part in parts if type(part) is not _CodeText)


def _link(body: str, entry: tuple, text: str, end: int) -> tuple[str, str, str, int, str, str]:
    """One link or image (its events' pair ends at ``end``): kind, target as written, dest, the
    target's offset, text and label (a reference link's label; "" for any other)."""
    tag, attributes, start, _ = entry
    link_type = attributes["link_type"]
    dest = attributes["dest_url"]
    kind = IMAGE if tag == "Image" else INLINE
    label = ""
    if link_type == "Inline":
        # The common case, checked: the last "](" then the destination (an image in the link's text
        # has its "](" earlier; searching from the end keeps nested images linear).
        at = body.rfind("](", start, end) + 2
        if not (dest and body.startswith(dest, at) and body[at + len(dest) : at + len(dest) + 1] in _AFTER_DEST):
            target, at = _inline_target(body, start, end, dest)
        else:
            target = dest
    elif link_type == "Autolink" or link_type == "Email":
        kind, at, target, text = AUTOLINK, start + 1, body[start + 1 : end - 1], ""
        if link_type == "Email":
            dest = "mailto:" + dest
    else:  # Reference, Collapsed, Shortcut
        if tag == "Link":
            kind = REFERENCE
        label = attributes["id"] or text
        target, at = dest, start
    return kind, target, dest, at, text, label


def _inline_target(body: str, start: int, end: int, dest: str) -> tuple[str, int]:
    """The destination of ``[text](dest ...)`` as written, and where: the first "](" after which
    it reads as ``dest`` (an image in the link's text has its own "](" first)."""
    find, startswith = body.find, body.startswith
    bracket = find("](", start, end)
    while bracket >= 0:
        at = bracket + 2
        if dest and startswith(dest, at) and body[at + len(dest) : at + len(dest) + 1] in (")", " ", "\t", "\n"):
            return dest, at
        match = _INLINE_DEST.match(body, bracket)
        if match is not None:
            group = 1 if match.group(1) is not None else 2
            written = match.group(group)
            if written == dest or _unescape(written) == dest:
                return written, match.start(group)
        bracket = find("](", bracket + 1, end)
    found = find(dest, start, end) if dest else -1  # not expected: place the destination by search
    return (dest, found) if found >= 0 else ("", start)


def _html_links(source: str, offset: int, place: Callable[[int], tuple[int, int]], links: list[Link]) -> None:
    """href/src attributes in raw HTML (``source`` is at ``offset`` in the body); comments skipped."""
    lowered = source.lower()
    if "href" not in lowered and "src" not in lowered:
        return
    hidden = [(m.start(), m.end()) for m in HTML_COMMENT.finditer(source)] if "<!--" in source else []
    for match in _HTML_ATTR.finditer(source):
        if hidden and any(s <= match.start() < e for s, e in hidden):
            continue
        group = next(g for g in (1, 2, 3) if match.group(g) is not None)
        target = match.group(group)
        at = offset + match.start(group)
        dest = html.unescape(target) if "&" in target else target
        links.append(_new(Link, (HTML, target, dest, at, *place(at), "", offset + match.start(), offset + match.end(), "")))


def _definitions(body: str, source: str, encoded: bytes | None, line: Callable[[int], int]) -> dict[str, Definition]:
    """Link reference definitions by normalised label (the first of each label wins)."""
    found: dict[str, Definition] = {}
    byte_at = char_at = 0
    for label, entry in pyromark.reference_definitions(source, options=_OPTIONS).items():
        start, end = entry["span"]["start"], entry["span"]["end"]
        if encoded is not None:  # definitions come in document order: convert from the last one on
            if start < byte_at:
                byte_at = char_at = 0
            start_char = char_at + len(encoded[byte_at:start].decode("utf-8", "replace"))
            end = start_char + len(encoded[start:end].decode("utf-8", "replace"))
            byte_at, char_at, start = start, start_char, start_char
        dest = entry["dest"]
        head = _DEFINITION_LABEL.match(body, start)
        match = _DEFINITION_DEST.match(body, head.end()) if head is not None else None
        if match is not None:
            group = 1 if match.group(1) is not None else 2
            target, at = match.group(group), match.start(group)
        else:  # not expected: place the destination by search
            found_at = body.find(dest, start, end)
            at = found_at if found_at >= 0 else start
            target = dest if found_at >= 0 else ""
        if end > start and body[end - 1] == "\n":
            end -= 1
        found.setdefault(
            _normal_label(label),
            _new(Definition, (label, target, dest, at, line(at), at - body.rfind("\n", 0, at), start, end)),
        )
    return found


_BLANK_LINES = re.compile(r"\n[ \t]*\n(?:[ \t]*\n)*")


def plain_structure(body: str, first_line: int) -> Structure:
    """A view of a plain-text body: blank-line-separated paragraphs and bare URLs; no code."""
    place = _placer(body, first_line)
    paragraphs = []
    position = 0
    for separator in (*_BLANK_LINES.finditer(body), None):
        end = separator.start() if separator is not None else len(body)
        chunk = body[position:end]
        if chunk.strip():
            lead = len(chunk) - len(chunk.lstrip())
            start = position + lead
            stop = position + len(chunk.rstrip())
            paragraphs.append(_new(Paragraph, (start, stop, place(start)[0], False, False, False)))
        if separator is not None:
            position = separator.end()
    links = []
    for match in _BARE_URL.finditer(body):
        url = _trim_bare(match.group())
        if url.endswith("://") or url[-4:].lower() == "www.":
            continue
        at = match.start()
        links.append(_new(Link, (BARE, url, url, at, *place(at), "", at, at + len(url), "")))
    return Structure(body, first_line, paragraphs=tuple(paragraphs), links=tuple(links), plain=True)


@per_document
def document_structure(document: Document) -> Structure:
    """The structure of the document's body, parsed once and shared by the rules. A plain-text file
    (``.txt``) with no Markdown heading, link or fence (a scraped page) gets the plain view: its
    indented lines are prose, not code. A ``.txt`` file written in Markdown is read as Markdown."""
    body = document.body
    if document.path.lower().endswith(_PLAIN_SUFFIXES) and _MARKDOWN_SIGN.search(body) is None:
        return plain_structure(body, document.body_first_line)
    return parse_structure(body, document.body_first_line)


_PLAIN_SUFFIXES = (".txt", ".text")
_MARKDOWN_SIGN = re.compile(r"^ {0,3}(?:#{1,6}(?:[ \t]|$)|```|~~~)|\]\(|\]\[|^ {0,3}\[[^\]\n]+\]:", re.MULTILINE)
