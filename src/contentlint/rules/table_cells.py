"""Q017: table rows of one cell in a table of several columns: merged cells split into rows."""

from __future__ import annotations

from typing import Iterator

from contentlint.analysis.phrases import as_shown, quoted
from contentlint.analysis.structure import Span, document_structure
from contentlint.analysis.table_rows import is_label, row_cells
from contentlint.document import Document
from contentlint.model.findings import Violation
from contentlint.model.settings import Config
from contentlint.plugin import rule


@rule("Q017", "table-cells-misplaced", "warning")
def table_cells_misplaced(document: Document, config: Config) -> Iterator[Violation]:
    """Rows of a table hold one cell where the table has several columns: their text shows
    in the first column, under the wrong heading.

    Why it matters: on a web page a cell can span several rows (a stage's description that
    lists T, N and M, a drug with two doses). Markdown tables have no such cells, so a
    copied table often gets each line of the tall cell as a row of its own, with one cell.
    "T0 = No evidence of primary tumor." then stands under "Stage", and "CR: 12.5–25 mg"
    under "Medication" instead of "Dose": a reader, or an assistant reading the table,
    takes a definition for a stage and a dose for a drug.

    Reported: once per table, at the first such row, with how many there are: a row after
    the delimiter row with text in one cell only, written without the other cells' `|`,
    in a table whose header has two columns or more.

    Example:

        | Stage | Description |
        | --- | --- |
        | I | T1 = The tumour is 2 cm or smaller. |
        | T1a = The tumour is 1 cm or smaller. |

    Not reported: a row that writes its empty cells (`| Adults | |`), which puts its text
    in the first column on purpose; a one-cell row all in bold or italics (a label over
    the rows below it); a table of one column.

    Fix: put each text back in the cell it belongs to: join it to the cell of the row
    above (with `<br>` between the lines), or write the row's empty cells before it
    (`| | | T1a = … |`). There is no automatic fix: which column a text belongs to is read
    from the source page.

    Options: none.
    """
    view = document_structure(document)
    if not view.tables:
        return
    body = view.body
    for table in view.tables:
        columns = row_cells(body, table.rows[0])
        if len(columns) < 2:
            continue
        lone = [
            (row, text) for row in table.rows[1:]
            if body.count("|", row.start, row.end) <= 2 and (text := _lone_text(body, row))
        ]
        if not lone:
            continue
        first, text = lone[0]
        heading = as_shown(columns[0]).strip()
        where = f"under {quoted(heading, 30)}" if heading else "in the first column"
        rows = "1 row holds" if len(lone) == 1 else f"{len(lone)} rows hold"
        yield Violation(
            first.line, view.column_of(first.start),
            f"{rows} one cell in the table on line {table.line}, which has {len(columns)} columns: "
            f"the text shows {where} ({quoted(as_shown(text), 50)}); "
            "a cell that spanned rows was split into rows: put each text back in its column",
            subject=text,
        )


def _lone_text(body: str, row: Span) -> str:
    """The text of a row that has one cell, not empty and not a label in bold; else ""."""
    cells = row_cells(body, row)
    text = cells[0].strip() if len(cells) == 1 else ""
    return "" if is_label(text) else text
