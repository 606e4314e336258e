"""A document as read once: its text, front matter (with a line for each key) and body.
Reading bytes into a Document is ``contentlint.document.reading``."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from contentlint.document.field_syntax import NO_VALUE, YAML, field_text

if TYPE_CHECKING:
    from contentlint.document.frontmatter_toml import ParsedToml
    from contentlint.document.frontmatter_yaml import FrontMatterError, ParsedYaml


@dataclass
class ReadError:
    """Why a file could not be read as text (reported as E001)."""

    message: str
    line: int = 1
    column: int = 1


@dataclass
class Document:
    path: str  # as shown to the user
    text: str = ""
    read_error: ReadError | None = None
    has_front_matter: bool = False
    front_matter_error: FrontMatterError | None = None
    parsed_yaml: ParsedYaml | ParsedToml | None = None  # YAML (`---`) or TOML (`+++`) front matter
    front_matter_format: str = YAML  # or TOML (`+++`); YAML too when there is no front matter
    front_matter_first_line: int = 0  # 1-based file line where the front matter's text starts (after the opening `---` or `+++`)
    # What stands before front matter that does not open on line 1 ("the blank line"): M001 reports it.
    # YAML front matter there is read anyway; TOML stays text, as Hugo reads it.
    front_matter_misplaced: str = ""
    # Fields at the top of the file closed by a `---` line but never opened: M001 reports it, and
    # the fields are read all the same (a block with a `title`, so that it is not a page's text).
    front_matter_unopened: bool = False
    body: str = ""
    body_first_line: int = 1  # 1-based file line of the body's first line
    # Views computed from the document, keyed by the function that computes each
    # (contentlint.analysis.memo.per_document).
    views: dict[Any, Any] = field(default_factory=dict, repr=False)

    @property
    def front_matter(self) -> Any:
        return self.parsed_yaml.data if self.parsed_yaml is not None else None

    @property
    def metadata(self) -> dict[str, Any]:
        """The front matter when it is a mapping, else an empty mapping."""
        data = self.front_matter
        return data if isinstance(data, dict) else {}

    def field_text(self, key: str, value: Any = NO_VALUE) -> str:
        """A front-matter field as this document writes one, for messages: ``key: value`` or
        ``key = "value"``; with no value, the key to add (``key:``, ``key = "..."``)."""
        return field_text(self.front_matter_format, key, value)

    def body_line_number(self, index: int) -> int:
        """File line (1-based) of body line ``index`` (0-based)."""
        return self.body_first_line + index

    def yaml_position(self, path: tuple[Any, ...] | list[Any] = ()) -> tuple[int, int]:
        """1-based file (line, column) of a front-matter value."""
        if self.parsed_yaml is None:
            return (self.front_matter_first_line or 1, 1)
        line, column = self.parsed_yaml.position(path)
        return self.front_matter_first_line + line, column + 1

    def value_span(self, key: str) -> tuple[int, int, int, int] | None:
        """1-based file (line, column, end line, end column) of a top-level YAML scalar value as
        written, quotes included; None without YAML front matter or such a value."""
        if self.parsed_yaml is None:
            return None
        span = self.parsed_yaml.scalar_span(key)
        if span is None:
            return None
        first = self.front_matter_first_line
        return first + span[0], span[1] + 1, first + span[2], span[3] + 1

    def key_position(self, key: str) -> tuple[int, int]:
        """1-based file (line, column) of a top-level front-matter key."""
        if self.parsed_yaml is None:
            return (self.front_matter_first_line or 1, 1)
        line, column = self.parsed_yaml.key_position(key)
        return self.front_matter_first_line + line, column + 1
