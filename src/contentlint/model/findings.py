"""The unit of output: one finding at one place in one file."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

from contentlint.model.fixes import Fix


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
    # Who owns the document's reviews (the mapped owner field), for the freshness findings.
    owner: str = ""
    # How to mend it, when the rule can (applied only with --fix, shown with --diff).
    fix: Fix | None = None


@dataclass(frozen=True)
class Finding:
    """Findings sort on every field (path, line, column, code, then message, severity, rule,
    subject and owner), so the output is the same bytes whatever the hash seed or the number of processes."""

    path: str
    line: int
    column: int
    code: str
    severity: Severity
    message: str
    rule: str
    subject: str = ""
    owner: str = ""  # not part of the fingerprint: a page that changes hands keeps its baseline
    # Not part of the fingerprint; the output shows it (JSON "fix", SARIF "fixes") when it has its places.
    fix: Fix | None = field(default=None, compare=False, repr=False)

    def sort_key(self) -> tuple[str, int, int, str, str, str, str, str, str]:
        return (
            self.path, self.line, self.column, self.code, self.message, self.severity.value, self.rule, self.subject,
            self.owner,
        )

    def __lt__(self, other: Finding) -> bool:
        return self.sort_key() < other.sort_key()

    def __le__(self, other: Finding) -> bool:
        return self.sort_key() <= other.sort_key()

    def __gt__(self, other: Finding) -> bool:
        return self.sort_key() > other.sort_key()

    def __ge__(self, other: Finding) -> bool:
        return self.sort_key() >= other.sort_key()

    def to_dict(self) -> dict[str, object]:
        shown: dict[str, object] = {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "code": self.code,
            "severity": self.severity.value,
            "rule": self.rule,
            "message": self.message,
        }
        if self.owner:  # optional: only where the config maps an owner field and the page sets it
            shown["owner"] = self.owner
        if self.fix is not None and self.fix.spans:  # optional: only where the rule can mend the finding
            shown["fix"] = self.fix.to_dict()
        return shown
