"""The text a reader sees: the body with code blocks, code spans and HTML comments blanked out
(where they are comes from the one structural parse, ``analysis/structure.py``).

Blanked characters become spaces (newlines stay), so offsets, lines and columns still match
the file. Computed once per document and shared by the content rules.
"""

from __future__ import annotations

import bisect
import functools
import re
from typing import TYPE_CHECKING

from contentlint.analysis.memo import per_document
from contentlint.analysis.structure import document_structure
from contentlint.document import Document
from contentlint.model.fixes import line_starts as text_line_starts

if TYPE_CHECKING:
    from contentlint.analysis.phrase_index import TextScan


@per_document
def visible_body(document: Document) -> str:
    """The body without code and comments, same length and line structure as ``document.body``:
    the structural view's code blocks (fenced, indented, nested in lists or quotes), code spans
    and HTML comments become spaces."""
    return document_structure(document).visible_text()


@functools.lru_cache(maxsize=4)
def line_starts(text: str) -> list[int]:
    """Offsets where each line of ``text`` starts: counted once, so that many lookups stay linear."""
    return text_line_starts(text)


def line_and_column(document: Document, text: str, position: int) -> tuple[int, int]:
    """File line and column (1-based) of an offset in the body (or a same-shaped view of it)."""
    return place(text, position, document.body_first_line)


# Above this size, lines are found in the text's line starts (built once) rather than counted from
# its start on each call: a page with 100,000 findings would be quadratic.
_COUNT_BELOW = 16_384


def place(text: str, position: int, first_line: int) -> tuple[int, int]:
    """Line and column (1-based) of an offset in ``text``, whose first line is file line ``first_line``."""
    if len(text) < _COUNT_BELOW:
        return first_line + text.count("\n", 0, position), position - text.rfind("\n", 0, position)
    starts = line_starts(text)
    index = bisect.bisect_right(starts, position) - 1
    return first_line + index, position - starts[index] + 1


# Every byte but a-z and 0-9 becomes a space, so that bytes.split() gives words; on bytes this
# takes a few microseconds for a page, where any per-character work in Python would not.
_WORD_BYTES = bytes(c if (97 <= c <= 122 or 48 <= c <= 57) else 32 for c in range(256))


def words_of(text: str) -> list[bytes]:
    """Lower-case ASCII word pieces of a phrase or text (non-ASCII letters split words, consistently)."""
    return text.lower().encode("utf-8").translate(_WORD_BYTES).split()


@per_document
def visible_lower(document: Document) -> str:
    """The visible text in lower case, offset for offset."""
    return lower_in_place(visible_body(document))


def lower_in_place(text: str) -> str:
    """``text.lower()``, except characters whose lower case is longer: offsets stay those of ``text``."""
    lowered = text.lower()
    if len(lowered) != len(text):
        lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    return lowered


class Needles:
    """Lower-case strings one of which must occur before a pattern is worth trying. Plain words
    must stand as whole words, and strings of three characters or more ("you are here", "[add")
    occur anywhere: the text's scan finds both (``indexed``, for the scan's vocabulary). Shorter
    ones ("{{", "[") are searched for together, first by a test for their first characters."""

    def __init__(self, requires: tuple[str, ...] | list[str]) -> None:
        self.words = frozenset(r for r in requires if r.isascii() and r.isalnum())
        others = {r for r in requires if r and not (r.isascii() and r.isalnum())}
        self.strings = frozenset(r for r in others if len(r) >= 3)
        short = sorted(others - self.strings)  # a single "[" is everywhere: a scan would list each one
        self.first_characters = "".join(sorted({r[0] for r in short}))
        self.search = re.compile("|".join(re.escape(r) for r in short)).search if short else None

    def __bool__(self) -> bool:
        return bool(self.words or self.strings or self.search)

    @property
    def indexed(self) -> frozenset[str]:
        """What the text's scan must find for ``any_in``."""
        return self.words | self.strings

    def any_in(self, lowered: str, scan: TextScan) -> bool:
        if self.words and any(scan.has_word(word) for word in scan.among(self.words)):
            return True
        if self.strings and any(scan.occurrences(string) for string in scan.among(self.strings)):
            return True
        if self.search is None or not any(c in lowered for c in self.first_characters):
            return False
        return self.search(lowered) is not None
