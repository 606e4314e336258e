"""A front-matter field as the document's own front matter writes it, for messages that quote or
suggest one: ``key: value`` in YAML (``---``), ``key = "value"`` in TOML (Hugo's ``+++``)."""

from __future__ import annotations

import json
import re
from typing import Any

YAML = "yaml"
TOML = "toml"

FENCE = {YAML: "---", TOML: "+++"}  # the lines around the front matter

NO_VALUE: Any = object()  # a field to add: the key, ready for its value

_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
# The TOML reader keeps dates as text (``lastmod = 2024-01-02`` reads as "2024-01-02"): such text
# is written back bare, as a TOML date, time or date-time.
_TOML_DATE = re.compile(
    r"(?:\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?)?)|\d{2}:\d{2}:\d{2}(?:\.\d+)?"
)


def field_text(syntax: str, key: str, value: Any = NO_VALUE) -> str:
    """``key: value`` (YAML) or ``key = "value"`` (TOML); with no value, ``key:`` or ``key = "..."``."""
    if syntax != TOML:
        return f"{key}:" if value is NO_VALUE else f"{key}: {value}"
    shown = '"..."' if value is NO_VALUE else _toml_value(value)
    return f"{key if _BARE_KEY.fullmatch(key) else _toml_string(key)} = {shown}"


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, str) and _TOML_DATE.fullmatch(value):
        return value
    return _toml_string(str(value))


def _toml_string(text: str) -> str:
    # JSON's escapes (\" \\ \n \uXXXX) are TOML's too; DEL is the one control character JSON leaves raw.
    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007f")


def quotes_as_written(value: str) -> bool:
    """Whether a front-matter value can go between double quotes as it is written: it has text,
    nothing to escape (a quote, a backslash), and no ` #` (a comment, or part of the value?)."""
    return bool(value) and not any(mark in value for mark in ('"', "\\", " #", "\t#"))
