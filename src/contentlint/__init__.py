"""contentlint: a linter for curated corpora of health-information documents."""

from __future__ import annotations

__version__ = "0.1.0"
