"""Which metadata schema a run checks front matter against, given its field map.

- `schema = "..."` in config: that schema, as written.
- The shipped field names (no preset, no renamed field): the shipped schema of our corpus; a
  mapped `next-review` or `owner` field is added to it as optional, so it is not M103.
- A preset or a renamed field: the corpus is someone else's, and the shipped schema (with its
  `sourceType`, `status`, `language`...) does not apply. Only the mapped fields are checked, for
  their form (a date, a cycle, a non-empty title); none is required and other keys are free.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from contentlint.analysis.cycles import CYCLE_HELP, CYCLE_PATTERN
from contentlint.model.settings import FieldMap

_TEXT = {"type": "string", "minLength": 1, "pattern": "\\S"}
# A date; Hugo writes lastmod as a timestamp (2024-05-01T10:00:00Z), whose date part is what counts.
_DATE_PATTERN = "^[0-9]{4}-[0-9]{2}-[0-9]{2}(?:[Tt ][0-9]{2}:[0-9]{2}.*)?$"


def _date_field() -> dict[str, Any]:
    return {"type": "string", "pattern": _DATE_PATTERN, "description": "a date, YYYY-MM-DD"}


def _cycle_field() -> dict[str, Any]:
    # pattern applies to text only, minimum to numbers only: one keyword fails, one message.
    return {"type": ["string", "integer"], "pattern": CYCLE_PATTERN, "minimum": 1, "description": CYCLE_HELP}


def mapped_fields_schema(fields: FieldMap) -> dict[str, Any]:
    """The schema of a corpus with its own field names: the form of each mapped field, nothing more."""
    properties: dict[str, Any] = {
        fields.title: dict(_TEXT),
        fields.url: dict(_TEXT),
        fields.source: dict(_TEXT),
        fields.review_cycle: _cycle_field(),
        fields.last_reviewed: _date_field(),
    }
    if fields.next_review is not None:
        properties[fields.next_review] = _date_field()
    if fields.owner is not None:
        properties[fields.owner] = dict(_TEXT)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": f"front-matter fields mapped by [tool.contentlint.fields]{' (' + fields.preset + ')' if fields.preset else ''}",
        "type": "object",
        "properties": properties,
    }


def with_extra_fields(schema: dict[str, Any], fields: FieldMap) -> dict[str, Any]:
    """The shipped schema, with a mapped next-review or owner field allowed (optional)."""
    extra = {}
    if fields.next_review is not None:
        extra[fields.next_review] = _date_field()
    if fields.owner is not None:
        extra[fields.owner] = dict(_TEXT)
    if not extra:
        return schema
    return {**schema, "properties": {**extra, **schema.get("properties", {})}}


def run_schema(schema_path: Path | None, fields: FieldMap, shipped: Any) -> dict[str, Any]:
    """The schema of the run; ``shipped()`` loads the shipped one (or ``schema_path``'s)."""
    if schema_path is not None:
        return shipped()
    if fields.is_shipped:
        return with_extra_fields(shipped(), fields)
    return mapped_fields_schema(fields)
