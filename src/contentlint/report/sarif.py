"""SARIF 2.1.0 for code scanning (GitHub, Azure DevOps, IDE viewers).

Paths are relative URIs against ``%SRCROOT%``; each result carries a ``partialFingerprints`` entry
built from the rule, the path and the finding's subject (see contentlint.engine.fingerprint), so an alert
keeps its identity when lines are added above it. A finding that a fix can mend carries it as
SARIF ``fixes`` (its ``properties.applicability`` says "safe" or "unsafe", as --unsafe-fixes means it).
"""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Any, TextIO
from urllib.parse import quote

from contentlint.engine.fingerprint import numbered_fingerprints
from contentlint.engine.rule_set import all_rules
from contentlint.model.findings import Finding, Severity
from contentlint.model.fixes import Fix
from contentlint.report import ReportOptions, register
from contentlint.report.escape import path_bytes, unsurrogate
from contentlint.report.json_text import json_text

if TYPE_CHECKING:
    from contentlint.model.results import RunResult
    from contentlint.plugin import Rule

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
SRCROOT = "%SRCROOT%"
FINGERPRINT_KEY = "contentlintFingerprint/v1"
# GitHub code scanning rejects a run with more than 25,000 results (and shows the top 5,000 by severity).
MAX_RESULTS = 25_000


def _first_paragraph(documentation: str) -> str:
    return " ".join(documentation.split("\n\n", 1)[0].split())


def _rule_descriptor(rule: Rule) -> dict[str, Any]:
    documentation = rule.documentation or rule.summary or rule.name
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary or rule.name},
        "fullDescription": {"text": _first_paragraph(documentation)},
        "help": {"text": documentation, "markdown": documentation},
        "defaultConfiguration": {"level": rule.severity.value},
        "properties": {"tags": [rule.family] + (["network"] if rule.network else [])},
    }


def _location(path: str) -> dict[str, Any]:
    # The URI names the file's own bytes, so a name that is not UTF-8 stays the same file.
    uri = quote(path_bytes(path), safe="/")
    if PurePosixPath(path).is_absolute():
        return {"uri": "file://" + uri}
    return {"uri": uri, "uriBaseId": SRCROOT}


def _fix(path: str, fix: Fix) -> dict[str, Any]:
    """A SARIF fix: the replacements in the finding's file (regions end before endColumn, as ours do)."""
    replacements = [{
        "deletedRegion": {"startLine": span.line, "startColumn": span.column,
                          "endLine": span.end_line, "endColumn": span.end_column},
        "insertedContent": {"text": unsurrogate(span.content)},
    } for span in fix.spans]
    return {
        "description": {"text": unsurrogate(fix.description)},
        "artifactChanges": [{"artifactLocation": _location(path), "replacements": replacements}],
        "properties": {"applicability": fix.applicability},
    }


def _kept(findings: list[Finding], limit: int) -> list[Finding]:
    """At most ``limit`` findings, errors first, then in report order."""
    if len(findings) <= limit:
        return findings
    ranked = sorted(range(len(findings)), key=lambda i: (-findings[i].severity.rank, i))
    return [findings[i] for i in sorted(ranked[:limit])]


def build_sarif(result: RunResult, limit: int = MAX_RESULTS) -> dict[str, Any]:
    """The SARIF log as a dict (one run)."""

    known = all_rules()
    rules = dict(result.rules) if result.rules else dict(known)
    for finding in result.findings:  # a result must point at a rule the driver lists
        if finding.code not in rules and finding.code in known:
            rules[finding.code] = known[finding.code]
    ordered = sorted(rules.values(), key=lambda r: r.code)
    index = {rule.code: i for i, rule in enumerate(ordered)}

    kept = _kept(result.findings, limit)
    fingerprints = numbered_fingerprints(kept)
    results = []
    for finding, fingerprint in zip(kept, fingerprints, strict=True):
        entry: dict[str, Any] = {"ruleId": finding.code}
        if finding.code in index:
            entry["ruleIndex"] = index[finding.code]
        entry.update({
            "level": "error" if finding.severity is Severity.ERROR else "warning",
            "message": {"text": unsurrogate(finding.message)},
            "locations": [{
                "physicalLocation": {
                    "artifactLocation": _location(finding.path),
                    "region": {"startLine": finding.line, "startColumn": finding.column},
                }
            }],
            "partialFingerprints": {FINGERPRINT_KEY: fingerprint},
        })
        if finding.owner:  # who reviews the page (a mapped owner field): code scanning can filter on it
            entry["properties"] = {"owner": unsurrogate(finding.owner)}
        if finding.fix is not None and finding.fix.spans:
            entry["fixes"] = [_fix(finding.path, finding.fix)]
        results.append(entry)

    invocation: dict[str, Any] = {"executionSuccessful": True}
    dropped = len(result.findings) - len(kept)
    if dropped:
        invocation["toolExecutionNotifications"] = [{
            "level": "warning",
            "descriptor": {"id": "results-truncated"},
            "message": {"text": (
                f"{len(result.findings)} findings; only {len(kept)} are in this file (errors first) because "
                f"code scanning accepts at most {limit} results per run. Fix or baseline the rest, "
                "or split the corpus with --shard."
            )},
        }]
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "contentlint",
                "version": result.version,
                "semanticVersion": result.version,
                "rules": [_rule_descriptor(rule) for rule in ordered],
            }},
            "invocations": [invocation],
            "columnKind": "unicodeCodePoints",
            "results": results,
            "properties": {"files": result.files, "truncated": dropped},
        }],
    }


@register("sarif")
def report_sarif(result: RunResult, stream: TextIO, options: ReportOptions) -> None:
    stream.write(json_text(build_sarif(result)) + "\n")
