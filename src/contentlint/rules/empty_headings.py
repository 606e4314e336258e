"""Q013: a heading with no text, its words usually left on the line below."""

from __future__ import annotations

import bisect
import re
from typing import Iterator

from contentlint.analysis.fix_edits import body_start
from contentlint.analysis.phrases import quoted
from contentlint.analysis.structure import Heading, Paragraph, Structure, document_structure
from contentlint.document import Document
from contentlint.model.findings import Violation
from contentlint.model.fixes import Edit, Fix
from contentlint.model.settings import Config
from contentlint.plugin import rule

# HTML that a reader sees in a heading that has no text.
_SHOWN_HTML = re.compile(r"<(?:img|svg|picture|video|iframe|object|embed|input|button)\b", re.IGNORECASE)
# A heading whose only content is comments: a directive for the site's build, which fills it in.
_COMMENTS_ONLY = re.compile(r"[ \t]*(?:<!--.*?-->[ \t]*)+#*[ \t]*", re.DOTALL)
# Longer than a heading is written: the line below is then a paragraph of its own.
_MAX_HEADING_LENGTH = 200
# More blank space than this between a heading and a paragraph: the paragraph is not the line below.
_MAX_GAP = 100


@rule("Q013", "empty-heading", "warning", fix="unsafe")
def empty_heading(document: Document, config: Config) -> Iterator[Violation]:
    """A heading has no text: a `##` alone on its line, its words usually on the line below.

    Why it matters: scrapers often write a page's heading marker and its text apart, so
    "What is the study?" becomes a plain paragraph under an empty `##`. The reader sees no
    heading there, the page's outline and its table of contents lose the section, links
    to the section find no anchor, and screen readers announce an empty heading.

    Reported: an ATX heading with no text after its `#` marks: nothing, a closing `##`, or
    HTML that shows nothing (an anchor, `<a id="dosage"></a>`). When the next block is one
    short line of text, the message quotes it as the heading's lost text.

    Example:

        ##

        What is the study?

    Not reported: a heading whose only content is code or an image (`## ![](phone.svg)`, an
    `<img>`), which shows something; a heading whose only content is an HTML comment
    (`#### <!-- md:setting blog_dir -->`), which a site's build fills in; a heading
    underlined with `---` or `===`, which has a line of its own; a `#` line inside a code
    block or an HTML comment.

    Fix: put the heading's text after its `#` marks, or delete the empty heading.

    `--fix --unsafe-fixes` moves the line below into the heading (`## What is the study?`;
    an anchor stays before it) when that line is a paragraph of its own: one line, at most
    200 characters, not ending in a full stop and not starting with a link, an image or
    HTML. Unsafe: whether that line is the heading's text or the section's first sentence
    is a person's call.

    Options: none.
    """
    view = document_structure(document)
    empty = [heading for heading in view.headings if heading.empty]
    if not empty:
        return
    body = view.body
    offset = body_start(document)
    starts = [paragraph.start for paragraph in view.paragraphs]
    for heading in empty:
        written = body[heading.start:heading.end]
        first = written.find("#")
        if first < 0 or written[:first].strip(" "):
            continue  # underlined (setext): its line holds something, HTML at least
        if "![" in written or _SHOWN_HTML.search(written):
            continue  # an image: the heading shows something
        marks = heading.start + first
        hashes = "#" * heading.level
        content = written[first + heading.level:]  # an anchor (<a id>) is kept
        if _COMMENTS_ONLY.fullmatch(content):
            continue  # "## <!-- md:setting blog_dir -->": the build writes its text
        after = marks + heading.level + len(content.rstrip(" \t").rstrip("#").rstrip(" \t"))
        line = _lost_text(view, heading, starts)
        column = view.column_of(marks)
        if line is None:
            yield Violation(heading.line, column, f"empty heading `{hashes}`: write its text or delete it", subject=hashes)
            continue
        text = body[line.start:line.end]
        yield Violation(
            heading.line, column,
            f"empty heading `{hashes}`: its text {quoted(text, 80)} is on line {line.line}, "
            "as a paragraph; move it into the heading",
            subject=text,
            fix=Fix((Edit(offset + after, offset + line.start, " "),), "move the line below into the heading", safe=False),
        )


def _lost_text(view: Structure, heading: Heading, starts: list[int]) -> Paragraph | None:
    """The paragraph right after ``heading`` when it reads as the heading's lost text: one line of its
    own, short, not a sentence, not a link, image or HTML; both at the start of their lines."""
    body = view.body
    at = bisect.bisect_left(starts, heading.end)
    if at == len(starts):
        return None
    paragraph = view.paragraphs[at]
    if paragraph.start - heading.end > _MAX_GAP or paragraph.end - paragraph.start > _MAX_HEADING_LENGTH + 10:
        return None  # not the line below, or not one line: and the slices below stay short
    text = body[paragraph.start:paragraph.end].rstrip()
    if (
        paragraph.in_list or paragraph.in_quote or paragraph.in_table
        or body[heading.end:paragraph.start].strip()
        or not _starts_line(body, heading.start) or not _starts_line(body, paragraph.start)
        or "\n" in text or not text or len(text) > _MAX_HEADING_LENGTH
        or text.endswith(".") or text[0] in "![<"
    ):
        return None
    return paragraph


def _starts_line(body: str, offset: int) -> bool:
    return not body[body.rfind("\n", 0, offset) + 1:offset].strip(" ")
