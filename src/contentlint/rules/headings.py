"""Q005: more than one top-level heading."""

from __future__ import annotations

from typing import Iterator

from contentlint.analysis.phrases import (
    quoted,
)
from contentlint.analysis.fix_edits import body_start
from contentlint.analysis.structure import Heading, Structure, document_structure
from contentlint.document import Document
from contentlint.model.findings import Violation
from contentlint.model.fixes import Edit, Fix
from contentlint.model.settings import Config
from contentlint.plugin import rule


@rule("Q005", "multiple-top-level-headings", "warning", fix="unsafe")
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

    `--fix --unsafe-fixes` makes every level-1 heading after the first a level-2 heading
    (`# Title` becomes `## Title`; a `===` underline becomes `---`). Unsafe: when the first
    title is the site's title bar, the one to keep is the second, and a person must choose.

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
        fix = _demote(view, heading, body_start(document))
        yield Violation(
            heading.line, view.column_of(heading.start),
            f"another top-level heading {quoted(heading.text, 50)} (the first is on line {first.line}): "
            "make it `##` or delete it",
            subject=heading.text, fix=fix,
        )


def _demote(view: Structure, heading: Heading, offset: int) -> Fix | None:
    """`# Title` -> `## Title`; `Title` over `===` -> over `---`."""
    written = view.body[heading.start:heading.end]
    if written.lstrip(" ").startswith("#"):
        at = heading.start + written.index("#")
        return Fix((Edit(offset + at, offset + at, "#"),), "make it a level-2 heading", safe=False)
    underline = written.rfind("\n") + 1
    marks = written[underline:].strip()
    if not underline or not marks or set(marks) != {"="}:
        return None
    at = heading.start + underline + written[underline:].index("=")
    return Fix((Edit(offset + at, offset + at + len(marks), "-" * len(marks)),), "make it a level-2 heading", safe=False)


def _nested(view: Structure, heading: Heading) -> bool:
    """Whether the heading sits inside a list item or a block quote (asked only of a page with two titles)."""
    return any(
        block.start <= heading.start and heading.end <= block.end for block in (*view.list_items, *view.block_quotes)
    )
