"""Phrase sets: phrases matched anywhere (any case), words as written, whole lines and patterns,
found through the run's phrase index. A phrase rule declares its set as a resource
(``phrase_set_resource``) and reports with ``phrase_violations``."""

from __future__ import annotations

import bisect
import functools
import re
import sys
from dataclasses import dataclass
from importlib import resources
from typing import Any, Callable, Iterable, Iterator

from contentlint.analysis.pattern_starts import all_matches, indexed_starts
from contentlint.analysis.phrase_index import TextScan, text_scan, word_hits
from contentlint.analysis.structure import HTML_COMMENT, Structure, document_structure
from contentlint.analysis.visible_text import (
    Needles,
    line_and_column,
    visible_body,
    visible_lower,
    words_of,
)
from contentlint.document import Document
from contentlint.model.errors import ConfigError
from contentlint.model.findings import Violation
from contentlint.model.settings import Config, Option, Resource

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


@dataclass(frozen=True, eq=False)
class PhraseSet:
    """Phrases that match anywhere (any case), words (as written), whole lines, and patterns."""

    phrases: tuple[str, ...] = ()  # lower case
    words: tuple[tuple[str, str], ...] = ()  # (word as written, in lower case)
    lines: tuple[str, ...] = ()  # lower case, single spaces
    patterns: tuple[tuple[re.Pattern[str], Needles], ...] = ()

    def find(self, text: str, lowered: str, scan: TextScan, written: str | None = None) -> list[tuple[int, int]]:
        """(start, end) of every match, in text order. ``scan``: where the search keys occur in ``lowered``;
        ``written``: the text before code was blanked out in ``text``, when it was: a line phrase must be
        the whole line there too (`print `x`` is no "Print" button)."""
        found: list[tuple[int, int]] = []
        for phrase in scan.among(self._phrase_keys):
            found.extend(word_hits(lowered, phrase, scan.occurrences(phrase)))
        for lowered_word in scan.among(self._word_keys):
            starts = scan.occurrences(lowered_word)
            for word in self._words_by_key[lowered_word]:
                found.extend(word_hits(text, word, (p for p in starts if text.startswith(word, p))))
        for key in scan.among(self._line_keys):
            for phrase in self._lines_by_key[key]:
                hits = _line_hits(text, lowered, phrase, scan)
                if written is not None and written is not text:
                    hits = [hit for hit in hits if _whole_line_as_written(written, text, hit, phrase)]
                found.extend(hits)
        for pattern, requires in self.patterns:
            if not requires or requires.any_in(lowered, scan):
                found.extend(all_matches(pattern, text, scan.occurrences))
        return sorted(found)

    def search_keys(self) -> set[str]:
        """What the phrase scan must find for ``find``."""
        keys = {*self.phrases, *(lowered for _, lowered in self.words), *(_longest_word(line) for line in self.lines)}
        for pattern, requires in self.patterns:
            keys.update(requires.indexed)
            keys.update(indexed_starts(pattern))
        return keys

    # What ``find`` looks up in a scan, made once (a frozen dataclass keeps these in its __dict__).
    @functools.cached_property
    def _phrase_keys(self) -> frozenset[str]:
        return frozenset(self.phrases)

    @functools.cached_property
    def _words_by_key(self) -> dict[str, list[str]]:
        return _grouped((lowered, word) for word, lowered in self.words)

    @functools.cached_property
    def _word_keys(self) -> frozenset[str]:
        return frozenset(self._words_by_key)

    @functools.cached_property
    def _lines_by_key(self) -> dict[str, list[str]]:
        """Line phrases by their longest word ("" for a phrase without one: it is always tried)."""
        return _grouped((_longest_word(phrase), phrase) for phrase in self.lines)

    @functools.cached_property
    def _line_keys(self) -> frozenset[str]:
        return frozenset(self._lines_by_key)


def _grouped(pairs: Iterable[tuple[str, str]]) -> dict[str, list[str]]:
    grouped: dict[str, list[str]] = {}
    for key, item in pairs:
        grouped.setdefault(key, []).append(item)
    return grouped


def _line_hits(text: str, lowered: str, phrase: str, scan: TextScan) -> list[tuple[int, int]]:
    """Where ``phrase`` is a line on its own: only the lines that hold its longest word are tried."""
    key = _longest_word(phrase)
    if not key:
        return [match.span(1) for match in _line_pattern(phrase).finditer(text)]
    starts = scan.occurrences(key)
    if not starts:
        return []
    pattern = _line_pattern(phrase)
    hits = []
    next_line = 0
    for position in starts:
        if position < next_line:
            continue  # this line was tried already
        match = pattern.match(text, lowered.rfind("\n", 0, position) + 1)
        if match is not None:
            hits.append(match.span(1))
        next_line = lowered.find("\n", position)
        if next_line < 0:
            break
    return hits


def _whole_line_as_written(written: str, text: str, hit: tuple[int, int], phrase: str) -> bool:
    """Whether the line of ``hit`` is ``phrase`` alone in ``written`` too, comments aside: code
    on the line is text a reader sees."""
    start = text.rfind("\n", 0, hit[0]) + 1
    end = written.find("\n", hit[1])
    line = HTML_COMMENT.sub("", written[start:end if end >= 0 else len(written)])
    return _line_pattern(phrase).fullmatch(line) is not None


@functools.lru_cache(maxsize=256)
def _longest_word(phrase: str) -> str:
    """The string a line phrase is searched by: its longest word, the last of equals ("on this
    page": page); or a longer part of it without spaces ("a-z", not "z", which most pages hold)
    when lower-casing finds it in any case (no "i" or "s": see pattern_starts._FOLDS_TO_ASCII)."""
    word = max(reversed(words_of(phrase)), key=len, default=b"").decode()
    part = max(reversed(phrase.split(" ")), key=len)
    if len(part) > len(word) and part.isascii() and "i" not in part and "s" not in part:
        return part
    return word


