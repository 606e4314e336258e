"""Q004: the same paragraph, or the same line twice in a row, repeated."""

from __future__ import annotations

import bisect
import dataclasses
import itertools
import operator
import re
from typing import Iterator

from contentlint.analysis.fix_edits import body_start, delete_lines
from contentlint.analysis.phrases import (
    quoted,
)
from contentlint.analysis.structure import IMAGE, Heading, Link, Paragraph, Structure, document_structure
from contentlint.document import Document
from contentlint.model.findings import Violation
from contentlint.model.fixes import Edit, Fix
from contentlint.model.settings import Config, Option
from contentlint.plugin import rule

REPEAT_MIN_CHARACTERS = Option(
    "quality", "repeat-min-characters", {"type": "integer", "minimum": 1}, 40, "shortest paragraph compared (characters)"
)
_QUOTE_MARKERS = re.compile(r"\n[ \t]*(?:>[ \t]?)+")
_HTML_IMAGE = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
_LINE_END_AND_BLANKS = re.compile(r"[ \t]*\n(?:[ \t]*\n)*")
_WORDS_ONLY = re.compile(r"[\W_]+")
# A link to an image file ("[Enlarge](…/415526.jpg)") is part of the figure, not text of its own.
_IMAGE_FILE = re.compile(r"\.(?:jpe?g|png|gif|svg|webp|bmp|tiff?)(?:[?#].*)?$", re.IGNORECASE)


@rule("Q004", "repeated-text", "warning", options=[REPEAT_MIN_CHARACTERS], fix="safe")
def repeated_text(document: Document, config: Config) -> Iterator[Violation]:
    """The same paragraph, or the same line twice in a row, appears again.

    Why it matters: repeats are a sign of a bad copy (a widget rendered twice, a page
    stitched from two fetches) and make a retrieval corpus weigh one passage double.

    Reported: the second and later copies of a paragraph of at least 40 characters
    (whitespace ignored), with the line of the first copy; and a line of prose repeated
    on the next line (also a list item doubled in its list).

    A repeated paragraph is reported when it reads as a bad copy, and the message says
    which: right after the first copy; with the text around it (a run of paragraphs, such
    as a footer, copied twice); under the same heading repeated (a section copied twice);
    under another picture (one caption under two or three images, unless the picture's alt
    text says what the caption says: two alike pictures, each described); or a long paragraph
    (over 250 characters) again in the same section.

    Not reported: what a source page repeats on purpose. A paragraph repeated under a
    different heading ("For information about the treatments listed below, see…" under
    each stage); a short cross-reference ("For more information, see…", a sentence with a
    link) given twice in one section; a short sentence repeated under each item of a
    list. Nor: short lines ("Yes", "Contact"); headings; tables (their rows and cells);
    code blocks; list items that recur in different places (the same side effect under
    two headings is normal); a paragraph that is only an image or images (with an
    "Enlarge" link to the picture, say), and its caption when the same picture is shown
    again with it: a page may show one figure twice; a one-line label right above a code
    block or a table ("Filename: dose.py") that labels another one too.

    Fix (safe): `--fix` deletes a line that repeats the line above, and a paragraph that
    repeats the one right before it (nothing but blank lines between them). A copy further
    away is left for a person: which of the two belongs where is a judgment.

    Options (`[tool.contentlint.quality]`): `repeat-min-characters` (default 40).
    """
    view = document_structure(document)
    minimum = config.option(REPEAT_MIN_CHARACTERS)
    prose = [p for p in view.paragraphs if not p.in_table]
    if not prose:
        return
    for violation in _repeated_lines(view, prose, minimum):
        yield dataclasses.replace(
            violation, fix=Fix((delete_lines(document, violation.line, violation.line),), "delete the repeated line"))
    candidates = [(p, _text(view, p)) for p in prose if not p.in_list and p.end - p.start >= minimum]
    if _may_repeat([text for _, text in candidates], minimum):
        by_line: dict[int, int] = {}
        for index, paragraph in enumerate(view.paragraphs):
            by_line.setdefault(paragraph.line, index)
        for violation in _repeated_paragraphs(view, prose, candidates, minimum):
            fix = _adjacent_copy_fix(document, view, by_line.get(violation.line, 0))
            yield dataclasses.replace(violation, fix=fix) if fix is not None else violation


def _adjacent_copy_fix(document: Document, view: Structure, index: int) -> Fix | None:
    """Delete paragraph ``index`` when the paragraph right before it, with only blank lines
    between them, is the same text."""
    paragraphs = view.paragraphs
    if index == 0:
        return None
    before, paragraph = paragraphs[index - 1], paragraphs[index]
    if view.body[before.end:paragraph.start].strip() or before.in_list or paragraph.in_list:
        return None
    if " ".join(_text(view, before).split()) != " ".join(_text(view, paragraph).split()):
        return None
    offset = body_start(document)
    return Fix((Edit(offset + before.end, offset + paragraph.end, ""),), "delete the repeated paragraph")


