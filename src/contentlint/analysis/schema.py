"""Validate front matter against the JSON Schema and turn errors into messages an editor can act on."""

from __future__ import annotations

import difflib
import json
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from contentlint.analysis.memo import per_document
from contentlint.analysis.schema_shortcut import FieldVerdicts
from contentlint.document import Document
from contentlint.model.errors import ConfigError
from contentlint.model.settings import Config, Resource

if TYPE_CHECKING:
    from jsonschema.exceptions import ValidationError

# YAML 1.1 words that an unquoted scalar turns into a boolean or null.
_YAML_BOOL_WORDS = {"yes", "no", "on", "off", "true", "false", "y", "n"}
_YAML_NULL_WORDS = {"", "~", "null"}
_TYPE_NAMES = {bool: "a boolean", int: "a number", float: "a number", str: "text", list: "a list", dict: "a mapping"}


@dataclass(frozen=True)
class SchemaProblem:
    code: str  # M101, M102 or M103
    field: str
    line: int
    column: int
    message: str


def load_schema(path: Path | None) -> dict[str, Any]:
    try:
        if path is None:
            text = resources.files("contentlint").joinpath("schemas/document.schema.json").read_text("utf-8")
        else:
            text = path.read_text("utf-8")
        schema = json.loads(text)
    except (OSError, ValueError) as error:
        raise ConfigError(f"cannot load metadata schema {path or 'document.schema.json'}: {error}") from None
    if not isinstance(schema, dict):
        raise ConfigError(f"metadata schema {path} is not a JSON object")
    return schema


def _build_checks(config: Config) -> tuple[Any, FieldVerdicts]:
    """One validator per run, with format checking on (so 2026-13-45 is not a date), and its shortcut."""
    import jsonschema  # about 70 ms: only runs that check metadata pay for it

    schema_path = config.schema_path

    schema = load_schema(schema_path)
    cls = jsonschema.validators.validator_for(schema, default=jsonschema.Draft202012Validator)
    try:
        cls.check_schema(schema)
    except jsonschema.SchemaError as error:
        raise ConfigError(f"metadata schema {schema_path} is not a valid JSON Schema: {error.message}") from None
    validator = cls(schema, format_checker=cls.FORMAT_CHECKER)
    return validator, FieldVerdicts(validator)


def _shown(value: Any) -> str:
    if isinstance(value, str):
        return repr(value) if len(value) <= 60 else repr(value[:57] + "...")
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null (empty)"
    text = json.dumps(value, default=str)
    return text if len(text) <= 60 else text[:57] + "..."


def _quote_hint(document: Document, field_name: str, value: Any) -> str:
    raw = document.parsed_yaml.raw_scalars.get(field_name) if document.parsed_yaml else None
    if raw is None:
        return ""
    if isinstance(value, bool) and raw.lower() in _YAML_BOOL_WORDS:
        return f"; YAML reads unquoted `{raw}` as {str(value).lower()}: quote it (`{field_name}: '{raw}'`)"
    if value is None and raw.lower() in _YAML_NULL_WORDS and raw:
        return f"; YAML reads unquoted `{raw}` as empty: quote it"
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return f"; YAML reads unquoted `{raw}` as a number: quote it (`{field_name}: '{raw}'`)"
    return ""


def _allowed(schema: dict[str, Any]) -> str:
    return ", ".join(str(v) for v in schema.get("enum", []))


