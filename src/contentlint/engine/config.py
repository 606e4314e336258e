"""Find, validate and merge configuration: ``.contentlint.toml`` or ``[tool.contentlint]`` in pyproject.toml."""

from __future__ import annotations

import datetime as dt
import difflib
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from contentlint.model.findings import Severity

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

CONFIG_FILENAMES = (".contentlint.toml", "contentlint.toml", "pyproject.toml")

FREQUENCY_MONTHS = {"monthly": 1, "quarterly": 3, "semiannual": 6, "annual": 12, "biennial": 24}

DEFAULT_INCLUDE = ["*.md", "*.markdown", "*.txt"]
DEFAULT_EXCLUDE = [".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__", ".contentlint_cache", ".tox"]

_CYCLE = {"anyOf": [{"enum": sorted(FREQUENCY_MONTHS)}, {"type": "integer", "minimum": 1, "maximum": 240}]}
_STRINGS = {"type": "array", "items": {"type": "string"}}
_DURATION = {"anyOf": [{"type": "number", "minimum": 0}, {"type": "string", "pattern": r"^\s*\d+(\.\d+)?\s*[smhd]?\s*$"}]}

# [tool.contentlint.authority]: see contentlint.analysis.authority
_AUTHORITY_SECTION = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "data": {"type": "string"},
        "extend-domains": _STRINGS,
        "extend-link-domains": _STRINGS,
        "extend-vendors": _STRINGS,
        "extend-vendor-phrases": _STRINGS,
        "vendor-threshold": {"type": "number", "exclusiveMinimum": 0},
        "sources": {
            "type": "object",
            "additionalProperties": {
                "type": "object",
                "additionalProperties": False,
                "properties": {"names": _STRINGS, "domains": _STRINGS, "attribution": _STRINGS},
            },
        },
    },
}
# [tool.contentlint.quality]: see contentlint.rules.quality
_QUALITY_SECTION = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "extend-placeholders": _STRINGS,
        "extend-boilerplate": _STRINGS,
        "extend-boilerplate-lines": _STRINGS,
        "min-words": {"type": "integer", "minimum": 0},
        "repeat-min-characters": {"type": "integer", "minimum": 1},
    },
}

# Sections for other rule families are added here, each with additionalProperties: false.
CONFIG_SCHEMA: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "schema": {"type": "string"},
        "include": _STRINGS,
        "exclude": _STRINGS,
        "extend-exclude": _STRINGS,
        "select": _STRINGS,
        "extend-select": _STRINGS,
        "ignore": _STRINGS,
        "fail-on": {"enum": ["error", "warning"]},
        "max-file-size-mb": {"type": "number", "exclusiveMinimum": 0},
        "severity": {"type": "object", "additionalProperties": {"enum": ["error", "warning"]}},
        "per-file-ignores": {"type": "object", "additionalProperties": _STRINGS},
        "authority": _AUTHORITY_SECTION,
        "quality": _QUALITY_SECTION,
        "review": {
            "type": "object",
            "additionalProperties": False,
            "properties": {
                "due-soon-days": {"type": "integer", "minimum": 0},
                "default-cycle": _CYCLE,
                "by-source-type": {"type": "object", "additionalProperties": _CYCLE},
                "by-source": {"type": "object", "additionalProperties": _CYCLE},
                "date-order": {"enum": ["DMY", "MDY", "YMD"]},
            },
        },
        "links": {
            "type": "object",
            "additionalProperties": False,
            "properties": {
                "skip": _STRINGS,
                "accept": {"type": "object", "additionalProperties": {
                    "type": "array", "items": {"type": "integer", "minimum": 100, "maximum": 599}}},
                "headers": {"type": "object", "additionalProperties": {
                    "type": "object", "additionalProperties": {"type": "string"}}},
                "user-agent": {"type": "string", "minLength": 1},
                "timeout": {"type": "number", "exclusiveMinimum": 0},
                "retries": {"type": "integer", "minimum": 0, "maximum": 10},
                "backoff": _DURATION,
                "max-retry-wait": _DURATION,
                "max-redirects": {"type": "integer", "minimum": 0, "maximum": 50},
                "concurrency": {"type": "integer", "minimum": 1, "maximum": 512},
                "host-concurrency": {"type": "integer", "minimum": 1, "maximum": 128},
                "host-interval": _DURATION,
                "allow-private-hosts": {"type": "boolean"},
                "cache": {"type": "boolean"},
                "cache-dir": {"type": "string", "minLength": 1},
                "cache-ok": _DURATION,
                "cache-failure": _DURATION,
            },
        },
    },
}


class ConfigError(Exception):
    """A configuration problem: reported in one line, exit code 2."""


@dataclass
class ReviewPolicy:
    due_soon_days: int = 30
    default_cycle_months: int = 24
    by_source_type: dict[str, int] = field(default_factory=dict)
    by_source: dict[str, int] = field(default_factory=dict)
    date_order: str = "MDY"


