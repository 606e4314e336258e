"""A quick "valid" for the common case, without walking the whole schema for every document.

A corpus repeats the same field values thousands of times (`status: active`,
`reviewFrequency: quarterly`, the same tags). When the schema's top level only lists
fields (`type`, `properties`, `required`, `additionalProperties: true/false`), and
nothing relates one field to another, a front matter is valid exactly when its fields
are the allowed ones and each value is valid against its own property schema. Each
(field, value) verdict is remembered, so most documents cost a few dictionary lookups.
Anything else, or any doubt, gives ``False``: the caller then runs the full validator,
which also explains what is wrong.
"""

from __future__ import annotations

import json
from typing import Any

# Root keywords that constrain nothing across fields (annotations, and the few handled here).
_ROOT_KEYWORDS = frozenset({
    "$schema", "$id", "$comment", "$defs", "definitions", "title", "description", "examples",
    "default", "deprecated", "readOnly", "writeOnly", "type", "properties", "required", "additionalProperties",
})
# References resolve against the schema a validator was built for: property schemas that
# use them are left to the full validator.
_REFERENCES = ('"$ref"', '"$dynamicRef"', '"$recursiveRef"')
MAX_REMEMBERED = 4096  # (field, value) verdicts; one-off values (titles) make most of them


def _value_key(value: Any) -> Any:
    """A hashable key that tells apart every value JSON Schema could judge differently (1, 1.0, True, "1").
    Text, the common case, is its own key: no other key is a str."""
    kind = type(value)
    if kind is str:
        return value
    if value is None or kind in (int, float, bool):
        return kind, value
    if kind is list:
        items = tuple(map(_value_key, value))
        return None if None in items else (list, items)
    if kind is dict and all(isinstance(name, str) for name in value):
        entries = tuple(sorted((name, _value_key(item)) for name, item in value.items()))
        return None if any(key is None for _, key in entries) else (dict, entries)
    return None  # anything else (a mapping with number keys, a YAML set, a date): not remembered


class FieldVerdicts:
    def __init__(self, validator: Any) -> None:
        schema = validator.schema
        self.usable = _decidable_per_field(schema)
        self.required: tuple[str, ...] = ()
        self.closed = False
        self.validators: dict[str, Any] = {}
        self.verdicts: dict[tuple[str, tuple[type, Any]], bool] = {}
        if self.usable:
            self.required = tuple(schema.get("required", ()))
            self.closed = schema.get("additionalProperties", True) is False
            self.validators = {name: validator.evolve(schema=sub) for name, sub in schema.get("properties", {}).items()}

    def clearly_valid(self, data: dict[str, Any]) -> bool:
        """True only when ``data`` is certainly valid; False means "ask the full validator"."""
        if not self.usable:
            return False
        for name in self.required:
            if name not in data:
                return False
        validators = self.validators
        for name, value in data.items():
            validator = validators.get(name)
            if validator is None:
                if self.closed:
                    return False
                continue
            key = _value_key(value)
            verdict = self.verdicts.get((name, key)) if key is not None else None
            if verdict is None:
                verdict = bool(validator.is_valid(value))
                if key is not None:
                    if len(self.verdicts) >= MAX_REMEMBERED:
                        self.verdicts.clear()  # values that recur come back at once
                    self.verdicts[(name, key)] = verdict
            if not verdict:
                return False
        return True


def _decidable_per_field(schema: Any) -> bool:
    if not isinstance(schema, dict) or not set(schema) <= _ROOT_KEYWORDS:
        return False
    if schema.get("type", "object") not in ("object", ["object"]):
        return False
    properties = schema.get("properties", {})
    required = schema.get("required", [])
    if not isinstance(properties, dict) or not isinstance(required, list) or not all(isinstance(r, str) for r in required):
        return False
    if schema.get("additionalProperties", True) not in (True, False):
        return False
    try:
        text = json.dumps(properties)
    except (TypeError, ValueError):
        return False
    return not any(reference in text for reference in _REFERENCES)
