"""One pass over a document's visible text finds every phrase and word the content rules look for.

The placeholder, boilerplate, vendor-signal and citation rules each look for dozens of
phrases. Searching for each one in turn would read a page a hundred times; instead an
Aho-Corasick automaton (ahocorasick-rs), built once per run from the phrases that the
enabled rules declare (``Resource.search_keys``), finds every occurrence of every one of
them in a single pass. The rules then
judge each occurrence (whole words, a line on its own) as before.

The vocabulary only decides speed, never results: a phrase that is not in it is searched
for directly.
"""

from __future__ import annotations

import collections
from typing import Iterable, Iterator

from contentlint.analysis.memo import computed, per_document
from contentlint.analysis.visible_text import visible_lower
from contentlint.document import Document
from contentlint.model.settings import Config, Resource


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
        """Whether ``word`` (lower case) stands somewhere as a whole word."""
        return next(word_hits(self.lowered, word, self.occurrences(word)), None) is not None


def word_hits(text: str, phrase: str, starts: Iterable[int]) -> Iterator[tuple[int, int]]:
    """(start, end) of each of the ``starts`` of ``phrase`` in ``text`` where it stands as whole words:
    no letter, digit or underscore joins it on either side."""
    for position in starts:
        end = position + len(phrase)
        before = text[position - 1] if position else " "
        after = text[end] if end < len(text) else " "
        if not (phrase[0].isalnum() and (before.isalnum() or before == "_")) and not (
            phrase[-1].isalnum() and (after.isalnum() or after == "_")
        ):
            yield position, end


def find_all(text: str, key: str) -> list[int]:
    """Every start of ``key`` in ``text``, overlapping ones included."""
    positions = []
    position = text.find(key) if key else -1
    while position >= 0:
        positions.append(position)
        position = text.find(key, position + 1)
    return positions


def _empty_index(config: Config) -> Vocabulary:
    return Vocabulary(())


# The phrase index of a run: the engine builds it from the search keys of the resources the
# enabled rules use. Built on its own (a rule called directly), it is empty, and every lookup
# falls back to a direct search: the vocabulary decides speed, never results.
PHRASE_INDEX = Resource("phrase index", _empty_index)


@per_document
def text_scan(document: Document, config: Config) -> TextScan:
    """The scan of the document's visible text (code and comments left out), made once."""
    return config.resource(PHRASE_INDEX).scan(visible_lower(document))


def scan_made(document: Document) -> TextScan | None:
    """The document's phrase scan if a rule has made it already (code that has no config reuses it)."""
    return computed(document, text_scan)
