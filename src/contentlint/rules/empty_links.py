"""Q022: a link with no text, which readers cannot see or click."""

from __future__ import annotations

from typing import Iterator

from contentlint.analysis.fix_edits import body_start, standalone_line_removal
from contentlint.analysis.phrase_index import text_scan
from contentlint.analysis.structure import INLINE, REFERENCE, Link, Structure, document_structure
from contentlint.document import Document
from contentlint.model.findings import Violation
from contentlint.model.fixes import Edit, Fix
from contentlint.model.settings import Config, search_words
from contentlint.plugin import rule

# How a link with no text opens: the phrase index finds these in its one pass.
_EMPTY_OPENINGS = ("[](", "[ ](", "[][")
EMPTY_OPENINGS = search_words("links without text", _EMPTY_OPENINGS)


@rule("Q022", "link-without-text", "warning", uses=[EMPTY_OPENINGS], fix="unsafe")
def link_without_text(document: Document, config: Config) -> Iterator[Violation]:
    """A link has no text: readers see nothing to click.

    Why it matters: a web page often links a logo or an icon (the site's logo to its
    home page, a social network's icon), drawn by the site's style or an SVG with no
    alternative text. A copy of the page keeps the link and loses the picture:
    `[](https://www.nhs.uk/)`. Readers see nothing there, a screen reader announces a
    link with no name, and a retrieval assistant finds an address with nothing to say
    what it is.

    Reported: an inline or reference link whose text is empty or only spaces
    (`[](https://www.nhs.uk/)`, `[ ](https://example.org/a)`). Not reported: an image,
    or a linked image (`[![Logo](logo.png)](https://example.org/)`), which shows its
    picture; a task list's box (`- [ ] Book the scan`), which is no link.

    Fix (unsafe): `--fix --unsafe-fixes` deletes the link, and its line when the link
    stood alone on it. Unsafe: the picture may be one to restore rather than a link to
    lose.

    Options: none.
    """
    scan = text_scan(document, config)
    if not any(scan.occurrences(opening) for opening in _EMPTY_OPENINGS):
        return
    body = document.body
    view = document_structure(document)
    for link in view.links:
        if link.kind in (INLINE, REFERENCE) and not link.text.strip() and body.startswith(("[]", "[ "), link.start):
            yield Violation(
                view.line_of(link.start), view.column_of(link.start),
                f'link to "{link.target}" has no text: readers see nothing to click (its picture or icon '
                "was lost when the page was copied); give it text or delete it",
                subject=link.target,
                fix=_deletion(document, view, link),
            )


def _deletion(document: Document, view: Structure, link: Link) -> Fix | None:
    """Delete the link's line when it holds nothing else, or else the link and a space beside it."""
    line = view.line_of(link.start)
    whole_line = standalone_line_removal(document, line, link.target, "delete the link with no text")
    if whole_line is not None:
        return whole_line
    body = view.body
    start, end = link.start, link.end
    if start > 0 and body[start - 1] == " " and (end == len(body) or body[end] in " \n.,;:"):
        start -= 1  # "See [](…) here" reads "See here", not "See  here"
    offset = body_start(document)
    return Fix((Edit(offset + start, offset + end, ""),), "delete the link with no text", safe=False)
