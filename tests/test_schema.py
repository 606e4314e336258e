"""The metadata schema: jsonschema_rs decides validity, jsonschema explains; both always agree."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import front_matter, lint_text, make_config
from contentlint.analysis.schema import METADATA_SCHEMA, SchemaChecks, _build_checks
from contentlint.model.settings import Config

ROOT = Path(__file__).resolve().parents[1]

VALID = {
    "title": "Fatigue after treatment", "url": "https://www.nhs.uk/conditions/fatigue/", "source": "NHS",
    "sourceType": "03_nhs", "lastReviewed": "2026-03-01", "reviewFrequency": "annual", "status": "active",
    "language": "en", "tags": ["fatigue", "support"],
}

# Fields that relate to each other and reach their definitions through $ref: what the per-field
# shortcut this replaced could not decide.
RELATED = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "$defs": {
        "text": {"type": "string", "minLength": 1, "pattern": "\\S"},
        "count": {"type": "integer", "minimum": 0, "maximum": 1000},
        "when": {"type": "string", "format": "date"},
    },
    "properties": {
        "title": {"$ref": "#/$defs/text"},
        "status": {"enum": ["active", "draft", 1, True, None]},
        "pages": {"$ref": "#/$defs/count"},
        "weight": {"type": "number", "exclusiveMaximum": 1e300},
        "lastReviewed": {"$ref": "#/$defs/when"},
        "tags": {"type": "array", "items": {"$ref": "#/$defs/text"}, "uniqueItems": True},
    },
    "patternProperties": {"^x-[a-z]+$": {"type": "string"}},
    "allOf": [
        {"required": ["title"]},
        {"if": {"properties": {"status": {"const": "draft"}}, "required": ["status"]}, "then": {"required": ["pages"]}},
        {"anyOf": [{"required": ["lastReviewed"]}, {"required": ["tags"]}]},
    ],
    "dependentRequired": {"weight": ["pages"]},
    "additionalProperties": False,
}


def checks_for(schema: dict | None = None, tmp_path: Path | None = None) -> SchemaChecks:
    if schema is None:
        return _build_checks(Config())
    assert tmp_path is not None
    path = tmp_path / "schema.json"
    path.write_text(json.dumps(schema))
    return _build_checks(Config(schema_path=path))


def fast_verdict(checks: SchemaChecks, data: object) -> bool | None:
    """jsonschema_rs's verdict, or None where it cannot take the value (then jsonschema decides)."""
    try:
        return bool(checks.fast.is_valid(data))
    except (ValueError, TypeError, OverflowError):
        return None


@pytest.mark.parametrize(
    ("change", "valid"),
    [
        ({}, True),
        ({"lastReviewed": "2026-13-45"}, False),  # format
        ({"lastReviewed": "0000-03-07"}, False),  # jsonschema_rs alone calls it a date; jsonschema does not
        ({"status": "live"}, False),  # enum
        ({"status": True}, False),  # YAML `status: yes`
        ({"version": 1.0}, False),  # a number, not text
        ({"version": "v1.0"}, True),
        ({"tags": ["fatigue", ""]}, False),  # an empty item
        ({"tags": ["fatigue", 1]}, False),
        ({"lastreviewed": "2026-03-01"}, False),  # unknown field
        ({"url": "not a url"}, False),
        ({"url": "https://www.nhs.uk/a b"}, False),
        ({"title": "  "}, False),
        ({1: "one"}, False),  # a key that is not text
        ({"lastReviewed": dt.date(2026, 3, 1)}, False),  # not a JSON value
        ({"version": 2**70}, False),  # beyond 64 bits
        ({"version": float("nan")}, False),
        ({"citation": "\ud800"}, True),  # a lone surrogate (YAML "\ud800") is still text
        ({"tags": {"a", "b"}}, False),  # a YAML set
    ],
)
def test_the_fast_check_and_the_messages_agree(change: dict, valid: bool) -> None:
    checks = checks_for()
    data = {**VALID, **change}
    errors = list(checks.errors(data))
    assert (not errors) is valid
    assert checks.full.is_valid(data) is valid
    assert fast_verdict(checks, data) in (valid, None)


