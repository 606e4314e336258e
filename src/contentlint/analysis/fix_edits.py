"""Where a fix's edits go: offsets in a document's text from its file lines and body offsets."""

from __future__ import annotations

import bisect
import re
from typing import Iterable

from contentlint.analysis.memo import per_document
from contentlint.analysis.structure import document_structure
from contentlint.document import Document
from contentlint.document.reading import starts_front_matter
from contentlint.model.fixes import Edit, Fix
from contentlint.model.fixes import line_starts as text_line_starts


@per_document
def line_starts(document: Document) -> list[int]:
    """The offset in ``document.text`` where each line starts (index 0 is line 1)."""
    return text_line_starts(document.text)


def offset_of(document: Document, line: int, column: int) -> int | None:
    """The text offset of a 1-based file line and column, or None when there is no such place."""
    starts = line_starts(document)
    if not 1 <= line <= len(starts):
        return None
    offset = starts[line - 1] + column - 1
    end = starts[line] - 1 if line < len(starts) else len(document.text)
    return offset if starts[line - 1] <= offset <= end else None


def line_text(document: Document, line: int) -> str:
    """File line ``line`` (1-based) without its line ending; "" past the last line. Found from the
    line starts, so that a fix for each of a page's many lines does not split the whole text."""
    starts, text = line_starts(document), document.text
    if not 1 <= line <= len(starts):
        return ""
    return text[starts[line - 1]:starts[line] - 1 if line < len(starts) else len(text)]


def body_start(document: Document) -> int:
    """The text offset where the body starts (the body is always the end of the text)."""
    return len(document.text) - len(document.body)


def line_of_offset(document: Document, offset: int) -> int:
    return bisect.bisect_right(line_starts(document), offset)


def delete_lines(document: Document, first: int, last: int) -> Edit:
    """Delete file lines ``first``..``last`` (1-based, inclusive) with their line endings. The
    file's last line, which has none, takes the line ending before it instead."""
    starts, text = line_starts(document), document.text
    start = starts[first - 1]
    end = starts[last] if last < len(starts) else len(text)
    if last >= len(starts) and start > 0 and not text.endswith("\n"):
        start -= 1
    return Edit(start, end, "")


def opens_front_matter(text: str, edits: Iterable[Edit]) -> bool:
    """Whether the edits would make ``text`` begin with a front-matter fence that it does not begin
    with now: what was body would be read as front matter. Only the edits that start on the first
    line can change it: deleting `<!-- … -->` from `-<!-- … -->--` leaves `---`."""
    first_line_end = text.find("\n")
    if first_line_end < 0:
        first_line_end = len(text)
    head = sorted((edit for edit in edits if edit.start <= first_line_end), key=lambda edit: edit.start)
    if not head or starts_front_matter(text):
        return False
    pieces, at = [], 0
    for edit in head:
        pieces += (text[at:edit.start], edit.replacement)
        at = max(at, edit.end)
    pieces.append(text[at:])
    return starts_front_matter("".join(pieces))


def standalone_line_removal(document: Document, line: int, phrase: str, description: str) -> Fix | None:
    """An unsafe fix deleting file line ``line`` when ``phrase`` stands alone on it (markup and
    punctuation aside), with the blank line after it when one stands before; None for a table row
    (deleting it would change the table) or a line that holds more."""
    count = len(line_starts(document))
    if not 1 <= line <= count or not phrase:
        return None
    alone = r"[\W_]*" + r"\s+".join(map(re.escape, phrase.split())) + r"[\W_]*"
    if re.fullmatch(alone, line_text(document, line), re.IGNORECASE) is None:
        return None
    at = line_starts(document)[line - 1] - body_start(document)
    if at < 0 or any(table.start <= at < table.end for table in document_structure(document).tables):
        return None
    first = last = line
    blank_before = line == 1 or not line_text(document, line - 1).strip()
    if blank_before and all(not line_text(document, after).strip() for after in range(line + 1, count + 1)):
        # The page's last text: the blank lines around it go too, so the page ends where its text does.
        while first - 1 >= max(document.body_first_line, 1) and not line_text(document, first - 1).strip():
            first -= 1
        last = count
    elif blank_before and line + 1 < count and not line_text(document, line + 1).strip():
        last += 1  # the blank line after it too, so that no double blank line is left
    deletion = delete_lines(document, first, last)
    if opens_front_matter(document.text, (deletion,)):
        return None  # "---" after it would become a front-matter fence
    return Fix((deletion,), description, safe=False)
