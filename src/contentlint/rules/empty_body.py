"""Q008: an empty or near-empty body."""

from __future__ import annotations

import itertools
import re
from typing import Iterator

from contentlint.analysis.boilerplate import BOILERPLATE, is_boilerplate_line
from contentlint.analysis.phrases import PhraseSet
from contentlint.analysis.structure import Structure, document_structure
from contentlint.document import Document
from contentlint.model.findings import Violation
from contentlint.model.settings import Config, Option
from contentlint.plugin import rule

MIN_WORDS = Option(
    "quality", "min-words", {"type": "integer", "minimum": 0}, 10, "fewer words than this is near-empty (0: only empty bodies)"
)
_WORD = re.compile(r"[^\W_]+")


@rule("Q008", "empty-body", "warning", uses=[BOILERPLATE], options=[MIN_WORDS])
def empty_body(document: Document, config: Config) -> Iterator[Violation]:
    """The document's body is empty or nearly empty.

    Why it matters: a page that lost its content in a failed fetch or a bad export
    still counts as a page; it answers nothing and hides the gap.

    Reported: a body with no text, or fewer than 10 words outside headings, code
    (fenced, indented and inline), HTML comments and website notices. A short line
    that is scraping boilerplate (what Q002 reports: "You need to enable JavaScript
    to run this app.", "Your browser is out of date.") is not content: a page that
    holds nothing else is an empty app shell.

    Example: a page whose body is `# Share` and "You need to enable JavaScript to run
    this app." has no content at all.

    Options (`[tool.contentlint.quality]`): `min-words` (default 10; 0 reports only
    empty bodies).
    """
    if document.front_matter_error is not None and not document.body.strip():
        return  # the unreadable front matter is what to fix first
    minimum = config.option(MIN_WORDS)
    view = document_structure(document)
    if minimum > 0:
        words, notices = _count_words_besides_notices(view, minimum, config.resource(BOILERPLATE))
    else:
        words, notices = _count_words(view, 1), []
    line = document.body_first_line
    if words == 0 and notices:
        yield Violation(
            line, 1,
            f"the document holds nothing but website notices ({_lines_text(notices)}): the content was probably "
            "lost when it was fetched; restore it or delete the file",
            subject="near-empty",
        )
    elif words == 0:
        yield Violation(line, 1, "the document has no content below its front matter: add the text or delete the file", subject="empty")
    elif words < minimum:
        besides = f" besides website notices ({_lines_text(notices)})" if notices else ""
        yield Violation(
            line, 1,
            f"only {words} {'word' if words == 1 else 'words'} of content{besides} (fewer than {minimum}): the text was "
            "probably lost when it was fetched; restore it or delete the file",
            subject="near-empty",
        )


def _count_words(view: Structure, enough: int) -> int:
    """Words outside headings, code and comments, counted up to ``enough`` (then the answer is known)."""
    return sum(1 for _ in itertools.islice(_words(view), enough))


def _words(view: Structure) -> Iterator[re.Match[str]]:
    """Each word outside headings, code and comments, in order."""
    body = view.body
    hidden = sorted([*view.code_ranges, *((heading.start, heading.end) for heading in view.headings)])
    position = 0
    for start, end in (*hidden, (len(body), len(body))):
        if start > position:
            yield from _WORD.finditer(body, position, start)
        position = max(position, end)


# Only a page this short is read line by line for notices: a longer one has content whatever they are.
_NOTICES_CHECKED_BELOW_WORDS = 60
# A longer line holds more than a notice, even if a notice is in it.
_NOTICE_MAX_WORDS = 25


def _count_words_besides_notices(view: Structure, minimum: int, boilerplate: PhraseSet) -> tuple[int, list[int]]:
    """Words of content when website notices do not count, and the file lines of the notices (none
    when the page is long enough that they cannot matter)."""
    enough = max(minimum, _NOTICES_CHECKED_BELOW_WORDS)
    words = list(itertools.islice(_words(view), enough))
    if len(words) >= enough:
        return len(words), []
    body = view.body
    by_line: dict[int, int] = {}
    for word in words:
        start = body.rfind("\n", 0, word.start()) + 1
        by_line[start] = by_line.get(start, 0) + 1
    content, notices = 0, []
    for start, count in by_line.items():
        end = body.find("\n", start)
        line = body[start : end if end >= 0 else len(body)]
        if count <= _NOTICE_MAX_WORDS and is_boilerplate_line(line, boilerplate):
            notices.append(view.line_of(start))
        else:
            content += count
    return content, notices


def _lines_text(lines: list[int]) -> str:
    return f"line {lines[0]}" if len(lines) == 1 else "lines " + ", ".join(map(str, lines[:-1])) + f" and {lines[-1]}"

