"""`path:line:col: CODE message`, then a summary line. Colour only when asked (a terminal); without
colour each line says `[error]` or `[warning]` after the code."""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from contentlint.model.findings import Severity
from contentlint.report import ReportOptions, register
from contentlint.report.escape import printable
from contentlint.report.source_lines import SourceLines, excerpt

if TYPE_CHECKING:
    from contentlint.model.results import RunResult

_RESET = "\033[0m"
_STYLES = {"path": "\033[1m", Severity.ERROR: "\033[1;31m", Severity.WARNING: "\033[1;33m", "dim": "\033[2m"}


def paint(text: str, style: object, color: bool) -> str:
    return f"{_STYLES[style]}{text}{_RESET}" if color else text


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def _baseline_note(result: RunResult) -> str:
    if "baselined" not in result.stats:
        return ""
    note = f" {_plural(result.stats['baselined'], 'finding')} suppressed by the baseline"
    stale = result.stats.get("stale", 0)
    if not stale:
        return note + "."
    return note + ("; 1 baseline entry no longer occurs." if stale == 1 else f"; {stale} baseline entries no longer occur.")


def _fix_note(result: RunResult) -> str:
    """What --fix did, or could do (as ruff says it): "Fixed 3 problems in 2 files." / "2 fixable with --fix"."""
    stats, notes = result.fixes, []
    if stats.get("fixed"):
        notes.append(f" Fixed {_plural(stats['fixed'], 'problem')} in {_plural(stats.get('fixed files', 0), 'file')}.")
    elif "fixed" in stats:
        notes.append(" Nothing to fix.")
    fixable = fixable_note(stats.get("fixable", 0), stats.get("unsafe fixable", 0))
    if fixable:
        notes.append(f" {fixable}.")
    return "".join(notes)


def fixable_note(fixable: int, hidden: int) -> str:
    """"[*] 2 fixable with --fix; 3 more with --fix --unsafe-fixes" (as fixing.counts gives them), or ""."""
    if not (fixable or hidden):
        return ""
    parts = [f"{fixable} fixable with --fix"] if fixable else []
    if hidden:
        parts.append(f"{hidden} {'more' if fixable else 'fixable'} with --fix --unsafe-fixes")
    return f"[*] {'; '.join(parts)}"


def summary_line(result: RunResult) -> str:
    if not result.findings:
        return f"All clear: {_plural(result.files, 'file')} checked, no findings." + _baseline_note(result) + _fix_note(result)
    return (
        f"Found {_plural(len(result.findings), 'problem')} "
        f"({_plural(result.errors, 'error')}, {_plural(result.warnings, 'warning')}) "
        f"in {_plural(len({f.path for f in result.findings}), 'file')}; {_plural(result.files, 'file')} checked."
    ) + _baseline_note(result) + _fix_note(result)


@register("text")
def report_text(result: RunResult, stream: TextIO, options: ReportOptions) -> None:
    color = options.color
    sources = SourceLines(options.sources) if options.show_source else None
    for finding in result.findings:
        location = paint(f"{printable(finding.path)}:{finding.line}:{finding.column}:", "path", color)
        code = paint(finding.code, finding.severity, color)
        # Without colour (CI logs, pipes, --color never) the severity is written out, as JUnit has it.
        severity = "" if color else f" [{finding.severity.value}]"
        stream.write(f"{location} {code}{severity} {printable(finding.message)}\n")
        if sources is not None:
            line = sources.line(finding.path, finding.line)
            if line is not None:
                shown = excerpt(finding, line)
                stream.write(f"{paint(shown.gutter, 'dim', color)}{shown.text}\n"
                             f"{paint(shown.blank, 'dim', color)}{shown.pad}{paint(shown.carets, finding.severity, color)}\n")
    if not options.quiet:
        stream.write(summary_line(result) + "\n")
