"""Validate front matter against the JSON Schema and turn errors into messages an editor can act on."""

from __future__ import annotations

import calendar
import difflib
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit
from urllib.request import url2pathname

from contentlint.analysis.field_schema import run_schema
from contentlint.analysis.memo import per_document
from contentlint.document import Document
from contentlint.model.errors import ConfigError
from contentlint.model.settings import Config, Resource

if TYPE_CHECKING:
    from jsonschema.exceptions import ValidationError

# YAML 1.1 words that an unquoted scalar turns into a boolean or null.
_YAML_BOOL_WORDS = {"yes", "no", "on", "off", "true", "false", "y", "n"}
_YAML_NULL_WORDS = {"", "~", "null"}
_TYPE_NAMES = {bool: "a boolean", int: "a number", float: "a number", str: "text", list: "a list", dict: "a mapping"}
# What jsonschema_rs raises for values JSON cannot carry: a date, a set, a key that is not text, a lone surrogate.
_NOT_JSON = (ValueError, TypeError, OverflowError, RecursionError)


@dataclass(frozen=True)
class SchemaProblem:
    code: str  # M101, M102 or M103
    field: str
    line: int
    column: int
    message: str
    suggestion: str = ""  # M103: the one known field the key is a misspelling of, when there is exactly one
    allowed: tuple[str, ...] = ()  # M102 for a value outside an enum of strings: the values allowed
    pattern: str = ""  # M102 for a value that does not match the field's pattern: the pattern


def misspellings_of(problems: list[SchemaProblem], field: str) -> list[str]:
    """The keys that M103 takes for misspellings of ``field``."""
    return [problem.field for problem in problems if problem.code == "M103" and problem.suggestion == field]


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


