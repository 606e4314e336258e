"""Q008: an empty or near-empty body."""

from __future__ import annotations

import itertools
import re
from typing import Iterator

from contentlint.analysis.structure import Structure, document_structure
from contentlint.document import Document
from contentlint.model.findings import Violation
from contentlint.model.settings import Config, Option
from contentlint.plugin import rule

MIN_WORDS = Option(
    "quality", "min-words", {"type": "integer", "minimum": 0}, 10, "fewer words than this is near-empty (0: only empty bodies)"
)
_WORD = re.compile(r"[^\W_]+")


@rule("Q008", "empty-body", "warning", options=[MIN_WORDS])
def empty_body(document: Document, config: Config) -> Iterator[Violation]:
    """The document's body is empty or nearly empty.

    Why it matters: a page that lost its content in a failed fetch or a bad export
    still counts as a page; it answers nothing and hides the gap.

    Reported: a body with no text, or fewer than 10 words outside headings, code
    (fenced, indented and inline) and HTML comments.

    Options (`[tool.contentlint.quality]`): `min-words` (default 10; 0 reports only
    empty bodies).
    """
    if document.front_matter_error is not None and not document.body.strip():
        return  # the unreadable front matter is what to fix first
    minimum = config.option(MIN_WORDS)
    words = _count_words(document_structure(document), max(minimum, 1))
    line = document.body_first_line
    if words == 0:
        yield Violation(line, 1, "the document has no content below its front matter: add the text or delete the file", subject="empty")
    elif words < minimum:
        yield Violation(
            line, 1,
            f"only {words} {'word' if words == 1 else 'words'} of content (fewer than {minimum}): the text was "
            "probably lost when it was fetched; restore it or delete the file",
            subject="near-empty",
        )


def _count_words(view: Structure, enough: int) -> int:
    """Words outside headings, code and comments, counted up to ``enough`` (then the answer is known)."""
    body = view.body
    hidden = sorted([*view.code_ranges, *((heading.start, heading.end) for heading in view.headings)])
    words, position = 0, 0
    for start, end in (*hidden, (len(body), len(body))):
        if start > position:
            words += sum(1 for _ in itertools.islice(_WORD.finditer(body, position, start), enough - words))
            if words >= enough:
                return words
        position = max(position, end)
    return words
