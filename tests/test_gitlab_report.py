"""`--format gitlab`: GitLab Code Quality, read back as GitLab reads it.

GitLab validates each issue against its codeclimate.json schema and stops at the first invalid one,
then keys the issues by fingerprint (two with one fingerprint show as one). SCHEMA states what it
asks, a little stricter where its docs are (the five severities, a path relative to the repository).
"""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

import contentlint.engine.linter as linter_module
from conftest import PROSE, front_matter
from contentlint.report.sarif import FINGERPRINT_KEY

TODAY = "2026-12-05"
SCHEMA = {
    "type": "array",
    "items": {
        "type": "object",
        "required": ["description", "fingerprint", "severity", "location", "check_name"],
        "properties": {
            "description": {"type": "string", "minLength": 1},
            "fingerprint": {"type": "string", "minLength": 1},
            "severity": {"enum": ["info", "minor", "major", "critical", "blocker"]},
            "check_name": {"type": "string", "pattern": "^[A-Z][0-9]{3}$"},
            "location": {
                "type": "object",
                "required": ["path"],
                "properties": {"path": {"type": "string", "minLength": 1, "not": {"pattern": r"^(\./|/)"}}},
                # GitLab reads lines.begin, or else positions.begin.line.
                "anyOf": [
                    {"required": ["lines"], "properties": {"lines": {
                        "type": "object", "required": ["begin"], "properties": {"begin": {"type": "integer", "minimum": 1}}}}},
                    {"required": ["positions"], "properties": {"positions": {
                        "type": "object", "required": ["begin"], "properties": {"begin": {
                            "type": "object", "required": ["line"],
                            "properties": {"line": {"type": "integer", "minimum": 1}}}}}}},
                ],
            },
        },
    },
}

LINK = "http://www.cancer.gov/trials"
CLEAN = front_matter() + "\n# Radiotherapy\n\n" + PROSE + "\n"
OVERDUE_WITH_HTTP = front_matter(lastReviewed="'2020-01-01'") + "\n# Radiotherapy\n\n" + PROSE + f"\n\nMore at [trials]({LINK}).\n"
SAME_LINK_TWICE = CLEAN + f"\nSee [trials]({LINK}) and [the same trials]({LINK}).\n"
LATIN_1 = "---\ntitle: Caf\xe9\n---\n".encode("latin-1")
SAME_URL = front_matter(url="https://www.cancer.gov/same") + "\n# Radiotherapy\n\n" + PROSE + "\n"


def validate(issues: object) -> None:
    jsonschema.Draft202012Validator(SCHEMA).validate(issues)


def gitlab(run_cli, root: Path, *paths: str) -> list[dict]:
    run = run_cli("check", *(paths or (".",)), "--today", TODAY, "--format", "gitlab", "-o", "gl.json", cwd=root)
    assert run.code in (0, 1), run.err
    return json.loads((root / "gl.json").read_text(encoding="utf-8"))


def test_the_schema_rejects_what_gitlab_would() -> None:
    good = {"description": "F001 overdue", "fingerprint": "f:1", "severity": "major", "check_name": "F001",
            "location": {"path": "docs/a.md", "positions": {"begin": {"line": 3, "column": 1}}}}
    validate([good])
    for broken in ({**good, "severity": "error"}, {**good, "location": {"path": "./docs/a.md", "lines": {"begin": 1}}},
                   {**good, "location": {"path": "docs/a.md"}}, {**good, "location": {"path": "docs/a.md", "lines": {"begin": "3"}}},
                   {key: value for key, value in good.items() if key != "fingerprint"}):
        with pytest.raises(jsonschema.ValidationError):
            validate([broken])


