"""In-document suppression comments.

    <!-- contentlint-disable-next-line F001 -->
    <!-- contentlint-disable Q002 Q004 --> ... <!-- contentlint-enable Q002 Q004 -->
    <!-- contentlint-disable-file S003 -->

Codes are prefixes (`Q` covers the whole quality family); no code means every rule.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_COMMENT = re.compile(
    r"<!--\s*contentlint-(?P<verb>disable-next-line|disable-line|disable-file|disable|enable)"
    r"(?P<codes>(?:[\s,]+[A-Za-z]+\d*)*)\s*-->"
)
_CODE = re.compile(r"[A-Za-z]+\d*")
ALL = ("",)
BLOCK = "disable"  # the verb of a comment that opens a block (closed by `enable`, or at the end of the file)


@dataclass(frozen=True)
class Directive:
    """One suppression comment as written (`enable` comments are not kept)."""

    line: int  # 1-based file line
    start: int  # offset of "<!--" in the document's text
    end: int  # offset just past "-->"
    verb: str
    codes: tuple[str, ...]  # upper case, as written; ALL when the comment names none
    code_spans: tuple[tuple[int, int], ...] = ()  # text offsets of each code


@dataclass
class Suppressions:
    # (first line, last line or None for end of file, code prefixes)
    ranges: list[tuple[int, int | None, tuple[str, ...]]] = field(default_factory=list)
    directives: list[Directive] = field(default_factory=list)
    # For each range, the index in ``directives`` of the comment that made it.
    origins: list[int] = field(default_factory=list)

    def covers(self, line: int, code: str) -> bool:
        for first, last, prefixes in self.ranges:
            if first <= line and (last is None or line <= last) and any(code.startswith(p) for p in prefixes):
                return True
        return False

    def ranges_of(self, index: int) -> list[tuple[int, int | None, tuple[str, ...]]]:
        """The ranges that directive ``index`` made."""
        return [self.ranges[i] for i, origin in enumerate(self.origins) if origin == index]

    def __bool__(self) -> bool:
        return bool(self.ranges)


def parse_suppressions(text: str) -> Suppressions:
    result = Suppressions()
    if "contentlint-" not in text:
        return result
    open_blocks: dict[str, tuple[int, int]] = {}  # code -> (first line, directive index)
    position = 0
    for line_number, line in enumerate(text.split("\n"), start=1):
        line_start, position = position, position + len(line) + 1
        if "contentlint-" not in line:
            continue
        for match in _COMMENT.finditer(line):
            spans = tuple((line_start + m.start(), line_start + m.end()) for m in _CODE.finditer(line, *match.span("codes")))
            codes = tuple(text[start:end].upper() for start, end in spans) or ALL
            verb = match["verb"]
            if verb == "enable":
                closing = codes if codes != ALL else tuple(open_blocks)
                for code in closing:
                    opened = open_blocks.pop(code, None)
                    if opened is not None:
                        result.ranges.append((opened[0], line_number, (code,)))
                        result.origins.append(opened[1])
                continue
            index = len(result.directives)
            result.directives.append(
                Directive(line_number, line_start + match.start(), line_start + match.end(), verb, codes, spans)
            )
            if verb == "disable-next-line":
                result.ranges.append((line_number + 1, line_number + 1, codes))
            elif verb == "disable-line":
                result.ranges.append((line_number, line_number, codes))
            elif verb == "disable-file":
                result.ranges.append((1, None, codes))
            else:
                for code in codes:
                    open_blocks.setdefault(code, (line_number, index))
            if verb != BLOCK:
                result.origins.append(index)
    for code, (start, index) in open_blocks.items():
        result.ranges.append((start, None, (code,)))
        result.origins.append(index)
    return result
