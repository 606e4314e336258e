"""GitHub Actions workflow commands: one ``::error``/``::warning`` annotation per finding.

Escaping follows the workflow-command rules of the actions toolkit (see contentlint.report.escape):
in the message, ``%``, CR and LF are percent-encoded; in properties, ``:`` and ``,`` are too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from contentlint.model.findings import Severity
from contentlint.report import ReportOptions, register
from contentlint.report.escape import github_data as escape_data
from contentlint.report.escape import github_property as escape_property
from contentlint.report.text import summary_line

if TYPE_CHECKING:
    from contentlint.model.results import RunResult

__all__ = ["escape_data", "escape_property", "report_github"]


@register("github")
def report_github(result: RunResult, stream: TextIO, options: ReportOptions) -> None:
    for finding in result.findings:
        command = "error" if finding.severity is Severity.ERROR else "warning"
        properties = ",".join(
            f"{key}={escape_property(str(value))}"
            for key, value in (("file", finding.path), ("line", finding.line), ("col", finding.column), ("title", finding.code))
        )
        stream.write(f"::{command} {properties}::{escape_data(finding.message)}\n")
    if not options.quiet:
        stream.write(summary_line(result) + "\n")
