"""A custom schema cannot reach the network or files outside its folder, nor run a regex for minutes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import contentlint.analysis.schema as schema_module
from conftest import CLEAN_FRONT_MATTER, PROSE, front_matter, lint_text, make_config
from contentlint.analysis.schema import _build_checks, schema_problems
from contentlint.document.reading import parse_document
from contentlint.model.errors import ConfigError
from contentlint.model.settings import Config
from loopback import LoopbackServer, Reply

STRING = {"type": "string"}
SERVED = Reply(200, {"Content-Type": "application/schema+json"}, json.dumps(STRING).encode())
DOCUMENT = CLEAN_FRONT_MATTER + "\n# Radiotherapy\n\n" + PROSE + "\n"


def write_schema(folder: Path, schema: dict, name: str = "schema.json") -> Path:
    path = folder / name
    path.write_text(json.dumps(schema))
    return path


def schema_with(reference: str, **extra: object) -> dict:
    return {"type": "object", "properties": {"title": {"$ref": reference}}, **extra}


def build(path: Path) -> object:
    return _build_checks(Config(schema_path=path))


@pytest.fixture
def server():
    # Serves a valid schema at every path, so that a fetch would succeed if one were made.
    with LoopbackServer(default=SERVED, lifetime=20.0) as running:
        yield running


@pytest.mark.parametrize(
    "make_schema",
    [
        lambda url: schema_with(url("/string.json")),
        lambda url: schema_with("string.json", **{"$id": url("/schemas/main.json")}),  # relative to a remote $id
        lambda url: {"allOf": [{"$ref": url("/string.json#/type")}]},
        lambda url: {"$schema": url("/meta.json"), "type": "object"},  # a metaschema on a server
        lambda url: {"$defs": {"a": {"$dynamicRef": url("/string.json")}}, "properties": {"title": {"$ref": "#/$defs/a"}}},
    ],
)
def test_a_ref_to_a_url_is_one_config_error_and_no_request(tmp_path: Path, server: LoopbackServer, make_schema) -> None:
    path = write_schema(tmp_path, make_schema(server.url))
    with pytest.raises(ConfigError):
        build(path)
    assert server.requests == []


def test_jsonschema_rs_on_its_own_fetches_nothing(tmp_path: Path, server: LoopbackServer, monkeypatch) -> None:
    # Even without the up-front walk over the references, jsonschema_rs refuses the URL itself.
    monkeypatch.setattr(schema_module, "_check_references", lambda *args: None)
    path = write_schema(tmp_path, schema_with(server.url("/string.json")))
    with pytest.raises(ConfigError, match="cannot be used"):
        build(path)
    assert server.requests == []


def test_a_url_ref_at_the_command_line_is_exit_2_with_one_line(run_cli, corpus, server: LoopbackServer) -> None:
    root = corpus({
        "schema.json": json.dumps(schema_with(server.url("/string.json"))),
        "pyproject.toml": "[tool.contentlint]\nschema = 'schema.json'\n",
        **{f"docs/{n}.md": DOCUMENT for n in range(3)},
    })
    for jobs in ("1", "2"):
        result = run_cli("check", ".", "--jobs", jobs, cwd=root)
        assert result.code == 2, result.out
        assert "E999" not in result.out
        assert len(result.err.strip().splitlines()) == 1 and "config error" in result.err
    assert server.requests == []


@pytest.mark.parametrize(
    ("schema", "words"),
    [
        (schema_with("#/$defs/missing"), "cannot be resolved"),
        (schema_with("missing.json"), "not a file in the schema's folder"),
        (schema_with("../outside.json"), "not a file in the schema's folder"),
        (schema_with("file:///etc/hostname"), "not a file in the schema's folder"),
        (schema_with("urn:example:nowhere"), "nothing is fetched"),
    ],
)
def test_refs_that_resolve_to_nothing_allowed_are_config_errors(tmp_path: Path, schema: dict, words: str) -> None:
    folder = tmp_path / "schemas"
    folder.mkdir()
    (tmp_path / "outside.json").write_text(json.dumps(STRING))
    with pytest.raises(ConfigError, match=words):
        build(write_schema(folder, schema))


def test_a_symlink_out_of_the_folder_is_not_followed(tmp_path: Path) -> None:
    folder = tmp_path / "schemas"
    folder.mkdir()
    (tmp_path / "outside.json").write_text(json.dumps(STRING))
    (folder / "string.json").symlink_to(tmp_path / "outside.json")
    with pytest.raises(ConfigError, match="not a file in the schema's folder"):
        build(write_schema(folder, schema_with("string.json")))


def test_refs_to_files_in_the_schemas_own_folder_work(tmp_path: Path) -> None:
    (tmp_path / "parts").mkdir()
    write_schema(tmp_path, {"$ref": "parts/text.json"}, "title.json")
    write_schema(tmp_path / "parts", {"type": "string", "minLength": 3}, "text.json")
    path = write_schema(tmp_path, {"type": "object", "required": ["title"], "properties": {"title": {"$ref": "title.json"}}})
    config = make_config(schema_path=path)
    assert not [f for f in lint_text(DOCUMENT, config) if f.code.startswith("M1")]
    found = [(f.code, f.message) for f in lint_text(front_matter(title="ab") + "\nText\n", config) if f.code.startswith("M1")]
    assert [code for code, _ in found] == ["M102"]  # the sibling's minLength applies


def test_an_invalid_schema_is_one_config_error(run_cli, corpus) -> None:
    root = corpus({
        "schema.json": json.dumps({"type": "object", "properties": {"title": {"type": "text"}}}),
        "pyproject.toml": "[tool.contentlint]\nschema = 'schema.json'\n",
        "a.md": DOCUMENT, "b.md": DOCUMENT,
    })
    result = run_cli("check", ".", cwd=root)
    assert result.code == 2 and "E999" not in result.out
    assert len(result.err.strip().splitlines()) == 1


# Each of these takes minutes with Python's `re` on a 40-character value; a linear-time engine
# answers at once. (No clock here: a regression shows as a test that does not finish.)
SLOW_VALUE = "a" * 40 + "!"


def test_a_catastrophic_pattern_on_a_value_is_an_m102(tmp_path: Path) -> None:
    path = write_schema(tmp_path, {"type": "object", "properties": {"code": {"type": "string", "pattern": "^(a+)+$"}}})
    found = [(f.code, f.message) for f in lint_text(front_matter(code=SLOW_VALUE) + "\nText\n", make_config(schema_path=path))
             if f.code.startswith("M1")]
    assert found == [("M102", f"`code` is '{SLOW_VALUE}', not in the expected form (pattern ^(a+)+$)")]


def test_a_catastrophic_pattern_on_keys(tmp_path: Path) -> None:
    path = write_schema(tmp_path, {
        "type": "object",
        "patternProperties": {"^(a+)+$": {"type": "integer"}},
        "propertyNames": {"pattern": "^(a|aa)+$|^[a-zA-Z]+$"},
        "additionalProperties": False,
    })
    found = [(f.code, f.field) for f in _problems(f"---\n{SLOW_VALUE}: 1\naaaa: text\n---\nText\n", path)]
    assert ("M103", SLOW_VALUE) in found
    assert ("M102", "aaaa") in found
    assert any(code == "M102" and field == "(front matter)" for code, field in found)  # propertyNames


def _problems(text: str, schema_path: Path) -> list:
    return schema_problems(parse_document(text), make_config(schema_path=schema_path))
