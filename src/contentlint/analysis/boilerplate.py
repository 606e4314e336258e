"""Website boilerplate: the phrase set Q002 reports, and whether one line is boilerplate (so that
a page without front matter does not take "Skip to main content" for its title)."""

from __future__ import annotations

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
    lowered = " ".join(line.lower().split())
    if any(re.search(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)", lowered) for phrase in phrases.phrases):
        return True
    if " ".join(_MARKUP.sub(" ", lowered).split()) in {" ".join(_MARKUP.sub(" ", p).split()) for p in phrases.lines}:
        return True
    return any(pattern.search(line) for pattern, _ in phrases.patterns)
