"""Rule families. Importing this package registers every rule."""

from __future__ import annotations

from contentlint.rules import (  # noqa: F401
    authority,
    duplicates,
    freshness,
    links,
    metadata,
    online_links,
    quality,
    reading,
)
