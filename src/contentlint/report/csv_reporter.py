"""CSV with a header row, one finding a row, for spreadsheets and ad-hoc scripts. The last column,
``owner``, holds the review's owner (a mapped owner field, F findings) and is empty otherwise.

A cell that would start a spreadsheet formula (``=``, ``+``, ``-``, ``@``) gets a leading ``'``.
"""

from __future__ import annotations

import csv
from typing import TYPE_CHECKING, TextIO

from contentlint.engine.fingerprint import fingerprint
from contentlint.report import ReportOptions, register
from contentlint.report.escape import csv_cell

if TYPE_CHECKING:
    from contentlint.model.results import RunResult

COLUMNS = ["path", "line", "column", "code", "severity", "rule", "message", "fingerprint", "owner"]


@register("csv")
def report_csv(result: RunResult, stream: TextIO, options: ReportOptions) -> None:
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(COLUMNS)
    for finding in result.findings:
        writer.writerow([csv_cell(cell) for cell in (
            finding.path, finding.line, finding.column, finding.code, finding.severity.value,
            finding.rule, finding.message, fingerprint(finding), finding.owner,
        )])
