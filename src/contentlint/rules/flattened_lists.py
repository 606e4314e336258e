"""Q014: a list item introduces a list, but the items it introduces are not indented under it."""

from __future__ import annotations

import bisect
import re
from typing import Iterator

from contentlint.analysis.line_shapes import ICON_SHORTCODE_END
from contentlint.analysis.phrases import as_shown, quoted, quoted_end
from contentlint.analysis.structure import ListItem, document_structure
from contentlint.document import Document
from contentlint.model.findings import Violation
from contentlint.model.settings import Config
from contentlint.plugin import rule

# Citation marks after the colon: "follows:[[1](#cit/section_2.1)-[8](#cit/section_2.8)]", "follows: [3]".
_REFERENCE = r"\[\d+\](?:\([^()\s]*\))?"
_REFERENCES = rf"{_REFERENCE}(?:\s*[-–,]\s*{_REFERENCE})*"
_CITATION_MARKS = re.compile(rf"(?:\s*(?:\[{_REFERENCES}\]|{_REFERENCES}|\[\d+(?:\s*[-–,]\s*\d+)*\]))+\s*$")
# A line that ends in a colon, perhaps with citation marks after it: where an introduction may end.
_COLON_AT_LINE_END = re.compile(r":[ \t]*(?:\[[^\n]*)?$", re.MULTILINE)
_MARKER = re.compile(r"\s*(?:[-*+]|\d{1,9}[.)])[ \t]+")
_ITEM_NUMBER = re.compile(r"[ \t>]*(\d{1,9})[.)]")
# A numbered item at the start of a line (searched from a newline: ``^`` is tried at every character).
_NUMBERED_ITEM = re.compile(r"\n[ \t>]*\d{1,9}[.)][ \t]")
_LAST_SENTENCE = re.compile(r"(?:^|(?<=[.!?)])\s+)([^.!?]*)$")
_WORD = re.compile(r"[\w'’-]+")
# "Phone:" then "Email:": labels whose values were lost, not items that lost their indent.
_LABEL_WORDS = 3


@rule("Q014", "list-nesting-lost", "warning")
def list_nesting_lost(document: Document, config: Config) -> Iterator[Violation]:
    """A list item introduces a list ("It is used:"), but the items it introduces stand at
    its own level instead of indented under it.

    Why it matters: scrapers often flatten nested lists, and the hierarchy is part of the
    meaning. When a stage is described as "one of the following is true", a criterion with
    its own sub-cases becomes several criteria; when a drug's uses are listed by cancer, the
    conditions of one use read as uses of their own, and the reader can no longer tell where
    one group ends and the next begins. A retrieval assistant reads the flat list the same way.

    Reported:

    - a list item whose text ends with a colon (citation marks after it, such as
      `[[3](#cit/section_1.3)]`, are ignored) and holds no list of its own, when the next
      block is another item at the same level: of the same list, or of a list that starts
      right after it (a `1.` item followed by `-` items). The finding points at that colon,
      below which the items belong.
    - a numbered list with bullet items at its own level between its items, the numbering
      going on after them (`1.`, bullets, `2.`): the results of a study under a numbered
      study, flattened. Once for the list, at its first bullet.

    Example:

        - Ibuprofen is used:
        - for pain after surgery
        - for fever in children over six months

        1. A trial compared two doses.
        - The lower dose caused less nausea.
        2. A second trial compared two schedules.

    The items after "is used:" belong under it, and the bullet under item 1, each indented
    by the width of its item's marker.

    Not reported: an item whose nested list is in place; an item that ends with a colon
    and is the last of its list (no item follows it); two short labels in a row
    ("Phone:", then "Email:"), where values were lost rather than an indent; bullets after
    which the numbering does not go on, or that a paragraph follows; a colon in code; an
    icon's shortcode at the end of an item ("Shows emoji :+1:"), whose colon ends nothing.

    Fix: indent the items under the one that introduces them (by the width of its marker,
    `- ` or `1. `), as the source page shows them. Where the introduced items end is for a
    person to read, so there is no automatic fix.

    Options: none.
    """
    yield from _items_introduced_by_a_colon(document)
    yield from _bullets_between_numbered_items(document)


