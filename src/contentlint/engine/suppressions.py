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
ALL = ("",)


@dataclass
class Suppressions:
    # (first line, last line or None for end of file, code prefixes)
    ranges: list[tuple[int, int | None, tuple[str, ...]]] = field(default_factory=list)

    def covers(self, line: int, code: str) -> bool:
        for first, last, prefixes in self.ranges:
            if first <= line and (last is None or line <= last) and any(code.startswith(p) for p in prefixes):
                return True
        return False

    def __bool__(self) -> bool:
        return bool(self.ranges)


def parse_suppressions(text: str) -> Suppressions:
    result = Suppressions()
    if "contentlint-" not in text:
        return result
    open_blocks: dict[str, int] = {}
    for line_number, line in enumerate(text.split("\n"), start=1):
        if "contentlint-" not in line:
            continue
        for match in _COMMENT.finditer(line):
            codes = tuple(c.upper() for c in re.split(r"[\s,]+", match["codes"]) if c) or ALL
            verb = match["verb"]
            if verb == "disable-next-line":
                result.ranges.append((line_number + 1, line_number + 1, codes))
            elif verb == "disable-line":
                result.ranges.append((line_number, line_number, codes))
            elif verb == "disable-file":
                result.ranges.append((1, None, codes))
            elif verb == "disable":
                for code in codes:
                    open_blocks.setdefault(code, line_number)
            else:
                closing = codes if codes != ALL else tuple(open_blocks)
                for code in closing:
                    start = open_blocks.pop(code, None)
                    if start is not None:
                        result.ranges.append((start, line_number, (code,)))
    for code, start in open_blocks.items():
        result.ranges.append((start, None, (code,)))
    return result
