"""Plain words for the YAML errors editors make in front matter.

The YAML parser says what it met ("found character that cannot start any token"); an editor
needs to know what they wrote and how to mend it ("a tab: YAML indents with spaces only"),
and the line where the mistake is, which for an unclosed quote is not where the parser
gave up. What this cannot explain keeps the parser's words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

from contentlint.document.field_syntax import quotes_as_written


@dataclass(frozen=True)
class YamlProblem:
    message: str  # after "front matter is not valid YAML: "
    line: int  # 0-based, in the front matter
    column: int
    # The mend, when it is to put the rest of the line in double quotes: where the value starts on
    # ``line``, and whether that keeps what the editor meant (safe) or may not (a `*` meant as an alias).
    quote_from: int | None = None
    quote_safe: bool = False


# `key: value` or `- value`, with the value's start (a key may be quoted, a list item may hold a key).
_VALUE = re.compile(r"""^\s*(?:-\s+)?(?:(?:"[^"]*"|'[^']*'|[^\s#'"][^:#]*?)\s*:\s+|-\s+)(?=\S)""")
# `title:A page`: a field name glued to its value.
_GLUED = re.compile(r"^\s*([A-Za-z_][\w-]*):(?=[^\s/])")
# A word written as front-matter field names are (`language`, `sourceType`), not as a title starts.
_FIELD_NAME = re.compile(r"[a-z][A-Za-z0-9_-]*")
# The characters no YAML value starts with, as a message names them: a lone backtick would open a
# code span where messages are shown as Markdown (the report).
_CHARACTER_NAMES = {"@": '"@"', "%": '"%"', "`": "a backtick"}
# What libyaml and PyYAML say when a line is not the next key of the mapping they are reading.
_NO_KEY = ("did not find expected key", "expected <block end>")
# How far above the parser's stop an unclosed quote is looked for.
_QUOTE_LOOKBACK = 20


@dataclass(frozen=True)
class _Stop:
    """Where the parser stopped, and what it said."""

    lines: list[str]
    line: int
    column: int
    said: str  # the parser's problem
    context: str  # what it was doing ("while scanning a quoted scalar")
    opened: yaml.Mark | None  # where that began

    @property
    def source(self) -> str:
        return self.lines[self.line] if self.line < len(self.lines) else ""

    @property
    def char(self) -> str:
        return self.source[self.column : self.column + 1]


def describe(error: yaml.MarkedYAMLError, text: str) -> YamlProblem:
    """What went wrong in ``text`` (the front matter) and where, for ``error`` from the parser."""
    mark = error.problem_mark or error.context_mark
    stop = _Stop(
        text.split("\n"), mark.line if mark else 0, mark.column if mark else 0,
        error.problem or "", error.context or "", error.context_mark,
    )
    for explain in _EXPLAINERS:
        found = explain(stop)
        if found is not None:
            return found
    words = stop.said or stop.context or "invalid YAML"
    if stop.context and stop.said:
        words = f"{stop.said} ({stop.context})"
    if "mapping values are not allowed" in stop.said:
        words += "; a value that contains ': ' must be quoted"
    return YamlProblem(words, stop.line, stop.column)


def _tab(stop: _Stop) -> YamlProblem | None:
    if stop.char != "\t" and "tab" not in stop.said:
        return None
    at = stop.source.find("\t")
    return YamlProblem(
        "a tab character indents this line, and YAML indents with spaces only; replace the tab with spaces",
        stop.line, at if at >= 0 else stop.column,
    )


def _unquoted_start(stop: _Stop) -> YamlProblem | None:
    if "cannot start any token" not in stop.said or stop.char not in _CHARACTER_NAMES:
        return None
    return YamlProblem(
        f"a value cannot start with {_CHARACTER_NAMES[stop.char]} in YAML; put the whole value in double quotes"
        f"{_quoted_example(stop.source, stop.column)}",
        stop.line, stop.column, *_quoting(stop.source, stop.column, safe=True),
    )


def _undefined_alias(stop: _Stop) -> YamlProblem | None:
    if not stop.said.startswith("found undefined alias") or stop.char != "*":
        return None
    name = re.match(r"\*[^\s,\[\]{}]*", stop.source[stop.column:])
    written = name.group(0) if name else "*"
    return YamlProblem(
        f"{written} is read as a YAML alias (a reference to an &anchor), and there is no such anchor; "
        f"if it is text, put the whole value in double quotes{_quoted_example(stop.source, stop.column)}",
        stop.line, stop.column, *_quoting(stop.source, stop.column, safe=False),
    )


def _never_closed_quote(stop: _Stop) -> YamlProblem | None:
    if "quoted scalar" not in stop.context or stop.opened is None:
        return None
    return YamlProblem(
        "the quote that opens this value is never closed; close it at the end of the value",
        stop.opened.line, stop.opened.column,
    )


def _quote_closed_too_early(stop: _Stop) -> YamlProblem | None:
    """`title: "The "best" page"` or `title: 'It's'`: text goes on after the closing quote."""
    if not stop.said.startswith(_NO_KEY):
        return None
    value = _VALUE.match(stop.source)
    if value is None or value.end() >= stop.column:
        return None
    quote = stop.source[value.end()]
    closing = stop.column - 1 - _spaces_before(stop.source, stop.column)
    if quote not in "\"'" or _closes(stop.source, value.end(), quote) != closing:
        return None
    if quote == '"':
        return YamlProblem(
            'text goes on after the closing quote: a " inside a double-quoted value is written \\" '
            "(or put the value in single quotes)",
            stop.line, value.end(),
        )
    return YamlProblem(
        "text goes on after the closing quote: an apostrophe inside a single-quoted value is written "
        "twice ('It''s') (or put the value in double quotes)",
        stop.line, value.end(),
    )


def _quote_left_open(stop: _Stop) -> YamlProblem | None:
    """`title: "A page` then `url: "https://…"`: the value ran on to the next line's quote."""
    if not stop.said.startswith(_NO_KEY):
        return None
    before = stop.source[:stop.column].rstrip()
    if not before or before[-1] not in "\"'":
        return None
    quote = before[-1]
    for above in range(stop.line - 1, max(-1, stop.line - 1 - _QUOTE_LOOKBACK), -1):
        value = _VALUE.match(stop.lines[above])
        if value is None or stop.lines[above][value.end()] != quote:
            continue
        if _closes(stop.lines[above], value.end(), quote) is None:
            return YamlProblem(
                "the quote that opens this value is not closed on its line, so YAML reads the lines below "
                "as part of it; close the quote at the end of this line",
                above, value.end(),
            )
        return None
    return None


def _unclosed_bracket(stop: _Stop) -> YamlProblem | None:
    if "flow mapping" not in stop.context and "flow sequence" not in stop.context or stop.opened is None:
        return None
    opened = stop.opened
    what = "list" if "sequence" in stop.context else "mapping"
    bracket = "[" if what == "list" else "{"
    opening = stop.lines[opened.line] if opened.line < len(stop.lines) else ""
    return YamlProblem(
        f'a value that starts with "{bracket}" is read as a YAML {what}, and this one is not closed; '
        f"if it is text, put the whole value in double quotes{_quoted_example(opening, opened.column)}",
        opened.line, opened.column,
    )


def _misaligned_item(stop: _Stop) -> YamlProblem | None:
    if not stop.said.startswith(_NO_KEY) or stop.char != "-" or stop.source[:stop.column].strip():
        return None
    above = stop.lines[stop.line - 1].lstrip(" ") if stop.line > 0 else ""
    if above.startswith("- ") or above == "-":
        return YamlProblem(
            "this list item is indented differently from the item above it; line the items up",
            stop.line, stop.column,
        )
    return YamlProblem(
        "this list item belongs to no field (the field above already has its value); put it under "
        "its field, such as `tags:` on a line of its own",
        stop.line, stop.column,
    )


def _no_colon(stop: _Stop) -> YamlProblem | None:
    """A line of text in the front matter: no `name: value`."""
    if not stop.said.startswith("could not find expected ':'") or stop.opened is None:
        return None
    return YamlProblem(
        "this line is not `name: value`; front matter holds only fields (and list items under them): "
        "delete the line, or make it a field",
        stop.opened.line, stop.opened.column,
    )


def _no_space_after_colon(stop: _Stop) -> YamlProblem | None:
    """`title:A page`: without a space, YAML reads the name, the colon and the value as one text."""
    if not ("mapping values are not allowed" in stop.said or stop.said.startswith("could not find expected ':'")):
        return None
    for line in (stop.line - 1, stop.line):
        glued = _GLUED.match(stop.lines[line]) if 0 <= line < len(stop.lines) else None
        if glued:
            return YamlProblem(
                "no space after the colon, so YAML does not read this line as a field; write a space after it "
                f"({glued.group(1)}: …)",
                line, glued.end(1) + 1,
            )
    return None


def _duplicate_anchor(stop: _Stop) -> YamlProblem | None:
    if "duplicate anchor" not in stop.context:
        return None
    return YamlProblem("this &anchor has the name of an earlier one; give each anchor its own name", stop.line, stop.column)


def _indented_first_field(stop: _Stop) -> YamlProblem | None:
    """`  title: a` then `url: b`: YAML takes the first line's indentation for the whole mapping."""
    if "<document start>" not in stop.said:
        return None
    first = next((line for line in stop.lines if line.strip() and not line.lstrip().startswith("#")), "")
    if not first.startswith((" ", "\t")):
        return None
    return YamlProblem(
        "the first field is indented and this line is not, so YAML cannot read on; start every field at the "
        "beginning of its line",
        stop.line, stop.column,
    )


def _colon_in_value(stop: _Stop) -> YamlProblem | None:
    """`title: Cancer: what to know`: the second ': ' reads as the start of another field."""
    if "mapping values are not allowed" not in stop.said:
        return None
    value = _VALUE.match(stop.source)
    if value is None or value.end() > stop.column:
        return None
    # `language: entitle: Types of…`: two lines run together, not a title with a colon: unsafe.
    run_together = _FIELD_NAME.fullmatch(stop.source[value.end():stop.column].strip()) is not None
    return YamlProblem(
        "this value holds \": \", which YAML reads as the start of another field; put the whole value in "
        f"double quotes{_quoted_example(stop.source, value.end())}",
        stop.line, value.end(), *_quoting(stop.source, value.end(), safe=not run_together),
    )


def _indented_under(stop: _Stop) -> YamlProblem | None:
    """`title: a` then `  url: b`: the deeper line reads as more of the value above."""
    if stop.line == 0 or not (
        "mapping values are not allowed" in stop.said or stop.said.startswith(_NO_KEY)
    ):
        return None
    indent = len(stop.source) - len(stop.source.lstrip(" "))
    above = stop.lines[stop.line - 1]
    if indent == 0 or _VALUE.match(above) is None or len(above) - len(above.lstrip(" ")) >= indent:
        return None
    return YamlProblem(
        "this line is indented under the one above, so YAML reads it as more of that value; "
        "indent it like the other fields",
        stop.line, indent,
    )


def _dash_start(stop: _Stop) -> YamlProblem | None:
    if "sequence entries are not allowed" not in stop.said or stop.char != "-":
        return None
    return YamlProblem(
        'a value that starts with "- " is read as a list item; put the whole value in double quotes'
        f"{_quoted_example(stop.source, stop.column)}",
        stop.line, stop.column, *_quoting(stop.source, stop.column, safe=False),
    )


def _unknown_tag(stop: _Stop) -> YamlProblem | None:
    if not stop.said.startswith("could not determine a constructor") or stop.char != "!":
        return None
    return YamlProblem(
        'a value that starts with "!" is read as a YAML tag, which front matter does not use; if it is '
        f"text, put the whole value in double quotes{_quoted_example(stop.source, stop.column)}",
        stop.line, stop.column, *_quoting(stop.source, stop.column, safe=False),
    )


def _closes(source: str, start: int, quote: str) -> int | None:
    """Column of the quote that closes the one at ``start``, or None when the line does not close it."""
    at = start + 1
    while at < len(source):
        if source[at] == "\\" and quote == '"':
            at += 2
            continue
        if source[at] == quote:
            if quote == "'" and source[at + 1 : at + 2] == "'":
                at += 2
                continue
            return at
        at += 1
    return None


def _spaces_before(source: str, column: int) -> int:
    return len(source[:column]) - len(source[:column].rstrip(" "))


def _quoting(source: str, column: int, safe: bool) -> tuple[int | None, bool]:
    """(quote_from, quote_safe) when the rest of the line can go in double quotes as it is."""
    return (column, safe) if quotes_as_written(source[column:].rstrip()) else (None, False)


def _quoted_example(source: str, column: int) -> str:
    """`: source: "@NCI"` for the line as written, when it can be quoted as it is and is short
    enough to show."""
    value = source[column:].strip()
    key = source[:column].strip()
    if len(value) > 60 or _quoting(source, column, safe=False)[0] is None:
        return ""
    return f": {key} \"{value}\"" if key else f": \"{value}\""


_EXPLAINERS = (
    _tab, _unquoted_start, _undefined_alias, _never_closed_quote, _quote_closed_too_early, _quote_left_open,
    _unclosed_bracket, _misaligned_item, _no_space_after_colon, _no_colon, _colon_in_value, _indented_under,
    _dash_start, _unknown_tag, _duplicate_anchor, _indented_first_field,
)
