"""Fixes that the corpus passes give (L003's new address, L004 checked with --links): applied after
every document was linted and fixed, file by file, each fixed file linted again."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Iterator

from contentlint.document.reading import parse_document
from contentlint.engine.fixing import RawText, fix_failure, fix_text, unified_diff, write_atomically
from contentlint.model.findings import Finding
from contentlint.model.fixes import Span, to_edits
from contentlint.model.fixes import line_starts as text_line_starts
from contentlint.model.results import FileResult

if TYPE_CHECKING:
    from contentlint.engine.linter import Linter


def apply_pass_fixes(
    linter: Linter, findings: list[Finding], from_passes: list[Finding], places: dict[str, Path], diffs: dict[str, str],
) -> tuple[list[Finding], list[Finding], dict[str, int]]:
    """Apply the fixes that the corpus passes gave (L003, and L004 checked with --links), file by
    file, after every document was linted (and fixed). A fixed file is linted again: its document
    findings are the new ones; the pass findings it mended go, the others stay (moved along
    their line when an edit before them changed its length)."""
    wanted: dict[str, list[Finding]] = {}
    for finding in (*findings, *from_passes):
        if finding.fix is not None and not finding.fix.edits and linter.fixing.allows(finding.code, finding.fix):
            wanted.setdefault(finding.path, []).append(finding)
    more: dict[str, int] = {}
    relinted: dict[str, list[Finding]] = {}
    moved: dict[str, list[Span]] = {}
    done: set[int] = set()
    for shown, candidates in wanted.items():
        path = places.get(shown)
        if path is None:
            continue
        outcome = _fix_file(linter, path, shown, candidates)
        if isinstance(outcome, str):  # the file stays as it was, with its findings, and one more
            findings.append(linter.internal_finding(shown, outcome))
            continue
        if outcome is None:
            continue
        result, applied, diff, count = outcome
        more[shown] = count
        if diff:
            diffs[shown] = diff
        relinted[shown] = result.findings
        moved[shown] = [span for finding in applied if finding.fix for span in finding.fix.spans]
        done.update(id(finding) for finding in applied)
    if relinted:
        findings = [f for f in findings if f.path not in relinted]
        findings.extend(f for fresh in relinted.values() for f in fresh)
        from_passes = [_moved(f, moved[f.path]) if f.path in moved else f for f in from_passes if id(f) not in done]
    return findings, from_passes, more


def _fix_file(
    linter: Linter, path: Path, shown: str, candidates: list[Finding],
) -> tuple[FileResult, list[Finding], str, int] | str | None:
    """The file's new result, the findings mended, its diff (--diff) and how many fixes; None when
    none of the fixes fits the file any more, or a message when it cannot be fixed."""
    lint = lambda text: linter.check_document(parse_document(text, shown), path)
    try:
        on_disk = path.read_bytes()
        base = on_disk
        if linter.fixing.mode == "diff":  # the document fixes --fix would have written first
            raw = RawText(on_disk)
            base = fix_text(on_disk, lint, linter.fixing, lint(raw.normal())).data
        raw = RawText(base)
        text = raw.normal()
        starts = text_line_starts(text)
        applied, edits, last_end = [], [], -1
        # Where fixes overlap, the widest wins (a new address also mends its scheme).
        for finding, fix in sorted(((f, to_edits(f.fix, text, starts)) for f in candidates),
                                   key=lambda pair: (pair[1].start, -pair[1].end) if pair[1] else (-1, 0)):
            if fix is None or fix.start < last_end:
                continue
            applied.append(finding)
            edits.extend(fix.edits)
            last_end = fix.end
        if not applied:
            return None
        raw.apply(edits)
        fixed = fix_text(raw.encode(), lint, linter.fixing, lint(raw.normal()))
        if linter.fixing.mode == "diff":
            diff = unified_diff(shown, on_disk, fixed.data)
        else:
            write_atomically(path, fixed.data, base)
            diff = ""
    except Exception as error:  # an unwritable file, or a bug in a fix: the run goes on, the file is intact
        return fix_failure(error)
    return fixed.result, applied, diff, len(applied) + fixed.fixed


def remembered(files: Iterable[tuple[Path, str]], places: dict[str, Path]) -> Iterator[tuple[Path, str]]:
    """``files``, noting where each shown path is on disk (its corpus-pass fixes come after the run)."""
    for path, shown in files:
        places[shown] = path
        yield path, shown


def in_file_order(diffs: dict[str, str], places: dict[str, Path]) -> list[str]:
    """The diffs in file order (those of the corpus passes' fixes come after the run)."""
    if not places:
        return list(diffs.values())
    order = {shown: index for index, shown in enumerate(places)}
    return [diffs[shown] for shown in sorted(diffs, key=lambda shown: order.get(shown, len(order)))]


def _moved(finding: Finding, spans: list[Span]) -> Finding:
    """A finding after edits on its line: it (and its own fix) moves by what they added or removed before it."""

    def shift(line: int, column: int) -> int:
        return sum(len(s.content) - (s.end_column - s.column) for s in spans
                   if s.line == s.end_line == line and s.end_column <= column)

    column = finding.column + shift(finding.line, finding.column)
    fix = finding.fix
    if fix is not None and fix.spans:
        fix = dataclasses.replace(fix, spans=tuple(
            dataclasses.replace(s, column=s.column + shift(s.line, s.column),
                                end_column=s.end_column + shift(s.end_line, s.column)) if s.line == s.end_line else s
            for s in fix.spans))
    return dataclasses.replace(finding, column=column, fix=fix)
