"""Q016: a table's delimiter row (`| --- |`) repeated inside the table, shown as a row of dashes."""

from __future__ import annotations

import re
from typing import Iterator

from contentlint.analysis.fix_edits import delete_lines
from contentlint.analysis.phrases import as_shown, quoted
from contentlint.analysis.structure import Span, document_structure
from contentlint.analysis.table_rows import is_label
from contentlint.document import Document
from contentlint.model.findings import Violation
from contentlint.model.fixes import Fix
from contentlint.model.settings import Config
from contentlint.plugin import rule

# A row whose every cell is a run of dashes (colons allowed): a delimiter row, written again.
_DASH_ROW = re.compile(r"\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)*\|?[ \t]*")
_EMPTY_ROW = re.compile(r"\|(?:[ \t]*\|)+[ \t]*")
# A note written into the table: words in the first cell, every other cell empty.
_NOTE_ROW = re.compile(r"\|?[ \t]*([^|\s][^|]*?)[ \t]*(?:\|[ \t]*)+")


@rule("Q016", "table-delimiter-repeated", "warning", fix="safe")
def table_delimiter_repeated(document: Document, config: Config) -> Iterator[Violation]:
    """A table holds a second delimiter row (`| --- | --- |`) among its rows: readers see
    a row of dashes.

    Why it matters: when a page's table is copied with its notes (a staging table's
    "T = primary tumor; N = regional lymph nodes" and its source), the notes' own header
    and delimiter land inside the table. Only the table's second line is its delimiter,
    so the copy shows an empty row, a row of `---` and the notes as rows of the table,
    among the stages they explain. Two tables written with no blank line between them
    look the same.

    Reported: a row of the table, after its header and delimiter, whose every cell is
    three dashes or more (colons allowed). The message names an empty row right above
    it, and the notes that follow it (rows with words in their first cell only).

    Example:

        | Stage | Definition |
        | --- | --- |
        |  |  |
        | --- | --- |
        | T = primary tumour. | |
        | I | The tumour is 2 cm or smaller. |

    Not reported: a table's own delimiter row; a cell of dashes beside cells with words
    (`| Dose | --- |`, meaning "none"); a table in code.

    Fix: delete the row of dashes and the empty row above it; move the notes below the
    table, as text of their own. `--fix` deletes the two rows, which show nothing but
    dashes. It leaves the notes where they are: which rows are notes and which are labels
    of the rows below them ("All women", then its figures) is for a person to read.

    Options: none.
    """
    if "---" not in document.body:
        return
    view = document_structure(document)
    body = view.body
    for table in view.tables:
        rows = table.rows
        for index in range(1, len(rows)):
            row = rows[index]
            if _DASH_ROW.fullmatch(body, row.start, row.end) is None:
                continue
            empty_above = index >= 2 and _EMPTY_ROW.fullmatch(body, rows[index - 1].start, rows[index - 1].end)
            first = rows[index - 1].line if empty_above else row.line
            note = _first_note(body, rows[index + 1:])
            what = "an empty row and a repeated delimiter row" if empty_above else "a repeated delimiter row"
            message = (
                f"{what} (`| --- |`) inside the table on line {table.line}: readers see "
                + ("a blank row and a row of dashes; delete both" if empty_above else "a row of dashes; delete it")
            )
            if note:
                message += f", and move the notes after it ({quoted(as_shown(note), 40)}) below the table"
            yield Violation(
                row.line, view.column_of(row.start), message,
                subject=body[row.start:row.end],
                fix=Fix((delete_lines(document, first, row.line),), "delete the rows that show nothing but dashes"),
            )


def _first_note(body: str, rows: tuple[Span, ...]) -> str:
    """The text of the row right after a repeated delimiter row when it reads as a note of the table
    (words in its first cell only, not a label in bold), else ""."""
    note = _NOTE_ROW.fullmatch(body, rows[0].start, rows[0].end) if rows else None
    return note.group(1) if note and not is_label(note.group(1)) else ""
