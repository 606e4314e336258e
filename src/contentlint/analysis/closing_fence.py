"""M002's fix for front matter that is opened and never closed: the closing line, after the last field.

The fields run from the opening `---` (or `+++`) down to the first line that is not a field, a
line under a field (indented, a list item) or a comment: usually the blank line before the
page's title. The closing line goes there, when the lines above it read as front matter.
"""

from __future__ import annotations

import re

from contentlint.document import Document
from contentlint.document.field_syntax import TOML
from contentlint.document.frontmatter_toml import load_toml_front_matter
from contentlint.document.frontmatter_yaml import FrontMatterError, load_front_matter
from contentlint.model.fixes import Edit, Fix

_YAML_FIELD = re.compile(
    r"""^(?:[A-Za-z_][\w.-]*|"[^"\n]*"|'[^'\n]*')[ \t]*:(?:[ \t]|$)|^-(?:[ \t]|$)|^[ \t]+\S|^#""", re.MULTILINE
)
_TOML_FIELD = re.compile(r"""^(?:[A-Za-z0-9_.-]+|"[^"\n]*"|'[^'\n]*')[ \t]*=|^\[|^[ \t]+\S|^#""", re.MULTILINE)

# Below the end of the fields, a field again in the next few lines that hold text makes the end unclear.
_LOOK_BELOW = 50
_FIELD_AGAIN_WITHIN = 3


def closing_fence_fix(document: Document) -> Fix | None:
    """Insert the closing line after the last field (unsafe: a person checks where the fields end)."""
    toml = document.front_matter_format == TOML
    field = _TOML_FIELD if toml else _YAML_FIELD
    text = document.text
    opening_end = text.find("\n") + 1
    if opening_end == 0:
        return None
    end = at = opening_end  # end: after the last field line; a comment line counts only with a field below it
    while at < len(text):
        line_end = text.find("\n", at)
        line_end = len(text) if line_end < 0 else line_end + 1
        if not field.match(text, at):
            break
        if text[at] != "#":  # `# Title` right after the fields is the page's heading, not a comment
            end = line_end
        at = line_end
    fields = text[opening_end:end]
    if not fields.strip() or _fields_go_on(text, at, field) or not _reads_as_fields(fields, toml):
        return None
    fence = "+++" if toml else "---"
    insert = fence + "\n" if text[end - 1 : end] == "\n" else "\n" + fence + "\n"
    return Fix((Edit(end, end, insert),), f"close the front matter with `{fence}` after its last field", safe=False)


def _fields_go_on(text: str, at: int, field: re.Pattern[str]) -> bool:
    """Whether a field comes again just below the line where the fields seemed to end (a broken
    line among them, a blank line inside them): then where they end is unclear, and no fix."""
    below = [line for line in text[at:].split("\n", _LOOK_BELOW)[1:_LOOK_BELOW] if line.strip()]
    return any(not line.startswith("#") and field.match(line) for line in below[:_FIELD_AGAIN_WITHIN])


def _reads_as_fields(fields: str, toml: bool) -> bool:
    try:
        parsed = load_toml_front_matter(fields) if toml else load_front_matter(fields)
    except FrontMatterError as error:
        return error.code == "M003"  # a key written twice: fields still, which M003 reports once closed
    return isinstance(parsed.data, dict) and bool(parsed.data)
