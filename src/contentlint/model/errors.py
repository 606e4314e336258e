"""Errors that end a run with exit code 2 and one line on stderr."""

from __future__ import annotations


class ConfigError(Exception):
    """A configuration problem: reported in one line, exit code 2."""
