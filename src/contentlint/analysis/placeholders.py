"""Placeholder text: the phrase set Q001 reports, which Q008 does not count as a page's content."""

from __future__ import annotations

from contentlint.analysis.phrases import phrase_set_resource
from contentlint.model.settings import Option

EXTEND_PLACEHOLDERS = Option("quality", "extend-placeholders", {"type": "array", "items": {"type": "string"}}, [], "more placeholder phrases (any case)")
# The shipped [placeholders] of data/quality.toml, plus the configured phrases.
PLACEHOLDERS = phrase_set_resource("placeholders", "placeholders", EXTEND_PLACEHOLDERS)
