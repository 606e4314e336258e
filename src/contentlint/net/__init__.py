"""The only code that touches the network: HTTP client, host limits, address guard and cache."""

from __future__ import annotations

from contentlint.net.checker import CheckStats, check_urls
from contentlint.net.outcome import Outcome
from contentlint.net.settings import LinkSettings, settings_from_section

__all__ = ["CheckStats", "LinkSettings", "Outcome", "check_urls", "settings_from_section"]
