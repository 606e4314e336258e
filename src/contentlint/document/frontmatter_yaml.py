"""Safe YAML loading for front matter: limits, repeated keys and a line for every value.

Timestamps stay strings (as check-jsonschema does), so that ``format: date`` in the
schema decides what a valid date is, and an unquoted ``2025-12-30`` still counts.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

import yaml

from contentlint.document.yaml_problems import YamlProblem, describe

_BaseLoader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

MAX_FRONT_MATTER_BYTES = 256 * 1024
# Nodes visited while walking the tree, aliases followed: a "billion laughs" bomb
# needs billions of visits, real front matter needs a few hundred.
MAX_NODE_VISITS = 20_000
MAX_DEPTH = 64


_BRACKETS = re.compile(r"[\[\]{}]")
# "- - - - x": block sequences nested on one line.
_COMPACT_NESTING = re.compile(r"(?:[-?][ \t]+){%d}" % MAX_DEPTH)


class _Loader(_BaseLoader):  # type: ignore[misc, valid-type]
    """PyYAML's safe loader, except that timestamps stay text (so a schema's `format: date` works)."""


def _construct_timestamp_as_string(loader: yaml.BaseLoader, node: yaml.Node) -> str:
    return str(loader.construct_scalar(node))  # type: ignore[arg-type]


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp_as_string)


class FrontMatterError(Exception):
    """Front matter that cannot be read. ``code`` is M002 or M003; ``line`` is 0-based in the YAML."""

    def __init__(
        self, code: str, message: str, line: int = 0, column: int = 0, related_line: int | None = None,
        quote_from: int | None = None, quote_safe: bool = False,
    ) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.line = line
        self.column = column
        self.related_line = related_line  # 0-based YAML line of the other place involved (a repeated key)
        # The mend when it is to put the rest of ``line`` in double quotes: the column where the value
        # starts, and whether that surely keeps what was meant.
        self.quote_from = quote_from
        self.quote_safe = quote_safe


@dataclass
class ParsedYaml:
    data: Any
    root: yaml.Node

    @functools.cached_property
    def raw_scalars(self) -> dict[str, str]:
        """Source text of each top-level scalar value, for hints ("no" read as false)."""
        raw: dict[str, str] = {}
        if isinstance(self.root, yaml.MappingNode):
            for key_node, value_node in self.root.value:
                if isinstance(key_node, yaml.ScalarNode) and isinstance(value_node, yaml.ScalarNode):
                    raw[key_node.value] = value_node.value
        return raw

    def position(self, path: tuple[Any, ...] | list[Any]) -> tuple[int, int]:
        """0-based (line, column) of the value at ``path``, or of its nearest ancestor."""
        node = self.root
        for step in path:
            child = _child(node, step)
            if child is None:
                break
            node = child
        mark = node.start_mark
        return (mark.line, mark.column) if mark is not None else (0, 0)

    def scalar_span(self, key: str) -> tuple[int, int, int, int] | None:
        """0-based (line, column, end line, end column) of a top-level key's scalar value as written,
        quotes included; None when the key is not there or its value is no scalar."""
        node = _child(self.root, key)
        if not isinstance(node, yaml.ScalarNode) or node.start_mark is None:
            return None
        start, end = node.start_mark, node.end_mark
        return start.line, start.column, end.line, end.column

    def key_position(self, key: str) -> tuple[int, int]:
        """0-based (line, column) of a top-level key itself."""
        return self._key_positions.get(key, (0, 0))

    @functools.cached_property
    def _key_positions(self) -> dict[str, tuple[int, int]]:
        positions: dict[str, tuple[int, int]] = {}
        if isinstance(self.root, yaml.MappingNode):
            for key_node, _ in self.root.value:
                if isinstance(key_node, yaml.ScalarNode):
                    positions.setdefault(key_node.value, (key_node.start_mark.line, key_node.start_mark.column))
        return positions


def _child(node: yaml.Node, step: Any) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if isinstance(key_node, yaml.ScalarNode) and key_node.value == str(step):
                return value_node
    elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and 0 <= step < len(node.value):
        return node.value[step]
    return None


def _check_shape(root: yaml.Node) -> None:
    """Refuse alias bombs and deep nesting before anything expands them."""
    visits = 0
    stack: list[tuple[yaml.Node, int]] = [(root, 0)]
    while stack:
        node, depth = stack.pop()
        visits += 1
        if visits > MAX_NODE_VISITS:
            raise FrontMatterError(
                "M002",
                f"front matter has more than {MAX_NODE_VISITS:,} values, counting each use of a YAML alias "
                "(an alias bomb?); it was not loaded",
            )
        if depth > MAX_DEPTH:
            raise FrontMatterError(
                "M002", f"front matter is nested more than {MAX_DEPTH} levels deep", node.start_mark.line
            )
        if isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                stack.append((key_node, depth + 1))
                stack.append((value_node, depth + 1))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((child, depth + 1) for child in node.value)


def _within_limits_by_its_size(text: str) -> bool:
    """Whether the text is too small to break a limit: no alias, under two characters a value,
    and fewer of the characters that open a collection (":-?[{") than the depth limit."""
    return (
        "*" not in text
        and len(text) < 2 * MAX_NODE_VISITS
        and sum(text.count(c) for c in ":-?[{") < MAX_DEPTH
    )


def _check_nesting_text(text: str) -> None:
    """Refuse deep nesting before libyaml sees it: it slows down quadratically with depth,
    and composing tens of thousands of levels overflows the C stack."""
    if text.count("[") + text.count("{") > MAX_DEPTH:
        depth = 0
        for bracket in _BRACKETS.finditer(text):
            depth = depth + 1 if bracket.group() in "[{" else max(depth - 1, 0)
            if depth > MAX_DEPTH:
                raise FrontMatterError(
                    "M002",
                    f"front matter is nested more than {MAX_DEPTH} levels deep "
                    "(or has [ or { brackets that are never closed)",
                    text.count("\n", 0, bracket.start()),
                )
    compact = _COMPACT_NESTING.search(text)
    if compact is not None:
        raise FrontMatterError(
            "M002", f"front matter is nested more than {MAX_DEPTH} levels deep", text.count("\n", 0, compact.start())
        )


_STR, _SEQ, _MAP = "tag:yaml.org,2002:str", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"


def _construct(loader: yaml.BaseLoader, node: yaml.Node) -> Any:
    """What ``construct_document`` gives for a tree without aliases, with the common nodes (text,
    lists, mappings with text keys) built directly; any other node is left to PyYAML."""
    tag = node.tag
    if tag == _STR and isinstance(node, yaml.ScalarNode):
        return node.value
    if tag == _SEQ and isinstance(node, yaml.SequenceNode):
        return [_construct(loader, child) for child in node.value]
    if tag == _MAP and isinstance(node, yaml.MappingNode) and all(
        key.tag == _STR and isinstance(key, yaml.ScalarNode) for key, _ in node.value
    ):
        return {key.value: _construct(loader, value) for key, value in node.value}
    return loader.construct_object(node, deep=True)  # type: ignore[attr-defined]


def _check_repeated_keys(root: yaml.Node) -> None:
    if not isinstance(root, yaml.MappingNode):
        return
    seen: dict[str, int] = {}
    for key_node, _ in root.value:
        if not isinstance(key_node, yaml.ScalarNode):
            continue
        key = key_node.value
        if key in seen:
            raise FrontMatterError(
                "M003",
                f"key `{key}` is repeated; YAML keeps only the last value, so one of them is silently lost",
                key_node.start_mark.line,
                key_node.start_mark.column,
                related_line=seen[key],
            )
        seen[key] = key_node.start_mark.line


def _long_number_position(root: yaml.Node) -> tuple[int, int]:
    """0-based (line, column) of the first integer scalar too long for int()."""
    stack, seen = [root], set()
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.ScalarNode):
            if node.tag == "tag:yaml.org,2002:int" and len(node.value) > 4000 and node.start_mark is not None:
                return node.start_mark.line, node.start_mark.column
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(reversed(node.value))
        elif isinstance(node, yaml.MappingNode):
            stack.extend(child for pair in reversed(node.value) for child in reversed(pair))
    return 0, 0


def _unreadable(problem: YamlProblem) -> FrontMatterError:
    return FrontMatterError(
        "M002", f"front matter is not valid YAML: {problem.message}", problem.line, problem.column,
        quote_from=problem.quote_from, quote_safe=problem.quote_safe,
    )


def load_front_matter(text: str) -> ParsedYaml:
    """Parse front matter YAML. Raises FrontMatterError with a 0-based line."""
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > MAX_FRONT_MATTER_BYTES:
        raise FrontMatterError(
            "M002", f"front matter is {size // 1024} KiB, over the {MAX_FRONT_MATTER_BYTES // 1024} KiB limit"
        )
    _check_nesting_text(text)
    try:
        loader = _Loader(text)
    except UnicodeEncodeError as error:  # a lone surrogate, from text that did not come from a file
        raise FrontMatterError("M002", f"front matter is not valid Unicode text: {error.reason}") from None
    try:
        try:
            root = loader.get_single_node()
        except yaml.MarkedYAMLError as exc:
            raise _unreadable(describe(exc, text)) from None
        except (yaml.YAMLError, RecursionError) as exc:
            raise FrontMatterError("M002", f"front matter is not valid YAML: {exc}") from None
        if root is None:  # `---` directly followed by `---`: no fields at all
            return ParsedYaml(data={}, root=yaml.MappingNode("tag:yaml.org,2002:map", []))
        if not _within_limits_by_its_size(text):
            _check_shape(root)
        _check_repeated_keys(root)
        try:
            data = loader.construct_document(root) if "*" in text else _construct(loader, root)
        except yaml.MarkedYAMLError as exc:  # a tag no constructor knows
            raise _unreadable(describe(exc, text)) from None
        except yaml.YAMLError as exc:
            raise FrontMatterError("M002", f"front matter is not valid YAML: {exc}") from None
        except RecursionError:
            raise FrontMatterError("M002", "front matter is nested too deeply to load") from None
        except ValueError:  # an integer over Python's 4,300-digit limit for converting text
            line, column = _long_number_position(root)
            raise FrontMatterError(
                "M002", "front matter holds a number too long to read (over 4,300 digits); quote it if it is text",
                line, column,
            ) from None
    finally:
        loader.dispose()
    return ParsedYaml(data=data, root=root)
