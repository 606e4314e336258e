"""files -> Document -> enabled rules -> suppressions -> sorted findings."""

from __future__ import annotations

import fnmatch
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from contentlint import __version__
from contentlint.engine.config import Config
from contentlint.document import Document, read_document
from contentlint.model.findings import Finding, Severity
from contentlint.plugin import CorpusPass, Rule, all_corpus_passes, all_rules, preparers_for
from contentlint.engine.suppressions import Suppressions, parse_suppressions

if TYPE_CHECKING:
    from contentlint.analysis.facts import DocumentFacts


def is_selected(code: str, select: list[str], ignore: list[str]) -> bool:
    """ruff's rule: the longest matching prefix decides; on a tie, ignore wins."""

    def best(prefixes: list[str]) -> int:
        lengths = [0 if p.upper() == "ALL" else len(p) for p in prefixes if p.upper() == "ALL" or code.startswith(p.upper())]
        return max(lengths, default=-1)

    chosen, dropped = best(select), best(ignore)
    return chosen >= 0 and chosen > dropped


def enabled_rules(config: Config) -> list[Rule]:
    select = list(config.select) + list(config.extend_select)
    return [
        rule
        for code, rule in all_rules().items()
        if is_selected(code, select, config.ignore) and (config.network or not rule.network)
    ]


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


class Linter:
    def __init__(self, config: Config, *, collect_facts: bool = False) -> None:
        self.config = config
        # Also gather each document's facts (for `contentlint report`) while it is open.
        self.collect_facts = collect_facts
        self.rules = enabled_rules(config)
        enabled = {r.code for r in self.rules}
        self.passes: list[CorpusPass] = [p for p in all_corpus_passes() if enabled.intersection(p.codes)]
        self._internal = all_rules()["E999"]

    def prepare(self) -> None:
        """Build now what the enabled rules would build on first use (the schema validator, the
        phrase automaton, the authority tables): worker processes forked afterwards share it."""
        for build in preparers_for(rule.code for rule in self.rules):
            build(self.config)

    def _ignored_by_path(self, display_path: str, absolute: Path | None) -> list[str]:
        if not self.config.per_file_ignores:
            return []
        candidates = [display_path]
        if absolute is not None:
            try:
                candidates.append(absolute.resolve().relative_to(self.config.root).as_posix())
            except (ValueError, OSError):
                pass
        codes: list[str] = []
        for pattern, prefixes in self.config.per_file_ignores.items():
            if any(fnmatch.fnmatchcase(c, pattern) or fnmatch.fnmatchcase(c, pattern.rstrip("/") + "/*") for c in candidates):
                codes.extend(p.upper() for p in prefixes)
        return codes

    def lint_document(self, document: Document, absolute: Path | None = None) -> list[Finding]:
        return self.check_document(document, absolute).findings

    def check_document(self, document: Document, absolute: Path | None = None) -> FileResult:
        findings: list[Finding] = []
        ignored = self._ignored_by_path(document.path, absolute)
        rules = [r for r in self.rules if not any(r.code.startswith(p) for p in ignored)] if ignored else self.rules
        if document.read_error is not None:
            rules = [r for r in rules if r.code == "E001"]
        for rule in rules:
            try:
                for violation in rule.check(document, self.config):
                    findings.append(self._finding(document.path, rule, violation.line, violation.column, violation.message, violation.subject))
            except Exception as error:  # a rule bug must not stop the run or hide other findings
                findings.append(
                    self._finding(document.path, self._internal, 1, 1, f"rule {rule.code} failed on this file: {type(error).__name__}: {error}")
                )
        summaries: dict[str, object] = {}
        if document.read_error is None:
            for corpus in self.passes:
                try:
                    summary = corpus.collect(document, self.config)
                except Exception as error:
                    findings.append(self._finding(document.path, self._internal, 1, 1, f"{corpus.name} failed on this file: {type(error).__name__}: {error}"))
                    continue
                if summary is not None:
                    summaries[corpus.name] = summary
        # Suppressions live in HTML comments: a document without "<" (a fast test) has none.
        text = document.text
        suppressions = parse_suppressions(text) if "<" in text and "contentlint-" in text else None
        if suppressions:
            findings = [f for f in findings if not suppressions.covers(f.line, f.code)]
        findings.sort()
        facts = self._facts(document) if self.collect_facts else None
        return FileResult(findings, summaries, suppressions or None, ignored, facts)

    def _facts(self, document: Document) -> DocumentFacts:
        from contentlint.analysis.facts import DocumentFacts, collect_facts

        try:
            return collect_facts(document, self.config)
        except Exception:  # the report still lists the document; its findings say what is wrong
            return _unreadable_facts(document.path)

    def _finding(self, path: str, rule: Rule, line: int, column: int, message: str, subject: str = "") -> Finding:
        severity = self.config.severity.get(rule.code, rule.severity)
        return Finding(path, max(line, 1), max(column, 1), rule.code, severity, message, rule.name, subject)

    def lint_file(self, path: Path, display_path: str) -> FileResult:
        try:
            document = read_document(path, display_path, self.config.max_file_bytes)
            return self.check_document(document, path)
        except Exception as error:  # a bug in reading must not stop the run for the other files
            message = f"contentlint failed on this file: {type(error).__name__}: {error}"
            facts = _unreadable_facts(display_path) if self.collect_facts else None
            return FileResult([self._finding(display_path, self._internal, 1, 1, message)], facts=facts)

    def finish_corpus(self, results: list[tuple[str, FileResult]]) -> list[Finding]:
        """Run the corpus passes over every file's summaries; apply the same ignores and suppressions."""
        findings: list[Finding] = []
        enabled = {r.code: r for r in self.rules}
        by_path = dict(results)
        for corpus in self.passes:
            summaries = [(path, r.summaries[corpus.name]) for path, r in results if corpus.name in r.summaries]
            for path, code, violation in corpus.finish(summaries, self.config):
                rule = enabled.get(code)
                if rule is None:
                    continue
                file_result = by_path.get(path)
                if file_result is not None:
                    if any(code.startswith(p) for p in file_result.ignored):
                        continue
                    if file_result.suppressions and file_result.suppressions.covers(violation.line, code):
                        continue
                findings.append(self._finding(path, rule, violation.line, violation.column, violation.message, violation.subject))
        return findings

    def run(self, files: Iterable[tuple[Path, str]], jobs: int = 1) -> RunResult:
        """Lint ``files`` (consumed lazily), in ``jobs`` processes when there are enough of them."""
        from contentlint.engine.parallel import lint_files

        findings: list[Finding] = []
        kept: list[tuple[str, FileResult]] = []
        documents: list[DocumentFacts] = []
        count = 0
        for shown, result in lint_files(self, files, jobs):
            count += 1
            findings.extend(result.findings)
            if result.facts is not None:
                documents.append(result.facts)
            if result.summaries:  # only what the corpus passes need; never the document
                result.findings, result.facts = [], None
                kept.append((shown, result))
        if self.passes:
            findings.extend(self.finish_corpus(kept))
        findings.sort()
        return RunResult(findings, count, self.config.fail_on, rules={r.code: r for r in self.rules}, documents=documents)


def _unreadable_facts(display_path: str) -> DocumentFacts:
    from contentlint.analysis.facts import DocumentFacts

    return DocumentFacts(display_path, display_path.rsplit("/", 1)[-1])