# Each case: the documents, a file whose check fails inside contentlint (E999), and the issues
# expected as (path, check_name, severity, line).
CASES = {
    "an error and a warning": (
        {"a.md": OVERDUE_WITH_HTTP}, None,
        {("a.md", "F001", "major", 6), ("a.md", "L004", "minor", 16)}),
    "the same link twice in one page": (
        {"a.md": SAME_LINK_TWICE}, None,
        {("a.md", "L004", "minor", 16)}),
    "a nested path": (
        {"docs/guides/a.md": OVERDUE_WITH_HTTP, "docs/clean.md": CLEAN.replace("breast", "lung")}, None,
        {("docs/guides/a.md", "F001", "major", 6), ("docs/guides/a.md", "L004", "minor", 16)}),
    "a file that is not UTF-8": (
        {"latin1.md": LATIN_1, "clean.md": CLEAN}, None,
        {("latin1.md", "E001", "major", 2)}),  # the line of the first byte that is not UTF-8
    "a check that fails inside contentlint": (
        {"broken.md": CLEAN, "clean.md": CLEAN.replace("breast", "lung")}, "broken.md",
        {("broken.md", "E999", "major", 1)}),
    "a corpus pass (duplicates)": (
        {"one.md": SAME_URL, "two.md": SAME_URL}, None,
        {("two.md", "Q009", "minor", 3)}),
}


@pytest.mark.parametrize(("files", "failing", "expected"), list(CASES.values()), ids=list(CASES))
def test_every_finding_is_an_issue_gitlab_keeps(run_cli, corpus, monkeypatch, files, failing, expected) -> None:
    if failing is not None:
        read = linter_module.read_document

        def fail_on(path, display_path, *args):
            if display_path == failing:
                raise RuntimeError("simulated failure")
            return read(path, display_path, *args)

        monkeypatch.setattr(linter_module, "read_document", fail_on)
    root = corpus(files)
    issues = gitlab(run_cli, root)
    validate(issues)
    found = {(i["location"]["path"], i["check_name"], i["severity"], i["location"]["positions"]["begin"]["line"])
             for i in issues}
    assert found == expected
    fingerprints = [issue["fingerprint"] for issue in issues]
    assert len(set(fingerprints)) == len(fingerprints)  # none collapses into another
    text = json.loads(run_cli("check", ".", "--today", TODAY, "--format", "json", cwd=root).out)
    assert len(issues) == len(text["findings"])  # every finding, once
    assert [i["description"] for i in issues] == [f"{f['code']} {f['message']}" for f in text["findings"]]


def test_a_clean_run_writes_an_empty_array(run_cli, corpus) -> None:
    root = corpus({"a.md": CLEAN, "docs/b.md": CLEAN.replace("breast", "lung")})
    gitlab(run_cli, root)
    assert (root / "gl.json").read_text(encoding="utf-8") == "[]\n"


def test_fingerprints_stay_when_lines_are_added_above(run_cli, corpus) -> None:
    root = corpus({"a.md": SAME_LINK_TWICE})
    before = gitlab(run_cli, root)
    (root / "a.md").write_text(SAME_LINK_TWICE.replace(PROSE, PROSE + "\n\nA new paragraph.\n\nAnd another."), encoding="utf-8")
    after = gitlab(run_cli, root)
    lines = [[i["location"]["positions"]["begin"]["line"] for i in run] for run in (before, after)]
    assert lines == [[16, 16], [20, 20]]  # the findings moved down ...
    assert [i["fingerprint"] for i in after] == [i["fingerprint"] for i in before]  # ... and kept their identity


def test_fingerprints_are_those_of_sarif(run_cli, corpus) -> None:
    root = corpus({"a.md": SAME_LINK_TWICE, "b.md": OVERDUE_WITH_HTTP})
    issues = gitlab(run_cli, root)
    sarif = json.loads(run_cli("check", ".", "--today", TODAY, "--format", "sarif", cwd=root).out)
    assert [i["fingerprint"] for i in issues] == [
        r["partialFingerprints"][FINGERPRINT_KEY] for r in sarif["runs"][0]["results"]]


def test_a_path_outside_the_working_directory_stays_as_given(run_cli, corpus) -> None:
    root = corpus({"site/a.md": OVERDUE_WITH_HTTP, "here/clean.md": CLEAN.replace("breast", "lung")})
    issues = gitlab(run_cli, root / "here", "../site/a.md", ".")
    assert {issue["location"]["path"] for issue in issues} == {"../site/a.md"}  # as in SARIF and the text output
    validate(issues)
