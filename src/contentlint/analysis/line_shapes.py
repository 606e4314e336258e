"""Lines recognised by their look: what several content rules agree a list item is."""

from __future__ import annotations

import re

# "- item", "1. item", "(2) item", "a) item", and the bullets scraped pages keep ("•", "▪", "✓").
LIST_ITEM = re.compile(r"^\s*(?:[-*+•·▪◦‣●○■□➢✓]|\d{1,3}[.)]|\(\d{1,3}\)|\(?[a-zA-Z][.)])(?:\s+\S|$)")
