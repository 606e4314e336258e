"""A fix is plain data: text edits a rule proposes for one finding, applied by the engine."""

from __future__ import annotations

from dataclasses import dataclass

SAFE, UNSAFE = "safe", "unsafe"


@dataclass(frozen=True)
class Edit:
    """Replace ``text[start:end]`` with ``replacement``. Offsets are characters of the document's
    text as the rules see it (byte-order mark removed, line endings read as ``\\n``)."""

    start: int
    end: int
    replacement: str = ""


@dataclass(frozen=True)
class Fix:
    """The edits that mend one finding, all or none. An unsafe fix needs a person's eye
    (``--unsafe-fixes``): it may remove or change what a reader sees."""

    edits: tuple[Edit, ...]
    description: str
    safe: bool = True

    @property
    def start(self) -> int:
        return min(edit.start for edit in self.edits)

    @property
    def end(self) -> int:
        return max(edit.end for edit in self.edits)