@functools.lru_cache(maxsize=256)
def _line_pattern(phrase: str) -> re.Pattern[str]:
    """A line that is ``phrase`` and nothing else but markup and punctuation."""
    return re.compile(r"^[\W_]*(" + re.escape(phrase).replace(r"\ ", r"\s+") + r")[\W_]*$", re.IGNORECASE | re.MULTILINE)


def _phrase_set(raw: dict[str, Any], extra_phrases: list[str], extra_lines: list[str], where: str) -> PhraseSet:
    patterns = []
    for entry in raw.get("patterns", []):
        try:
            requires = entry.get("requires", [])
            requires = [requires] if isinstance(requires, str) else requires
            patterns.append((re.compile(entry["pattern"], re.IGNORECASE), Needles([str(r).lower() for r in requires])))
        except re.error as error:
            raise ConfigError(f"{where}: invalid regular expression {entry['pattern']!r}: {error}") from None
    phrases = [p.lower() for p in [*raw.get("phrases", []), *extra_phrases] if p.strip()]
    lines = [" ".join(p.lower().split()) for p in [*raw.get("lines", []), *extra_lines] if p.strip()]
    return PhraseSet(
        phrases=tuple(dict.fromkeys(phrases)),
        words=tuple((word, word.lower()) for word in raw.get("words", [])),
        lines=tuple(dict.fromkeys(lines)),
        patterns=tuple(patterns),
    )


@functools.lru_cache(maxsize=1)
def _shipped() -> dict[str, Any]:
    return tomllib.loads(resources.files("contentlint").joinpath("data/quality.toml").read_text(encoding="utf-8"))


def phrase_set_resource(
    name: str, table: str | dict[str, Any], phrases: Option, lines: Option | None = None
) -> Resource:
    """A phrase set from ``table`` (the name of a table of the shipped data/quality.toml, or such a
    table itself: ``{"phrases": [...], "words": [...], "lines": [...], "patterns": [...]}``),
    extended by the configured ``phrases`` (anywhere) and ``lines`` (whole lines). Its strings
    join the phrase index."""

    def build(config: Config) -> PhraseSet:
        shipped = _shipped().get(table, {}) if isinstance(table, str) else table
        extra_lines = config.option(lines) if lines is not None else []
        return _phrase_set(shipped, config.option(phrases), extra_lines, name)

    options = (phrases,) if lines is None else (phrases, lines)
    return Resource(name, build, search_keys=PhraseSet.search_keys, options=options)


# A link or image as written, `[text](target)`: the reader sees its text.
_INLINE_LINK = re.compile(r"!?\[([^\]]*)\]\([^()]*(?:\([^()]*\)[^()]*)*\)")


def as_shown(markdown: str) -> str:
    """Inline Markdown as the reader sees it, for quoting: links as their text, emphasis marks gone."""
    return _INLINE_LINK.sub(r"\1", markdown).replace("**", "").replace("__", "").replace("*", "")


def without_links(markdown: str) -> str:
    """Inline Markdown with its links and images left out, their text too."""
    return _INLINE_LINK.sub(" ", markdown)


def quoted(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return f'"{text}"' if len(text) <= limit else f'"{text[:limit - 1].rstrip()}…"'


def quoted_end(text: str, limit: int = 60) -> str:
    """``text`` in quotes; a long one cut at the front, at a word where it can, since its end is
    what the message is about."""
    if len(text) <= limit:
        return quoted(text, limit)
    cut = text[len(text) - limit + 1:]
    space = cut.find(" ")
    return f'"…{cut[space + 1:] if 0 <= space < limit // 2 else cut}"'


def _outside_addresses(view: Structure, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans that do not start inside the address of a link, image, bare URL or link reference
    definition, as written."""
    addresses = view.addresses
    if not addresses:
        return spans
    kept = []
    for start, end in spans:
        at = bisect.bisect_right(addresses, (start, len(view.body) + 1)) - 1
        if at < 0 or not addresses[at][0] <= start < addresses[at][1]:
            kept.append((start, end))
    return kept


def _one_per_line(document: Document, text: str, spans: list[tuple[int, int]]) -> Iterator[tuple[int, int, str]]:
    seen: set[int] = set()
    for start, end in spans:
        line, column = line_and_column(document, text, start)
        if line not in seen:
            seen.add(line)
            yield line, column, text[start:end]


def phrase_spans(document: Document, config: Config, phrases: PhraseSet) -> list[tuple[int, int]]:
    """Where ``phrases`` match what a reader sees, as (start, end) in the body, in order. A phrase
    inside an address (`[guide](https://example.org/TODO/guide)`, a bare URL) is part of the
    address, not of the text."""
    spans = phrases.find(visible_body(document), visible_lower(document), text_scan(document, config), document.body)
    return _outside_addresses(document_structure(document), spans) if spans else spans


def phrase_violations(
    document: Document, config: Config, phrases: PhraseSet, message: str,
    keep: Callable[[str, int, int], bool] | None = None,
) -> Iterator[Violation]:
    """One violation per line where ``phrases`` match what a reader sees (see phrase_spans);
    ``message`` has a {} for the quote. ``keep(text, start, end)``, when given, says which
    matches of the visible text count."""
    text = visible_body(document)
    spans = phrase_spans(document, config, phrases)
    if keep is not None:
        spans = [(start, end) for start, end in spans if keep(text, start, end)]
    for line, column, written in _one_per_line(document, text, spans):
        yield Violation(line, column, message.format(quoted(written)), subject=" ".join(written.lower().split()))