class PatternSearch:
    """``pattern`` and ``patternProperties`` matched by jsonschema_rs's regular expression engine
    (the Rust ``regex`` crate: linear time; ``fancy-regex`` with a backtracking limit for look-around
    and back-references), so that a custom schema's ``^(a+)+$`` cannot run for minutes, and so that
    the full validator agrees with the fast check on every pattern."""

    def __init__(self) -> None:
        self._compiled: dict[str, Any] = {}

    def __call__(self, pattern: str, text: Any) -> bool:
        compiled = self._compiled.get(pattern)
        if compiled is None:
            import jsonschema_rs

            compiled = self._compiled[pattern] = jsonschema_rs.validator_for({"pattern": pattern})
        if not isinstance(text, str):
            text = str(text)  # a YAML key that is a number
        try:
            return bool(compiled.is_valid(text))
        except UnicodeError:  # a lone surrogate (YAML "\ud800"): one replacement character in its place
            return bool(compiled.is_valid(text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")))


def _validator_class(cls: Any, search: PatternSearch) -> Any:
    """``cls`` with the keywords that run regular expressions matched by ``search`` (jsonschema's own
    code otherwise: the same errors and messages). ``unevaluatedProperties`` next to
    ``patternProperties`` still matches keys with Python's ``re``."""
    import jsonschema
    from jsonschema.exceptions import ValidationError

    def pattern(validator: Any, pattern: str, instance: Any, schema: Any) -> Any:
        if validator.is_type(instance, "string") and not search(pattern, instance):
            yield ValidationError(f"{instance!r} does not match {pattern!r}")

    def pattern_properties(validator: Any, patterns: dict[str, Any], instance: Any, schema: Any) -> Any:
        if not validator.is_type(instance, "object"):
            return
        for each, subschema in patterns.items():
            for key, value in instance.items():
                if search(each, key):
                    yield from validator.descend(value, subschema, path=key, schema_path=each)

    def additional_properties(validator: Any, additional: Any, instance: Any, schema: Any) -> Any:
        if not validator.is_type(instance, "object"):
            return
        extras = set(_additional_keys(instance, schema, search))
        if validator.is_type(additional, "object"):
            for extra in extras:
                yield from validator.descend(instance[extra], additional, path=extra)
        elif not additional and extras:
            if "patternProperties" in schema:
                verb = "does" if len(extras) == 1 else "do"
                joined = ", ".join(repr(each) for each in sorted(extras, key=str))
                patterns = ", ".join(repr(each) for each in sorted(schema["patternProperties"]))
                yield ValidationError(f"{joined} {verb} not match any of the regexes: {patterns}")
            else:
                listed = sorted(extras, key=str)
                joined = ", ".join(repr(each) for each in listed)
                verb = "was" if len(listed) == 1 else "were"
                yield ValidationError(f"Additional properties are not allowed ({joined} {verb} unexpected)")

    return jsonschema.validators.extend(
        cls, {"pattern": pattern, "patternProperties": pattern_properties, "additionalProperties": additional_properties}
    )


def _additional_keys(instance: dict[Any, Any], schema: dict[str, Any], search: PatternSearch) -> list[Any]:
    """The keys of ``instance`` that neither ``properties`` nor ``patternProperties`` of ``schema`` cover."""
    known = schema.get("properties", {})
    patterns = list(schema.get("patternProperties", {}))
    return [key for key in instance if key not in known and not any(search(p, key) for p in patterns)]


def _folder_retrieval(folder: Path | None) -> Callable[[str], Any]:
    """Reads a referenced schema only from ``folder`` (the custom schema's own) or below it: never
    the network, never another file (a symbolic link leaving the folder included)."""

    loaded: dict[str, Any] = {}

    def contents(uri: str) -> Any:
        if uri not in loaded:
            loaded[uri] = _load_sibling(uri)
        return loaded[uri]

    def _load_sibling(uri: str) -> Any:
        parts = urlsplit(uri)
        if folder is None or parts.scheme not in ("", "file") or parts.netloc not in ("", "localhost") or parts.query:
            raise ConfigError(f"$ref to {uri!r}: only files in the schema's own folder are read, nothing is fetched")
        relative = url2pathname(parts.path)
        target = (folder / relative).resolve() if parts.scheme == "" else Path(relative).resolve()
        if not target.is_relative_to(folder) or not target.is_file():
            raise ConfigError(f"$ref to {uri!r}: not a file in the schema's folder {folder}")
        try:
            return json.loads(target.read_text("utf-8"))
        except (OSError, ValueError) as error:
            raise ConfigError(f"$ref to {uri!r}: cannot load {target}: {error}") from None

    return contents


def _check_references(schema: dict[str, Any], cls: Any, registry: Any) -> None:
    """Resolve every ``$ref`` now (through the files the retrieval allows), so that a reference
    that cannot be resolved is one config error when the run starts, not an error per document."""
    import referencing.jsonschema
    from jsonschema_specifications import REGISTRY as SPECIFICATIONS
    from referencing.exceptions import Unresolvable

    dialect = referencing.jsonschema.specification_with(
        cls.META_SCHEMA.get("$schema", ""), default=referencing.jsonschema.DRAFT202012
    )
    root = dialect.create_resource(schema)
    pending = [(root, SPECIFICATIONS.combine(registry).resolver_with_root(root))]
    walked: dict[int, Any] = {}  # id -> contents (kept, so that an id is not reused)
    while pending:
        resource, resolver = pending.pop()
        resolver = resolver.in_subresource(resource)
        contents = resource.contents
        if isinstance(contents, dict):
            if id(contents) in walked:
                continue
            walked[id(contents)] = contents
            for keyword in ("$ref", "$dynamicRef", "$recursiveRef"):
                reference = contents.get(keyword)
                if not isinstance(reference, str):
                    continue
                try:
                    resolved = resolver.lookup(reference)
                except Unresolvable as error:
                    raise ConfigError(f"metadata schema: {keyword} {reference!r} {_reason(error)}") from None
                pending.append((referencing.Resource.from_contents(resolved.contents, dialect), resolved.resolver))
        pending.extend((sub, resolver) for sub in resource.subresources())


def _reason(error: BaseException) -> str:
    cause: BaseException | None = error
    while cause is not None:
        if isinstance(cause, ConfigError):
            return f"is refused: {cause}"
        cause = cause.__cause__ or cause.__context__
    return f"cannot be resolved ({error})"


@dataclass(frozen=True)
class SchemaChecks:
    """The metadata schema of a run: ``fast`` (jsonschema_rs) decides whether a front matter is
    valid; only an invalid one goes through ``full`` (jsonschema), which explains what is wrong."""

    fast: Any
    full: Any
    search: PatternSearch

    def errors(self, data: Any) -> Iterable[ValidationError]:
        try:
            if self.fast.is_valid(data):
                return ()
        except _NOT_JSON:  # not a JSON value (a date, a set, a key that is not text): jsonschema decides
            pass
        return self.full.iter_errors(data)


def _build_checks(config: Config) -> SchemaChecks:
    """Both validators, once per run, with format checking on (so 2026-13-45 is not a date).

    Neither reads anything the schema refers to beyond the schema's own folder, and neither uses
    the network: a ``$ref`` to a URL, or one that resolves to nothing, is a config error here.
    """
    import jsonschema  # about 70 ms: only runs that check metadata pay for it
    import jsonschema_rs
    import referencing
    import referencing.jsonschema

    schema_path = config.schema_path
    schema = run_schema(schema_path, config.fields, lambda: load_schema(schema_path))
    shown = schema_path or "document.schema.json"
    cls = jsonschema.validators.validator_for(schema, default=jsonschema.Draft202012Validator)
    try:
        cls.check_schema(schema)
    except jsonschema.SchemaError as error:
        raise ConfigError(f"metadata schema {schema_path} is not a valid JSON Schema: {error.message}") from None

    folder = schema_path.resolve().parent if schema_path is not None else None
    contents = _folder_retrieval(folder)
    registry = referencing.Registry(
        retrieve=lambda uri: referencing.Resource.from_contents(contents(uri), referencing.jsonschema.DRAFT202012)
    )
    _check_references(schema, cls, registry)

    search = PatternSearch()
    format_checker = cls.FORMAT_CHECKER
    full = _validator_class(cls, search)(schema, format_checker=format_checker, registry=registry)
    try:
        fast = jsonschema_rs.validator_for(
            schema,
            # The formats jsonschema checks, checked by jsonschema's own functions: both agree on
            # each (jsonschema_rs alone takes year 0000 as a date); other formats are jsonschema_rs's.
            formats={name: _format_function(format_checker, name) for name in format_checker.checkers},
            validate_formats=True,
            retriever=contents,  # never its own HTTP client or file reader
            base_uri=schema_path.resolve().as_uri() if schema_path is not None else None,
        )
    except (jsonschema_rs.ValidationError, jsonschema_rs.ReferencingError, ValueError) as error:
        reason = str(error).split("\n", 1)[0]
        raise ConfigError(f"metadata schema {shown} cannot be used: {reason}") from None
    return SchemaChecks(fast, full, search)


def _format_function(checker: Any, name: str) -> Callable[[str], bool]:
    function, raises = checker.checkers[name]

    def conforms(value: str) -> bool:
        try:
            return bool(function(value))
        except raises:
            return False

    return conforms


def _shown(value: Any) -> str:
    if isinstance(value, str):
        return repr(value) if len(value) <= 60 else repr(value[:57] + "...")
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "empty"
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


_ISO_SHAPE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def _no_such_day(value: Any) -> str:
    """"2025-11-31": that November has 30 days; "" for any other value."""
    shape = _ISO_SHAPE.fullmatch(value.strip()) if isinstance(value, str) else None
    if shape is None or not 1 <= int(shape[2]) <= 12 or int(shape[1]) < 1:
        return ""
    year, month = int(shape[1]), int(shape[2])
    days = calendar.monthrange(year, month)[1]
    if int(shape[3]) <= days:
        return ""
    return f"; there is no such day: {calendar.month_name[month]} {year} has {days} days"


def _allowed(schema: dict[str, Any]) -> str:
    return ", ".join(str(v) for v in schema.get("enum", []))


def _describe_value_error(error: ValidationError, document: Document, field_name: str) -> str:
    value = error.instance
    schema = error.schema if isinstance(error.schema, dict) else {}
    is_date = schema.get("format") == "date"
    # Quoting a number never makes a date ("2024", 20240315): M102 says how to write the date instead.
    hint = _quote_hint(document, field_name, value) if len(error.absolute_path) == 1 and not is_date else ""
    validator = error.validator
    if validator == "enum":
        return f"`{field_name}` is {_shown(value)}; allowed: {_allowed(schema)}{hint}"
    if validator == "const":
        return f"`{field_name}` is {_shown(value)}; it must be {_shown(error.validator_value)}{hint}"
    if is_date and (value is None or value == "") and validator in ("type", "format", "minLength"):
        return f"`{field_name}` is empty: write the date as YYYY-MM-DD"
    if validator == "type":
        expected = error.validator_value
        names = {"string": "text", "array": "a list", "object": "a mapping", "integer": "a whole number",
                 "number": "a number", "boolean": "true or false", "null": "empty"}
        expected_text = " or ".join(names.get(e, e) for e in (expected if isinstance(expected, list) else [expected]))
        if value is None:  # `tags:` with nothing after it, or `~`
            return f"`{field_name}` is empty{hint or f': give it {expected_text}, or delete the line'}"
        got = _TYPE_NAMES.get(type(value), type(value).__name__)
        return f"`{field_name}` should be {expected_text}, got {got} ({_shown(value)}){hint}"
    if validator == "format":
        form = error.validator_value
        example = {"date": "YYYY-MM-DD, a real calendar date", "uri": "an absolute URL such as https://…"}.get(form, form)
        return f"`{field_name}` is {_shown(value)}, not a valid {form} ({example}){_no_such_day(value) if form == 'date' else ''}"
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


def _extra_keys(error: ValidationError, search: PatternSearch) -> list[str]:
    schema = error.schema if isinstance(error.schema, dict) else {}
    instance = error.instance if isinstance(error.instance, dict) else {}
    return _additional_keys(instance, schema, search)


def _suggestion(key: str, known: list[str]) -> str:
    name, _ = closest_field(key, known)
    return f"; did you mean `{name}`?" if name else ""


def closest_field(key: str, known: list[str]) -> tuple[str, bool]:
    """The known field ``key`` most likely misspells ("" when none), and whether it is the only candidate."""
    lowered = {k.lower(): k for k in known}
    if key.lower() in lowered:
        return lowered[key.lower()], sum(k.lower() == key.lower() for k in known) == 1
    compact = {re.sub(r"[^a-z0-9]", "", k.lower()): k for k in known}
    squashed = re.sub(r"[^a-z0-9]", "", key.lower())
    if squashed in compact:
        return compact[squashed], sum(re.sub(r"[^a-z0-9]", "", k.lower()) == squashed for k in known) == 1
    close = difflib.get_close_matches(key.lower(), list(lowered), n=2, cutoff=0.7)
    return (lowered[close[0]], len(close) == 1) if close else ("", False)


# The metadata schema of the run (the shipped one, or `schema =` in config), ready to validate.
METADATA_SCHEMA = Resource("metadata schema", _build_checks)


def value_fits(document: Document, config: Config, key: str, target: str) -> bool:
    """Whether the value of the top-level field ``key`` is valid as the field ``target``: the front
    matter with ``key`` renamed has no schema problem at ``target``."""
    data = document.front_matter
    if not isinstance(data, dict) or key not in data:
        return False
    renamed = {(target if name == key else name): value for name, value in data.items()}
    return not any(list(error.absolute_path)[:1] == [target] for error in config.resource(METADATA_SCHEMA).errors(renamed))


# When one value breaks several keywords (`format: date` and a `pattern`), the message of the most
# telling one is kept.
_VALUE_ERROR_RANK = {"type": 0, "enum": 1, "const": 1, "format": 2}


@per_document
def schema_problems(document: Document, config: Config) -> list[SchemaProblem]:
    """All schema problems in one pass, shared by M101, M102 and M103."""
    problems: list[SchemaProblem] = []
    invalid: dict[str, tuple[int, SchemaProblem]] = {}  # M102 by field: one finding for one value
    data = document.front_matter
    if document.parsed_yaml is not None and isinstance(data, dict):
        checks = config.resource(METADATA_SCHEMA)
        first = document.front_matter_first_line
        for error in checks.errors(data):
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
                for key in _extra_keys(error, checks.search):
                    line, column = (
                        document.key_position(key) if not path else document.yaml_position([*path, key])
                    )
                    name = _field_name([*path, key])
                    closest, only = closest_field(str(key), known)
                    problems.append(
                        SchemaProblem(
                            "M103", name, line, column,
                            f"field `{name}` is not in the schema{_suggestion(str(key), known)}",
                            closest if only and not path else "",
                        )
                    )
            else:
                line, column = document.yaml_position(path)
                name = _field_name(path)
                rank = _VALUE_ERROR_RANK.get(error.validator, len(_VALUE_ERROR_RANK))
                if name not in invalid or rank < invalid[name][0]:
                    allowed = tuple(error.validator_value) if error.validator == "enum" and all(
                        isinstance(v, str) for v in error.validator_value) else ()
                    pattern = error.validator_value if error.validator == "pattern" else ""
                    invalid[name] = rank, SchemaProblem(
                        "M102", name, line, column, _describe_value_error(error, document, name), allowed=allowed,
                        pattern=pattern,
                    )
    problems.extend(problem for _, problem in invalid.values())
    # jsonschema reports "required" once per missing field, each naming the same list: keep one of each.
    problems = sorted(set(problems), key=lambda p: (p.line, p.column, p.code, p.field))
    return problems
