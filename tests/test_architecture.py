"""The shape of the package: config errors before any file is read, resources built only for the
rules that run, rules found by discovery, and no contentlint import hidden inside a function."""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Callable

import pytest

import contentlint
import contentlint.rules
from conftest import CLEAN_FRONT_MATTER, PROSE, make_config
from contentlint.analysis.authority import AUTHORITY
from contentlint.analysis.phrase_index import PHRASE_INDEX
from contentlint.analysis.schema import METADATA_SCHEMA
from contentlint.engine.linter import Linter
from contentlint.engine.rule_set import all_rules
from contentlint.plugin import registered_rules

PACKAGE = Path(contentlint.__file__).parent

BROKEN_SETTINGS = {
    "broken schema": ('[tool.contentlint]\nschema = "schema.json"\n', "cannot load metadata schema"),
    "missing authority data": ('[tool.contentlint.authority]\ndata = "missing.toml"\n', "missing.toml"),
    "bad option value": ('[tool.contentlint.quality]\nmin-words = "ten"\n', "min-words"),
    "unknown option": ('[tool.contentlint.quality]\nmin-wrods = 3\n', "did you mean `min-words`"),
}


@pytest.mark.parametrize("files", [1, 1000], ids=["one file", "a thousand files"])
@pytest.mark.parametrize("jobs", ["1", "2"])
@pytest.mark.parametrize("case", sorted(BROKEN_SETTINGS))
def test_a_bad_setting_is_one_config_error_whatever_the_run(
    case: str, jobs: str, files: int, tmp_path: Path, run_cli: Callable
) -> None:
    pyproject, expected = BROKEN_SETTINGS[case]
    (tmp_path / "pyproject.toml").write_text(pyproject, encoding="utf-8")
    (tmp_path / "schema.json").write_text('{"type": "object", "properties": {', encoding="utf-8")
    docs = tmp_path / "docs"
    docs.mkdir()
    for index in range(files):
        (docs / f"page-{index}.md").write_text(CLEAN_FRONT_MATTER + PROSE + "\n", encoding="utf-8")
    result = run_cli("check", "docs", "--jobs", jobs, cwd=tmp_path)
    assert result.code == 2
    assert result.out == ""
    assert result.err.count("\n") == 1 and result.err.startswith("contentlint: config error:")
    assert expected in result.err


def test_a_freshness_run_builds_nothing_for_the_other_families() -> None:
    config = make_config(select=["F"])
    Linter(config)
    assert config.resources is not None
    assert AUTHORITY not in config.resources and METADATA_SCHEMA not in config.resources
    keys = config.resources[PHRASE_INDEX].known
    assert "revi" in keys  # the review-date label words
    assert "get quote" not in keys and "lorem ipsum" not in keys


def test_a_full_run_builds_every_resource_its_rules_use() -> None:
    config = make_config()
    Linter(config)
    assert config.resources is not None
    used = {resource for rule in all_rules().values() if not rule.network for resource in rule.uses}
    assert used and used <= set(config.resources)
    assert "lorem ipsum" in config.resources[PHRASE_INDEX].known


def test_every_rule_module_is_found_without_a_list() -> None:
    source = (PACKAGE / "rules" / "__init__.py").read_text(encoding="utf-8")
    assert isinstance(ast.parse(source).body[0], ast.Expr)
    assert ast.parse(source).body[1:] == []  # a docstring only
    modules = {path for path in (PACKAGE / "rules").glob("*.py") if path.stem != "__init__"}
    for path in modules:  # each registers a rule, or a code that a corpus pass reports
        assert "@rule(" in path.read_text(encoding="utf-8") or "reported_code(" in path.read_text(encoding="utf-8")
    checks = {rule.check.__module__.rsplit(".", 1)[-1] for rule in all_rules().values() if rule.check is not None}
    assert checks <= {path.stem for path in modules}
    assert registered_rules() == all_rules()


def _imports_inside_functions(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for function in ast.walk(tree):
        if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        for node in ast.walk(function):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("contentlint"):
                found.append(f"{path.relative_to(PACKAGE)}:{node.lineno} {node.module}")
            elif isinstance(node, ast.Import) and any(a.name.startswith("contentlint") for a in node.names):
                found.append(f"{path.relative_to(PACKAGE)}:{node.lineno}")
    return found


# Deferred because they bring a heavy third-party stack that offline runs never need.
DEFERRED = {"contentlint.net.checker", "contentlint.report.calendar"}


def test_no_contentlint_import_inside_a_function() -> None:
    found = [
        place
        for path in sorted(PACKAGE.rglob("*.py"))
        for place in _imports_inside_functions(path)
        if place.rsplit(" ", 1)[-1] not in DEFERRED
    ]
    assert found == []