def _describe_value_error(error: ValidationError, document: Document, field_name: str) -> str:
    value = error.instance
    schema = error.schema if isinstance(error.schema, dict) else {}
    hint = _quote_hint(document, field_name, value) if len(error.absolute_path) == 1 else ""
    validator = error.validator
    if validator == "enum":
        return f"`{field_name}` is {_shown(value)}; allowed: {_allowed(schema)}{hint}"
    if validator == "const":
        return f"`{field_name}` is {_shown(value)}; it must be {_shown(error.validator_value)}{hint}"
    if validator == "type":
        expected = error.validator_value
        names = {"string": "text", "array": "a list", "object": "a mapping", "integer": "a whole number",
                 "number": "a number", "boolean": "true or false", "null": "empty"}
        expected_text = " or ".join(names.get(e, e) for e in (expected if isinstance(expected, list) else [expected]))
        got = _TYPE_NAMES.get(type(value), "empty" if value is None else type(value).__name__)
        return f"`{field_name}` should be {expected_text}, got {got} ({_shown(value)}){hint}"
    if validator == "format":
        form = error.validator_value
        example = {"date": "YYYY-MM-DD, a real calendar date", "uri": "an absolute URL such as https://…"}.get(form, form)
        return f"`{field_name}` is {_shown(value)}, not a valid {form} ({example})"
    if validator == "pattern":
        described = schema.get("description", "")
        wanted = f" ({described.rstrip('.')})" if described else f" (pattern {error.validator_value})"
        return f"`{field_name}` is {_shown(value)}, not in the expected form{wanted}{hint}"
    if validator == "minLength" and isinstance(value, str):
        return f"`{field_name}` is empty"
    if validator in ("minItems", "maxItems", "maxLength", "minimum", "maximum"):
        return f"`{field_name}`: {error.message}"
    return f"`{field_name}`: {error.message}{hint}"


def _field_name(path: Any) -> str:
    parts = list(path)
    if not parts:
        return "(front matter)"
    name = str(parts[0])
    for part in parts[1:]:
        name += f"[{part}]" if isinstance(part, int) else f".{part}"
    return name


def _extra_keys(error: ValidationError) -> list[str]:
    schema = error.schema if isinstance(error.schema, dict) else {}
    known = set(schema.get("properties", {}))
    patterns = [re.compile(p) for p in schema.get("patternProperties", {})]
    instance = error.instance if isinstance(error.instance, dict) else {}
    return [k for k in instance if k not in known and not any(p.search(str(k)) for p in patterns)]


def _suggestion(key: str, known: list[str]) -> str:
    lowered = {k.lower(): k for k in known}
    if key.lower() in lowered:
        return f"; did you mean `{lowered[key.lower()]}`?"
    compact = {re.sub(r"[^a-z0-9]", "", k.lower()): k for k in known}
    squashed = re.sub(r"[^a-z0-9]", "", key.lower())
    if squashed in compact:
        return f"; did you mean `{compact[squashed]}`?"
    close = difflib.get_close_matches(key.lower(), list(lowered), n=1, cutoff=0.7)
    return f"; did you mean `{lowered[close[0]]}`?" if close else ""


# The metadata schema of the run (the shipped one, or `schema =` in config), ready to validate.
METADATA_SCHEMA = Resource("metadata schema", _build_checks)


@per_document
def schema_problems(document: Document, config: Config) -> list[SchemaProblem]:
    """All schema problems in one pass, shared by M101, M102 and M103."""
    problems: list[SchemaProblem] = []
    data = document.front_matter
    if document.parsed_yaml is not None and isinstance(data, dict):
        validator, verdicts = config.resource(METADATA_SCHEMA)
        first = document.front_matter_first_line
        for error in () if verdicts.clearly_valid(data) else validator.iter_errors(data):
            path = list(error.absolute_path)
            if error.validator == "required":
                missing = [r for r in error.validator_value if isinstance(error.instance, dict) and r not in error.instance]
                prefix = _field_name(path) + "." if path else ""
                line, column = document.yaml_position(path) if path else (max(first - 1, 1), 1)
                for name in missing:
                    if any(p.code == "M101" and p.field == prefix + name for p in problems):
                        continue
                    problems.append(
                        SchemaProblem("M101", prefix + name, line, column, f"required field `{prefix}{name}` is missing")
                    )
            elif error.validator in ("additionalProperties", "unevaluatedProperties"):
                schema = error.schema if isinstance(error.schema, dict) else {}
                known = list(schema.get("properties", {}))
                for key in _extra_keys(error):
                    line, column = (
                        document.key_position(key) if not path else document.yaml_position([*path, key])
                    )
                    name = _field_name([*path, key])
                    problems.append(
                        SchemaProblem(
                            "M103", name, line, column,
                            f"field `{name}` is not in the schema{_suggestion(str(key), known)}",
                        )
                    )
            else:
                line, column = document.yaml_position(path)
                name = _field_name(path)
                problems.append(SchemaProblem("M102", name, line, column, _describe_value_error(error, document, name)))
    # jsonschema reports "required" once per missing field, each naming the same list: keep one of each.
    problems = sorted(set(problems), key=lambda p: (p.line, p.column, p.code, p.field))
    return problems
