"""Q015: links written on lines of their own in one paragraph, which a reader sees run together."""

from __future__ import annotations

import bisect
import re
from typing import Iterator, NamedTuple

from contentlint.analysis.fix_edits import body_start
from contentlint.analysis.phrase_index import text_scan
from contentlint.analysis.phrases import quoted
from contentlint.analysis.structure import Link, Paragraph, Structure, document_structure, shows_its_text
from contentlint.document import Document
from contentlint.model.findings import Violation
from contentlint.model.fixes import Edit, Fix
from contentlint.model.settings import Config, search_words
from contentlint.plugin import rule

# Two lines in a row that each start with a link (in a quotation, in bold): the pages to look at.
# Searched from a newline, not with ``^`` (a match tried at every character costs ten times more).
_TWO_LINK_LINES = re.compile(r"\n[ \t>]*[*_]{0,3}\[[^\n]*\n[ \t>]*[*_]{0,3}\[")
# What may stand before a line's link (indentation, quotation marks, emphasis) and after it.
_BEFORE = re.compile(r"[ \t>]*([*_]{0,3})")
_AFTER = re.compile(r"[*_]{0,3}([ \t]*)")
# Links side by side, only spaces (and emphasis marks) between them, hold one of these: the phrase
# index finds them in its one pass, so that pages without any are passed over at once.
SIDE_BY_SIDE_HINTS = (") [", "] [", ")  [", "]  [", "* *", "_ _")
SIDE_BY_SIDE = search_words("links side by side", SIDE_BY_SIDE_HINTS)
_MAX_GAP = 8
_GAP = re.compile(r"[*_]{0,3}([ \t]+)[*_]{0,3}")
# Before links side by side: a list item's mark too ("- [A](a) [B](b) [C](c)").
_BEFORE_ITEM = re.compile(r"[ \t>]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?([*_]{0,3})")


@rule("Q015", "links-run-together", "warning", uses=[SIDE_BY_SIDE], fix="unsafe")
def links_run_together(document: Document, config: Config) -> Iterator[Violation]:
    """Links written one to a line, with no list marks, in one paragraph: a reader sees
    them run together on one line.

    Why it matters: scrapers often drop the bullets of a list of links ("Cancer Pain",
    "Nausea and Vomiting", "Last Days of Life"). A line break inside a paragraph is only
    a space in Markdown, so the page shows "Cancer Pain Nausea and Vomiting Last Days of
    Life" as one line of links that cannot be told apart, and a retrieval assistant reads
    the titles as one sentence.

    Reported: two or more lines in a row of one paragraph that each hold one link and
    nothing else (in bold, in a quotation or indented under a list item, too); and a
    line that holds three links or more side by side, with nothing but spaces between
    them (`[Emotions and Cancer](…) [Adjusting to Cancer](…) [Survivorship](…)`, a
    menu whose items were joined), in a paragraph or a list item. The finding points
    at the first link.

    Example:

        Related pages:
        [Hair loss](https://example.org/hair-loss)
        [Mouth sores](https://example.org/mouth-sores)

    Not reported: links in paragraphs of their own (a blank line between them); a line that
    ends in a line break (two spaces or more), which the reader sees as its own line; a line
    with words beside its link ("See [hair loss](https://example.org/hair-loss) and"),
    which is prose wrapped; links whose texts are one word each ("6.4.0 6.4.1"), which can
    still be told apart; links side by side that read as one phrase (a term linked word by
    word: `[palliative](…) [radiation therapy](…)`), so fewer than three, or fewer than two
    of several words; links in a table, in code or in HTML; images and linked images
    (badges).

    Fix: make each link a list item (`- [Hair loss](https://example.org/hair-loss)`), or
    put a blank line between them. `--fix --unsafe-fixes` puts `- ` before each link, on
    a line of its own (not under a list item or in a quotation, where how they nest is for
    a person to say);
    unsafe, because whether the links are a list is a person's call.

    Options: none.
    """
    body = document.body
    if "[" not in body:
        return
    scan = text_scan(document, config)
    hints = [position for hint in SIDE_BY_SIDE_HINTS for position in scan.occurrences(hint)]
    if hints:
        yield from _side_by_side(document, document_structure(document), hints)
    if _TWO_LINK_LINES.search("\n" + body) is None:
        return
    view = document_structure(document)
    paragraphs = view.paragraphs
    run: list[_LinkLine] = []
    for link in view.links:
        line = _alone_on_its_line(body, link)
        if line is None:
            continue
        at = view.paragraph_index(link.start)
        if at < 0 or paragraphs[at].end < link.end or paragraphs[at].in_table:
            continue
        line = line._replace(paragraph=at)
        if run and not (run[-1].paragraph == at and not run[-1].breaks and _next_line(body, run[-1].link) == line.text):
            yield from _report(view, document, run)
            run = []
        run.append(line)
    yield from _report(view, document, run)


