"""Website boilerplate: the phrase set Q002 reports, and whether one line is boilerplate (so that
a page without front matter does not take "Skip to main content" for its title)."""

from __future__ import annotations

import functools
import re

from contentlint.analysis.phrases import PhraseSet, phrase_set_resource
from contentlint.model.settings import Option

EXTEND_BOILERPLATE = Option("quality", "extend-boilerplate", {"type": "array", "items": {"type": "string"}}, [], "more boilerplate phrases (any case)")
EXTEND_BOILERPLATE_LINES = Option("quality", "extend-boilerplate-lines", {"type": "array", "items": {"type": "string"}}, [], "boilerplate that counts only as a whole line")
# The shipped [boilerplate] of data/quality.toml, plus the configured phrases and lines.
BOILERPLATE = phrase_set_resource("boilerplate", "boilerplate", EXTEND_BOILERPLATE, EXTEND_BOILERPLATE_LINES)

_MARKUP = re.compile(r"[\W_]+")


def is_boilerplate_line(line: str, phrases: PhraseSet) -> bool:
    """Whether Q002 would flag this one line: a phrase in it as whole words, the line a boilerplate
    line on its own, or a pattern in it."""
    any_phrase, whole_lines = _line_matchers(phrases)
    lowered = " ".join(line.lower().split())
    if any_phrase is not None and any_phrase.search(lowered):
        return True
    if " ".join(_MARKUP.sub(" ", lowered).split()) in whole_lines:
        return True
    return any(pattern.search(line) for pattern, _ in phrases.patterns)


@functools.lru_cache(maxsize=8)
def _line_matchers(phrases: PhraseSet) -> tuple[re.Pattern[str] | None, frozenset[str]]:
    """One expression for every phrase as whole words (it finds a match where any one phrase's
    own expression would), and the whole lines with their markup folded."""
    any_phrase = (
        re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, phrases.phrases)) + r")(?!\w)") if phrases.phrases else None
    )
    return any_phrase, frozenset(" ".join(_MARKUP.sub(" ", p).split()) for p in phrases.lines)
