"""The per-field shortcut never calls invalid front matter valid, and is used only where it is exact."""

from __future__ import annotations

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from contentlint.model.settings import Config
from contentlint.analysis.schema import load_schema
from contentlint.analysis.schema_shortcut import FieldVerdicts

VALID = {
    "title": "Fatigue after treatment", "url": "https://www.nhs.uk/conditions/fatigue/", "source": "NHS",
    "sourceType": "03_nhs", "lastReviewed": "2026-03-01", "reviewFrequency": "annual", "status": "active",
    "language": "en", "tags": ["fatigue", "support"],
}


def default_verdicts() -> tuple[FieldVerdicts, jsonschema.protocols.Validator]:
    schema = load_schema(None)
    cls = jsonschema.validators.validator_for(schema)
    validator = cls(schema, format_checker=cls.FORMAT_CHECKER)
    return FieldVerdicts(validator), validator


@pytest.mark.parametrize(
    ("change", "valid"),
    [
        ({}, True),
        ({"lastReviewed": "2026-13-45"}, False),  # format
        ({"status": "live"}, False),  # enum
        ({"status": True}, False),  # YAML `status: yes`
        ({"version": 1.0}, False),  # a number, not text
        ({"version": "v1.0"}, True),
        ({"tags": ["fatigue", ""]}, False),  # an empty item
        ({"tags": ["fatigue", 1]}, False),
        ({"lastreviewed": "2026-03-01"}, False),  # unknown field
        ({"url": "not a url"}, False),
        ({"title": "  "}, False),
        ({1: "one"}, False),  # a key that is not text
    ],
)
def test_shortcut_agrees_with_the_validator(change: dict, valid: bool) -> None:
    verdicts, validator = default_verdicts()
    data = {**VALID, **change}
    assert validator.is_valid(data) is valid
    assert verdicts.clearly_valid(data) is valid
    assert verdicts.clearly_valid(data) is valid  # the second time from what it remembered


@pytest.mark.parametrize("missing", ["title", "url", "lastReviewed"])
def test_a_missing_required_field_is_never_clearly_valid(missing: str) -> None:
    verdicts, _ = default_verdicts()
    assert not verdicts.clearly_valid({k: v for k, v in VALID.items() if k != missing})


def test_remembered_values_keep_types_apart() -> None:
    schema = {"type": "object", "properties": {"n": {"type": "integer"}, "b": {"type": "boolean"}}}
    verdicts = FieldVerdicts(jsonschema.Draft202012Validator(schema))
    assert verdicts.clearly_valid({"n": 1})
    assert not verdicts.clearly_valid({"n": "1"})
    assert verdicts.clearly_valid({"b": True})
    assert not verdicts.clearly_valid({"b": 1})  # 1 == True in Python, not in JSON Schema
    assert not verdicts.clearly_valid({"n": [1]})


@pytest.mark.parametrize(
    "schema",
    [
        {"type": "object", "properties": {"a": {"type": "string"}}, "allOf": [{"required": ["a"]}]},
        {"type": "object", "properties": {"a": {"$ref": "#/$defs/a"}}, "$defs": {"a": {"type": "string"}}},
        {"type": "object", "dependentRequired": {"a": ["b"]}},
        {"type": "object", "additionalProperties": {"type": "string"}},
        {"type": "object", "unevaluatedProperties": False},
        {"type": "object", "minProperties": 1},
        {"type": "array"},
    ],
)
def test_schemas_that_relate_fields_use_the_full_validator(schema: dict) -> None:
    verdicts = FieldVerdicts(jsonschema.Draft202012Validator(schema))
    assert not verdicts.usable
    assert not verdicts.clearly_valid({"a": "x", "b": "y"})


scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=12),
                    st.sampled_from(["2026-03-01", "active", "en", "v2", "https://www.nhs.uk/", "quarterly"]))
values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3), max_leaves=6)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.sampled_from([*VALID, "version", "citation", "cancerTypes", "extra"]), values))
def test_clearly_valid_never_hides_a_schema_error(changes: dict) -> None:
    verdicts, validator = default_verdicts()
    for data in ({**VALID, **changes}, changes):
        first = verdicts.clearly_valid(data)
        assert first == verdicts.clearly_valid(data)
        assert first == validator.is_valid(data)


def test_a_run_uses_one_shortcut_per_config() -> None:
    from contentlint.analysis.schema import METADATA_SCHEMA

    config = Config()
    assert config.resource(METADATA_SCHEMA) is config.resource(METADATA_SCHEMA)
