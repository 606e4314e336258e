"""One JSON object: version, findings and a summary (the contract in DESIGN.md)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, TextIO

from contentlint.report import ReportOptions, register
from contentlint.report.escape import unsurrogate

if TYPE_CHECKING:
    from contentlint.model.results import RunResult


def _safe(entry: dict[str, object]) -> dict[str, object]:
    """Valid UTF-8 JSON: an undecodable byte of a file name becomes ``\\xff`` (control characters
    need nothing: JSON escapes them)."""
    return {key: unsurrogate(value) if isinstance(value, str) else value for key, value in entry.items()}


@register("json")
def report_json(result: RunResult, stream: TextIO, options: ReportOptions) -> None:
    payload = {
        "version": result.version,
        "findings": [_safe(finding.to_dict()) for finding in result.findings],
        "summary": {"files": result.files, "errors": result.errors, "warnings": result.warnings, **result.stats},
    }
    json.dump(payload, stream, indent=2, ensure_ascii=False)
    stream.write("\n")
