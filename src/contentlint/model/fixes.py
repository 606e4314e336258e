"""A fix is plain data: text edits a rule proposes for one finding, applied by the engine."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, replace

SAFE, UNSAFE = "safe", "unsafe"


@dataclass(frozen=True)
class Edit:
    """Replace ``text[start:end]`` with ``replacement``. Offsets are characters of the document's
    text as the rules see it (byte-order mark removed, line endings read as ``\\n``)."""

    start: int
    end: int
    replacement: str = ""


@dataclass(frozen=True)
class Span:
    """An edit as a place in the file: 1-based line and column where it starts, and where it ends
    (exclusive; columns count characters), with the text that goes there. ``original`` is what
    the span holds now: an edit made far from the document (a corpus pass) is applied only where
    the file still says that."""

    line: int
    column: int
    end_line: int
    end_column: int
    content: str
    original: str = ""

    def to_dict(self) -> dict[str, object]:
        return {"line": self.line, "column": self.column, "end_line": self.end_line,
                "end_column": self.end_column, "content": self.content}


@dataclass(frozen=True)
class Fix:
    """The edits that mend one finding, all or none. An unsafe fix needs a person's eye
    (``--unsafe-fixes``): it may remove or change what a reader sees.

    A rule that has the document gives ``edits`` (the engine adds ``spans`` for the output); a
    corpus pass, which sees only places, gives ``spans`` and the engine turns them into edits."""

    edits: tuple[Edit, ...]
    description: str
    safe: bool = True
    spans: tuple[Span, ...] = ()
    # The fix writes front matter at the top of a document that has none, on purpose: the engine
    # otherwise refuses edits that would turn the start of a body into front matter.
    makes_front_matter: bool = False

    @property
    def start(self) -> int:
        return min(edit.start for edit in self.edits)

    @property
    def end(self) -> int:
        return max(edit.end for edit in self.edits)

    @property
    def applicability(self) -> str:
        return SAFE if self.safe else UNSAFE

    def to_dict(self) -> dict[str, object]:
        return {"applicability": self.applicability, "message": self.description,
                "edits": [span.to_dict() for span in self.spans]}


def line_starts(text: str) -> list[int]:
    """The offset where each line of ``text`` starts (index 0 is line 1)."""
    starts, index = [0], text.find("\n")
    while index >= 0:
        starts.append(index + 1)
        index = text.find("\n", index + 1)
    return starts


def located(fix: Fix, text: str, starts: list[int]) -> Fix:
    """``fix`` with the spans of its edits in ``text`` (whose line starts are ``starts``)."""
    spans = []
    for edit in sorted(fix.edits, key=lambda e: (e.start, e.end)):
        line = bisect.bisect_right(starts, edit.start)
        end_line = bisect.bisect_right(starts, edit.end)
        spans.append(Span(line, edit.start - starts[line - 1] + 1, end_line, edit.end - starts[end_line - 1] + 1,
                          edit.replacement, text[edit.start:edit.end]))
    return replace(fix, spans=tuple(spans))


def to_edits(fix: Fix, text: str, starts: list[int]) -> Fix | None:
    """``fix`` with edits made from its spans, or None when ``text`` no longer holds what a span replaces."""
    edits = []
    for span in fix.spans:
        if not (1 <= span.line <= span.end_line <= len(starts)):
            return None
        start = starts[span.line - 1] + span.column - 1
        end = starts[span.end_line - 1] + span.end_column - 1
        if not (start <= end <= len(text)) or text[start:end] != span.original:
            return None
        edits.append(Edit(start, end, span.content))
    return replace(fix, edits=tuple(edits)) if edits else None
