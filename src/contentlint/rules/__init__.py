"""Rule families. Importing this package registers every rule."""

from __future__ import annotations

from contentlint.rules import freshness, metadata, online_links, reading  # noqa: F401
