from __future__ import annotations

from contentlint.cli import entry

raise SystemExit(entry())
