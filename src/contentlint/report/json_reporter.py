"""One JSON object: version, findings and a summary (the contract in DESIGN.md).

A finding that a fix can mend also has an optional "fix": {"applicability": "safe" or "unsafe",
"message", "edits": [{"line", "column", "end_line", "end_column", "content"}]}, where each edit
replaces the text from (line, column) up to (end_line, end_column), exclusive, with "content".
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from contentlint.report import ReportOptions, register
from contentlint.report.json_text import json_text

if TYPE_CHECKING:
    from contentlint.model.results import RunResult


@register("json")
def report_json(result: RunResult, stream: TextIO, options: ReportOptions) -> None:
    payload = {
        "version": result.version,
        "findings": [finding.to_dict() for finding in result.findings],
        "summary": {"files": result.files, "errors": result.errors, "warnings": result.warnings, **result.stats},
    }
    stream.write(json_text(payload) + "\n")  # text that is not valid UTF-8 is made so there
