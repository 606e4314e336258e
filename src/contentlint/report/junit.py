"""JUnit XML: one testsuite, one testcase per checked file.

A file with a finding at or above the failing severity (``--fail-on``) is a failure that lists its
findings; a file with only lower findings passes and lists them in ``system-out``, so the report
agrees with the exit code.

A file whose findings carry an owner (the mapped owner field, as in the CSV ``owner`` column and
SARIF ``properties.owner``) says so twice: as a testcase ``<property name="owner">``, which Jenkins'
JUnit plugin and test-management tools show, and as an ``owner:`` first line of the failure or
``system-out`` text, for consumers that show only that text (the strict XSDs, Jenkins xunit's
junit-10 and pytest's xunit2, allow properties on a testsuite only: a file only has them when
some finding names an owner).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import defaultdict
from typing import TYPE_CHECKING, TextIO

from contentlint.model.findings import Finding
from contentlint.report import ReportOptions, register
from contentlint.report.escape import xml_text

if TYPE_CHECKING:
    from contentlint.model.results import RunResult

def _line(finding: Finding) -> str:
    return (f"{xml_text(finding.path)}:{finding.line}:{finding.column}: {finding.code} [{finding.severity.value}] "
            f"{xml_text(finding.message)}")


def _owners(findings: list[Finding]) -> list[str]:
    return sorted({xml_text(f.owner) for f in findings if f.owner})


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def build_junit(result: RunResult) -> ET.Element:
    by_path: dict[str, list[Finding]] = defaultdict(list)
    for finding in result.findings:
        by_path[finding.path].append(finding)
    paths = sorted(set(result.paths) | set(by_path))
    failing = [p for p in paths if any(f.severity.rank >= result.fail_on.rank for f in by_path[p])]
    counts = {"tests": str(len(paths)), "failures": str(len(failing)), "errors": "0", "skipped": "0"}

    root = ET.Element("testsuites", {"name": "contentlint", **counts})
    suite = ET.SubElement(root, "testsuite", {"name": "contentlint", **counts})
    for path in paths:
        safe_path = xml_text(path)
        case = ET.SubElement(suite, "testcase", {"classname": "contentlint", "name": safe_path, "file": safe_path})
        findings = by_path[path]
        if not findings:
            continue
        owners = _owners(findings)
        if owners:  # properties come first in a testcase, before failure and system-out
            properties = ET.SubElement(case, "properties")
            for owner in owners:
                ET.SubElement(properties, "property", {"name": "owner", "value": owner})
        text = "\n".join([f"owner: {owner}" for owner in owners] + [_line(f) for f in findings])
        if path in failing:
            codes = ", ".join(sorted({f.code for f in findings}))
            summary = f"{_plural(len(findings), 'finding')}: {codes}"
            failure = ET.SubElement(case, "failure", {"message": summary, "type": "contentlint"})
            failure.text = text
        else:
            ET.SubElement(case, "system-out").text = text
    return root


@register("junit")
def report_junit(result: RunResult, stream: TextIO, options: ReportOptions) -> None:
    root = build_junit(result)
    ET.indent(root)
    stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    stream.write(ET.tostring(root, encoding="unicode"))
    stream.write("\n")
