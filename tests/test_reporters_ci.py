"""CI output formats, each read back by a real consumer: SARIF schema, junitparser, csv, GitHub rules."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
from junitparser import JUnitXml

from conftest import front_matter, PROSE
from contentlint import report as reporters
from contentlint.model.findings import Finding, Severity
from contentlint.model.results import RunResult
from contentlint.engine.rule_set import all_rules
from contentlint.report.github import escape_data, escape_property
from contentlint.report.sarif import FINGERPRINT_KEY, build_sarif

DATA = Path(__file__).parent / "data"
TODAY = "2026-11-22"
CLEAN = front_matter() + "\n# Radiotherapy\n\n" + PROSE + "\n"
OVERDUE = front_matter(
    title="Radiotherapy for lung cancer", url="https://www.cancer.gov/overdue-page", lastReviewed="'2020-01-01'", colour="red"
) + "\n# Radiotherapy\n\n" + PROSE + "\n"
DUE_SOON = front_matter(
    title="Chemotherapy at home", url="https://www.cancer.gov/due-soon-page", lastReviewed="'2026-09-01'", reviewFrequency="quarterly"
) + "\n# A\n\n" + PROSE + "\n"
NO_FRONT_MATTER = "Plain notes, no front matter, no review date.\n\nWritten by the ward team.\n\n" + PROSE + "\n"
CORPUS = {
    "docs/b overdue.md": OVERDUE,
    "docs/a-clean.md": CLEAN,
    "docs/c-soon.md": DUE_SOON,
    "notes/plain.txt": NO_FRONT_MATTER,
}
FORMATS = ["text", "json", "sarif", "github", "gitlab", "junit", "csv"]


def sarif_validator() -> jsonschema.protocols.Validator:
    schema = json.loads((DATA / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def check(run_cli, root: Path, *args: str):
    return run_cli("check", ".", "--today", TODAY, *args, cwd=root)


def finding(path: str = "a.md", line: int = 1, code: str = "F001", message: str = "review overdue by 3 days",
            severity: Severity = Severity.ERROR, subject: str = "") -> Finding:
    return Finding(path, line, 1, code, severity, message, "rule-name", subject)


# SARIF

def test_sarif_validates_against_the_official_schema(run_cli, corpus) -> None:
    root = corpus(CORPUS)
    result = check(run_cli, root, "--format", "sarif")
    assert result.code == 1
    log = json.loads(result.out)
    sarif_validator().validate(log)
    run = log["runs"][0]
    assert log["version"] == "2.1.0"
    assert {r["ruleId"] for r in run["results"]} == {"F001", "F004", "M001", "M103", "F002"}



REPEATED = "Chemotherapy can make you feel tired for some weeks after treatment ends."
FIXABLE = front_matter(audiencelevel="patient", audienceLevel=None) + (
    "\n# Radiotherapy\n\nSee [PubMed](http://www.ncbi.nlm.nih.gov/pubmed/1) and [a shop](http://example.org/buy).\n\n"
    f"{REPEATED}\n{REPEATED}\n\n# Radiotherapy - site\n\n" + PROSE + "\n"
)


def test_sarif_fixes_validate_against_the_official_schema(run_cli, corpus) -> None:
    root = corpus({"docs/fixable.md": FIXABLE})
    log = json.loads(check(run_cli, root, "--format", "sarif", "--select", "L004,M103,Q004,Q005").out)
    sarif_validator().validate(log)
    fixes = {r["ruleId"]: r["fixes"] for r in log["runs"][0]["results"] if "fixes" in r}
    assert len([r for r in log["runs"][0]["results"] if "fixes" in r]) == 4
    assert sorted(fixes) == ["L004", "M103", "Q004", "Q005"]
    assert {code: f[0]["properties"]["applicability"] for code, f in fixes.items()} == {
        "L004": "safe", "M103": "safe", "Q004": "safe", "Q005": "unsafe"}
    lines = FIXABLE.split("\n")
    repeat = lines.index(REPEATED) + 2  # the second copy goes, with its line ending
    [change] = fixes["Q004"][0]["artifactChanges"]
    assert change["artifactLocation"] == {"uri": "docs/fixable.md", "uriBaseId": "%SRCROOT%"}
    assert change["replacements"] == [{
        "deletedRegion": {"startLine": repeat, "startColumn": 1, "endLine": repeat + 1, "endColumn": 1},
        "insertedContent": {"text": ""},
    }]
    # Without a fix (a host not known to serve https), a result has no "fixes" at all.
    shop = [r for r in log["runs"][0]["results"] if "example.org" in r["message"]["text"]]
    assert len(shop) == 1 and "fixes" not in shop[0]

def test_sarif_rules_carry_their_help_text(run_cli, corpus) -> None:
    log = json.loads(check(run_cli, corpus(CORPUS), "--format", "sarif").out)
    driver = log["runs"][0]["tool"]["driver"]
    rules = {rule["id"]: rule for rule in driver["rules"]}
    for code, rule in all_rules().items():
        if rule.network:
            continue
        assert rules[code]["help"]["text"] == rule.documentation
        assert rules[code]["shortDescription"]["text"] == rule.summary
        assert rules[code]["defaultConfiguration"]["level"] == rule.severity.value
    for result in log["runs"][0]["results"]:
        assert driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"]


def test_sarif_locations_are_relative_uris(run_cli, corpus) -> None:
    log = json.loads(check(run_cli, corpus(CORPUS), "--format", "sarif").out)
    locations = [r["locations"][0]["physicalLocation"] for r in log["runs"][0]["results"]]
    first = locations[0]
    assert first["artifactLocation"] == {"uri": "docs/b%20overdue.md", "uriBaseId": "%SRCROOT%"}
    assert first["region"]["startLine"] >= 1 and first["region"]["startColumn"] == 1


def test_sarif_fingerprints_survive_edits_above_and_a_new_day(run_cli, corpus) -> None:
    root = corpus(CORPUS)

    def prints(today: str) -> dict[tuple[str, str], str]:
        log = json.loads(run_cli("check", ".", "--today", today, "--format", "sarif", cwd=root).out)
        return {
            (r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], r["ruleId"]):
                r["partialFingerprints"][FINGERPRINT_KEY]
            for r in log["runs"][0]["results"]
        }

    before = prints(TODAY)
    moved = OVERDUE.replace("title:", "audienceLevel: patient\ntags: [a]\ntitle:", 1)
    (root / "docs/b overdue.md").write_text(moved, encoding="utf-8")
    after = prints("2026-12-05")  # the overdue message now says a different number of days
    assert before[("docs/b%20overdue.md", "F001")] == after[("docs/b%20overdue.md", "F001")]
    assert before[("docs/b%20overdue.md", "M103")] == after[("docs/b%20overdue.md", "M103")]
    assert len(set(before.values())) == len(before)


def test_sarif_identical_findings_get_distinct_fingerprints() -> None:
    findings = [finding(line=3, code="Q001", subject="TODO"), finding(line=9, code="Q001", subject="TODO")]
    log = build_sarif(RunResult(findings, 1))
    prints = [r["partialFingerprints"][FINGERPRINT_KEY] for r in log["runs"][0]["results"]]
    assert prints[0].endswith(":1") and prints[1].endswith(":2")
    assert prints[0].split(":")[0] == prints[1].split(":")[0]


def test_sarif_caps_results_errors_first_with_a_notification() -> None:
    findings = sorted(
        [finding(path=f"d{i:02}.md", code="F002", severity=Severity.WARNING, message="due soon") for i in range(6)]
        + [finding(path=f"d{i:02}.md", code="F001") for i in range(0, 6, 2)]
    )
    log = build_sarif(RunResult(findings, 6), limit=5)
    sarif_validator().validate(log)
    results = log["runs"][0]["results"]
    assert len(results) == 5
    assert [r["level"] for r in results].count("error") == 3
    paths = [r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results]
    assert paths == sorted(paths)
    note = log["runs"][0]["invocations"][0]["toolExecutionNotifications"][0]
    assert "9 findings; only 5" in note["message"]["text"]


def test_sarif_default_cap_is_within_code_scanning_limits() -> None:
    from contentlint.report.sarif import MAX_RESULTS

    assert MAX_RESULTS <= 25_000


def test_sarif_for_a_clean_run_is_valid(run_cli, corpus) -> None:
    result = check(run_cli, corpus({"a.md": CLEAN}), "--format", "sarif")
    assert result.code == 0
    log = json.loads(result.out)
    sarif_validator().validate(log)
    assert log["runs"][0]["results"] == []


# GitHub workflow commands

def test_github_annotations(run_cli, corpus) -> None:
    result = check(run_cli, corpus(CORPUS), "--format", "github")
    lines = result.out.splitlines()
    assert lines[0].startswith("::error file=docs/b overdue.md,line=6,col=1,title=F001::review overdue by ")
    assert "::warning file=docs/b overdue.md,line=10,col=1,title=M103::field `colour` is not in the schema" in lines
    assert any(line.startswith("::warning file=docs/c-soon.md,") and "title=F002" in line for line in lines)
    assert lines[-1].startswith("Found 5 problems")


def test_github_escaping() -> None:
    assert escape_data("50% done\r\nnext") == "50%25 done%0D%0Anext"
    assert escape_property("a,b:c%.md") == "a%2Cb%3Ac%25.md"
    out = io.StringIO()
    result = RunResult([finding(path="x,y:z.md", message="line one\nline two: 100%")], 1)
    reporters.get("github")(result, out, reporters.ReportOptions(quiet=True))
    assert out.getvalue() == "::error file=x%2Cy%3Az.md,line=1,col=1,title=F001::line one%0Aline two: 100%25\n"


def test_github_is_the_default_under_github_actions(run_cli, corpus, monkeypatch) -> None:
    root = corpus(CORPUS)
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    assert check(run_cli, root).out.startswith("::error file=")
    assert check(run_cli, root, "--format", "text").out.startswith("docs/b overdue.md:6:1: F001")
    check(run_cli, root, "-o", "report.txt")
    assert (root / "report.txt").read_text().startswith("docs/b overdue.md:6:1: F001")


# JUnit

def test_junit_one_testcase_per_file(run_cli, corpus) -> None:
    root = corpus(CORPUS)
    result = check(run_cli, root, "--format", "junit", "-o", "junit.xml")
    assert result.code == 1
    xml = JUnitXml.fromfile(str(root / "junit.xml"))
    cases = {case.name: case for suite in xml for case in suite}
    assert sorted(cases) == sorted(CORPUS)
    assert cases["docs/a-clean.md"].is_passed
    assert cases["docs/c-soon.md"].is_passed  # warnings only: passes, as the exit code does
    assert "F002" in cases["docs/c-soon.md"].system_out
    overdue = cases["docs/b overdue.md"]
    assert not overdue.is_passed
    failure = overdue.result[0]
    assert "F001" in failure.message and "M103" in failure.message
    assert "docs/b overdue.md:6:1: F001 [error] review overdue" in failure.text
    suite = next(iter(xml))
    assert (suite.tests, suite.failures, suite.errors) == (4, 2, 0)


def test_junit_fail_on_warning_marks_warning_files_failed(run_cli, corpus) -> None:
    root = corpus(CORPUS)
    check(run_cli, root, "--format", "junit", "--fail-on", "warning", "-o", "junit.xml")
    cases = {case.name: case for suite in JUnitXml.fromfile(str(root / "junit.xml")) for case in suite}
    assert not cases["docs/c-soon.md"].is_passed and cases["docs/a-clean.md"].is_passed


def test_junit_survives_characters_xml_cannot_hold(tmp_path: Path) -> None:
    result = RunResult([finding(message="control \x01 and \x1b[31m here")], 1, paths=["a.md"])
    target = tmp_path / "out.xml"
    with open(target, "w", encoding="utf-8") as stream:
        reporters.get("junit")(result, stream, reporters.ReportOptions())
    case = next(iter(next(iter(JUnitXml.fromfile(str(target))))))
    assert "control \\x01 and \\x1b[31m here" in case.result[0].text  # shown, as in the text output


TECH_DOCS = '[fields]\npreset = "tech-docs"\n'
NO_OWNER_FIELD = '[fields]\nlast-reviewed = "last_reviewed_on"\nreview-cycle = "review_in"\n'


def runbook(reviewed: str, owner: str | None) -> str:
    owner_line = "" if owner is None else f"owner_slack: {json.dumps(owner)}\n"
    return (f"---\ntitle: Restore a database backup\nlast_reviewed_on: {reviewed}\nreview_in: 6 months\n{owner_line}---\n"
            "\n# Restore a database backup\n\n" + PROSE + "\n")


@pytest.mark.parametrize(
    "config, page, result_tag, owners",
    [
        (TECH_DOCS, runbook("2026-01-01", "#team-platform"), "failure", ["#team-platform"]),  # F001: fails
        (TECH_DOCS, runbook("2026-06-01", "#team-platform"), "system-out", ["#team-platform"]),  # F002 only: passes
        (TECH_DOCS, runbook("2026-01-01", "#team <sre> & co"), "failure", ["#team <sre> & co"]),  # markup, escaped
        (TECH_DOCS, runbook("2026-01-01", None), "failure", []),  # the page names no owner
        (NO_OWNER_FIELD, runbook("2026-01-01", "#team-platform"), "failure", []),  # no owner field mapped
    ],
    ids=["overdue", "due-soon", "markup", "no-owner", "owner-not-mapped"],
)
def test_junit_carries_the_owner(run_cli, corpus, config: str, page: str, result_tag: str, owners: list[str]) -> None:
    root = corpus({".contentlint.toml": config, "runbook.md": page})
    assert check(run_cli, root, "--format", "junit", "-o", "junit.xml").code == (1 if result_tag == "failure" else 0)
    (case,) = ET.parse(root / "junit.xml").getroot().iter("testcase")
    # Properties first, as the schemas that allow them on a testcase order them; then the result.
    assert [child.tag for child in case] == (["properties"] if owners else []) + [result_tag]
    assert [(p.get("name"), p.get("value")) for p in case.iter("property")] == [("owner", o) for o in owners]
    lines = case.find(result_tag).text.split("\n")
    assert [line for line in lines if line.startswith("owner: ")] == [f"owner: {o}" for o in owners]
    assert lines[0].startswith("owner: ") == bool(owners) and "review " in lines[-1]
    (parsed,) = (c for suite in JUnitXml.fromfile(str(root / "junit.xml")) for c in suite)  # junitparser reads it too
    assert parsed.is_passed == (result_tag == "system-out")


# CSV

def test_csv_reads_back_with_dictreader(run_cli, corpus) -> None:
    root = corpus(CORPUS)
    rows = list(csv.DictReader(io.StringIO(check(run_cli, root, "--format", "csv").out)))
    expected = json.loads(check(run_cli, root, "--format", "json").out)["findings"]
    assert list(rows[0]) == ["path", "line", "column", "code", "severity", "rule", "message", "fingerprint", "owner"]
    assert [{k: v for k, v in row.items() if k != "fingerprint" and (k != "owner" or v)} for row in rows] == [
        {k: str(v) for k, v in f.items()} for f in expected
    ]
    assert all(len(row["fingerprint"]) == 32 for row in rows)


def test_csv_quotes_commas_quotes_and_newlines() -> None:
    out = io.StringIO()
    message = 'says "Get Quote", then\na second line'
    reporters.get("csv")(RunResult([finding(path="a,b.md", message=message)], 1), out, reporters.ReportOptions())
    (row,) = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert row["path"] == "a,b.md" and row["message"] == message


# Every format

@pytest.mark.parametrize("output_format", FORMATS)
def test_output_is_byte_for_byte_deterministic(run_cli, corpus, output_format) -> None:
    root = corpus(CORPUS)
    first = check(run_cli, root, "--format", output_format, "-o", "one.out")
    second = check(run_cli, root, "--format", output_format, "-o", "two.out")
    assert first.code == second.code == 1
    assert (root / "one.out").read_bytes() == (root / "two.out").read_bytes()
    assert check(run_cli, root, "--format", output_format).out == check(run_cli, root, "--format", output_format).out


def test_findings_are_ordered_by_path_line_column_code(run_cli, corpus) -> None:
    rows = list(csv.DictReader(io.StringIO(check(run_cli, corpus(CORPUS), "--format", "csv").out)))
    keys = [(r["path"], int(r["line"]), int(r["column"]), r["code"]) for r in rows]
    assert keys == sorted(keys)


def test_text_piped_to_a_file_has_no_colour(corpus, tmp_path: Path) -> None:
    root = corpus(CORPUS)
    env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "GITHUB_ACTIONS")}
    target = tmp_path / "report.txt"
    with open(target, "wb") as stream:
        done = subprocess.run([sys.executable, "-m", "contentlint", "check", ".", "--today", TODAY],
                              cwd=root, stdout=stream, stderr=subprocess.PIPE, env=env, timeout=60)
    assert done.returncode == 1, done.stderr
    text = target.read_text(encoding="utf-8")
    assert "F001" in text and "\033[" not in text
    forced = subprocess.run([sys.executable, "-m", "contentlint", "check", ".", "--today", TODAY, "--color", "always"],
                            cwd=root, capture_output=True, text=True, env=env, timeout=60)
    assert "\033[" in forced.stdout


def test_the_example_corpus_in_every_machine_format(run_cli, tmp_path: Path) -> None:
    examples = str(Path(__file__).resolve().parent.parent / "examples")
    for output_format in ("sarif", "junit", "csv"):
        target = tmp_path / f"out.{output_format}"
        assert run_cli("check", examples, "--today", TODAY, "--format", output_format, "-o", str(target)).code == 1
    sarif_validator().validate(json.loads((tmp_path / "out.sarif").read_text(encoding="utf-8")))
    cases = [case for suite in JUnitXml.fromfile(str(tmp_path / "out.junit")) for case in suite]
    assert len(cases) == len(list(Path(examples).iterdir()))
    with open(tmp_path / "out.csv", newline="", encoding="utf-8") as handle:
        assert {row["code"] for row in csv.DictReader(handle)} >= {"E001", "M001", "F001"}
