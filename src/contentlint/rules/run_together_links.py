"""Q015: links written on lines of their own in one paragraph, which a reader sees run together."""

from __future__ import annotations

import re
from typing import Iterator, NamedTuple

from contentlint.analysis.fix_edits import body_start
from contentlint.analysis.phrases import quoted
from contentlint.analysis.structure import INLINE, REFERENCE, Link, Structure, document_structure
from contentlint.document import Document
from contentlint.model.findings import Violation
from contentlint.model.fixes import Edit, Fix
from contentlint.model.settings import Config
from contentlint.plugin import rule

# Two lines in a row that each start with a link (in a quotation, in bold): the pages to look at.
# Searched from a newline, not with ``^`` (a match tried at every character costs ten times more).
_TWO_LINK_LINES = re.compile(r"\n[ \t>]*[*_]{0,3}\[[^\n]*\n[ \t>]*[*_]{0,3}\[")
# What may stand before a line's link (indentation, quotation marks, emphasis) and after it.
_BEFORE = re.compile(r"[ \t>]*([*_]{0,3})")
_AFTER = re.compile(r"[*_]{0,3}([ \t]*)")


@rule("Q015", "links-run-together", "warning", fix="unsafe")
def links_run_together(document: Document, config: Config) -> Iterator[Violation]:
    """Links written one to a line, with no list marks, in one paragraph: a reader sees
    them run together on one line.

    Why it matters: scrapers often drop the bullets of a list of links ("Cancer Pain",
    "Nausea and Vomiting", "Last Days of Life"). A line break inside a paragraph is only
    a space in Markdown, so the page shows "Cancer Pain Nausea and Vomiting Last Days of
    Life" as one line of links that cannot be told apart, and a retrieval assistant reads
    the titles as one sentence.

    Reported: two or more lines in a row of one paragraph that each hold one link and
    nothing else (in bold, in a quotation or indented under a list item, too). The
    finding points at the first of them.

    Example:

        Related pages:
        [Hair loss](https://example.org/hair-loss)
        [Mouth sores](https://example.org/mouth-sores)

    Not reported: links in paragraphs of their own (a blank line between them); a line that
    ends in a line break (two spaces or more), which the reader sees as its own line; a line
    with words beside its link ("See [hair loss](https://example.org/hair-loss) and"),
    which is prose wrapped; links whose texts are one word each ("6.4.0 6.4.1"), which can
    still be told apart; links in a table, in code or in HTML; images and linked images
    (badges).

    Fix: make each link a list item (`- [Hair loss](https://example.org/hair-loss)`), or
    put a blank line between them. `--fix --unsafe-fixes` puts `- ` before each link
    (not under a list item or in a quotation, where how they nest is for a person to say);
    unsafe, because whether the links are a list is a person's call.

    Options: none.
    """
    body = document.body
    if "[" not in body or _TWO_LINK_LINES.search("\n" + body) is None:
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
    if link.kind not in (INLINE, REFERENCE) or body.startswith("[!", link.start):
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
    paragraph = view.paragraphs[run[0].paragraph]
    fix = None
    if not (paragraph.in_list or paragraph.in_quote):
        offset, body = body_start(document), view.body
        edits = [Edit(offset + line.text, offset + line.text, "- ") for line in run]
        line_end = body.find("\n", run[-1].link.end)
        if 0 <= line_end < paragraph.end:  # the paragraph goes on: a blank line keeps it out of the last item
            edits.append(Edit(offset + line_end, offset + line_end, "\n"))
        fix = Fix(tuple(edits), "make each link a list item", safe=False)
    yield Violation(
        view.line_of(first.start), view.column_of(first.start),
        f"{len(run)} links on lines of their own show as one line ({quoted(shown, 60)}): "
        "the list lost its bullets; make each link a list item",
        subject=first.text,
        fix=fix,
    )
