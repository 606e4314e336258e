"""One JSON object: version, findings and a summary (the contract in DESIGN.md).

A finding that a fix can mend also has an optional "fix": {"applicability": "safe" or "unsafe",
"message", "edits": [{"line", "column", "end_line", "end_column", "content"}]}, where each edit
replaces the text from (line, column) up to (end_line, end_column), exclusive, with "content".
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, TextIO

from contentlint.report import ReportOptions, register
from contentlint.report.escape import unsurrogate

if TYPE_CHECKING:
    from contentlint.model.results import RunResult


def _safe(entry: object) -> object:
    """Valid UTF-8 JSON: an undecodable byte of a file name becomes ``\\xff`` (control characters
    need nothing: JSON escapes them)."""
    if isinstance(entry, str):
        return unsurrogate(entry)
    if isinstance(entry, dict):
        return {key: _safe(value) for key, value in entry.items()}
    if isinstance(entry, list):
        return [_safe(value) for value in entry]
    return entry


@register("json")
def report_json(result: RunResult, stream: TextIO, options: ReportOptions) -> None:
    payload = {
        "version": result.version,
        "findings": [_safe(finding.to_dict()) for finding in result.findings],
        "summary": {"files": result.files, "errors": result.errors, "warnings": result.warnings, **result.stats},
    }
    # One write: json.dump would write each of its (millions of) pieces on its own.
    stream.write(json.dumps(payload, indent=2, ensure_ascii=False) + "\n")
