from __future__ import annotations

from contentlint.cli import main

raise SystemExit(main())
