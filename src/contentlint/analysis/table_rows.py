"""A table row's cells as written, for the rules that read what a copied table lost (Q016, Q017).

The parser pads a short row with empty cells, as GitHub does, so a row written `| T1a = … |` in
a table of three columns and one written `| T1a = … | | |` look alike in its events; the text
tells them apart.
"""

from __future__ import annotations

import re

from contentlint.analysis.structure import Span

_CELL_BORDER = re.compile(r"(?<!\\)\|")
# A cell all in bold or italics ("**Other tumours**", "*Children:*"): a label over the rows below it.
_LABEL = re.compile(r"([*_]{1,3})[^*_].*\1:?")


def row_cells(body: str, row: Span) -> list[str]:
    """The cells of ``row`` as written (outer pipes dropped, an escaped `\\|` kept inside its cell)."""
    text = body[row.start:row.end].strip()
    if text.startswith("|"):
        text = text[1:]
    if text.endswith("|") and not text.endswith("\\|"):
        text = text[:-1]
    return _CELL_BORDER.split(text)


def cell_borders(body: str, row: Span) -> list[int]:
    """Where ``row``'s cell borders stand: the offsets of its pipes, an escaped `\\|` left out."""
    return [border.start() for border in _CELL_BORDER.finditer(body, row.start, row.end)]


def is_label(cell: str) -> bool:
    """Whether a cell's text (stripped) is all in bold or italics: a label, not data or a note."""
    return _LABEL.fullmatch(cell) is not None