@dataclass
class Config:
    root: Path = field(default_factory=Path.cwd)
    source: Path | None = None
    schema_path: Path | None = None
    include: list[str] = field(default_factory=lambda: list(DEFAULT_INCLUDE))
    exclude: list[str] = field(default_factory=lambda: list(DEFAULT_EXCLUDE))
    select: list[str] = field(default_factory=lambda: ["ALL"])
    extend_select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)
    severity: dict[str, Severity] = field(default_factory=dict)
    fail_on: Severity = Severity.ERROR
    max_file_bytes: int = 32 * 1024 * 1024
    review: ReviewPolicy = field(default_factory=ReviewPolicy)
    today: dt.date = field(default_factory=dt.date.today)
    # Whether rules that need the network run (``--links``).
    network: bool = False
    # Long corpus passes (the link check) report progress(done, total) and notice(warning text).
    progress: Callable[[int, int], None] | None = field(default=None, repr=False)
    notice: Callable[[str], None] | None = field(default=None, repr=False)
    # Raw tables of other families, validated by CONFIG_SCHEMA, read by their rules.
    sections: dict[str, Any] = field(default_factory=dict)
    # What rules build from this config (schema validator, phrase tables, authority tiers), once per process.
    _derived: dict[str, Any] | None = field(default=None, repr=False, compare=False)

    def derived(self, key: str, build: Callable[[], Any]) -> Any:
        """``build()``, made once for this config and kept."""
        if self._derived is None:
            self._derived = {}
        if key not in self._derived:
            self._derived[key] = build()
        return self._derived[key]

    def cycle_for(self, source_type: Any, source: Any) -> tuple[int, str]:
        """Review cycle in months when the document names no reviewFrequency, and where it came from."""
        if isinstance(source_type, str) and source_type in self.review.by_source_type:
            return self.review.by_source_type[source_type], f"policy for sourceType {source_type}"
        if isinstance(source, str) and source in self.review.by_source:
            return self.review.by_source[source], f"policy for source {source}"
        return self.review.default_cycle_months, "default"


def _months(value: Any) -> int:
    return FREQUENCY_MONTHS[value] if isinstance(value, str) else int(value)


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
    return f"{path}: `{where or '(top level)'}`: {error.message}"


def validate_table(table: dict[str, Any], path: Path) -> None:
    import jsonschema

    validator = jsonschema.Draft202012Validator(CONFIG_SCHEMA)
    errors = sorted(validator.iter_errors(table), key=lambda e: list(e.absolute_path))
    if errors:
        raise ConfigError(_describe(errors[0], path))


def check_codes(prefixes: list[str], where: str, known_codes: list[str]) -> None:
    for prefix in prefixes:
        if prefix.upper() == "ALL":
            continue
        if not any(code.startswith(prefix.upper()) for code in known_codes):
            hint = difflib.get_close_matches(prefix.upper(), known_codes, n=1)
            suggestion = f"; did you mean {hint[0]}?" if hint else ""
            raise ConfigError(f"{where}: unknown rule code or prefix `{prefix}`{suggestion}")


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
    table = document.get("tool", {}).get("contentlint", {}) if path.name == "pyproject.toml" else document
    if path.name == "pyproject.toml" and explicit is not None and "contentlint" not in document.get("tool", {}):
        raise ConfigError(f"{path}: has no [tool.contentlint] table")
    validate_table(table, path)
    return config_from_table(table, path)


def config_from_table(table: dict[str, Any], path: Path) -> Config:
    from contentlint.plugin import all_rules

    known = list(all_rules())
    root = path.parent.resolve()
    config = Config(root=root, source=path)
    if "schema" in table:
        config.schema_path = (root / table["schema"]).resolve()
        if not config.schema_path.is_file():
            raise ConfigError(f"{path}: `schema` file not found: {config.schema_path}")
    config.include = list(table.get("include", config.include))
    config.exclude = list(table.get("exclude", config.exclude)) + list(table.get("extend-exclude", []))
    for key in ("select", "extend-select", "ignore"):
        if key in table:
            check_codes(table[key], f"{path}: `{key}`", known)
            setattr(config, key.replace("-", "_"), list(table[key]))
    for pattern, codes in table.get("per-file-ignores", {}).items():
        check_codes(codes, f"{path}: `per-file-ignores` for {pattern!r}", known)
    config.per_file_ignores = dict(table.get("per-file-ignores", {}))
    for code, level in table.get("severity", {}).items():
        if code.upper() not in known:
            check_codes([code], f"{path}: `severity`", known)
            raise ConfigError(f"{path}: `severity` takes full rule codes, not the prefix `{code}`")
        config.severity[code.upper()] = Severity(level)
    if "fail-on" in table:
        config.fail_on = Severity(table["fail-on"])
    if "max-file-size-mb" in table:
        config.max_file_bytes = int(table["max-file-size-mb"] * 1024 * 1024)
    review = table.get("review", {})
    config.review = ReviewPolicy(
        due_soon_days=review.get("due-soon-days", 30),
        default_cycle_months=_months(review.get("default-cycle", "biennial")),
        by_source_type={k: _months(v) for k, v in review.get("by-source-type", {}).items()},
        by_source={k: _months(v) for k, v in review.get("by-source", {}).items()},
        date_order=review.get("date-order", "MDY"),
    )
    config.sections = {k: v for k, v in table.items() if isinstance(v, dict)}
    return config
