"""JSON text for the report formats: exactly what ``json.dumps(payload, indent=2, ensure_ascii=False)``
writes, made by orjson. The standard library writes indented JSON with its pure-Python encoder: on
the 17,881 findings of ../shared/corpora/nci-kb that took 0.31 s, orjson takes 0.02 s, byte for byte
the same (tests/test_json_text.py compares them on every code point).

orjson refuses text that is not valid UTF-8 (an undecodable byte of a file name, carried as a lone
surrogate): such text is first made valid with ``unsurrogate``, as the reports always did. Anything
else it refuses (an integer over 64 bits) is written by the standard library.
"""

from __future__ import annotations

import json

import orjson

from contentlint.report.escape import unsurrogate

_OPTIONS = orjson.OPT_INDENT_2


def json_text(payload: object) -> str:
    """``payload`` as indented JSON (two spaces, UTF-8 characters as they are), no final newline."""
    try:
        return orjson.dumps(payload, option=_OPTIONS).decode("utf-8")
    except orjson.JSONEncodeError:
        valid = valid_text(payload)
        try:
            return orjson.dumps(valid, option=_OPTIONS).decode("utf-8")
        except orjson.JSONEncodeError:
            return json.dumps(valid, indent=2, ensure_ascii=False)


def valid_text(entry: object) -> object:
    """``entry`` with every string made valid UTF-8: an undecodable byte of a file name becomes
    ``\\xff`` (control characters need nothing: JSON escapes them)."""
    if isinstance(entry, str):
        return unsurrogate(entry)
    if isinstance(entry, dict):
        return {key: valid_text(value) for key, value in entry.items()}
    if isinstance(entry, (list, tuple)):
        return [valid_text(value) for value in entry]
    return entry
