"""Q008: an empty or near-empty body."""

from __future__ import annotations

import bisect
import functools
import heapq
import itertools
import re
from typing import Iterator, NamedTuple

from contentlint.analysis.boilerplate import BOILERPLATE, is_boilerplate_line
from contentlint.analysis.phrases import PhraseSet, phrase_spans
from contentlint.analysis.placeholders import PLACEHOLDERS
from contentlint.analysis.structure import Structure, document_structure, merge_ranges
from contentlint.document import Document
from contentlint.model.findings import Violation
from contentlint.model.settings import Config, Option
from contentlint.plugin import rule

MIN_WORDS = Option(
    "quality", "min-words", {"type": "integer", "minimum": 0}, 10, "fewer words than this is near-empty (0: only empty bodies)"
)
_WORD = re.compile(r"[^\W_]+")


@rule("Q008", "empty-body", "warning", uses=[BOILERPLATE, PLACEHOLDERS], options=[MIN_WORDS])
def empty_body(document: Document, config: Config) -> Iterator[Violation]:
    """The document's body is empty or nearly empty.

    Why it matters: a page that lost its content in a failed fetch or a bad export
    still counts as a page; it answers nothing and hides the gap.

    Reported: a body with no text, or fewer than 10 words outside headings, code
    (fenced, indented and inline), HTML comments, link addresses and website notices
    (a link's text or an image's alt text counts; its address does not). A short line
    that is scraping boilerplate (what Q002 reports: "You need to enable JavaScript
    to run this app.", "Your browser is out of date.") is not content: a page that
    holds nothing else is an empty app shell. Nor are the words of placeholder text
    (what Q001 reports: "Placeholder slot", "Content coming soon"), so a page is called
    near-empty at once, not after `--fix` deletes its placeholders. Nor is a line that
    only repeats a heading (a video page that kept its title, a thumbnail and the title
    again as a caption). (Only a page with under 2,000 characters outside headings and
    code is read for notices, placeholders and repeated headings.)

    Not reported: a short or empty Hugo section page (`_index.md`), on which the site
    lists the section's pages, unless what it holds is notices or placeholders.

    Example: a page whose body is `# Share` and "You need to enable JavaScript to run
    this app." has no content at all.

    Options (`[tool.contentlint.quality]`): `min-words` (default 10; 0 reports only
    empty bodies).
    """
    if document.front_matter_error is not None and not document.body.strip():
        return  # the unreadable front matter is what to fix first
    minimum = config.option(MIN_WORDS)
    view = document_structure(document)
    if minimum > 0 and _short(view):
        count = _count_besides_notices(
            view, minimum, config.resource(BOILERPLATE), phrase_spans(document, config, config.resource(PLACEHOLDERS))
        )
    else:
        count = _Count(_count_words(view, max(minimum, 1)))
    words, besides = count.words, count.besides()
    line = document.body_first_line
    if _SECTION_PAGE.search(document.path) and not (count.notices or count.placeholders or count.repeats):
        return  # a section's list page: the site shows the section's pages there
    if words == 0 and (count.notices or count.repeats):
        yield Violation(
            line, 1,
            f"the document holds nothing but {besides}: the content was probably lost when it was fetched; "
            "restore it or delete the file",
            subject="near-empty",
        )
    elif words == 0 and count.placeholders:
        yield Violation(line, 1, f"the document holds nothing but {besides}: write the content or delete the file",
                        subject="near-empty")
    elif words == 0:
        yield Violation(line, 1, f"{_nothing_there(document)}: add the text or delete the file", subject="empty")
    elif words < minimum:
        yield Violation(
            line, 1,
            f"only {words} {'word' if words == 1 else 'words'} of content{' besides ' + besides if besides else ''} "
            f"(fewer than {minimum}): the text was probably lost when it was fetched; restore it or delete the file",
            subject="near-empty",
        )


# Hugo's page for a section (a branch bundle): the site lists the section's pages on it, so its own
# text may be short or none.
_SECTION_PAGE = re.compile(r"(?:^|[/\\])_index\.(?:md|markdown)$", re.IGNORECASE)


class _Count(NamedTuple):
    """Words of content, and the file lines of the website notices, placeholders and headings
    repeated as text besides them."""

    words: int
    notices: tuple[int, ...] = ()
    placeholders: tuple[int, ...] = ()
    repeats: tuple[int, ...] = ()

    def besides(self) -> str:
        """"website notices (line 12) and placeholder text (line 14)", or ""."""
        parts = [f"{what} ({_lines_text(lines)})" for what, lines in
                 (("website notices", self.notices), ("placeholder text", self.placeholders),
                  ("a heading repeated as text", self.repeats)) if lines]
        return " and ".join(parts)


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


# Only a page with less text than this outside headings and code is read line by line for notices
# and placeholders: a longer one has content whatever they are.
_NOTICES_CHECKED_BELOW_CHARACTERS = 2000
# A longer line holds more than a notice, even if a notice is in it.
_NOTICE_MAX_WORDS = 25


def _short(view: Structure) -> bool:
    return len(view.body) - sum(end - start for start, end in _base(view)) < _NOTICES_CHECKED_BELOW_CHARACTERS


def _count_besides_notices(view: Structure, minimum: int, boilerplate: PhraseSet,
                           placeholders: list[tuple[int, int]]) -> _Count:
    """Words of content (counted up to ``minimum``) when website notices, the words of
    ``placeholders`` (spans of the body) and lines that only repeat a heading do not count; their
    lines are kept only when the content is short of ``minimum``, since then they are what the
    page holds."""
    body = view.body
    content, notices, placeholder_lines, repeats = 0, [], [], []
    line_start = functools.partial(_line_start, body)
    placeholders = merge_ranges(list(placeholders))
    placeholder_starts = [start for start, _ in placeholders]
    headings = {tuple(_WORD.findall(heading.text.lower())) for heading in view.headings}
    for start, words in itertools.groupby(_words(view), key=lambda word: line_start(word.start())):
        found = list(words)
        count = sum(1 for word in found if not _inside(placeholders, placeholder_starts, word.start()))
        if count < len(found):
            placeholder_lines.append(view.line_of(start))
        if not count:
            continue
        end = body.find("\n", start)
        if count <= _NOTICE_MAX_WORDS and is_boilerplate_line(body[start : end if end >= 0 else len(body)], boilerplate):
            notices.append(view.line_of(start))
        elif count == len(found) and tuple(word.group().lower() for word in found) in headings:
            repeats.append(view.line_of(start))  # a page's title shown again (a video's caption)
        else:
            content += count
            if content >= minimum:  # enough content: the notices do not matter
                return _Count(content)
    return _Count(content, tuple(notices), tuple(placeholder_lines), tuple(repeats))


def _inside(spans: tuple[tuple[int, int], ...], starts: list[int], offset: int) -> bool:
    at = bisect.bisect_right(starts, offset) - 1
    return at >= 0 and offset < spans[at][1]


def _line_start(body: str, offset: int) -> int:
    return body.rfind("\n", 0, offset) + 1


def _lines_text(lines: list[int]) -> str:
    return f"line {lines[0]}" if len(lines) == 1 else "lines " + ", ".join(map(str, lines[:-1])) + f" and {lines[-1]}"
