"""One pass over a document's visible text finds every phrase and word the content rules look for.

The placeholder, boilerplate, vendor-signal and citation rules each look for dozens of
phrases. Searching for each one in turn would read a page a hundred times; instead an
Aho-Corasick automaton (ahocorasick-rs) built once per configuration from all of their
phrases finds every occurrence of every one of them in a single pass. The rules then
judge each occurrence (whole words, a line on its own) as before.

The vocabulary only decides speed, never results: a phrase that is not in it is searched
for directly.
"""

from __future__ import annotations

import collections
from typing import TYPE_CHECKING, Iterable

if TYPE_CHECKING:
    from contentlint.engine.config import Config
    from contentlint.document import Document

_PIECE_CHARACTERS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")


class Vocabulary:
    """The lower-case strings searched for in every document."""

    def __init__(self, keys: Iterable[str]) -> None:
        import ahocorasick_rs

        self.keys = sorted({key for key in keys if key})
        self.known = frozenset(self.keys)
        # DFAs: the fastest scan (about twice an NFA's), for a vocabulary of a few hundred strings.
        # Most pages are ASCII, and are scanned as bytes: offsets are the same, and the str
        # matcher's conversion of every offset from bytes to characters is skipped.
        implementation = ahocorasick_rs.Implementation.DFA
        self._ascii_matcher = (
            ahocorasick_rs.BytesAhoCorasick([key.encode() for key in self.keys], implementation=implementation)
            if self.keys else None
        )
        self._matcher = ahocorasick_rs.AhoCorasick(self.keys, implementation=implementation) if self.keys else None

    def scan(self, lowered: str) -> TextScan:
        found: dict[str, list[int]] = collections.defaultdict(list)
        if self._matcher is not None:
            keys = self.keys
            if lowered.isascii():
                matches = self._ascii_matcher.find_matches_as_indexes(lowered.encode(), overlapping=True)
            else:
                matches = self._matcher.find_matches_as_indexes(lowered, overlapping=True)
            for index, start, _ in matches:
                found[keys[index]].append(start)
        return TextScan(lowered, dict(found), self.known)


class TextScan:
    """Where each vocabulary string occurs in one lower-case text."""

    def __init__(self, lowered: str, found: dict[str, list[int]], scanned: frozenset[str]) -> None:
        self.lowered = lowered
        self._found = found
        self._scanned = scanned
        self._present = frozenset(found)  # the vocabulary strings that occur

    def occurrences(self, key: str) -> list[int]:
        """Every start of ``key`` in the text, overlapping ones included, in order."""
        found = self._found.get(key)
        if found is None:
            found = self._found[key] = [] if key in self._scanned else find_all(self.lowered, key)
        return found

    def among(self, keys: frozenset[str]) -> frozenset[str]:
        """Those of ``keys`` that may occur: found by the scan, or not in its vocabulary (set operations
        only: a rule's dozens of phrases cost no Python loop)."""
        return (keys & self._present) | (keys - self._scanned)

    def has_word(self, word: str) -> bool:
        """Whether ``word`` (lower-case ASCII letters and digits) stands as a whole word piece:
        neither neighbour is an ASCII letter or digit."""
        starts = self.occurrences(word)
        if not starts:
            return False
        lowered, size = self.lowered, len(word)
        return any(
            (start == 0 or lowered[start - 1] not in _PIECE_CHARACTERS)
            and (start + size >= len(lowered) or lowered[start + size] not in _PIECE_CHARACTERS)
            for start in starts
        )


def find_all(text: str, key: str) -> list[int]:
    """Every start of ``key`` in ``text``, overlapping ones included."""
    positions = []
    position = text.find(key) if key else -1
    while position >= 0:
        positions.append(position)
        position = text.find(key, position + 1)
    return positions


def text_scan(document: Document, config: Config) -> TextScan:
    """The scan of the document's visible text (code and comments left out), made once."""
    cached = document.memo.get("text.scan")
    if cached is None:
        from contentlint.analysis.visible_text import visible_lower

        cached = document.memo["text.scan"] = vocabulary(config).scan(visible_lower(document))
    return cached


def scan_made(document: Document) -> TextScan | None:
    """The document's phrase scan if a rule has made it already (code that has no config reuses it)."""
    return document.memo.get("text.scan")


def vocabulary(config: Config) -> Vocabulary:
    return config.derived("phrase-vocabulary", lambda: Vocabulary(_keys(config)))


def _keys(config: Config) -> set[str]:
    from contentlint.analysis.authority import authority_data
    from contentlint.analysis.links import ADDRESS_MARKERS
    from contentlint.analysis.review_dates import LABEL_KEYWORDS
    from contentlint.rules.quality import CITATION_WORDS, quality_data

    rule_keys = {*quality_data(config).search_keys(), *authority_data(config).search_keys(), *CITATION_WORDS}
    return rule_keys | {*LABEL_KEYWORDS, *ADDRESS_MARKERS}  # also the words freshness and links look for
