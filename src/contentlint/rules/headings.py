"""Q005: more than one top-level heading."""

from __future__ import annotations

import re
from typing import Iterator

from contentlint.analysis.phrases import (
    quoted,
)
from contentlint.analysis.fix_edits import body_start, delete_lines, line_starts, opens_front_matter
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

    When the first title is the site's title bar, the finding is on it and says to delete
    it: the first title is the second with a site's name after it ("# Pomalidomide - NCI"
    above "# Pomalidomide"), or it ends with the document's `source` and the page's own
    title follows at once ("# Hormone Therapy for Cancer - NCI" above "# Hormone Therapy
    to Treat Cancer", with `source: NCI`).

    Fix: keep one title; make the others `##` headings or delete them.

    `--fix --unsafe-fixes` makes every level-1 heading after the first a level-2 heading
    (`# Title` becomes `## Title`; a `===` underline becomes `---`), and deletes a title bar
    above the page's title (with the blank line after it). Unsafe: which title a page keeps,
    and whether a second one starts another page, is a person's choice.

    Options: none.
    """
    view = document_structure(document)
    titles = [heading for heading in view.headings if heading.level == 1 and heading.has_text]
    if len(titles) < 2:
        return
    titles = [heading for heading in titles if not _nested(view, heading)]
    if len(titles) < 2:
        return
    offset = body_start(document)
    first = titles[0]
    rest = titles[1:]
    source = document.metadata.get(config.fields.source)
    if _title_bar(first.text, rest[0].text) or (
        _names_source(first.text, source) and not view.body[first.end:rest[0].start].strip()
    ):
        yield Violation(
            first.line, view.column_of(first.start),
            f"the site's title bar {quoted(first.text, 90)} stands above the page's own title "
            f"{quoted(rest[0].text, 90)} (line {rest[0].line}): delete it",
            subject=first.text, fix=_delete(document, view, first),
        )
        first, rest = rest[0], rest[1:]
    for heading in rest:
        yield Violation(
            heading.line, view.column_of(heading.start),
            f"another top-level heading {quoted(heading.text, 50)} (the first is on line {first.line}): "
            "make it `##` or delete it",
            subject=heading.text, fix=_demote(view, heading, offset),
        )


# What a site's title bar adds to a page's title: " - NCI", " | NHS", " – Macmillan Cancer Support".
_TITLE_BAR_SUFFIX = re.compile(r"\s+[-|–—:·•]\s+\S.{0,60}")


def _title_bar(first: str, second: str) -> bool:
    """Whether ``first`` is ``second`` with a site's name after it, as a site's title bar shows it."""
    return len(first) > len(second) > 0 and first.startswith(second) and _TITLE_BAR_SUFFIX.fullmatch(first[len(second):]) is not None


def _names_source(title: str, source: object) -> bool:
    """Whether ``title`` ends with the document's source as a title bar adds it (" - NCI")."""
    if not isinstance(source, str) or not source.strip():
        return False
    ending = title.casefold()
    return any(ending.endswith(separator + source.strip().casefold()) for separator in _SEPARATORS)


_SEPARATORS = (" - ", " | ", " – ", " — ", ": ", " · ")


def _delete(document: Document, view: Structure, heading: Heading) -> Fix | None:
    """The heading's lines, and the blank line after it, go; None when a `---` after them would then
    open the file, and turn the body into front matter."""
    last = view.line_of(heading.end)
    starts, text = line_starts(document), document.text  # the file line after the heading: starts[last]
    if last < len(starts) and not text[starts[last]:starts[last + 1] if last + 1 < len(starts) else len(text)].strip():
        last += 1
    deletion = delete_lines(document, heading.line, last)
    if opens_front_matter(text, (deletion,)):
        return None
    return Fix((deletion,), "delete the title bar", safe=False)


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
