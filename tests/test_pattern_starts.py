"""Searching a pattern only where its literal starts occur finds what a full search finds."""

from __future__ import annotations

import re
import sys

import pytest

from contentlint.analysis.authority import _read_shipped, build
from contentlint.analysis.pattern_starts import (
    _FOLDS_TO_ASCII,
    all_matches,
    first_match,
    indexed_starts,
    line_literal_starts,
    literal_starts,
)
from contentlint.analysis.phrase_index import find_all
from contentlint.analysis.visible_text import lower_in_place


@pytest.mark.parametrize(
    ("pattern", "starts"),
    [
        (r"\(RUO\)", ("(ruo)",)),
        (r"\bCAS (?:No|Number)\s*\d", ("cas n",)),  # the parser takes the common "N" out of the branches
        (r"\b(?:purity\s*:?\s*9\d%|HPLC\s+grade|reagent\s+grade)", ("hplc", "purity", "reagent")),
        (r"(?<![\w.,])[$£€]\s?\d{1,4}\.\d{2}\b", ("$", "£", "€")),
        (r"(?:\bprice\s*:|[$£]\d)", ("$", "price", "£")),
        (r"(?:ab)+c", ("ab",)),
        (r"(Sign)[ -]?up", ("sign",)),
        # No literal start: the pattern is searched as it is.
        (r"\w+ cures", None),
        (r"(?m)^[ \t>*]*TODO", None),
        (r"(?:foo)?bar", None),
        (r"(?:foo|)bar", None),
        (r"[A-Z]{2}\d", None),
        (r"[^x]y", None),
        (r".ab", None),
        (r"\bİstanbul", None),  # a cased non-ASCII start: lower-casing does not find all its cases
        (r"\b", None),
    ],
)
def test_literal_starts(pattern: str, starts: tuple[str, ...] | None) -> None:
    assert literal_starts(re.compile(pattern, re.IGNORECASE)) == starts


@pytest.mark.parametrize(
    ("pattern", "starts"),
    [
        (r"(?m)^[ \t>*]*TODO", ("todo",)),
        (r"(?m)^[ \t>*_#-]*(?:certainly|of course)[!,.]+", ("certainly", "of course")),
        (r"(?m)^ ?[a-c]*x? *Sure", ("sure",)),
        # Not line-anchored, or what comes before the literal may cross a line or is required.
        (r"^[ \t]*TODO", None),
        (r"(?m)^\s*TODO", None),
        (r"(?m)^[^x]*TODO", None),
        (r"(?m)^[\t-\r]*TODO", None),
        (r"(?m)^\n?TODO", None),
        (r"(?m)^[ >]+TODO", None),
        (r"(?m)^[ >]*\w+", None),
        (r"(?m)(?:^|x)[ >]*TODO", None),
        (r"(?m)^TODO", None),  # literal_starts has it already
    ],
)
def test_line_literal_starts(pattern: str, starts: tuple[str, ...] | None) -> None:
    assert line_literal_starts(re.compile(pattern, re.IGNORECASE)) == starts


@pytest.mark.parametrize(
    ("pattern", "keys"),
    [
        (r"\bsign(?:ing)?[ -]?up\b", ("sign",)),
        (r"(?m)^[ \t>]*(?:sure|of course)[!,]", ("of course", "sure")),
        # Starts that are not letters are searched for directly: none of them is a key.
        (r"[$£]\d", ()),
        (r"(?:\bprice\s*:|[$£]\d)", ()),
        (r"\w+ cures", ()),
    ],
)
def test_indexed_starts_are_the_letter_starts(pattern: str, keys: tuple[str, ...]) -> None:
    assert indexed_starts(re.compile(pattern, re.IGNORECASE)) == keys


_TEXTS = [
    "",
    "Purity: 99% by HPLC. Reagent Grade also.",
    "impurity: 99% is no hit; PURITY 98 % is one",
    "prices: $12.50 per mg, a.$3.00 and x$4.00, then £24.99",
    "Unit price is low. price: ask",
    "For Research Use Only (RUO). CAS No. 50-00-0",
    "CAS number 50-00-0 and ſign up",
    "purıty 97% and İnstant HPLC grade",  # dotless and dotted i match i: the full search is used
    "Kelvin-sign K: CAS No 50-00-0",
    "reagent\ngrade across a line; hplc  grade",
]


def _patterns() -> list[re.Pattern[str]]:
    shipped = [s.pattern for s in build(_read_shipped(), {}).signals if s.pattern is not None]
    more = [re.compile(p, re.IGNORECASE) for p in (r"(?<!im)purity", r"\bcas\b", r"(?-i:PURITY)", r"(sign)\s?up")]
    return [*shipped, *more]


@pytest.mark.parametrize("text", _TEXTS)
@pytest.mark.parametrize("pattern", _patterns(), ids=lambda p: p.pattern[:30])
def test_first_match_is_the_search(pattern: re.Pattern[str], text: str) -> None:
    lowered = lower_in_place(text)
    found = first_match(pattern, text, lambda key: find_all(lowered, key))
    expected = pattern.search(text)
    assert (found and found.span()) == (expected and expected.span())


@pytest.mark.parametrize("pattern", _patterns(), ids=lambda p: p.pattern[:30])
def test_the_texts_hold_matches(pattern: re.Pattern[str]) -> None:
    """The table above exercises a hit of every pattern, not only misses."""
    assert any(pattern.search(text) for text in _TEXTS)


def test_every_character_that_ignorecase_takes_for_an_ascii_letter_is_known() -> None:
    """Those whose lower case is not that letter make the full search run (see _FOLDS_TO_ASCII)."""
    letter = re.compile("[a-z]", re.IGNORECASE)
    folding = {chr(c) for c in range(0x80, sys.maxunicode + 1) if letter.match(chr(c)) and not chr(c).lower().isascii()}
    assert folding == set(_FOLDS_TO_ASCII)


def _phrase_patterns() -> list[re.Pattern[str]]:
    from contentlint.analysis.phrases import _phrase_set, _shipped

    tables = ("boilerplate", "placeholders", "chatbot", "cure_claims")
    return [pattern for table in tables for pattern, _ in _phrase_set(_shipped().get(table, {}), [], [], table).patterns]


_PHRASE_TEXTS = [
    "Sign up for our newsletter. Signup for e-mail updates! Signing up to our mailing list, sign-up for updates",
    "ſign up for our newsletter",  # long s: the full search is used
    "Subscribe to our newsletter; SUBSCRIBE for updates. This cures cancer; it eliminates all tumours.",
    "[Insert name] and [your link here] and {{ name }} and Name: ____",
    "design updates, a signal of emails",
    "Sign up now, then sign up for updates.",  # a second start inside the first match
    "Intro.\n> **Certainly! Here is the summary.\nSure, here's more. Of course! Below is x\nOf course! Below is y",
    "Certainly, sure. Here is none\n\n  - Great question! I can help.",
]


@pytest.mark.parametrize("text", _PHRASE_TEXTS + _TEXTS)
@pytest.mark.parametrize("pattern", _phrase_patterns() + _patterns(), ids=lambda p: p.pattern[:30])
def test_all_matches_are_finditer(pattern: re.Pattern[str], text: str) -> None:
    lowered = lower_in_place(text)
    found = all_matches(pattern, text, lambda key: find_all(lowered, key))
    assert found == [match.span() for match in pattern.finditer(text)]


def test_the_phrase_texts_hold_several_matches() -> None:
    """Some patterns match more than once in one text, so that resuming after a match is tried."""
    assert any(len(list(p.finditer(t))) > 1 for p in _phrase_patterns() for t in _PHRASE_TEXTS)