def _text(view: Structure, paragraph: Paragraph) -> str:
    text = view.body[paragraph.start:paragraph.end]
    if paragraph.in_quote and "\n" in text:
        text = _QUOTE_MARKERS.sub("\n", text)
    return text


def _repeated_lines(view: Structure, prose: list[Paragraph], minimum: int) -> Iterator[Violation]:
    """A line equal to the line before it (no blank line between them), both lines of prose."""
    lines = view.body.split("\n")
    equal = list(itertools.compress(itertools.count(1), map(operator.eq, lines, itertools.islice(lines, 1, None))))
    if not equal:
        return
    starts = [p.start for p in prose]
    line_starts = view.lines()
    for index in equal:
        line = lines[index]
        if len(line) < minimum or not line.strip():
            continue
        if _in_prose(prose, starts, line_starts[index - 1]) and _in_prose(prose, starts, line_starts[index]):
            yield Violation(
                view.first_line + index, 1,
                f"this line repeats the line above ({quoted(line, 50)}): delete the copy",
                subject=" ".join(line.split())[:80],
            )


def _in_prose(prose: list[Paragraph], starts: list[int], line) -> bool:
    """Whether some paragraph (outside tables) covers part of the line."""
    index = bisect.bisect_left(starts, line.end) - 1
    return index >= 0 and prose[index].end > line.start


# What str.split() takes for whitespace in ASCII; other whitespace (all of it, as str.isspace() says:
# no-break spaces, the typographic spaces) is made a space first.
_ASCII_WHITESPACE = b" \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f"
_OTHER_WHITESPACE = "\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"


def _may_repeat(blocks: list[str], minimum: int) -> bool:
    """False when no two long blocks can be equal once whitespace is ignored: most pages, told apart
    without splitting every paragraph into words (C-level passes over the page only)."""
    long = list(itertools.compress(blocks, map(minimum.__le__, map(len, blocks))))
    if len(long) < 2:
        return False
    joined = "\x00".join(long)
    if not joined.isascii():  # a search for each such space is faster than one regular expression for all
        for space in _OTHER_WHITESPACE:
            if space in joined:
                joined = joined.replace(space, " ")
    squeezed = joined.encode().translate(None, _ASCII_WHITESPACE).split(b"\x00")
    return len(squeezed) != len(long) or len(set(squeezed)) < len(squeezed)  # (a NUL in the text: compare)


def _image_only(view: Structure, link_starts: list[int], paragraph: Paragraph) -> bool:
    """Whether the paragraph holds nothing but images, linked or not (``![alt](src)``,
    ``[![alt](src)](href)``, ``<img>``): no text of its own. ``link_starts``: where each link starts."""
    links = view.links
    inside = []
    for index in range(bisect.bisect_left(link_starts, paragraph.start), len(links)):  # no copy of the rest
        if links[index].start >= paragraph.end:
            break
        inside.append(links[index])
    images = [link for link in inside if link.kind == IMAGE]
    text = view.body[paragraph.start:paragraph.end]
    if not images and "<img" not in text.lower():
        return False
    hidden = list(images)
    for link in inside:  # a link whose text is only its images' alt text adds no text either
        if link.kind != IMAGE and (
            _IMAGE_FILE.search(link.dest) or link.text == "".join(i.text for i in images if link.start <= i.start < link.end)
        ):
            hidden.append(link)
    for link in hidden:
        start, end = link.start - paragraph.start, link.end - paragraph.start
        text = text[:start] + " " * (end - start) + text[end:]
    return not _HTML_IMAGE.sub("", text).strip(" \t\n|·-–—")


def _figure(view: Structure, link_starts: list[int], paragraph: Paragraph) -> Link | None:
    """The image right above a paragraph (its caption), or None."""
    links, body = view.links, view.body
    index = bisect.bisect_left(link_starts, paragraph.start) - 1
    end = paragraph.start
    while index >= 0:
        link = links[index]
        if link.end > end or body[link.end:end].strip(" \t\n>"):
            return None
        if link.kind == IMAGE:
            return link
        end = link.start  # a link beside the image ("[Enlarge](…)"): look before it
        index -= 1
    return None


def _describes(image: Link, caption: str) -> bool:
    """Whether the caption says what the image's own alt text says: written for that picture."""
    alt = _WORDS_ONLY.sub(" ", image.text.casefold()).split()
    return len(alt) >= 3 and " ".join(alt) in " ".join(_WORDS_ONLY.sub(" ", caption.casefold()).split())


