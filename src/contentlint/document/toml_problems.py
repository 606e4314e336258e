"""Plain words for the TOML errors editors make in `+++` front matter.

The TOML parser says what it expected ("Invalid value", "Expected newline or end of document
after a statement"); an editor needs to know what they wrote and how to mend it ("a text value
must be in double quotes"). What this cannot explain keeps the parser's words.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import NamedTuple

from contentlint.document.field_syntax import quotes_as_written


class TomlProblem(NamedTuple):
    message: str  # after "front matter is not valid TOML: "
    line: int  # 0-based, in the front matter
    column: int
    quote_from: int | None = None  # the mend is to put the rest of the line in double quotes, from here


# `name = value` with the value's start; `name: value` (YAML's way).
_ASSIGNMENT = re.compile(r"""^[ \t]*(?:"[^"\n]*"|'[^'\n]*'|[A-Za-z0-9_.-]+)[ \t]*=[ \t]*(?=\S)""")
_COLON = re.compile(r"^[ \t]*[A-Za-z0-9_-]+[ \t]*:")
_DATE_LIKE = re.compile(r"\d{4}-\d{1,2}-\d{1,2}\b")


def describe(said: str, line: int, column: int, text: str) -> TomlProblem:
    """What went wrong at ``line``, ``column`` (0-based) of ``text``, for the parser's ``said``."""
    lines = text.split("\n")
    if said.startswith("Unterminated string"):  # the parser gives the end of the text: find the quote
        line = next((number for number, source in enumerate(lines) if _opens_unclosed(source)), line)
    source = lines[line] if 0 <= line < len(lines) else ""
    value = _ASSIGNMENT.match(source)
    start = value.end() if value else column
    rest = source[start:].rstrip()
    if said.startswith("Expected '=' after a key") and _COLON.match(source):
        return TomlProblem(
            "TOML writes `name = value`, and this line has a colon (`name: value` is YAML, whose front "
            "matter opens with `---`, not `+++`)",
            line, column,
        )
    if value is None:
        return TomlProblem(said, line, column)
    if said.startswith("Invalid value") and rest[:1].isalpha() and rest.lower() not in ("true", "false", "inf", "nan"):
        quotable = quotes_as_written(rest)
        return TomlProblem(
            "a text value must be in double quotes" + (f': {source[:start]}"{rest}"' if quotable and len(rest) <= 60 else ""),
            line, start, start if quotable else None,
        )
    date = _DATE_LIKE.match(rest)
    if date and not _is_day(date.group()):
        return TomlProblem(
            f"{date.group()} is not a day on the calendar; write the date as YYYY-MM-DD", line, start,
        )
    if said.startswith("Expected newline or end of document") and rest[:1] in ("'", '"') and column > start:
        if rest[0] == '"':
            return TomlProblem(
                'text goes on after the closing quote: a " inside a double-quoted value is written \\" '
                "(or put the value in single quotes)",
                line, start,
            )
        return TomlProblem(
            "text goes on after the closing quote: a value in single quotes cannot hold an apostrophe; "
            "put it in double quotes",
            line, start,
        )
    if said.startswith(("Illegal character '\\n'", "Unterminated string")) and rest[:1] in ("'", '"'):
        return TomlProblem("the quote that opens this value is not closed on its line; close it", line, start)
    return TomlProblem(said, line, column)


def _opens_unclosed(source: str) -> bool:
    """Whether a `name = "…` line opens a one-line string that it does not close."""
    value = _ASSIGNMENT.match(source)
    if value is None:
        return False
    rest = source[value.end():]
    quote = rest[:1]
    if quote not in ("'", '"') or rest.startswith(quote * 3):
        return False
    body = re.sub(r'\\.', "", rest[1:]) if quote == '"' else rest[1:]
    return quote not in body


def _is_day(written: str) -> bool:
    try:
        dt.date(*map(int, written.split("-")))
    except ValueError:
        return False
    return True
