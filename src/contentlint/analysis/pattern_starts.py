"""Where a regular expression's matches can begin, so that a long page is tried only there.

Python's ``re`` skips quickly to a pattern's literal prefix, but not when the pattern ignores
case or begins with ``\\b`` or a look-behind: it then tries every position of the page (about
2 ms for a 35 KB page). Most shipped patterns begin with one of a few literal strings
(``purity``, ``hplc``, ``reagent``; ``$``, ``£``, ``€``), read here from the pattern itself.
Trying the pattern only where one of those occurs in the lower-case text finds the same first
match: the candidates are a superset of the places a match can begin, and each is checked by the
pattern itself (``Pattern.match`` at an offset sees the text before it, for ``\\b`` and look-behinds).
A pattern that begins a line (``(?m)^[ \\t>*]*(?:sure|certainly)``) is tried at the start of each
line that holds one of its literals.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

try:  # the parser of the re module: private, so anything unexpected means "no literal starts"
    from re import _constants as _sre  # type: ignore[attr-defined]
    from re import _parser as _sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _sre
    import sre_parse as _sre_parse

_ZERO_WIDTH = {_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT}
_REPEATS = {_sre.MAX_REPEAT, _sre.MIN_REPEAT, getattr(_sre, "POSSESSIVE_REPEAT", _sre.MAX_REPEAT)}
# Characters that re.IGNORECASE takes for an ASCII letter but whose lower case is not that letter
# (dotted and dotless i, long s): in a page that holds one, the lower-case text cannot show the starts.
_FOLDS_TO_ASCII = ("\u0130", "\u0131", "\u017f")


@functools.lru_cache(maxsize=256)
def literal_starts(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """Lower-case strings one of which begins every match of ``pattern``; None if there is no such
    set (a pattern that may begin with a class such as ``\\w`` or an optional part)."""
    try:
        starts = _starts(_sre_parse.parse(pattern.pattern, pattern.flags).data)
    except Exception:  # noqa: BLE001 - an unexpected parse tree: the pattern is searched as it is
        return None
    if not starts or not all(_foldable(start) for start in starts):
        return None
    return tuple(sorted({start.lower() for start in starts}))


@functools.lru_cache(maxsize=256)
def line_literal_starts(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """For a pattern that begins a line (``(?m)^``), then any number of characters of classes
    without a newline, then one of some literal strings: those strings in lower case (a match begins
    where the line of one of them does). None for any other pattern."""
    if not pattern.flags & re.MULTILINE:
        return None
    try:
        items = _sre_parse.parse(pattern.pattern, pattern.flags).data
        if not items or items[0] != (_sre.AT, _sre.AT_BEGINNING):
            return None
        index = 1
        while index < len(items) and _optional_within_line(items[index]):
            index += 1
        starts = _starts(items[index:]) if index > 1 else None
    except Exception:  # noqa: BLE001 - an unexpected parse tree: the pattern is searched as it is
        return None
    if not starts or not all(_foldable(start) for start in starts):
        return None
    return tuple(sorted({start.lower() for start in starts}))


def indexed_starts(pattern: re.Pattern[str]) -> tuple[str, ...]:
    """The literal starts that the candidates of ``pattern`` are looked up by, when they all begin
    with a letter: strings for a phrase index to find (else (): the pattern is searched as it is,
    or its starts are searched for directly)."""
    starts = literal_starts(pattern) or line_literal_starts(pattern) or ()
    return starts if all(start[0].isalpha() for start in starts) else ()


def _optional_within_line(item: tuple[object, object]) -> bool:
    """Whether the item is ``[...]*`` (or ``?``, ``{0,n}``) of a class of literal characters
    and ranges that leaves out the newline."""
    op, av = item
    if op not in _REPEATS or av[0] != 0 or len(av[2].data) != 1:  # type: ignore[index]
        return False
    inner_op, inner_av = av[2].data[0]  # type: ignore[index]
    if inner_op is _sre.LITERAL:
        return inner_av != _NEWLINE
    if inner_op is not _sre.IN:
        return False
    for kind, value in inner_av:  # type: ignore[union-attr]
        if kind is _sre.LITERAL and value != _NEWLINE:
            continue
        if kind is _sre.RANGE and not value[0] <= _NEWLINE <= value[1]:
            continue
        return False
    return True


_NEWLINE = ord("\n")


def _foldable(start: str) -> bool:
    """Whether lower-casing finds every case of ``start`` (ASCII or uncased characters)."""
    return bool(start) and all(c.isascii() or c.lower() == c.upper() for c in start)


def _starts(items: list[tuple[object, object]]) -> set[str] | None:
    """The literal strings (as written) that begin every match of a parsed sequence, or None."""
    prefix: list[str] = []
    for op, av in items:
        if op is _sre.LITERAL:
            prefix.append(chr(av))  # type: ignore[arg-type]
            continue
        if prefix:
            break
        if op in _ZERO_WIDTH:
            continue  # \b, ^, look-arounds: they narrow where a match begins, never move it
        if op is _sre.IN:
            chars = {chr(c) for kind, c in av if kind is _sre.LITERAL}  # type: ignore[union-attr]
            return chars if len(chars) == len(av) else None  # type: ignore[arg-type]
        if op is _sre.BRANCH:
            union: set[str] = set()
            for branch in av[1]:  # type: ignore[index]
                starts = _starts(branch.data)
                if starts is None:
                    return None
                union |= starts
            return union
        if op is _sre.SUBPATTERN:
            return _starts(av[-1].data)  # type: ignore[index]
        if op in _REPEATS and av[0] >= 1:  # type: ignore[index]
            return _starts(av[2].data)  # type: ignore[index]
        return None
    return {"".join(prefix)} if prefix else None


def first_match(pattern: re.Pattern[str], text: str, occurrences: Callable[[str], list[int]]) -> re.Match[str] | None:
    """``pattern.search(text)``, trying only the places where a literal start occurs.
    ``occurrences(string)`` gives every start of ``string`` in ``text`` in lower case, offset for
    offset (a phrase scan's, or a direct search)."""
    candidates = _candidates(pattern, text, occurrences, letters_only=False)
    if candidates is None:
        return pattern.search(text)
    for position in candidates:
        match = pattern.match(text, position)
        if match is not None:
            return match
    return None


def all_matches(pattern: re.Pattern[str], text: str, occurrences: Callable[[str], list[int]]) -> list[tuple[int, int]]:
    """The spans of ``pattern.finditer(text)``, trying only where a literal start occurs, when the
    pattern's starts begin with a letter: ``re`` cannot skip to those by itself under IGNORECASE
    (it can to "[", ":" or "{{", and there the plain search is faster)."""
    candidates = _candidates(pattern, text, occurrences, letters_only=True)
    if candidates is None:
        return [match.span() for match in pattern.finditer(text)]
    spans: list[tuple[int, int]] = []
    end = 0
    for position in candidates:
        if position < end:
            continue  # inside the last match: finditer goes on from its end
        match = pattern.match(text, position)
        if match is not None and match.end() > match.start():
            spans.append(match.span())
            end = match.end()
    return spans


def _candidates(
    pattern: re.Pattern[str], text: str, occurrences: Callable[[str], list[int]], *, letters_only: bool
) -> list[int] | None:
    """Where a match may begin, in order; None when the whole text must be searched (no literal
    starts, starts that are not letters when ``letters_only``, or a character that folds to ASCII)."""
    starts = literal_starts(pattern)
    at_line_start = starts is None
    if at_line_start:
        starts = line_literal_starts(pattern)
    if (starts is None or (letters_only and not all(start[0].isalpha() for start in starts))
            or any(c in text for c in _FOLDS_TO_ASCII)):
        return None
    positions = {position for start in starts for position in occurrences(start)}
    if at_line_start:  # the starts of their lines, each found by looking back no further than the last
        rfind, line_start, last, line_starts = text.rfind, 0, 0, set()
        for position in sorted(positions):
            newline = rfind("\n", last, position)
            if newline >= 0:
                line_start = newline + 1
            last = position
            line_starts.add(line_start)
        positions = line_starts
    return sorted(positions)
