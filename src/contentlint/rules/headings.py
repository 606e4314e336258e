"""Q005: more than one top-level heading."""

from __future__ import annotations

import re
from typing import Iterator

from contentlint.analysis.line_shapes import LIST_ITEM
from contentlint.analysis.phrases import (
    quoted,
)
from contentlint.analysis.visible_text import (
    line_and_column,
    visible_body,
)
from contentlint.document import Document
from contentlint.model.findings import Violation
from contentlint.model.settings import Config
from contentlint.plugin import rule

# Searched in "\n" + text so that each pattern starts with a literal (fast to scan for).
_ATX_H1 = re.compile(r"\n {0,3}#(?:[ \t]+([^\n]*?))?[ \t#]*(?=\n|\Z)")
_SETEXT_UNDERLINE = re.compile(r"\n {0,3}=+[ \t]*(?=\n|\Z)")


@rule("Q005", "multiple-top-level-headings", "warning")
def multiple_top_level_headings(document: Document, config: Config) -> Iterator[Violation]:
    """The document has more than one top-level heading.

    Why it matters: a page has one title. A second `# heading` usually means two pages
    were stitched together, or a site's title bar was copied above the page's own title
    ("# Pomalidomide - NCI" then "# Pomalidomide").

    Reported: each `#` (or `===`-underlined) heading after the first, with the first's line.

    Fix: keep one title; make the others `##` headings or delete them.

    Options: none.
    """
    text = visible_body(document)
    if "#" not in text and "=" not in text:
        return
    lined = "\n" + text  # offsets in `lined` are offsets in `text` plus one, at the "\n"
    headings = [(m.start(), (m.group(1) or "").strip()) for m in _ATX_H1.finditer(lined)] if "#" in text else []
    if "=" in text and ("\n=" in lined or "\n =" in lined or "\n  =" in lined or "\n   =" in lined):
        for underline in _SETEXT_UNDERLINE.finditer(lined):
            start = lined.rfind("\n", 0, underline.start())
            title = lined[start + 1:underline.start()]
            if start >= 0 and title.strip() and not title.startswith("    ") and not LIST_ITEM.match(title) and not title.lstrip().startswith(("#", ">", "|")):
                headings.append((start, title.strip()))
    headings.sort()
    if len(headings) < 2:
        return
    first_line = line_and_column(document, text, headings[0][0])[0]
    for position, title in headings[1:]:
        line, column = line_and_column(document, text, position)
        yield Violation(
            line, column,
            f"another top-level heading {quoted(title, 50)} (the first, {quoted(headings[0][1], 50)}, is on line "
            f"{first_line}): keep one title; make this a `##` heading or delete it",
            subject=title,
        )