def _labels_a_block(view: Structure, block_lines: set[int], paragraph: Paragraph) -> bool:
    """Whether the paragraph is one line right above a code block or a table (``block_lines``:
    where the line each starts on starts): its label."""
    body = view.body
    if "\n" in body[paragraph.start:paragraph.end].strip():
        return False
    below = _LINE_END_AND_BLANKS.match(body, paragraph.end)
    return below is not None and below.end() in block_lines


# A repeat this short, in the same section with other text between, is the page's own wording
# ("All tumour marker levels are normal." under each sub-stage; "For more information, see …").
_SHORT_REPEAT = 250
_CROSS_REFERENCE = re.compile(
    r"\]\(|https?://|^(?:for (?:more )?information|to (?:learn|find out|read) more|learn more|read more|find out more|"
    r"see |visit |use our |go to )",
    re.IGNORECASE,
)


def _headings_between(view: Structure, starts: list[int], start: int, end: int) -> tuple[Heading, ...]:
    """The headings from ``start`` to ``end``; ``starts``: where each heading starts, in order."""
    return view.headings[bisect.bisect_left(starts, start):bisect.bisect_left(starts, end)]


def _section_heading(view: Structure, starts: list[int], offset: int) -> Heading | None:
    above = bisect.bisect_left(starts, offset)
    return view.headings[above - 1] if above else None


def _why_damage(
    view: Structure, prose: list[Paragraph], keys: dict[int, str], first: Paragraph, copy: Paragraph,
    index: dict[int, int], starts: list[int],
) -> str:
    """What makes this repeat scraping damage, or "" when the page plausibly repeats it on purpose:
    a sentence the source repeats under each stage or section heading is not a bad copy.
    ``index``: each prose paragraph's position by its start; ``starts``: the headings' starts."""
    i, j = index[first.start], index[copy.start]

    def key(k: int) -> str:
        if k not in keys:
            keys[k] = " ".join(view.body[prose[k].start:prose[k].end].split())
        return keys[k]

    between = _headings_between(view, starts, first.end, copy.start)
    if not between:
        if j == i + 1:
            return "right after it"
        if i > 0 and j - 1 != i and key(i - 1) == key(j - 1) or j + 1 < len(prose) and i + 1 != j and key(i + 1) == key(j + 1):
            return "with the text around it"  # a run of paragraphs copied twice (a footer, a stitched fetch)
        short = len(key(j)) <= _SHORT_REPEAT
        if short and (_CROSS_REFERENCE.search(key(j)) or any(prose[k].in_list for k in range(i + 1, j))):
            return ""  # a pointer the page gives twice, or a line each list item's section repeats
        return "in the same section"
    section = _section_heading(view, starts, first.start)
    if section is not None and section.has_text and all(h.has_text and h.text == section.text for h in between):
        return f"under the same heading repeated ({quoted(section.text, 40)})"  # a section copied twice
    return ""


def _repeated_paragraphs(
    view: Structure, prose: list[Paragraph], candidates: list[tuple[Paragraph, str]], minimum: int
) -> Iterator[Violation]:
    first_seen: dict[str, list[Paragraph]] = {}
    keys: dict[int, str] = {}
    # Built once, not per repeat: a page of thousands of copies stays linear.
    index = {p.start: i for i, p in enumerate(prose)}
    starts = [h.start for h in view.headings]
    link_starts = [link.start for link in view.links]
    block_lines = {view.body.rfind("\n", 0, block.start) + 1 for block in (*view.code_blocks, *view.tables)}
    for paragraph, text in candidates:
        key = " ".join(text.split())
        if len(key) < minimum:
            continue
        copies = first_seen.setdefault(key, [])
        copies.append(paragraph)
        if len(copies) == 1:
            continue
        # Tested only for a repeat (the tests read the same on every copy).
        if _image_only(view, link_starts, paragraph):
            continue  # the same picture shown again
        if _labels_a_block(view, block_lines, paragraph) and _labels_a_block(view, block_lines, copies[-2]):
            continue  # one label over two listings or tables ("Filename: src/main.rs")
        figure = _figure(view, link_starts, paragraph)
        if figure is not None:
            if any((other := _figure(view, link_starts, copy)) is not None and other.dest == figure.dest
                   for copy in copies[:-1]):
                continue  # the same figure, image and caption, shown again
            if _describes(figure, key):
                continue  # a caption its picture's alt text repeats: written for each of alike pictures
            how = "under another picture"  # one caption under two images
        else:
            how = _why_damage(view, prose, keys, copies[-2], paragraph, index, starts)
            if not how:
                continue
        yield Violation(
            paragraph.line, 1,
            f"this paragraph repeats the one on line {copies[-2].line} word for word, {how} ({quoted(key, 50)}): "
            "delete the copy",
            subject=key[:80],
        )
