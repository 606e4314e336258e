"""Q004: the same paragraph, or the same line twice in a row, repeated."""

from __future__ import annotations

import bisect
import itertools
import operator
import re
from typing import Iterator

from contentlint.analysis.line_shapes import LIST_ITEM
from contentlint.analysis.phrases import (
    quoted,
)
from contentlint.analysis.visible_text import (
    line_starts,
    visible_body,
)
from contentlint.document import Document
from contentlint.model.findings import Violation
from contentlint.model.settings import Config, Option
from contentlint.plugin import rule

REPEAT_MIN_CHARACTERS = Option(
    "quality", "repeat-min-characters", {"type": "integer", "minimum": 1}, 40, "shortest paragraph compared (characters)"
)
_BLANK_LINES_KEPT = re.compile(r"(\n[^\S\n]*\n)")
_NOT_PROSE = re.compile(r"^\s*(?:#|\||[-=*_]{3,}\s*$)")


@rule("Q004", "repeated-text", "warning", options=[REPEAT_MIN_CHARACTERS])
def repeated_text(document: Document, config: Config) -> Iterator[Violation]:
    """The same paragraph, or the same line twice in a row, appears again.

    Why it matters: repeats are a sign of a bad copy (a widget rendered twice, a page
    stitched from two fetches) and make a retrieval corpus weigh one passage double.

    Reported: the second and later copies of a paragraph of at least 40 characters
    (whitespace ignored), with the line of the first copy; and a line repeated on the
    next line. Not reported: short lines ("Yes", "Contact"), headings, table rows and
    separators, and list items that recur in different lists (the same side effect
    under two headings is normal).

    Options (`[tool.contentlint.quality]`): `repeat-min-characters` (default 40).
    """
    text = visible_body(document)
    minimum = config.option(REPEAT_MIN_CHARACTERS)
    yield from _repeated_lines(document, text.split("\n"), minimum)
    parts = _BLANK_LINES_KEPT.split(text)  # block, separator, block, ...
    if _may_repeat(parts[::2], minimum):
        yield from _repeated_paragraphs(document, text, parts, minimum)


def _repeated_lines(document: Document, lines: list[str], minimum: int) -> Iterator[Violation]:
    """A line equal to the line before it (two adjacent lines: no blank line between them)."""
    for index in itertools.compress(itertools.count(1), map(operator.eq, lines, itertools.islice(lines, 1, None))):
        line = lines[index]
        if len(line) >= minimum and line.strip() and not _NOT_PROSE.match(line):
            yield Violation(
                document.body_first_line + index, 1,
                f"this line repeats the line above ({quoted(line, 50)}): delete the copy",
                subject=" ".join(line.split())[:80],
            )


# What str.split() takes for whitespace in ASCII; other whitespace is made a space first.
_ASCII_WHITESPACE = b" \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f"
_OTHER_WHITESPACE = re.compile(r"[^\S\x00-\x7f]")


def _may_repeat(blocks: list[str], minimum: int) -> bool:
    """False when no two long blocks can be equal once whitespace is ignored: most pages, told apart
    without splitting every paragraph into words (C-level passes over the page only)."""
    long = list(itertools.compress(blocks, map(minimum.__le__, map(len, blocks))))
    if len(long) < 2:
        return False
    joined = "\x00".join(long)
    if not joined.isascii():
        joined = _OTHER_WHITESPACE.sub(" ", joined)
    squeezed = joined.encode().translate(None, _ASCII_WHITESPACE).split(b"\x00")
    return len(squeezed) != len(long) or len(set(squeezed)) < len(squeezed)  # (a NUL in the text: compare)


def _repeated_paragraphs(document: Document, text: str, parts: list[str], minimum: int) -> Iterator[Violation]:
    first_seen: dict[str, int] = {}  # paragraph -> offset of its first copy

    def line_of(offset: int) -> int:  # only for a repeat: counting lines for every paragraph costs more
        return document.body_first_line + bisect.bisect_right(line_starts(text), offset) - 1

    offset = 0
    for index, raw in enumerate(parts):
        start, offset = offset, offset + len(raw)
        if index % 2 or len(raw) < minimum:
            continue
        block = raw.strip()
        if len(block) < minimum:
            continue
        key = " ".join(block.split())
        start += len(raw) - len(raw.lstrip())
        previous = first_seen.get(key)
        if previous is None:
            first_seen[key] = start
            continue
        # Lists and tables recur legitimately; tested only for a repeat (the test reads the same on every copy).
        if LIST_ITEM.match(key) or _NOT_PROSE.match(key):
            continue
        yield Violation(
            line_of(start), 1,
            f"this paragraph repeats the one on line {line_of(previous)} word for word ({quoted(key, 50)}): delete the copy",
            subject=key[:80],
        )