def _items_introduced_by_a_colon(document: Document) -> Iterator[Violation]:
    body = document.body
    colons = [match.start() for match in _COLON_AT_LINE_END.finditer(body)] if ":" in body else []
    if not colons:
        return
    view = document_structure(document)
    items = view.list_items
    starts = [item.start for item in items]
    tried: set[int] = set()
    for colon_at in colons:  # the few lines that end in a colon, not every item of the page
        index = bisect.bisect_right(starts, colon_at) - 1
        if index < 0 or index + 1 >= len(items) or items[index].end <= colon_at or index in tried:
            continue  # not in a list item (the innermost item that holds it starts last), the last item, or seen
        tried.add(index)
        item, following = items[index], items[index + 1]
        if following.depth != item.depth or body[item.end:following.start].strip(" \t\n>"):
            continue  # a nested list in place, or something between the two
        text = _own_text(body, item)
        colon = _text_start(body, item) + len(text) - 1  # where the introduction ends
        if not text.endswith(":") or view.in_code(colon) or ICON_SHORTCODE_END.search(text):
            continue  # no colon at its end, in code, or an icon (":+1:")
        introduction = _last_sentence(text)
        if len(_WORD.findall(introduction)) <= _LABEL_WORDS and _is_short_label(_own_text(body, following)):
            continue
        yield Violation(
            view.line_of(colon), view.column_of(colon),
            f"{quoted_end(introduction)} introduces a list, but the item below it is not indented under it: "
            "the list has lost its nesting; indent the items it introduces",
            subject=" ".join(introduction.split()),
        )


def _bullets_between_numbered_items(document: Document) -> Iterator[Violation]:
    """One finding per numbered list whose items have bullets after them at the list's own level
    (1., bullets, 2., bullets, 3.): the bullets belong under the numbered item above them."""
    body = document.body
    if _NUMBERED_ITEM.search("\n" + body) is None:
        return
    view = document_structure(document)
    items = view.list_items
    walked = 0  # items before it belong to a numbered list already walked
    for index, item in enumerate(items):
        if index < walked or not item.ordered:
            continue
        after = index + 1 if index + 1 < len(items) and items[index + 1].start >= item.end else _after(items, index)
        if (
            after >= len(items) or items[after].ordered or items[after].depth != item.depth
            or not _adjacent(body, item.end, items[after])
        ):
            continue  # most numbered items (a page's references) stop here
        groups, walked = _walk_numbered_list(body, items, index)
        if groups:
            first, bullet = groups[0]
            number, text = _number(body, items[first]), _own_text(body, items[first])
            more = len(groups) - 1
            yield Violation(
                items[bullet].line, view.column_of(items[bullet].start),
                f"the bullet items after item {number} ({quoted(text, 40)}) stand at the "
                f"numbered list's level, and the numbering goes on after them: they belong under item {number}"
                + (f" (and so do the bullets after {more} more of its items)" if more else "")
                + "; indent them by the width of its marker",
                subject=text,
            )


def _walk_numbered_list(body: str, items: tuple[ListItem, ...], first: int) -> tuple[list[tuple[int, int]], int]:
    """From the numbered item ``first``, follow its list while the numbers go on by one, past bullet
    items at its own level between them. Returns (numbered item, its first bullet) for each run of
    bullets (not after an item that ends with a colon: the colon's finding covers those), and the
    index to go on from."""
    depth, number, at = items[first].depth, _number(body, items[first]), first
    groups: list[tuple[int, int]] = []
    while True:
        end, after = items[at].end, _after(items, at)
        bullet = after
        while (
            after < len(items) and items[after].depth == depth and not items[after].ordered
            and _adjacent(body, end, items[after])
        ):
            end, after = items[after].end, _after(items, after)
        if after >= len(items) or items[after].depth != depth or not items[after].ordered:
            return groups, after
        if not _adjacent(body, end, items[after]) or _number(body, items[after]) != number + 1:
            return groups, after
        if after != bullet and not _own_text(body, items[at]).endswith(":"):
            groups.append((at, bullet))
        at, number = after, number + 1


def _after(items: tuple[ListItem, ...], index: int) -> int:
    """The first item after ``index`` and the items nested in it."""
    end, index = items[index].end, index + 1
    while index < len(items) and items[index].start < end:
        index += 1
    return index


def _adjacent(body: str, end: int, item: ListItem) -> bool:
    return not body[end:item.start].strip(" \t\n>")


def _number(body: str, item: ListItem) -> int:
    found = _ITEM_NUMBER.match(body, item.start)
    return int(found.group(1)) if found else -1


def _text_start(body: str, item: ListItem) -> int:
    """Where the item's text starts, after its marker."""
    marker = _MARKER.match(body, item.start, item.end)
    return marker.end() if marker else item.start


def _own_text(body: str, item: ListItem) -> str:
    """The item's text without its marker and the citation marks at its end."""
    text = body[_text_start(body, item):item.end].rstrip()
    if text.endswith("]"):
        text = _CITATION_MARKS.sub("", text).rstrip()
    return text


def _last_sentence(text: str) -> str:
    """The sentence that ends in the colon, links written as their text and emphasis dropped."""
    plain = as_shown(" ".join(text.split()))
    found = _LAST_SENTENCE.search(plain)
    return (found.group(1) if found and found.group(1).strip() != ":" else plain).strip()


def _is_short_label(text: str) -> bool:
    return text.endswith(":") and len(_WORD.findall(text)) <= _LABEL_WORDS
