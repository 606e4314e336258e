"""`check --statistics`: how often each rule fires, as ruff's `--statistics` shows it.

Text: one row per rule with findings (count, code, severity, rule name and what --fix and
--fix --unsafe-fixes would mend), most findings first, then the usual summary line. JSON: a list
of {"code", "name", "severity", "count", "fixable", "unsafe_fixable"} in the same order.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, TextIO

from contentlint.engine.fixing import FixPolicy, counts
from contentlint.model.findings import Severity
from contentlint.report import ReportOptions
from contentlint.report.escape import printable
from contentlint.report.json_text import json_text
from contentlint.report.text import fixable_note, paint, summary_line

if TYPE_CHECKING:
    from contentlint.model.findings import Finding
    from contentlint.model.results import RunResult

FORMATS = ("text", "json")
_SEVERITY_WIDTH = max(len(severity.value) for severity in Severity)


@dataclass(frozen=True)
class RuleCount:
    code: str
    name: str
    severity: str
    count: int
    fixable: int  # mended by --fix (with --unsafe-fixes given, the unsafe fixes too)
    unsafe_fixable: int  # mended only when --unsafe-fixes is added


def rule_counts(findings: list[Finding], policy: FixPolicy) -> list[RuleCount]:
    """One entry per code that has findings, by count (most first), then code."""
    by_code: dict[str, list[Finding]] = {}
    for finding in findings:
        by_code.setdefault(finding.code, []).append(finding)
    rows = []
    for code, group in by_code.items():
        fixes = counts(group, policy)  # the same counts as the summary line's "[*] … fixable"
        # A code's severity is one for the whole run (the rule's, or `severity` in config).
        rows.append(RuleCount(code, group[0].rule, group[0].severity.value, len(group), fixes["fixable"],
                              fixes["unsafe fixable"]))
    return sorted(rows, key=lambda row: (-row.count, row.code))


def write_statistics(policy: FixPolicy, output_format: str, result: RunResult, stream: TextIO,
                     options: ReportOptions) -> None:
    """Called as a reporter once the policy and the format are given (functools.partial)."""
    rows = rule_counts(result.findings, policy)
    if output_format == "json":
        payload = [asdict(row) for row in rows]  # json_text makes any text valid UTF-8
        stream.write(json_text(payload) + "\n")
        return
    count_width = max((len(str(row.count)) for row in rows), default=0)
    code_width = max((len(printable(row.code)) for row in rows), default=0)
    name_width = max((len(printable(row.name)) for row in rows), default=0)
    for row in rows:
        code = paint(printable(row.code).ljust(code_width), Severity(row.severity), options.color)
        note = fixable_note(row.fixable, row.unsafe_fixable)
        name = printable(row.name)
        line = (f"{row.count:>{count_width}}  {code}  {row.severity:<{_SEVERITY_WIDTH}}  "
                f"{name.ljust(name_width) if note else name}")
        stream.write(f"{line}  {note}\n" if note else f"{line}\n")
    if not options.quiet:
        stream.write(summary_line(result) + "\n")
