"""Lines recognised by their look: what several content rules agree a list item is."""

from __future__ import annotations

import re

# "- item", "1. item", "(2) item", "a) item", and the bullets scraped pages keep ("•", "▪", "✓").
# What stands before a line's text: indentation, quotation marks, a CommonMark list marker.
LINE_LEAD = re.compile(r"[ \t>]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?")
LIST_ITEM = re.compile(r"^\s*(?:[-*+•·▪◦‣●○■□➢✓]|\d{1,3}[.)]|\(\d{1,3}\)|\(?[a-zA-Z][.)])(?:\s+\S|$)")
# An icon's shortcode at the end of a line (":warning:", ":material-pound:", ":+1:"): its colon ends no sentence.
ICON_SHORTCODE_END = re.compile(r"(?:^|\s):[\w+-]+:$")
