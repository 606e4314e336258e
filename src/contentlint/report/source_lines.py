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
        """Line ``number`` of the document, or None when there is nothing worth showing: no such
        line, a file that is not text, a blank line or a front-matter fence (a finding about the
        whole document, such as a missing field, points there)."""
        if path != self.path:
            self.path, self.lines = path, _lines(path, self.known)
        if not 1 <= number <= len(self.lines):
            return None
        line = self.lines[number - 1]
        return line if line.strip() not in _NOTHING_TO_SHOW else None


_NOTHING_TO_SHOW = ("", "---", "+++")


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
    """A finding's line as shown, in pieces: ``head`` + ``before`` + ``under`` + ``rest`` + ``tail``,
    where ``under`` is what the caret line marks and ``head``/``tail`` are "…" where the line was cut."""

    number: int
    head: str
    before: str
    under: str
    rest: str
    tail: str

    @property
    def gutter(self) -> str:
        return f"{self.number:>5} | "

    @property
    def blank(self) -> str:
        return " " * (len(self.gutter) - 2) + "| "

    @property
    def text(self) -> str:
        return self.head + self.before + self.under + self.rest + self.tail

    @property
    def pad(self) -> str:
        return " " * (len(self.head) + len(self.before))

    @property
    def carets(self) -> str:
        return "^" * max(len(self.under), 1)

    def lines(self) -> list[str]:
        return [self.gutter + self.text, self.blank + self.pad + self.carets]


def excerpt(finding: Finding, line: str) -> Excerpt:
    """The source line (or a window of it) a finding points at, cut where it is long."""
    column = max(finding.column, 1)
    start = 0
    if len(line) > WIDTH and column - 1 > LEAD:
        start = min(column - 1 - LEAD, len(line) - WIDTH)
    shown = line[start : start + WIDTH]
    at = min(column - 1, len(line)) - start
    marked = 1
    subject = finding.subject
    if subject and line[column - 1 : column - 1 + len(subject)].casefold() == subject.casefold():
        marked = max(1, min(len(subject), len(shown) - at))
    before, under, rest = (printable(part.replace("\t", " ")) for part in (shown[:at], shown[at : at + marked], shown[at + marked :]))
    return Excerpt(finding.line, ELLIPSIS if start > 0 else "", before, under, rest,
                   ELLIPSIS if start + WIDTH < len(line) else "")
