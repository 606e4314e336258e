"""Rule families. Importing this package registers every rule."""

from __future__ import annotations

from contentlint.rules import authority, freshness, links, metadata, quality, reading  # noqa: F401
from contentlint.rules import duplicates  # noqa: F401,E402  (corpus-wide: Q009)

# Last: it registers L008 itself only when no offline link rule module has.
from contentlint.rules import online_links  # noqa: F401, E402
