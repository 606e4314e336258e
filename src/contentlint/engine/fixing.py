"""`--fix` and `--diff`: apply the fixes that findings carry, pass after pass, to the changed spans only.

A document keeps its byte-order mark, its line endings (CRLF, LF or a mix: each line keeps its own)
and everything outside the edited spans, front matter included. Fixes that would overlap are not
applied together: the first in the file wins and the document is linted and fixed again, up to
MAX_PASSES times. A fixed file replaces the old one atomically (a temporary file in the same
folder, then ``os.replace``) and keeps its permissions.
"""

from __future__ import annotations

import bisect
import codecs
import difflib
import os
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from contentlint.analysis.fix_edits import opens_front_matter
from contentlint.analysis.selection import is_selected
from contentlint.document.reading import normalise_newlines
from contentlint.engine.rule_set import check_codes
from contentlint.model.findings import Finding
from contentlint.model.fixes import Edit, Fix
from contentlint.model.results import FileResult
from contentlint.model.settings import Config, Option

_CODES = {"type": "array", "items": {"type": "string"}}
FIXABLE = Option("fix", "fixable", _CODES, ["ALL"], "codes or prefixes whose fixes --fix applies (default: all)")
UNFIXABLE = Option("fix", "unfixable", _CODES, [], "codes or prefixes that --fix never changes")
UNSAFE_FIXES = Option("fix", "unsafe-fixes", {"type": "boolean"}, False, "also apply unsafe fixes, as --unsafe-fixes does")
OPTIONS = (FIXABLE, UNFIXABLE, UNSAFE_FIXES)
# Set by the command line in the same table: "fix" writes the fixes, "diff" only shows them.
MODE_KEY = "mode"
MAX_PASSES = 10


@dataclass(frozen=True)
class FixPolicy:
    mode: str  # "" (report only), "fix" or "diff"
    unsafe: bool
    fixable: tuple[str, ...]
    unfixable: tuple[str, ...]

    def allows(self, code: str, fix: Fix | None) -> bool:
        return fix is not None and (fix.safe or self.unsafe) and is_selected(code, list(self.fixable), list(self.unfixable))

    def hidden(self, code: str, fix: Fix | None) -> bool:
        """An unsafe fix that --unsafe-fixes would apply."""
        return fix is not None and not fix.safe and not self.unsafe and is_selected(
            code, list(self.fixable), list(self.unfixable))


def fix_policy(config: Config) -> FixPolicy:
    """The [tool.contentlint.fix] table, with what the command line laid over it."""
    table = config.sections.get("fix", {})
    fixable, unfixable = table.get("fixable", FIXABLE.default), table.get("unfixable", UNFIXABLE.default)
    for key, prefixes in (("fixable", fixable), ("unfixable", unfixable)):
        check_codes(prefixes, f"[tool.contentlint.fix] `{key}`")
    return FixPolicy(
        table.get(MODE_KEY, ""), bool(table.get("unsafe-fixes", False)),
        tuple(p.upper() for p in fixable), tuple(p.upper() for p in unfixable),
    )


def choose(fixes: list[Fix]) -> list[Fix]:
    """Fixes that do not overlap, the first in the file winning; the others wait for the next pass.
    An insertion touching another fix's edit overlaps it: which side the text goes is unclear."""
    chosen: list[Fix] = []
    last_end = -1
    inserted_at_end = False  # the chosen fix that ends at last_end inserts there
    for fix in sorted(fixes, key=lambda f: (f.start, f.end)):
        edits = sorted(fix.edits, key=lambda e: (e.start, e.end))
        if any(b.start < a.end for a, b in zip(edits, edits[1:])):
            continue  # a fix at odds with itself is a rule's bug: never half-applied
        if fix.start < last_end or (fix.start == last_end and (edits[0].start == edits[0].end or inserted_at_end)):
            continue
        chosen.append(fix)
        last_end = max(last_end, fix.end)
        inserted_at_end = edits[-1].start == edits[-1].end == last_end
    return chosen


