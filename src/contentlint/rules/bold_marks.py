"""Q020: bold that does not close, because its closing ``**`` touches the next word: readers see the stars."""

from __future__ import annotations

import re
from typing import Iterator

from contentlint.analysis.fix_edits import body_start
from contentlint.analysis.phrase_index import text_scan
from contentlint.analysis.structure import document_structure
from contentlint.analysis.visible_text import visible_body
from contentlint.document import Document
from contentlint.model.findings import Violation
from contentlint.model.fixes import Edit, Fix
from contentlint.model.settings import Config, search_words
from contentlint.plugin import rule

# A closing "**" after punctuation: CommonMark closes it only before a space or punctuation.
_PUNCTUATION = ".:;,!?)]\"'’”"
CLOSERS = tuple(mark + "**" for mark in _PUNCTUATION)
# The phrase index finds them in its one pass, so pages without any are passed over at once.
BOLD_CLOSERS = search_words("bold closers", CLOSERS)
_WORD = re.compile(r"[^\s*]{1,20}")


@rule("Q020", "bold-not-closed", "warning", uses=[BOLD_CLOSERS], fix="safe")
def bold_not_closed(document: Document, config: Config) -> Iterator[Violation]:
    """Bold text whose closing `**` follows punctuation and touches the next word: it
    does not close, and readers see the stars.

    Why it matters: web pages often set a label in bold and run the text on after it
    (`<b>Port:</b>A port is…`, the space given by the page's style). Copied as Markdown,
    that is `**Port:**A port is…`, and by CommonMark's rules a `**` after punctuation
    closes only before a space or punctuation: the page shows "**Port:**A port is…",
    stars and all, and the label is not bold.

    Reported: each `**` after punctuation (`.`, `:`, `)`, a quotation mark…) and right
    before a letter or digit, where bold opened earlier on the line and is still open.

    Example:

        **Port:**A port is a small disc placed under the skin.

    Not reported: `**` before a space or punctuation (`**Port:** A port`), which closes;
    a `**` that opens bold (`Note:**always** rinse`); stars in code.

    Fix: put a space after the closing `**` (`**Port:** A port`). `--fix` does that.

    Options: none.
    """
    scan = text_scan(document, config)
    places = sorted(place for closer in CLOSERS for place in scan.occurrences(closer))
    if not places:
        return
    text = visible_body(document)
    view = document_structure(document)
    offset = body_start(document)
    for place in places:
        stars, after = place + 1, place + 3
        if after >= len(text) or not text[after].isalnum() or text[place] == "*":
            continue  # before a space, punctuation or more stars: it closes, or it is not this
        line_start = text.rfind("\n", 0, place) + 1
        label = text[line_start:stars]
        if label.count("**") % 2 != 1:
            continue  # no bold left open on the line: this "**" opens bold
        opening = line_start + label.rfind("**")
        if text[opening + 2].isspace():
            continue  # "** text:**A": no bold opens there either
        word = _WORD.match(text, after)
        shown = text[opening:word.end() if word else after + 1]
        yield Violation(
            view.line_of(stars), view.column_of(stars),
            f'bold does not close: readers see "{_ends(shown)}" with its stars, because the closing ** after '
            "punctuation touches the next word; put a space after it",
            subject=shown,
            fix=Fix((Edit(offset + after, offset + after, " "),), "put a space after the closing **"),
        )


def _ends(shown: str, limit: int = 50) -> str:
    """The text as seen, its middle cut when long: both its "**" stay in view."""
    shown = " ".join(shown.split())
    return shown if len(shown) <= limit else f"{shown[:limit // 2 - 2].rstrip()}…{shown[-(limit // 2):].lstrip()}"
