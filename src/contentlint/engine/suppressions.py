"""In-document suppression comments.

    <!-- contentlint-disable-next-line F001 -->
    <!-- contentlint-disable Q002 Q004 --> ... <!-- contentlint-enable Q002 Q004 -->
    <!-- contentlint-disable-file S003 -->

Codes are prefixes (`Q` covers the whole quality family); no code means every rule. Only a real
HTML comment of the body counts: the syntax shown inside code is an example, and in the front
matter it is no comment at all (kept aside, so that Q012 can say so).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from operator import attrgetter
from typing import Callable, Iterator

from contentlint.analysis.fix_edits import body_start
from contentlint.analysis.structure import document_structure
from contentlint.document import Document

# A comment that begins as a directive does, up to the first "-->" after it. One that is no
# _DIRECTIVE (`contentlint-disable-lines`, `F001: reviewed`) is kept as unreadable, for Q012.
_DIRECTIVE_START = re.compile(r"<!--\s*contentlint-")
# A directive, matched against such a whole comment: its verb, codes (or anything word-like, for
# Q012 to judge: a misspelt code, a rule's name) separated by spaces or commas, and a reason after
# " -- ", as ESLint's directives take one.
_DIRECTIVE = re.compile(
    r"<!--\s*contentlint-(?P<verb>disable-next-line|disable-line|disable-file|disable|enable)"
    r"(?P<codes>(?:[\s,]+[A-Za-z][A-Za-z0-9_-]*)*)(?:\s+--(?:\s(?P<reason>.*))?)?\s*-*-->"
)
_CODE = re.compile(r"[A-Za-z][A-Za-z0-9_-]*")
ALL = ("",)
BLOCK = "disable"  # the verb of a comment that opens a block (closed by `enable`, or at the end of the file)
# Where a comment's "<!--" sits
COMMENT, FRONT_MATTER, CODE = "comment", "front matter", "code"
_start = attrgetter("start")


@dataclass
class Directive:
    """One suppression comment as written (`enable` comments are not kept)."""

    line: int  # 1-based file line
    start: int  # offset of "<!--" in the document's text
    end: int  # offset just past "-->"
    verb: str
    codes: tuple[str, ...]  # upper case, as written; ALL when the comment names none
    code_spans: tuple[tuple[int, int], ...] = ()  # text offsets of each code
    reason: str = ""  # what the comment says after " -- "
    # The lines each code reaches: (first, last or None for the end of the file). A block's code
    # has none when a block of it was open already, or until its `enable`.
    reach: dict[str, tuple[int, int | None]] = field(default_factory=dict)


@dataclass
class Suppressions:
    """The comments of one document, and what they cover, indexed so that asking about a finding
    costs the same however many comments the page holds."""

    directives: list[Directive] = field(default_factory=list)
    inert: list[Directive] = field(default_factory=list)  # written in the front matter: they suppress nothing
    # Comments that begin as a directive does but cannot be read as one: (line, start, end)
    unreadable: list[tuple[int, int, int]] = field(default_factory=list)
    # line -> the prefixes of the one-line comments that reach it, each with its comment
    lines: dict[int, dict[str, Directive]] = field(default_factory=dict)
    whole: dict[str, Directive] = field(default_factory=dict)  # prefixes of `disable-file` comments
    # prefix -> the first and last lines of its blocks and their comments, in order (one prefix's
    # blocks never overlap)
    blocks: dict[str, tuple[list[int], list[int | None], list[Directive]]] = field(default_factory=dict)

    def covers(self, line: int, code: str) -> bool:
        return self.covering(line, code) is not None

    def covering(self, line: int, code: str) -> Directive | None:
        """The comment that suppresses a finding of ``code`` on ``line``, or None."""
        on_line = self.lines.get(line, {})
        for length in range(len(code) + 1):  # every prefix of the code: "", "Q", "Q0", …, "Q001"
            prefix = code[:length]
            directive = self.whole.get(prefix) or on_line.get(prefix)
            if directive is not None:
                return directive
            spans = self.blocks.get(prefix)
            if spans is not None:
                firsts, lasts, openers = spans
                at = bisect.bisect_right(firsts, line) - 1
                if at >= 0 and (lasts[at] is None or line <= lasts[at]):
                    return openers[at]
        return None

    def _reach(self, directive: Directive, code: str, first: int, last: int | None) -> None:
        directive.reach[code] = (first, last)
        if directive.verb == BLOCK:
            firsts, lasts, openers = self.blocks.setdefault(code, ([], [], []))
            firsts.append(first)
            lasts.append(last)
            openers.append(directive)
        elif last is None:
            self.whole.setdefault(code, directive)
        else:
            self.lines.setdefault(first, {}).setdefault(code, directive)

    def __bool__(self) -> bool:
        return bool(self.directives or self.inert or self.unreadable)


def comment_place(document: Document) -> Callable[[int], str]:
    """Where the comment starting at a text offset of ``document`` sits: COMMENT (an HTML comment of
    the body, or anywhere in a plain-text body, which has no code), CODE or FRONT_MATTER."""
    start = body_start(document)

    def place(offset: int) -> str:
        if offset < start:
            return FRONT_MATTER
        view = document_structure(document)
        if view.plain:
            return COMMENT
        at = offset - start
        comments = view.html_comments  # in order, none inside another
        index = bisect.bisect_right(comments, at, key=_start) - 1
        return COMMENT if index >= 0 and at < comments[index].end else CODE

    return place


def parse_suppressions(text: str, place: Callable[[int], str] | None = None) -> Suppressions:
    """The suppression comments of ``text``; ``place`` (see comment_place) keeps out those that are
    no HTML comment of the body. Without it, every match counts."""
    result = Suppressions()
    if "contentlint-" not in text:
        return result
    open_blocks: dict[str, Directive] = {}  # code -> the comment that opened its block
    position = 0
    for line_number, line in enumerate(text.split("\n"), start=1):
        line_start, position = position, position + len(line) + 1
        if "contentlint-" not in line:
            continue
        for start, end in _directive_comments(line):
            where = place(line_start + start) if place is not None else COMMENT
            match = _DIRECTIVE.fullmatch(line, start, end)
            if match is None:
                if where == COMMENT:
                    result.unreadable.append((line_number, line_start + start, line_start + end))
                continue
            if where == CODE or (where == FRONT_MATTER and match["verb"] == "enable"):
                continue
            spans = tuple((line_start + m.start(), line_start + m.end()) for m in _CODE.finditer(line, *match.span("codes")))
            codes = tuple(text[start:end].upper() for start, end in spans) or ALL
            verb = match["verb"]
            if verb == "enable":
                for code in codes if codes != ALL else tuple(open_blocks):
                    opener = open_blocks.pop(code, None)
                    if opener is not None:
                        result._reach(opener, code, opener.line, line_number)
                continue
            directive = Directive(line_number, line_start + match.start(), line_start + match.end(), verb, codes, spans,
                                  " ".join((match["reason"] or "").split()).strip(" -"))
            if where == FRONT_MATTER:
                result.inert.append(directive)
                continue
            result.directives.append(directive)
            for code in codes:
                if verb == "disable-next-line":
                    result._reach(directive, code, line_number + 1, line_number + 1)
                elif verb == "disable-line":
                    result._reach(directive, code, line_number, line_number)
                elif verb == "disable-file":
                    result._reach(directive, code, 1, None)
                else:
                    open_blocks.setdefault(code, directive)
    for code, opener in open_blocks.items():
        result._reach(opener, code, opener.line, None)
    return result


def _directive_comments(line: str) -> Iterator[tuple[int, int]]:
    """Where each comment of ``line`` that begins as a directive starts and ends (past its "-->")."""
    close = -1
    for opening in _DIRECTIVE_START.finditer(line):
        if close < opening.end():  # the "-->" found for the comment before closes this one too
            close = line.find("-->", opening.end())
            if close < 0:
                return
        yield opening.start(), close + 3
