"""Q008: an empty or near-empty body."""

from __future__ import annotations

import re
from typing import Iterator

from contentlint.analysis.visible_text import (
    visible_body,
)
from contentlint.document import Document
from contentlint.model.findings import Violation
from contentlint.model.settings import Config, Option
from contentlint.plugin import rule

MIN_WORDS = Option(
    "quality", "min-words", {"type": "integer", "minimum": 0}, 10, "fewer words than this is near-empty (0: only empty bodies)"
)
_WORD = re.compile(r"[^\W_]+")
_HEADING_LINE = re.compile(r"^ {0,3}#[^\n]*$|^ {0,3}[=-]+[ \t]*$", re.MULTILINE)


@rule("Q008", "empty-body", "warning", options=[MIN_WORDS])
def empty_body(document: Document, config: Config) -> Iterator[Violation]:
    """The document's body is empty or nearly empty.

    Why it matters: a page that lost its content in a failed fetch or a bad export
    still counts as a page; it answers nothing and hides the gap.

    Reported: a body with no text, or fewer than 10 words outside headings, code and
    comments.

    Options (`[tool.contentlint.quality]`): `min-words` (default 10; 0 reports only
    empty bodies).
    """
    if document.front_matter_error is not None and not document.body.strip():
        return  # the unreadable front matter is what to fix first
    minimum = config.option(MIN_WORDS)
    text = visible_body(document)
    if len(text) > minimum * 40 and len(text.split(None, minimum)) > minimum:
        return
    words = len(_WORD.findall(_HEADING_LINE.sub(" ", text)))
    line = document.body_first_line
    if words == 0:
        yield Violation(line, 1, "the document has no content below its front matter: add the text or delete the file", subject="empty")
    elif words < minimum:
        yield Violation(
            line, 1,
            f"the document has only {words} words of content (fewer than {minimum}): the text was probably lost "
            "when it was fetched; restore it or delete the file",
            subject="near-empty",
        )