class _LinkLine(NamedTuple):
    """A line that holds one link and nothing else."""

    link: Link
    text: int  # where the line's text starts (past indentation and quotation marks)
    breaks: bool  # the line ends in a line break (two spaces or more)
    paragraph: int = -1


def _alone_on_its_line(body: str, link: Link) -> _LinkLine | None:
    """The link's line, when it holds the link and nothing else."""
    if not shows_its_text(body, link):
        return None  # a bare URL, an image, a linked image (a badge), HTML
    line_start = body.rfind("\n", 0, link.start) + 1
    line_end = body.find("\n", link.end)
    line_end = len(body) if line_end < 0 else line_end
    before = _BEFORE.fullmatch(body, line_start, link.start)
    after = _AFTER.fullmatch(body, link.end, line_end)
    if before is None or after is None:
        return None  # words beside the link
    return _LinkLine(link, before.start(1), len(after.group(1)) >= 2)


def _next_line(body: str, link: Link) -> int:
    """Where the line after the link's line starts its text (past indentation and quotation marks)."""
    newline = body.find("\n", link.end)
    if newline < 0:
        return -1
    before = _BEFORE.match(body, newline + 1)
    return before.start(1) if before else -1


def _report(view: Structure, document: Document, run: list[_LinkLine]) -> Iterator[Violation]:
    if len(run) < 2 or all(len(line.link.text.split()) < 2 for line in run):
        return  # one-word links ("6.4.0", "#22527") can still be told apart on one line
    first = run[0].link
    shown = " ".join(line.link.text for line in run)
    yield _list_lost(
        document, view, view.paragraphs[run[0].paragraph], first, [(line.text, line.text, "- ") for line in run],
        view.body.find("\n", run[-1].link.end),
        f"{len(run)} links on lines of their own show as one line ({quoted(shown, 60)})",
    )


def _list_lost(
    document: Document, view: Structure, paragraph: Paragraph, first: Link, marks: list[tuple[int, int, str]],
    line_end: int, what: str,
) -> Violation:
    """The finding for links that lost their list marks, with a fix that writes ``marks`` (start,
    end and text in the body) unless the links are in a list item or a quotation."""
    fix = None
    if not (paragraph.in_list or paragraph.in_quote):
        offset = body_start(document)
        edits = [Edit(offset + start, offset + end, text) for start, end, text in marks]
        if 0 <= line_end < paragraph.end:  # the paragraph goes on: a blank line keeps it out of the last item
            edits.append(Edit(offset + line_end, offset + line_end, "\n"))
        fix = Fix(tuple(edits), "make each link a list item", safe=False)
    return Violation(
        view.line_of(first.start), view.column_of(first.start),
        f"{what}: the list lost its bullets; make each link a list item", subject=first.text, fix=fix,
    )


def _side_by_side(document: Document, view: Structure, hints: list[int]) -> Iterator[Violation]:
    """Runs of three links or more with only spaces between them, found from where the gaps may be."""
    body, links = view.body, view.links
    starts = [link.start for link in links]
    joined = set()  # index of each link that stands right after the one before it
    for position in hints:
        after = bisect.bisect_right(starts, position)
        if 0 < after < len(links):
            left, right = links[after - 1], links[after]
            if right.start - left.end <= _MAX_GAP and _GAP.fullmatch(body, left.end, right.start) is not None:
                joined.add(after)
    for first in sorted(joined):
        if first - 1 in joined:
            continue  # inside a run already read
        last = first
        while last + 1 in joined:
            last += 1
        group = links[first - 1:last + 1]
        if len(group) >= 3 and sum(len(link.text.split()) >= 2 for link in group) >= 2:
            yield from _report_side_by_side(document, view, group)


def _report_side_by_side(document: Document, view: Structure, group: tuple[Link, ...]) -> Iterator[Violation]:
    body = view.body
    if not all(shows_its_text(body, link) for link in group):
        return  # a bare URL, an image, a linked image (a badge), HTML
    first, last = group[0], group[-1]
    line_start = body.rfind("\n", 0, first.start) + 1
    line_end = body.find("\n", last.end)
    line_end = len(body) if line_end < 0 else line_end
    before = _BEFORE_ITEM.fullmatch(body, line_start, first.start)
    if before is None or _AFTER.fullmatch(body, last.end, line_end) is None:
        return  # words beside the links: prose
    at = view.paragraph_index(first.start)
    if at < 0 or view.paragraphs[at].end < last.end or view.paragraphs[at].in_table:
        return
    marks = [(before.start(1), before.start(1), "- ")]
    for left, right in zip(group, group[1:]):
        gap = _GAP.fullmatch(body, left.end, right.start)
        if gap is not None:  # always: the run was made of such gaps
            marks.append((gap.start(1), gap.end(1), "\n- "))
    shown = " ".join(link.text for link in group)
    yield _list_lost(
        document, view, view.paragraphs[at], first, marks, line_end,
        f"{len(group)} links side by side show as one run of text ({quoted(shown, 60)})",
    )
