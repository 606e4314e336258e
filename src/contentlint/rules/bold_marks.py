"""Q020: bold that does not close, because its closing ``**`` touches the next word: readers see the stars."""

from __future__ import annotations

import bisect
import re
from typing import Iterator

from contentlint.analysis.fix_edits import body_start
from contentlint.analysis.line_shapes import LINE_LEAD
from contentlint.analysis.phrase_index import text_scan
from contentlint.analysis.phrases import as_shown
from contentlint.analysis.structure import Structure, document_structure
from contentlint.analysis.visible_text import visible_body
from contentlint.document import Document
from contentlint.model.findings import Violation
from contentlint.model.fixes import Edit, Fix
from contentlint.model.settings import Config, search_words
from contentlint.plugin import rule

# A closing "**" after punctuation: CommonMark closes it only before a space or punctuation.
_PUNCTUATION = ".:;,!?)]\"'’”"
CLOSERS = tuple(mark + "**" for mark in _PUNCTUATION)
EMPTY = "****"  # a bold with nothing in it, after a word: it shows as four stars
# The phrase index finds them in its one pass, so pages without any are passed over at once.
BOLD_CLOSERS = search_words("bold closers", CLOSERS + (EMPTY,))
_WORD = re.compile(r"[^\s*]{1,20}")
_STARS = re.compile(r"\*\*")


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

    Also reported: an empty bold, `****` right after a word or punctuation, where two
    bold runs met ("Digestive system****: Inflammation…", "**Age****:**",
    "**8.****When will…**"): some or all of its stars show.

    Fix: put a space after the closing `**` (`**Port:** A port`); delete an empty bold,
    or put a space in its place between punctuation and a word (`**8. When will…**`).
    `--fix` does all of these.

    Options: none.
    """
    scan = text_scan(document, config)
    places = sorted(place for closer in CLOSERS for place in scan.occurrences(closer))
    empties = scan.occurrences(EMPTY)
    if not places and not empties:
        return
    text = visible_body(document)
    view = document_structure(document)
    offset = body_start(document)
    yield from _empty_bold(view, text, offset, empties)
    openings: dict[int, list[int]] = {}
    for place, line_start in _with_line_starts(text, places):
        stars, after = place + 1, place + 3
        if after >= len(text) or not text[after].isalnum() or text[place] == "*":
            continue  # before a space, punctuation or more stars: it closes, or it is not this
        opening = _open_bold(text, line_start, stars, openings)
        if opening is None:
            continue
        word = _WORD.match(text, after)
        shown = text[opening:word.end() if word else after + 1]
        yield Violation(
            view.line_of(stars), stars - line_start + 1,
            f'bold does not close: readers see "{_ends(shown)}" with its stars, because the closing ** after '
            "punctuation touches the next word; put a space after it",
            subject=shown,
            fix=Fix((Edit(offset + after, offset + after, " "),), "put a space after the closing **"),
        )


def _empty_bold(view: Structure, text: str, offset: int, places: list[int]) -> Iterator[Violation]:
    """``****`` after a word or punctuation and before anything but a star, a backslash or (after a
    word) another word: CommonMark keeps some or all of its stars as text."""
    for place, line_start in _with_line_starts(text, places):
        before, after = text[place - 1] if place else " ", text[place + 4:place + 5] or "\n"
        if before.isspace() or before in "*\\" or after in "*\\" or (before.isalnum() and after.isalnum()):
            continue
        start = max(line_start, place - 200)  # enough for a link before it; a long line is not read again
        lead = LINE_LEAD.match(text, start) if start == line_start else None
        before_run = " ".join(as_shown(text[lead.end() if lead else start:place]).split())[-24:].lstrip()
        word = _WORD.match(text, place + 4) if after.isalnum() else None
        shown = before_run + EMPTY + (word.group() if word else after.strip())
        if word and before in _PUNCTUATION:  # "sensitizers](…)****to improve": two bolds that met
            advice, space = "put a space in its place", " "
        else:
            advice, space = "delete the ****", ""
        edit = Edit(offset + place, offset + place + 4, space)
        yield Violation(
            view.line_of(place), place - line_start + 1,
            f'an empty bold shows as stars ("{shown}"): {advice}',
            subject=EMPTY,
            fix=Fix((edit,), advice),
        )


def _with_line_starts(text: str, places: list[int]) -> Iterator[tuple[int, int]]:
    """Each of ``places`` (in order) with where its line starts. The places go forward, so each
    newline is looked at once: many places on one long line cost no more than on many lines."""
    line_start = previous = 0
    for place in places:
        newline = text.rfind("\n", previous, place)
        line_start, previous = (newline + 1 if newline >= 0 else line_start), place
        yield place, line_start


def _open_bold(text: str, line_start: int, stars: int, openings: dict[int, list[int]]) -> int | None:
    """Where the bold that the ``**`` at ``stars`` would close opens on its line, if bold is open
    there (an odd number of ``**`` before it on the line); else None. ``openings`` keeps each line's
    ``**`` places, found once (a line of a thousand labels is read once, not a thousand times)."""
    places = openings.get(line_start)
    if places is None:
        line_end = text.find("\n", stars)
        places = openings[line_start] = [
            match.start() for match in _STARS.finditer(text, line_start, len(text) if line_end < 0 else line_end)
        ]
    before = bisect.bisect_left(places, stars)
    if before % 2 != 1 or text[places[before - 1] + 2].isspace():
        return None  # no bold open ("Note:**always**" opens it), or "** text:**A", which opens none
    return places[before - 1]


def _ends(shown: str, limit: int = 50) -> str:
    """The text as seen, its middle cut when long: both its "**" stay in view."""
    shown = " ".join(shown.split())
    return shown if len(shown) <= limit else f"{shown[:limit // 2 - 2].rstrip()}…{shown[-(limit // 2):].lstrip()}"
