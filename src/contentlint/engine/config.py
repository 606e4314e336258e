"""Find, validate and merge configuration: ``.contentlint.toml`` or ``[tool.contentlint]`` in pyproject.toml."""

from __future__ import annotations

import difflib
import os
import sys
from pathlib import Path
from typing import Any

from contentlint.model.errors import ConfigError
from contentlint.model.findings import Severity
from contentlint.engine.rule_set import all_rules, check_codes
from contentlint.engine import fixing
from contentlint.analysis.cycles import CYCLE_HELP, CYCLE_PATTERN, parse_cycle
from contentlint.model.settings import (
    FIELD_PRESETS,
    PRESETS_WITHOUT_DEFAULT_CYCLE,
    Config,
    Cycle,
    FieldMap,
    ReviewPolicy,
)

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

CONFIG_FILENAMES = (".contentlint.toml", "contentlint.toml", "pyproject.toml")

_CYCLE = {
    "anyOf": [{"type": "integer", "minimum": 1, "maximum": 240}, {"type": "string", "pattern": CYCLE_PATTERN}],
    "description": CYCLE_HELP,
}
_FIELD_NAME = {"type": "string", "minLength": 1}
# [fields]: the front-matter key that holds each thing the checks read (config key -> FieldMap attribute).
FIELD_KEYS = {
    "last-reviewed": "last_reviewed", "next-review": "next_review", "review-cycle": "review_cycle",
    "url": "url", "source": "source", "title": "title", "owner": "owner",
}
_STRINGS = {"type": "array", "items": {"type": "string"}}

CONFIG_SCHEMA: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "schema": {"type": "string"},
        "include": _STRINGS,
        "extend-include": _STRINGS,
        "exclude": _STRINGS,
        "extend-exclude": _STRINGS,
        "not-documents": _STRINGS,
        "force-exclude": {"type": "boolean"},
        "respect-gitignore": {"type": "boolean"},
        "follow-links": {"type": "boolean"},
        "cache": {"type": "boolean"},
        "cache-dir": {"type": "string", "minLength": 1},
        "select": _STRINGS,
        "extend-select": _STRINGS,
        "ignore": _STRINGS,
        "fail-on": {"enum": ["error", "warning"]},
        "show-source": {"type": "boolean"},
        "max-file-size-mb": {"type": "number", "exclusiveMinimum": 0},
        "severity": {"type": "object", "additionalProperties": {"enum": ["error", "warning"]}},
        "per-file-ignores": {"type": "object", "additionalProperties": _STRINGS},
        "fields": {
            "type": "object",
            "additionalProperties": False,
            "properties": {"preset": {"enum": sorted(FIELD_PRESETS)}, **{key: _FIELD_NAME for key in FIELD_KEYS}},
        },
        "review": {
            "type": "object",
            "additionalProperties": False,
            "properties": {
                "due-soon-days": {"type": "integer", "minimum": 0},
                "default-cycle": _CYCLE,
                "by-source-type": {"type": "object", "additionalProperties": _CYCLE},
                "by-source": {"type": "object", "additionalProperties": _CYCLE},
                "date-order": {"enum": ["auto", "DMY", "MDY", "YMD"]},
            },
        },
    },
}


def _cycle(value: Any, where: str, path: Path) -> Cycle:
    cycle = parse_cycle(value)
    if cycle is None:  # matches the pattern but names no time at all ("P0D")
        raise ConfigError(f"{path}: `{where}`: {value!r} is not allowed; use {CYCLE_HELP}")
    return cycle


def fields_note(fields: FieldMap, documentation: str) -> str:
    """For `explain`: which of the fields a rule's documentation names this project reads under
    other names ('' when none is renamed)."""
    default = FieldMap()
    renamed = [
        f"`{getattr(default, attribute)}` is `{getattr(fields, attribute)}`"
        for attribute in ("last_reviewed", "review_cycle", "url", "source", "title")
        if getattr(fields, attribute) != getattr(default, attribute) and f"`{getattr(default, attribute)}`" in documentation
    ]
    extra = [f"the next-review field is `{fields.next_review}`"] if (
        fields.next_review is not None and "next-review field" in documentation) else []
    if not renamed and not extra:
        return ""
    preset = f", preset {fields.preset}" if fields.preset else ""
    return f"In this project ([tool.contentlint.fields]{preset}): {'; '.join(renamed + extra)}."


def field_map(table: dict[str, Any]) -> FieldMap:
    """The [fields] table as a FieldMap: the preset's keys, then the explicit ones over them."""
    preset = table.get("preset", "")
    chosen = {**FIELD_PRESETS.get(preset, {}), **{k: v for k, v in table.items() if k in FIELD_KEYS}}
    return FieldMap(preset=preset, **{FIELD_KEYS[key]: name for key, name in chosen.items()})


def find_config_file(start: Path) -> tuple[Path, dict[str, Any]] | None:
    """The nearest config at or above ``start``, parsed; a pyproject.toml counts only with [tool.contentlint]."""
    for directory in (start, *start.parents):
        for name in CONFIG_FILENAMES:
            candidate = directory / name
            if not candidate.is_file():
                continue
            if name != "pyproject.toml":
                return candidate, _read_toml(candidate)
            try:
                document = _read_toml(candidate)
            except ConfigError:
                # A broken pyproject.toml is ours to report only when it meant to configure us.
                if "tool.contentlint" in candidate.read_text("utf-8", "replace"):
                    raise
                continue
            if "contentlint" in document.get("tool", {}):
                return candidate, document
    return None


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with open(path, "rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: not valid TOML: {error}") from None
    except OSError as error:
        raise ConfigError(f"{path}: cannot read: {error.strerror or error}") from None


