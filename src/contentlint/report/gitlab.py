"""GitLab Code Quality (``artifacts:reports:codequality``): a JSON array of Code Climate issues.

GitLab checks each issue against its schema (description, fingerprint, severity, location with a
path and a begin line) and stops reading the report at the first one that fails, so every finding
here has all of them. It keys issues by fingerprint: two with the same one show as one, and a
merge request lists as new those whose fingerprint the target branch's report lacks. So each
fingerprint is the SARIF one (contentlint.engine.fingerprint: rule, path and subject, no line
number, then ``:n`` counting equal findings), stable when lines are added above a finding and
unique within the report.

Paths are as the run shows them, as in the other formats: relative to the working directory, with
forward slashes (a file outside it keeps its ``../`` path, as in SARIF). Run the check from the
repository root, the job's starting directory, so that GitLab can place each finding in its file.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TextIO

from contentlint.engine.fingerprint import numbered_fingerprints
from contentlint.engine.rule_set import all_rules
from contentlint.model.findings import Finding, Severity
from contentlint.report import ReportOptions, register
from contentlint.report.escape import unsurrogate
from contentlint.report.json_text import json_text

if TYPE_CHECKING:
    from contentlint.model.results import RunResult
    from contentlint.plugin import Rule

ENGINE = "contentlint"
# GitLab ranks blocker, critical, major, minor, info: errors (which fail the run) come above warnings
# in the merge request widget, and neither claims the top ranks meant for a build-breaking defect.
SEVERITIES = {Severity.ERROR: "major", Severity.WARNING: "minor"}
# The Code Climate spec asks for at least one category; GitLab does not read it. Each finding is a
# defect in a page a patient may read, so "Bug Risk" is the nearest of the spec's fixed list.
CATEGORIES = ["Bug Risk"]


def _issue(finding: Finding, fingerprint: str, rules: dict[str, Rule]) -> dict[str, Any]:
    rule = rules.get(finding.code)
    point = {"line": finding.line, "column": finding.column}
    return {
        "type": "issue",
        "check_name": finding.code,
        # GitLab shows the description but not check_name, so the code leads it, as in the text output.
        "description": f"{finding.code} {unsurrogate(finding.message)}",
        # GitLab's merge-request diff renders content.body as Markdown without checking that content
        # is there (codequality_mr_diff.rb): the rule's summary, our own text, never the document's.
        "content": {"body": (rule.summary if rule is not None else "") or finding.rule},
        "categories": CATEGORIES,
        "severity": SEVERITIES[finding.severity],
        "fingerprint": fingerprint,
        "engine_name": ENGINE,
        "location": {"path": unsurrogate(finding.path), "positions": {"begin": point, "end": point}},
    }


def build_gitlab(result: RunResult) -> list[dict[str, Any]]:
    """The Code Quality report: one issue per finding, in report order."""
    rules = {**all_rules(), **result.rules}
    fingerprints = numbered_fingerprints(result.findings)
    return [_issue(finding, fingerprint, rules)
            for finding, fingerprint in zip(result.findings, fingerprints, strict=True)]


@register("gitlab")
def report_gitlab(result: RunResult, stream: TextIO, options: ReportOptions) -> None:
    stream.write(json_text(build_gitlab(result)) + "\n")
