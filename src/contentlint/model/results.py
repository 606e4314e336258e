"""What a run gives: per file, and for the whole run."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple

from contentlint import __version__
from contentlint.model.findings import Finding, Severity

if TYPE_CHECKING:
    from contentlint.engine.suppressions import Suppressions
    from contentlint.model.facts import DocumentFacts
    from contentlint.plugin import Rule


class Suppressed(NamedTuple):
    """A finding that a suppression comment in its document hides: for the audit report."""

    finding: Finding
    comment_line: int  # the line of the comment that hides it
    reason: str  # what the comment says after " -- " ("" when it gives no reason)


@dataclass
class RunResult:
    findings: list[Finding]
    files: int
    fail_on: Severity = Severity.ERROR
    version: str = __version__
    rules: dict[str, Rule] = field(default_factory=dict)
    # Extra figures for the summary (e.g. links checked), shown by reporters that want them.
    stats: dict[str, int] = field(default_factory=dict)
    # Display paths of the files checked, clean ones included (for reports with one entry per file).
    paths: list[str] = field(default_factory=list)
    # Per-document facts (title, source, next review) for audit reports, in file order.
    documents: list[DocumentFacts] = field(default_factory=list)
    # For audit reports: the findings that suppression comments hide, sorted.
    suppressed: list[Suppressed] = field(default_factory=list)
    # What --fix did and could do ("fixed", "fixed files", "fixable", "unsafe fixable"): for the text summary.
    fixes: dict[str, int] = field(default_factory=dict)
    # --diff: one unified diff per file that --fix would change, in file order.
    diffs: list[str] = field(default_factory=list)

    @property
    def errors(self) -> int:
        return sum(1 for f in self.findings if f.severity is Severity.ERROR)

    @property
    def warnings(self) -> int:
        return sum(1 for f in self.findings if f.severity is Severity.WARNING)

    @property
    def failed(self) -> bool:
        return any(f.severity.rank >= self.fail_on.rank for f in self.findings)


@dataclass(slots=True)  # one is kept per file for the corpus passes: keep it small
class FileResult:
    """What linting one file gives: its findings, and its summaries for the corpus passes."""

    findings: list[Finding]
    summaries: dict[str, object] = field(default_factory=dict)
    suppressions: Suppressions | None = None
    ignored: list[str] = field(default_factory=list)
    facts: DocumentFacts | None = None
    fixed: int = 0  # findings mended by --fix (or that --diff would mend)
    diff: str = ""  # --diff: what --fix would change in this file
    # For audit reports (kept only when facts are collected): the findings its comments hide.
    suppressed: list[Suppressed] = field(default_factory=list)
    # With the results cache: (path, state) of each file or folder on disk the result depends on.
    depends_on: tuple[tuple[str, object], ...] = ()
