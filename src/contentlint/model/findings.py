"""The unit of output: one finding at one place in one file."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field


class Severity(str, enum.Enum):
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return 1 if self is Severity.WARNING else 2

    @classmethod
    def parse(cls, value: str) -> Severity:
        try:
            return cls(value.lower())
        except ValueError:
            raise ValueError(f"unknown severity {value!r}: use 'error' or 'warning'") from None


@dataclass(frozen=True)
class Violation:
    """What a rule yields: a place and a message. The linter adds the rest."""

    line: int
    column: int
    message: str
    # What the finding is about (a field name, a URL): keeps fingerprints stable across edits.
    subject: str = ""


@dataclass(frozen=True, order=True)
class Finding:
    path: str
    line: int
    column: int
    code: str
    severity: Severity = field(compare=False)
    message: str = field(compare=False)
    rule: str = field(compare=False)
    subject: str = field(default="", compare=False)

    def to_dict(self) -> dict[str, object]:
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "code": self.code,
            "severity": self.severity.value,
            "rule": self.rule,
            "message": self.message,
        }