def _describe(error: Any, path: Path) -> str:
    where = ".".join(str(part) for part in error.absolute_path)
    if error.validator == "additionalProperties":
        known = list(error.schema.get("properties", {}))
        extra = sorted(set(error.instance) - set(known))
        key = extra[0] if extra else "?"
        hint = difflib.get_close_matches(key, known, n=1)
        section = f" in [{where}]" if where else ""
        suggestion = f"; did you mean `{hint[0]}`?" if hint else f"; known keys: {', '.join(known)}"
        return f"{path}: unknown key `{key}`{section}{suggestion}"
    allowed = error.schema.get("description") if isinstance(error.schema, dict) else None
    if allowed:  # a value of several shapes: say which, not "not valid under any of the given schemas"
        return f"{path}: `{where or '(top level)'}`: {error.instance!r} is not allowed; use {allowed}"
    return f"{path}: `{where or '(top level)'}`: {error.message}"


def config_schema() -> dict[str, Any]:
    """CONFIG_SCHEMA plus one table per section of the options that the rules (and --fix) declare."""
    sections: dict[str, dict[str, Any]] = {}
    declared = [option for rule in all_rules().values() for option in rule.all_options]
    for option in [*declared, *fixing.OPTIONS]:
        sections.setdefault(option.section, {})[option.key] = option.schema
    properties = dict(CONFIG_SCHEMA["properties"])
    for section, keys in sorted(sections.items()):
        properties[section] = {"type": "object", "additionalProperties": False, "properties": keys}
    return {**CONFIG_SCHEMA, "properties": properties}


def validate_table(table: dict[str, Any], path: Path) -> None:
    import jsonschema

    validator = jsonschema.Draft202012Validator(config_schema())
    errors = sorted(validator.iter_errors(table), key=lambda e: list(e.absolute_path))
    if errors:
        raise ConfigError(_describe(errors[0], path))


def load_config(explicit: str | os.PathLike[str] | None = None, start: Path | None = None) -> Config:
    """Load the explicit config file, or the nearest one above ``start`` (default: cwd)."""
    if explicit is not None:
        path = Path(explicit)
        if not path.is_file():
            raise ConfigError(f"config file not found: {path}")
        document = _read_toml(path)
    else:
        found = find_config_file((start or Path.cwd()).resolve())
        if found is None:
            return Config()
        path, document = found
    nested = document.get("tool", {}).get("contentlint") if isinstance(document.get("tool"), dict) else None
    if path.name == "pyproject.toml" or (explicit is not None and isinstance(nested, dict)):
        # A pyproject.toml, or any file given with --config that holds a [tool.contentlint] table.
        if explicit is not None and not isinstance(nested, dict):
            raise ConfigError(f"{path}: has no [tool.contentlint] table")
        table = nested or {}
    else:
        table = document
    validate_table(table, path)
    return config_from_table(table, path)


def config_from_table(table: dict[str, Any], path: Path) -> Config:
    known = list(all_rules())
    root = path.parent.resolve()
    config = Config(root=root, source=path)
    if "schema" in table:
        config.schema_path = (root / table["schema"]).resolve()
        if not config.schema_path.is_file():
            raise ConfigError(f"{path}: `schema` file not found: {config.schema_path}")
    config.include = list(table.get("include", config.include)) + list(table.get("extend-include", []))
    config.exclude = list(table.get("exclude", config.exclude)) + list(table.get("extend-exclude", []))
    config.not_documents = list(table.get("not-documents", config.not_documents))
    config.force_exclude = table.get("force-exclude", config.force_exclude)
    config.respect_gitignore = table.get("respect-gitignore", config.respect_gitignore)
    config.follow_links = table.get("follow-links", config.follow_links)
    config.show_source = table.get("show-source", config.show_source)
    config.cache = table.get("cache", config.cache)
    if "cache-dir" in table:
        config.cache_dir = (root / os.path.expanduser(table["cache-dir"])).resolve()
    for key in ("select", "extend-select", "ignore"):
        if key in table:
            check_codes(table[key], f"{path}: `{key}`")
            setattr(config, key.replace("-", "_"), list(table[key]))
    for pattern, codes in table.get("per-file-ignores", {}).items():
        check_codes(codes, f"{path}: `per-file-ignores` for {pattern!r}")
    config.per_file_ignores = dict(table.get("per-file-ignores", {}))
    for code, level in table.get("severity", {}).items():
        if code.upper() not in known:
            check_codes([code], f"{path}: `severity`")
            raise ConfigError(f"{path}: `severity` takes full rule codes, not the prefix `{code}`")
        config.severity[code.upper()] = Severity(level)
    if "fail-on" in table:
        config.fail_on = Severity(table["fail-on"])
    if "max-file-size-mb" in table:
        config.max_file_bytes = int(table["max-file-size-mb"] * 1024 * 1024)
    config.fields = field_map(table.get("fields", {}))
    review = table.get("review", {})
    if "default-cycle" in review:
        default_cycle: Cycle | None = _cycle(review["default-cycle"], "review.default-cycle", path)
    else:
        default_cycle = None if config.fields.preset in PRESETS_WITHOUT_DEFAULT_CYCLE else Cycle(months=24)
    config.review = ReviewPolicy(
        due_soon_days=review.get("due-soon-days", 30),
        default_cycle=default_cycle,
        by_source_type={k: _cycle(v, f"review.by-source-type.{k}", path) for k, v in review.get("by-source-type", {}).items()},
        by_source={k: _cycle(v, f"review.by-source.{k}", path) for k, v in review.get("by-source", {}).items()},
        date_order=review.get("date-order", "auto"),
    )
    config.sections = {k: v for k, v in table.items() if isinstance(v, dict)}
    return config
