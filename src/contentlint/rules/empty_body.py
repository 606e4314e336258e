"""Q008: an empty or near-empty body."""

from __future__ import annotations

import functools
import heapq
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
    (fenced, indented and inline), HTML comments, link addresses and website notices
    (a link's text or an image's alt text counts; its address does not). A short line
    that is scraping boilerplate (what Q002 reports: "You need to enable JavaScript
    to run this app.", "Your browser is out of date.") is not content: a page that
    holds nothing else is an empty app shell. (Only a page with under 2,000 characters
    outside headings and code is read for notices.)

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
        yield Violation(line, 1, f"{_nothing_there(document)}: add the text or delete the file", subject="empty")
    elif words < minimum:
        besides = f" besides website notices ({_lines_text(notices)})" if notices else ""
        yield Violation(
            line, 1,
            f"only {words} {'word' if words == 1 else 'words'} of content{besides} (fewer than {minimum}): the text was "
            "probably lost when it was fetched; restore it or delete the file",
            subject="near-empty",
        )


def _nothing_there(document: Document) -> str:
    """What an editor finds in a body with no words of content."""
    if document.body.strip():
        return "the document has no text outside headings, code and HTML comments"
    if document.has_front_matter:
        return "the document has no content below its front matter"
    return "the file is empty"


def _count_words(view: Structure, enough: int) -> int:
    """Words of content (see _hidden), counted up to ``enough`` (then the answer is known)."""
    return sum(1 for _ in itertools.islice(_words(view), enough))


def _base(view: Structure) -> list[tuple[int, int]]:
    """Code, comments, headings and link reference definitions, in order."""
    return sorted([
        *view.code_ranges,
        *((heading.start, heading.end) for heading in view.headings),
        *((definition.start, definition.end) for definition in view.definitions),
    ])


def _hidden(view: Structure) -> Iterator[tuple[int, int]]:
    """What is no words of content, in order: _base, and the addresses of links (a thumbnail's
    `/sites/g/files/.../a1b2.jpg` is not ten words; its alt text is words)."""
    return heapq.merge(_base(view), view.addresses)


def _words(view: Structure) -> Iterator[re.Match[str]]:
    """Each word of content, in order."""
    body = view.body
    position = 0
    for start, end in itertools.chain(_hidden(view), [(len(body), len(body))]):
        if start > position:
            yield from _WORD.finditer(body, position, start)
        position = max(position, end)


# Only a page with less text than this outside headings and code is read line by line for notices:
# a longer one has content whatever they are.
_NOTICES_CHECKED_BELOW_CHARACTERS = 2000
# A longer line holds more than a notice, even if a notice is in it.
_NOTICE_MAX_WORDS = 25


def _count_words_besides_notices(view: Structure, minimum: int, boilerplate: PhraseSet) -> tuple[int, list[int]]:
    """Words of content when website notices do not count (counted up to ``minimum``), and the file
    lines of the notices (none when the page is long enough that they cannot matter)."""
    body = view.body
    if len(body) - sum(end - start for start, end in _base(view)) >= _NOTICES_CHECKED_BELOW_CHARACTERS:
        return _count_words(view, minimum), []
    content, notices = 0, []
    line_start = functools.partial(_line_start, body)
    for start, words in itertools.groupby(_words(view), key=lambda word: line_start(word.start())):
        count = sum(1 for _ in words)
        end = body.find("\n", start)
        if count <= _NOTICE_MAX_WORDS and is_boilerplate_line(body[start : end if end >= 0 else len(body)], boilerplate):
            notices.append(view.line_of(start))
        else:
            content += count
            if content >= minimum:  # enough content: the notices do not matter
                return content, []
    return content, notices


def _line_start(body: str, offset: int) -> int:
    return body.rfind("\n", 0, offset) + 1


def _lines_text(lines: list[int]) -> str:
    return f"line {lines[0]}" if len(lines) == 1 else "lines " + ", ".join(map(str, lines[:-1])) + f" and {lines[-1]}"

