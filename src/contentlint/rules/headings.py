"""Q005: more than one top-level heading."""

from __future__ import annotations

from typing import Iterator

from contentlint.analysis.phrases import (
    quoted,
)
from contentlint.analysis.structure import Heading, Structure, document_structure
from contentlint.document import Document
from contentlint.model.findings import Violation
from contentlint.model.settings import Config
from contentlint.plugin import rule


@rule("Q005", "multiple-top-level-headings", "warning")
def multiple_top_level_headings(document: Document, config: Config) -> Iterator[Violation]:
    """The document has more than one top-level heading.

    Why it matters: a page has one title. A second `# heading` usually means two pages
    were stitched together, or a site's title bar was copied above the page's own title
    ("# Pomalidomide - NCI" then "# Pomalidomide").

    Reported: each level-1 heading (`# Title`, or a line underlined with `===`) after the
    first, with the first's line.

    Not reported: a level-1 heading with no text (`#` alone) or whose only text is code
    (`` # `config` ``), which is no title; a `#` line inside a code block or an HTML
    comment; a heading inside a list item or a block quote, which belongs to that item
    or quotation rather than to the page.

    Fix: keep one title; make the others `##` headings or delete them.

    Options: none.
    """
    view = document_structure(document)
    titles = [heading for heading in view.headings if heading.level == 1 and heading.has_text]
    if len(titles) < 2:
        return
    titles = [heading for heading in titles if not _nested(view, heading)]
    if len(titles) < 2:
        return
    first = titles[0]
    for heading in titles[1:]:
        yield Violation(
            heading.line, view.column_of(heading.start),
            f"another top-level heading {quoted(heading.text, 50)} (the first is on line {first.line}): "
            "make it `##` or delete it",
            subject=heading.text,
        )


def _nested(view: Structure, heading: Heading) -> bool:
    """Whether the heading sits inside a list item or a block quote (asked only of a page with two titles)."""
    return any(
        block.start <= heading.start and heading.end <= block.end for block in (*view.list_items, *view.block_quotes)
    )
