"""The line of a document a finding points at, with a caret under its column (``--show-source``).

Pages scraped from the web hold lines of hundreds of characters, so a long line is shown as a
window around the column, cut at both ends with ``…``. What a finding names (its subject, such as
a URL) is underlined whole when the line holds it at the column.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Mapping, NamedTuple

from contentlint.document.reading import decode, read_file_bytes
from contentlint.report.escape import printable

if TYPE_CHECKING:
    from contentlint.model.findings import Finding

# Characters of source shown at most, and how many of them come before the column when cut.
WIDTH = 100
LEAD = 40
ELLIPSIS = "…"


class SourceLines:
    """The lines of each document, read once when a finding first asks (the findings come sorted
    by path); ``known`` holds texts that are not on disk as they were checked (standard input)."""

    def __init__(self, known: Mapping[str, str] | None = None) -> None:
        self.known = known or {}
        self.path: str | None = None
        self.lines: list[str] = []

    def line(self, path: str, number: int) -> str | None:
        if path != self.path:
            self.path, self.lines = path, _lines(path, self.known)
        return self.lines[number - 1] if 1 <= number <= len(self.lines) else None


def _lines(path: str, known: Mapping[str, str]) -> list[str]:
    text = known.get(path)
    if text is None:
        data = read_file_bytes(path)
        if not isinstance(data, bytes):
            return []
        text, error = decode(data)
        if text is None or error is not None:
            return []
    return text.split("\n")


class Excerpt(NamedTuple):
    """A finding's line as shown: ``gutter`` + ``text``, then ``blank`` + ``pad`` + ``carets``."""

    gutter: str  # "   56 | "
    text: str
    blank: str  # "      | "
    pad: str
    carets: str

    def lines(self) -> list[str]:
        return [self.gutter + self.text, self.blank + self.pad + self.carets]


def excerpt(finding: Finding, line: str) -> Excerpt:
    """The source line (or a window of it) after the line number, and the caret line under it."""
    column = max(finding.column, 1)
    start = 0
    if len(line) > WIDTH and column - 1 > LEAD:
        start = min(column - 1 - LEAD, len(line) - WIDTH)
    shown = line[start : start + WIDTH]
    head = ELLIPSIS if start > 0 else ""
    tail = ELLIPSIS if start + WIDTH < len(line) else ""
    at = min(column - 1, len(line)) - start
    marked = 1
    if finding.subject and line.startswith(finding.subject, column - 1):
        marked = max(1, min(len(finding.subject), len(shown) - at))
    before, under, rest = (printable(part.replace("\t", " ")) for part in (shown[:at], shown[at : at + marked], shown[at + marked :]))
    gutter = f"{finding.line:>5} | "
    return Excerpt(gutter, head + before + under + rest + tail, " " * (len(gutter) - 2) + "| ",
                   " " * (len(head) + len(before)), "^" * max(len(under), 1))