class RawText:
    """A document's text as it is on disk: the byte-order mark apart, line endings as written.
    Maps offsets in the text the rules saw (every line ending a ``\\n``) onto it."""

    def __init__(self, data: bytes) -> None:
        self.bom = data.startswith(codecs.BOM_UTF8)
        self.text = data[len(codecs.BOM_UTF8) if self.bom else 0:].decode("utf-8")

    def encode(self) -> bytes:
        return (codecs.BOM_UTF8 if self.bom else b"") + self.text.encode("utf-8")

    def normal(self) -> str:
        return normalise_newlines(self.text)

    def apply(self, edits: list[Edit]) -> None:
        text = self.text
        crlf = _crlf_positions(text)
        newline = "\r\n" if len(crlf) * 2 > text.count("\n") else "\n"
        parts, last = [], 0
        for edit in sorted(edits, key=lambda e: (e.start, e.end)):
            start, end = _raw_offset(crlf, edit.start), _raw_offset(crlf, edit.end)
            replacement = edit.replacement.replace("\n", newline) if newline != "\n" else edit.replacement
            parts.append(text[last:start])
            parts.append(replacement)
            last = end
        parts.append(text[last:])
        self.text = "".join(parts)


def _crlf_positions(text: str) -> list[int]:
    """For each CRLF, the offset of its newline in the normalised text (where it is one character)."""
    if "\r\n" not in text:
        return []
    positions, index, seen = [], text.find("\r\n"), 0
    while index >= 0:
        positions.append(index - seen)
        seen += 1
        index = text.find("\r\n", index + 2)
    return positions


def _raw_offset(crlf: list[int], offset: int) -> int:
    """Every CRLF that ends before ``offset`` in the normalised text is one character longer on disk."""
    return offset + bisect.bisect_left(crlf, offset)


@dataclass
class Fixed:
    data: bytes
    fixed: int
    result: FileResult


def fix_text(data: bytes, lint: Callable[[str], FileResult], policy: FixPolicy, first: FileResult) -> Fixed:
    """Fix ``data`` pass after pass; ``lint`` lints a text, ``first`` is the result for ``data`` itself."""
    raw = RawText(data)
    result, fixed = first, 0
    for attempt in range(MAX_PASSES):
        fixes = [f.fix for f in result.findings if f.fix is not None and policy.allows(f.code, f.fix)]
        if not fixes:
            break
        chosen = choose(fixes)
        before = raw.normal()
        while (chosen and not any(fix.makes_front_matter for fix in chosen)
               and opens_front_matter(before, [edit for fix in chosen for edit in fix.edits])):
            chosen = chosen[1:]  # the first in the file would turn the body into front matter: left
        if not chosen:
            break
        raw.apply([edit for fix in chosen for edit in fix.edits])
        fixed += len(chosen)
        result = lint(raw.normal())
    return Fixed(raw.encode(), fixed, result)


def unified_diff(display_path: str, before: bytes, after: bytes) -> str:
    """A diff that `git apply` and `patch -p1` take (paths a/… and b/…)."""
    old, new = _lines(before.decode("utf-8")), _lines(after.decode("utf-8"))
    lines = []
    for line in difflib.unified_diff(old, new, f"a/{display_path}", f"b/{display_path}", lineterm="\n"):
        lines.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
    return "".join(lines)


def _lines(text: str) -> list[str]:
    """Lines as git and patch see them: ended by \n only (a CR stays with its line)."""
    lines = text.split("\n")
    return [line + "\n" for line in lines[:-1]] + ([lines[-1]] if lines[-1] else [])


def fix_failure(error: Exception) -> str:
    """Why a file could not be fixed, for the E999 finding it gets (the file is left as it was)."""
    if isinstance(error, (OSError, UnicodeError)):
        return f"cannot write the fixes: {getattr(error, 'strerror', None) or error}; the file is unchanged"
    return f"fixing failed on this file: {type(error).__name__}: {error}; the file is unchanged"


def write_atomically(path: Path, data: bytes, expected: bytes) -> None:
    """Replace the file with ``data`` (through a temporary file beside it), unless it changed
    since it was read (``expected``): then raise, and leave it alone."""
    target = Path(os.path.realpath(path))  # a symbolic link stays a link; its target is fixed
    if target.read_bytes() != expected:
        raise OSError("the file changed while it was being fixed; run again")
    mode = stat.S_IMODE(os.stat(target).st_mode)
    descriptor, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".contentlint")
    try:
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(data)
        os.chmod(temporary, mode)
        os.replace(temporary, target)
    except BaseException:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise


def counts(findings: list[Finding], policy: FixPolicy) -> dict[str, Any]:
    """How many open findings --fix would mend, and how many more --unsafe-fixes would."""
    return {
        "fixable": sum(1 for f in findings if policy.allows(f.code, f.fix)),
        "unsafe fixable": sum(1 for f in findings if policy.hidden(f.code, f.fix)),
    }
