"""Rule families. Importing this package registers every rule."""

from __future__ import annotations

from contentlint.rules import authority, freshness, links, metadata, online_links, quality, reading  # noqa: F401
