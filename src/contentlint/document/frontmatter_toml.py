"""TOML front matter, as Hugo writes it between `+++` lines: the fields, a line for each top-level
key, and errors with their line.

Dates stay text, as in YAML front matter (``lastmod = 2024-01-02`` reads as "2024-01-02"), so that
the schema's ``format: date`` and the review rules read both kinds of front matter alike.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import sys
from dataclasses import dataclass
from typing import Any, Iterator

from contentlint.document.frontmatter_yaml import MAX_FRONT_MATTER_BYTES, FrontMatterError
from contentlint.document.toml_problems import describe

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

# A top-level `key = value` line (bare or quoted key; dotted keys are left to the parser) or a
# `[table]` header; positions come from these, since the TOML parser keeps none.
_KEY_LINE = re.compile(
    r"""^([ \t]*)(?:"((?:[^"\\\n]|\\.)*)"|'([^'\n]*)'|([A-Za-z0-9_-]+))[ \t]*=[ \t]*(\S?)"""
)
_TABLE_LINE = re.compile(r"""^[ \t]*\[\[?[ \t]*([A-Za-z0-9_."' -]+?)[ \t]*\]\]?[ \t]*(?:\#.*)?$""")
_ERROR_PLACE = re.compile(r"\s*\(at line (\d+), column (\d+)\)|\s*\(at end of document\)")


@dataclass
class ParsedToml:
    """What ``document.parsed_yaml`` offers, for TOML: the data and 0-based positions in the TOML text."""

    data: dict[str, Any]
    text: str

    def position(self, path: tuple[Any, ...] | list[Any]) -> tuple[int, int]:
        """0-based (line, column) of the top-level value on ``path`` (nested values: their table's)."""
        if not path:
            return 0, 0
        found = self._places.get(str(path[0]))
        return (found[0], found[2]) if found is not None else (0, 0)

    def key_position(self, key: str) -> tuple[int, int]:
        found = self._places.get(key)
        return (found[0], found[1]) if found is not None else (0, 0)

    @property
    def raw_scalars(self) -> dict[str, str]:
        """Empty: TOML has no unquoted text that reads as another type (YAML's `no`, `1.10`)."""
        return {}

    @functools.cached_property
    def _places(self) -> dict[str, tuple[int, int, int]]:
        """Top-level key -> (line, key column, value column), and a table -> its header's."""
        places: dict[str, tuple[int, int, int]] = {}
        for name, line, key_column, value_column, _ in _top_level_names(self.text):
            places.setdefault(name, (line, key_column, value_column))
        return places


def _top_level_names(text: str) -> Iterator[tuple[str, int, int, int, bool]]:
    """Each top-level key and table header as written: (name, 0-based line, key column, value
    column, whether it is a table). Keys inside tables are not top-level: they are skipped."""
    in_table = False
    open_brackets = 0  # inside a value that spans lines (an array, an inline table)
    in_string = False  # inside a multi-line string
    for number, line in enumerate(text.split("\n")):
        if in_string or open_brackets > 0:
            in_string ^= _toggles_string(line)
            if not in_string:
                open_brackets += _bracket_balance(line)
            continue
        table = _TABLE_LINE.match(line)
        if table is not None:
            in_table = True
            yield table.group(1).strip("\"'"), number, line.index("["), line.index("["), True
            continue
        match = _KEY_LINE.match(line)
        if match is None or in_table:
            continue
        group = next(g for g in (2, 3, 4) if match.group(g) is not None)
        yield match.group(group), number, match.start(group) - (0 if group == 4 else 1), match.start(5), False
        value = line[match.start(5):]
        in_string = _toggles_string(value)
        open_brackets = 0 if in_string else _bracket_balance(value)


def _repeated_key(text: str) -> tuple[str, int, int, int] | None:
    """The first top-level key written twice: (key, its first line, the repeat's line, the repeat's
    key column), 0-based; None when there is none (a key repeated inside a table, or a dotted key,
    keeps the parser's words)."""
    seen: dict[str, int] = {}
    for name, line, key_column, _, is_table in _top_level_names(text):
        if is_table:
            continue
        if name in seen:
            return name, seen[name], line, key_column
        seen[name] = line
    return None


def _toggles_string(text: str) -> bool:
    """Whether ``text`` opens or closes a multi-line string (an odd number of triple quotes)."""
    return (text.count('"""') + text.count("'''")) % 2 == 1


def _bracket_balance(text: str) -> int:
    """Brackets and braces opened less those closed (strings are not told apart: positions only)."""
    return text.count("[") + text.count("{") - text.count("]") - text.count("}")


def load_toml_front_matter(text: str) -> ParsedToml:
    """Parse TOML front matter. Raises FrontMatterError (M002) with a 0-based line."""
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > MAX_FRONT_MATTER_BYTES:
        raise FrontMatterError(
            "M002", f"front matter is {size // 1024} KiB, over the {MAX_FRONT_MATTER_BYTES // 1024} KiB limit"
        )
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        place = _ERROR_PLACE.search(message)
        line = column = 0
        if place is not None:
            if place.group(1):
                line, column = int(place.group(1)) - 1, int(place.group(2)) - 1
            else:
                line = text.count("\n")
            message = message[: place.start()] + message[place.end():]
        repeated = _repeated_key(text) if message.startswith("Cannot overwrite a value") else None
        if repeated is not None:
            key, first, again, key_column = repeated
            raise FrontMatterError(
                "M003", f"key `{key}` is repeated; TOML refuses a key written twice, so none of the front matter "
                "can be read until one of them is deleted", again, key_column, related_line=first,
            ) from None
        problem = describe(message, line, column, text)
        raise FrontMatterError(
            "M002", f"front matter is not valid TOML: {problem.message}", problem.line, problem.column,
            quote_from=problem.quote_from, quote_safe=True,
        ) from None
    except RecursionError:
        raise FrontMatterError("M002", "front matter is nested too deeply to load") from None
    return ParsedToml(_dates_as_text(data), text)


def _dates_as_text(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.time)):  # dt.datetime is a dt.date
        return value.isoformat()
    if isinstance(value, dict):
        return {key: _dates_as_text(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_dates_as_text(item) for item in value]
    return value
