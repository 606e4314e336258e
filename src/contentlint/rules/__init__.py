"""Rule families. Importing this package registers every rule."""

from __future__ import annotations

from contentlint.rules import freshness, metadata, reading  # noqa: F401
from contentlint.rules import duplicates  # noqa: F401,E402  (corpus-wide: Q009)