@pytest.mark.parametrize("missing", ["title", "url", "lastReviewed"])
def test_a_missing_required_field_is_an_error(missing: str) -> None:
    errors = list(checks_for().errors({k: v for k, v in VALID.items() if k != missing}))
    assert [error.validator for error in errors] == ["required"]


def test_a_date_the_yaml_loader_made_is_judged_by_jsonschema_without_a_crash() -> None:
    # The loader keeps timestamps as text; a value that is still a date goes to jsonschema.
    assert [error.validator for error in checks_for().errors({**VALID, "lastReviewed": dt.date(2026, 3, 1)})] == ["type"]


scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=12),
    st.sampled_from(["2026-03-01", "2026-02-30", "0000-01-01", "active", "draft", "en", "en-GB", "v2", "v2.", "quarterly",
                     "https://www.nhs.uk/", "http://a b", "x-note", "03_nhs", "\x1c", "en\n", "1", "", " "]),
)
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=6,
)
keys = st.sampled_from([*VALID, "version", "citation", "cancerTypes", "audienceLevel", "pages", "weight", "x-note", "x-", "extra"])


@settings(max_examples=400, deadline=None)
@given(st.dictionaries(keys, values))
def test_jsonschema_rs_and_jsonschema_agree_under_the_default_schema(changes: dict) -> None:
    checks = checks_for()
    for data in ({**VALID, **changes}, changes):
        verdict = fast_verdict(checks, data)
        expected = checks.full.is_valid(data)
        assert verdict in (expected, None)
        assert (not list(checks.errors(data))) is expected


@settings(max_examples=400, deadline=None)
@given(st.dictionaries(keys, values))
def test_jsonschema_rs_and_jsonschema_agree_with_refs_and_all_of(tmp_path_factory, changes: dict) -> None:
    checks = checks_for(RELATED, tmp_path_factory.mktemp("related"))
    for data in ({"title": "A", "lastReviewed": "2026-03-01", **changes}, changes):
        verdict = fast_verdict(checks, data)
        expected = checks.full.is_valid(data)
        assert verdict in (expected, None)
        assert (not list(checks.errors(data))) is expected


def test_patterns_other_than_the_regular_expressions_are_plain_jsonschema() -> None:
    # Apart from regular expressions (matched by the linear-time engine), the full validator is
    # jsonschema's own: a plain validator gives the same verdict on ordinary values.
    checks = checks_for()
    plain = jsonschema.Draft202012Validator(checks.full.schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    for change in ({}, {"status": "live"}, {"lastReviewed": "2026-02-30"}, {"language": "english"}, {"x": 1}):
        data = {**VALID, **change}
        assert plain.is_valid(data) is checks.full.is_valid(data)


def test_messages_name_the_field_under_a_schema_with_refs(tmp_path: Path) -> None:
    path = tmp_path / "schema.json"
    path.write_text(json.dumps(RELATED))
    found = {(f.code, f.message) for f in lint_text("---\ntitle: ''\nstatus: draft\ntags: [a]\n---\nText\n",
                                                     make_config(schema_path=path)) if f.code.startswith("M")}
    assert ("M101", "required field `pages` is missing") in found
    assert ("M102", "`title` is empty") in found


def test_a_run_builds_its_checks_once() -> None:
    config = Config()
    assert config.resource(METADATA_SCHEMA) is config.resource(METADATA_SCHEMA)


def test_the_two_copies_of_the_default_schema_are_the_same() -> None:
    # schemas/ is the copy the README points readers to; the package's copy is the one that is loaded.
    shipped = ROOT / "src" / "contentlint" / "schemas" / "document.schema.json"
    documented = ROOT / "schemas" / "document.schema.json"
    assert documented.read_bytes() == shipped.read_bytes()


def test_clean_front_matter_has_no_schema_findings() -> None:
    assert not [f for f in lint_text(front_matter() + "\n# A\n\nText.\n") if f.code in ("M101", "M102", "M103")]
