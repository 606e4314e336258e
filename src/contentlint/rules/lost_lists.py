"""Q003: a list introduced ("It can:") with no items after it."""

from __future__ import annotations

import re
from typing import Iterator

from contentlint.analysis.line_shapes import LIST_ITEM
from contentlint.analysis.phrases import (
    quoted,
)
from contentlint.analysis.visible_text import (
    visible_body,
)
from contentlint.document import Document
from contentlint.model.findings import Violation
from contentlint.model.settings import Config
from contentlint.plugin import rule

_SPACES = re.compile(r"\s*")
_LIST_ITEM_AT = re.compile(LIST_ITEM.pattern.removeprefix("^"))  # for match(text, position): "^" would fail there
_COLON_END = re.compile(r":[^\S\n]*$", re.MULTILINE)
# Words that leave a sentence waiting for what follows: "It can:", "such as:", "include:".
_OPEN_ENDINGS = frozenset(
    "can could may might will would should must include includes including are is be been were was have has "
    "had get gets as following follows below here these those like to of for with from if when about you them "
    "they we us it this contain contains cause causes help helps mean means need needs use try whether any "
    "symptoms signs effects steps ways things tips ask tell".split()
)
_LAST_SENTENCE = re.compile(r"(?:(?<=[.!?])\s+|^\W*)([^.!?]*)$")
_SOMETHING_FOLLOWS = ("|", ">", "<", "[", "!", "```", "~~~", '"', "“", "'", "‘", "(")


def _intro_words(line: str) -> list[str]:
    return re.findall(r"[\w'’-]+", line.rstrip().rstrip(":"))


def _is_list_intro(line: str) -> bool:
    stripped = line.strip()
    if stripped.startswith(("#", "|")) or LIST_ITEM.match(line) and not stripped.endswith(":"):
        return False
    words = _intro_words(stripped.lstrip("-*+•>0123456789.) "))
    if len(words) < 2:
        return False  # "Email:", "Address:" are labels
    return len(words) >= 6 or words[-1].lower() in _OPEN_ENDINGS


def _follows(line: str) -> bool:
    """Whether a line is content a colon could introduce other than a paragraph: list, table, code, quote..."""
    stripped = line.strip()
    return (
        bool(LIST_ITEM.match(line))
        or stripped.startswith(_SOMETHING_FOLLOWS)
        or line.startswith(("    ", "\t"))
        or stripped[:1].isdigit()
    )


@rule("Q003", "list-missing", "warning")
def list_missing(document: Document, config: Config) -> Iterator[Violation]:
    """A line introduces a list ("It can:") but no list follows.

    Why it matters: when a page is scraped, lists built from web widgets are often lost,
    leaving a sentence that promises items the reader never sees. On a drug page the
    lost items are often the side effects or the warnings.

    A line ending in ":" that reads as an introduction (it ends with a word such as
    "can", "include", "such as", "following", or it is a sentence of six words or more)
    and ends its paragraph must be followed by a list: items starting with `-`, `*`,
    `+`, `•` or a number (`1.`, `2)`). A table, code block, quotation, image or link
    line also counts as what follows. Labels such as "Email:" or "Opening hours:" are
    not introductions. One stray line before the items is tolerated.

    Example: "Pomalidomide works in several different ways. It can:" followed by a
    paragraph about consent.

    Fix: restore the list from the source, or rewrite the sentence.

    Options: none.
    """
    body = document.body
    if ":" not in body:
        return
    text = visible_body(document)
    lines: list[str] = []
    original: list[str] = []
    for match in _COLON_END.finditer(text):
        following_start = text.rfind("\n", 0, _SPACES.match(text, match.end()).end()) + 1
        if following_start > match.end() and _LIST_ITEM_AT.match(text, following_start):
            continue  # the usual case: the list follows
        line_start = text.rfind("\n", 0, match.start()) + 1
        if not _is_list_intro(text[line_start:match.end()]):
            continue
        if not lines:  # split once, and only for a document that has an introduction
            lines, original = text.split("\n"), body.split("\n")
        index = text.count("\n", 0, match.start())
        line = lines[index]
        if index + 1 < len(lines) and lines[index + 1].strip() and not lines[index + 1].lstrip().startswith("#"):
            continue  # the paragraph goes on: not an introduction left hanging
        following = [i for i in range(index + 1, min(len(lines), index + 40)) if original[i].strip()][:2]
        if following and _follows(original[following[0]]):
            continue
        if len(following) > 1 and not original[following[0]].lstrip().startswith("#") and LIST_ITEM.match(original[following[1]]):
            continue  # one stray line, then the list
        if not following:
            what = "the document ends"
        elif original[following[0]].lstrip().startswith("#"):
            what = "a heading follows"
        else:
            what = "a paragraph follows"
        sentence = _LAST_SENTENCE.search(line.rstrip())
        column = sentence.start() + 1 if sentence else 1
        yield Violation(
            document.body_line_number(index), column,
            f"{quoted(line[column - 1:].strip(), 60)} introduces a list, but {what}: the items were probably lost "
            "when the page was copied; restore them or reword the sentence",
            subject=" ".join(line.split()),
        )
