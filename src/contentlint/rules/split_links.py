"""Q019: a link whose text runs over several paragraphs, which Markdown reads as no link at all."""

from __future__ import annotations

import re
from typing import Iterator, NamedTuple

from contentlint.analysis.fix_edits import body_start
from contentlint.analysis.line_shapes import LINE_LEAD
from contentlint.analysis.phrases import as_shown, quoted
from contentlint.analysis.structure import Structure, document_structure
from contentlint.document import Document
from contentlint.model.findings import Violation
from contentlint.model.fixes import Edit, Fix
from contentlint.model.settings import Config
from contentlint.plugin import rule

# What the walk from "[" to its "]" meets: an escaped character, a bracket, a blank line.
_STEP = re.compile(r"\\.|[\[\]]|\n[ \t>]*(?=\n)")
# "](target)" or "](target "title")", as an inline link ends.
_CLOSE = re.compile(r"\]\([ \t]*(<[^<>\n]*>|[^\s()<>]+)(?:[ \t]+\"[^\"\n]*\")?[ \t]*\)")
_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
# How far the walk from "[" looks: a card's picture, title and summary take a few hundred characters
# and three paragraphs.
_WALK_LIMIT = 4000
_MOST_PARAGRAPHS = 8


class _SplitLink(NamedTuple):
    opening: int  # the "["
    closing: int  # the "](" that ends it
    end: int  # past its ")"
    target: str  # the address
    destination: str  # what the parentheses hold: the address, and a title if any
    paragraphs: list[tuple[int, int]]  # each paragraph's text, first to last


@rule("Q019", "link-across-paragraphs", "warning", fix="unsafe")
def link_across_paragraphs(document: Document, config: Config) -> Iterator[Violation]:
    """A link's text runs over several paragraphs: Markdown reads it as no link, and the
    page shows its brackets and its address as text.

    Why it matters: web pages often make a whole card a link: a picture, a title and a
    line of summary, all one `<a>`. Copied into Markdown, the card becomes one link whose
    text holds blank lines, and a link's text cannot: the reader sees a lone `[` above
    the picture and `](https://example.org/news/new-trial)` after the summary, and
    nothing to click. Link checks never see the address.

    Reported: a paragraph that begins with a "[" left open to its end, whose "]" comes
    after one blank line or more and is followed by an address in parentheses. The
    finding points at the "[" and names the lines the link runs over.

    Example:

        [![A nurse talks with a patient](https://example.org/images/nurse.jpg)

        New trial for early breast cancer

        Who can take part, and how to join.](https://example.org/news/new-trial)

    Not reported: a link whose text runs over lines of one paragraph (that is allowed);
    brackets in code; a "[" whose "]" has no address after it ("[sic]"), or comes more
    than 8 paragraphs or 4,000 characters later (a card takes two or three paragraphs).

    Fix: make one paragraph the link, usually the title: `[New trial for early breast
    cancer](https://example.org/news/new-trial)`, and delete the stray `[` and `](…)`.
    `--fix --unsafe-fixes` does that with the first paragraph that has words (not only a
    picture); unsafe, because which paragraph is the link is a person's call. A title that
    holds a link of its own, or is a heading, is left for a person.

    Options: none.
    """
    view = document_structure(document)
    body = view.body
    for paragraph in view.paragraphs:
        start, end = paragraph.start, paragraph.end
        if body[start] != "[" or body.count("[", start, end) <= body.count("]", start, end) or paragraph.in_table:
            continue  # not led by a "[" that stays open to the paragraph's end
        split = _split_link(view, start)
        if split is not None:
            yield _violation(view, document, split)


def _split_link(view: Structure, opening: int) -> _SplitLink | None:
    """The link that opens at ``opening`` when its text holds a blank line; else None."""
    body, depth = view.body, 0
    blank_lines: list[tuple[int, int]] = []
    for step in _STEP.finditer(body, opening + 1, min(len(body), opening + _WALK_LIMIT)):
        token = step.group()
        if token == "[":
            depth += 1
        elif token == "]":
            if depth:
                depth -= 1
                continue
            close = _CLOSE.match(body, step.start())
            if close is None or not blank_lines or view.in_code(step.start()):
                return None
            starts = [opening + 1] + [end + 1 for _, end in blank_lines]
            ends = [start for start, _ in blank_lines] + [step.start()]
            paragraphs = [(_text_start(body, start), end) for start, end in zip(starts, ends)]
            inside = body[close.start() + 2:close.end() - 1].strip()
            return _SplitLink(opening, step.start(), close.end(), close.group(1), inside, _with_text(body, paragraphs))
        elif token[0] == "\n":
            blank_lines.append((step.start(), step.end()))  # the line's end, the blank line's end
            if len(blank_lines) >= _MOST_PARAGRAPHS:
                return None
    return None


def _text_start(body: str, start: int) -> int:
    """Where a paragraph's text starts: past blank lines, indentation, quotation marks."""
    while body.startswith("\n", start):
        start += 1
    lead = LINE_LEAD.match(body, start)
    return lead.end() if lead else start


def _with_text(body: str, paragraphs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The paragraphs, each trimmed of the blanks at its end (empty ones dropped)."""
    trimmed = []
    for start, end in paragraphs:
        while end > start and body[end - 1] in " \t\n>":
            end -= 1
        if end > start:
            trimmed.append((start, end))
    return trimmed


def _violation(view: Structure, document: Document, split: _SplitLink) -> Violation:
    body = view.body
    title = next(
        ((start, end) for start, end in split.paragraphs if _IMAGE.sub("", body[start:end]).strip(" \t\n>")), None
    )
    first_line, last_line = view.line_of(split.opening), view.line_of(split.closing)
    count = len(split.paragraphs)
    advice = "make one paragraph the link"
    fix = None
    if title is not None:
        title_text = " ".join(as_shown(body[title[0]:title[1]]).split())
        advice = f"make one paragraph the link, e.g. its title {quoted(title_text, 50)}"
        if "](" not in body[title[0]:title[1]] and not body.startswith("#", title[0]):  # a link or heading in it
            fix = _fix(document, split, title)
    return Violation(
        first_line, view.column_of(split.opening),
        f"a link's text runs over {count} paragraphs (lines {first_line}-{last_line}), which Markdown does not "
        f'allow: readers see "[" and "]({split.target})" as text, and nothing to click; {advice}',
        subject=split.target,
        fix=fix,
    )


def _fix(document: Document, split: _SplitLink, title: tuple[int, int]) -> Fix:
    """Delete the stray "[" and "](target)", and make the title paragraph the link."""
    offset, (start, end) = body_start(document), title
    edits = []
    if start != split.opening + 1:  # the title is not the text right after the "["
        edits += [Edit(offset + split.opening, offset + split.opening + 1), Edit(offset + start, offset + start, "[")]
    if end != split.closing:  # the title is not the text right before the "]("
        edits += [
            Edit(offset + end, offset + end, f"]({split.destination})"),
            Edit(offset + split.closing, offset + split.end),
        ]
    return Fix(tuple(edits), "make the title paragraph the link", safe=False)
