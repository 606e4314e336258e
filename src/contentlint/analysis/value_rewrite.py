"""M102's fixes for values written in another form than the schema's: a review date ("3 May 2024",
2024/05/03, 30/12/2023) becomes YYYY-MM-DD and a review cycle ("annually", "every 3 months") its
shipped name, as the freshness rules read them anyway; a value of a list of allowed values in
other case or with spaces around it (`Active `) becomes that value. Only the value changes, in
its own quotes."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from contentlint.analysis.cycles import ambiguous_cycle, parse_cycle, shipped_name
from contentlint.analysis.fix_edits import offset_of
from contentlint.analysis.review import review_schedule
from contentlint.document import Document
from contentlint.model.fixes import Edit, Fix
from contentlint.model.settings import FREQUENCY_MONTHS, Config

_DATE_AND_TIME = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?[ ]?(?:Z|[+-]\d{2}(?::?\d{2})?)?", re.IGNORECASE)


@dataclass(frozen=True)
class Rewrite:
    advice: str  # for the message: "write 2024-05-03"
    fix: Fix | None


def rewrite(
    document: Document, config: Config, key: str, allowed: tuple[str, ...] = (), pattern: str = ""
) -> Rewrite | None:
    """How to write field ``key``'s value in the schema's form (``allowed``: its allowed values, when
    it has a list of them; ``pattern``: the pattern it must match, when it has one), or None when
    that cannot be told."""
    fields = config.fields
    if key in (fields.last_reviewed, fields.next_review):
        return _date_rewrite(document, config, key)
    if key == fields.review_cycle:
        found = _cycle_rewrite(document, key)
        if found is not None:
            return found
    if allowed:
        return _allowed_rewrite(document, key, allowed)
    return _pattern_rewrite(document, key, pattern) if pattern else None


def _date_rewrite(document: Document, config: Config, key: str) -> Rewrite | None:
    schedule = review_schedule(document, config)
    found = schedule.front_matter_last if key == config.fields.last_reviewed else schedule.front_matter_next
    if found is None:
        return None
    iso = found.date.isoformat()
    if not found.reading:  # a date and a time ("2024-03-15T10:00:00Z"): the day is the date
        return _written_as(document, key, iso) if _DATE_AND_TIME.fullmatch(found.text.strip()) else None
    if found.period is None:
        return _written_as(document, key, iso)
    if found.period.first.month == found.period.last.month:  # "March 2024", "2024-03"
        return _written_as(document, key, iso, " (the first of the month: check the day)", safe=False)
    # A year, season or quarter: no day to write, only a guess.
    return Rewrite(f"write the day of the review as YYYY-MM-DD (until then it is {found.reading})", None)


def _cycle_rewrite(document: Document, key: str) -> Rewrite | None:
    value = document.metadata.get(key)
    if not isinstance(value, str) or value in FREQUENCY_MONTHS:
        return None
    ambiguous = ambiguous_cycle(value)
    if ambiguous is not None:  # no fix: only a person knows which was meant
        cycle, reading, other = ambiguous
        other_cycle = parse_cycle(other)
        names = [shipped_name(cycle), shipped_name(other_cycle) if other_cycle is not None else None]
        which = f"{names[0]} or {names[1]}" if all(names) else "the cycle you mean"
        return Rewrite(
            f"{value.strip()!r} means {reading} to some readers and {other} to others: write {which} "
            f"(until then it is read as {reading})",
            None,
        )
    cycle = parse_cycle(value)
    name = shipped_name(cycle) if cycle is not None else None
    if name is None:
        return None
    return _written_as(document, key, name)


def _allowed_rewrite(document: Document, key: str, allowed: tuple[str, ...]) -> Rewrite | None:
    value = document.metadata.get(key)
    if not isinstance(value, str):
        return None
    wanted = value.strip().casefold()
    matches = [name for name in allowed if name.casefold() == wanted]
    if len(matches) == 1:
        return _written_as(document, key, matches[0])
    if matches:
        return None  # allowed values that differ only in case: a person decides
    close = difflib.get_close_matches(wanted, [name.casefold() for name in allowed], n=1, cutoff=0.8)
    if not close or _negates(wanted, close[0]):
        return None  # nothing close, or its opposite: "inactive" is no misspelling of "active"
    meant = next(name for name in allowed if name.casefold() == close[0])
    return Rewrite(f"did you mean {meant}?", None)  # a misspelling: a person decides


def _pattern_rewrite(document: Document, key: str, pattern: str) -> Rewrite | None:
    """The value in other case or with spaces around it (`EN`, `en-us`, `02_NCI_Core`), when one
    way of writing its letters matches ``pattern``: only the case changes, so the fix is safe."""
    value = document.metadata.get(key)
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        wanted = re.compile(pattern)
    except re.error:
        return None
    written = value.strip()
    for candidate in (written, written.lower(), _tag_case(written), written.upper()):
        if candidate != value and wanted.search(candidate):
            return _written_as(document, key, candidate)
    return None


def _tag_case(value: str) -> str:
    """A language tag's case (`en-GB`, `zh-Hant-TW`): the language lower, a region upper, a script
    capitalised."""
    first, *rest = re.split(r"([-_])", value)
    parts = [first.lower()]
    for part in rest:
        parts.append(part.upper() if len(part) == 2 else part.title() if len(part) == 4 else part.lower())
    return "".join(parts)


_NEGATIONS = re.compile(r"(?:in|un|non|not|dis|de|im|il|ir)[\s_-]?")


def _negates(value: str, allowed: str) -> bool:
    """Whether ``value`` is ``allowed`` with a negating prefix: "inactive", "unpublished", "non-active"."""
    return value.endswith(allowed) and _NEGATIONS.fullmatch(value[: len(value) - len(allowed)]) is not None


def _written_as(document: Document, key: str, new: str, caveat: str = "", safe: bool = True) -> Rewrite:
    """Advice to write ``new``, and the fix that writes it when the value is on one line."""
    return Rewrite(f"write {new}{caveat}", value_fix(document, key, new, safe))


def value_fix(document: Document, key: str, new: str, safe: bool = True) -> Fix | None:
    """The fix that writes field ``key``'s value as ``new``, in its own quotes, when it is on one line."""
    edit = _value_edit(document, key, new)
    return Fix((edit,), f"write {key} as {new}", safe=safe) if edit is not None else None


def _value_edit(document: Document, key: str, new: str) -> Edit | None:
    """Replace a one-line value as written by ``new``, in the same quotes."""
    span = document.value_span(key)
    if span is None or span[0] != span[2]:
        return None
    start, end = offset_of(document, span[0], span[1]), offset_of(document, span[2], span[3])
    if start is None or end is None:
        return None
    written = document.text[start:end]
    quote = written[0] if written[:1] in ("'", '"') and written[-1:] == written[0] and len(written) > 1 else ""
    return Edit(start, end, f"{quote}{new}{quote}")
