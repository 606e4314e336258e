"""files -> Document -> enabled rules -> suppressions -> sorted findings."""

from __future__ import annotations

import dataclasses
import fnmatch
from pathlib import Path
from typing import BinaryIO, Iterable

from contentlint.analysis.facts import collect_facts
from contentlint.analysis.fix_edits import line_starts
from contentlint.analysis.local_links import disk_paths
from contentlint.analysis.phrase_index import PHRASE_INDEX, Vocabulary
from contentlint.document import Document, ReadError
from contentlint.document.reading import decode, parse_document, read_document, read_stream_bytes
from contentlint.engine.discovery import outside_target
from contentlint.engine.fixing import fix_failure, fix_policy, fix_text, unified_diff, write_atomically
from contentlint.engine.parallel import lint_files, offline_per_document
from contentlint.engine.result_cache import dependencies, lint_cached, open_result_cache
from contentlint.engine.pass_fixes import apply_pass_fixes, in_file_order, remembered
from contentlint.engine.rule_set import (
    all_corpus_passes,
    all_rules,
    enabled_rules,
    resources_of,
)
from contentlint.engine.suppressions import Suppressions, comment_place, parse_suppressions
from contentlint.engine.unused_suppressions import UNUSED_SUPPRESSION, unused_suppressions
from contentlint.model.facts import DocumentFacts
from contentlint.model.findings import Finding, Violation
from contentlint.model.fixes import Fix, located
from contentlint.model.results import FileResult, RunResult, Suppressed
from contentlint.model.settings import Config
from contentlint.plugin import CorpusPass, Rule


def build_resources(config: Config, rules: list[Rule]) -> None:
    """Build what ``rules`` read, now: a bad setting (a broken schema, a missing data file) is a
    config error before any file is read, whatever the size of the run. The phrase index holds
    the strings those resources look for, and nothing for rules that are off."""
    keys: set[str] = set()
    for resource in resources_of(rules):
        keys.update(resource.search_keys(config.resource(resource)))
    if config.resources is None:
        config.resources = {}
    config.resources[PHRASE_INDEX] = Vocabulary(keys)


@dataclasses.dataclass
class GivenText:
    """A document that does not come from disk (standard input), checked as if it were the file at
    ``path``: its folder for relative links, its name for `per-file-ignores` and the kind of text.
    Nothing is written: with --fix, the mended bytes are kept in ``fixed``."""

    path: Path
    data: bytes | ReadError
    raw: bytes = b""  # the bytes read, as they came (the first of them when there were too many)
    fixed: bytes | None = None

    @classmethod
    def read(cls, path: Path, stream: BinaryIO, max_bytes: int) -> GivenText:
        """The document on ``stream``, read as a file at ``path`` would be (the same size limit)."""
        raw, error = read_stream_bytes(stream, max_bytes)
        return cls(path, error if error is not None else raw, raw)

    def output(self) -> bytes:
        """What --fix gives back: the mended document, or the input as it came."""
        return self.fixed if self.fixed is not None else self.raw

    def text(self) -> str:
        """The text the findings' lines point into ("" when it is not text)."""
        data = self.fixed if self.fixed is not None else self.data
        return (decode(data)[0] or "") if isinstance(data, bytes) else ""


class Linter:
    def __init__(
        self, config: Config, *, collect_facts: bool = False, keep_results: bool = False, given: GivenText | None = None,
    ) -> None:
        self.config = config
        # The document read from standard input, in place of the file at its path.
        self.given = given
        # Also gather each document's facts (for `contentlint report`) while it is open.
        self.collect_facts = collect_facts
        # Keep results between runs (engine/result_cache.py); each result then records the disk it read.
        self.keep_results = keep_results
        self.rules = enabled_rules(config)
        enabled = {r.code for r in self.rules}
        self.passes: list[CorpusPass] = [p for p in all_corpus_passes() if enabled.intersection((*p.codes, *p.amends))]
        self._internal = all_rules()["E999"]
        self.fixing = fix_policy(config)
        # With the results cache, built before the first document is checked: a run that reads
        # every result back needs none (a run with the same settings built them before).
        self.prepared = False
        if not keep_results:
            self.prepare()

    def prepare(self) -> None:
        """Build what the rules read (a bad setting is a config error here, before any check)."""
        if not self.prepared:
            build_resources(self.config, self.rules)
            self.prepared = True

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
        if not self.prepared:
            self.prepare()
        findings: list[Finding] = []
        ignored = self._ignored_by_path(document.path, absolute)
        rules = [r for r in self.rules if not any(r.code.startswith(p) for p in ignored)] if ignored else self.rules
        if document.read_error is not None:
            rules = [r for r in rules if r.code == "E001"]
        for rule in rules:
            if rule.check is None:  # reported by the linter itself or by a corpus pass
                continue
            try:
                for violation in rule.check(document, self.config):
                    findings.append(self._document_finding(document, rule, violation))
            except Exception as error:  # a rule bug must not stop the run or hide other findings
                findings.append(
                    self.internal_finding(document.path, f"rule {rule.code} failed on this file: {type(error).__name__}: {error}")
                )
        summaries: dict[str, object] = {}
        if document.read_error is None:
            for corpus in self.passes:
                try:
                    summary = corpus.collect(document, self.config)
                except Exception as error:
                    findings.append(self.internal_finding(document.path, f"{corpus.name} failed on this file: {type(error).__name__}: {error}"))
                    continue
                if summary is not None:
                    summaries[corpus.name] = summary
        # Suppressions live in HTML comments: a document without "<" (a fast test) has none.
        text = document.text
        suppressions = parse_suppressions(text, comment_place(document)) if "<" in text and "contentlint-" in text else None
        hidden: list[Suppressed] = []
        if suppressions:
            findings.extend(self._unused_suppressions(document, suppressions, findings, rules))
            findings = self._unsuppressed(findings, suppressions, hidden)
        findings.sort()
        facts = self._facts(document) if self.collect_facts else None
        return FileResult(findings, summaries, suppressions or None, ignored, facts, suppressed=hidden)

    def _unsuppressed(self, findings: list[Finding], suppressions: Suppressions, hidden: list[Suppressed]) -> list[Finding]:
        """``findings`` less those a comment suppresses; an audit report (facts collected) keeps
        those in ``hidden``, with the comment's line and reason."""
        kept = []
        for finding in findings:
            directive = suppressions.covering(finding.line, finding.code)
            if directive is None:
                kept.append(finding)
            elif self.collect_facts:
                hidden.append(Suppressed(finding, directive.line, directive.reason))
        return kept

    def _unused_suppressions(
        self, document: Document, suppressions: Suppressions, findings: list[Finding], rules: list[Rule]
    ) -> list[Finding]:
        """Q012 findings, when Q012 is on for the document and every rule ran to its end on it."""
        rule = next((r for r in rules if r.code == UNUSED_SUPPRESSION), None)
        if rule is None or any(f.code == self._internal.code for f in findings):
            return []
        ran = {r.code for r in rules if r.check is not None}
        violations = unused_suppressions(document, suppressions, findings, ran, all_rules())
        return [self._document_finding(document, rule, violation) for violation in violations]

    def _document_finding(self, document: Document, rule: Rule, violation: Violation) -> Finding:
        """The finding for a violation in ``document``, its fix's edits placed for the output."""
        fix = violation.fix
        if fix is not None and fix.edits and not fix.spans:
            fix = located(fix, document.text, line_starts(document))
        return self._finding(document.path, rule, violation.line, violation.column, violation.message,
                             violation.subject, violation.owner, fix)

    def _facts(self, document: Document) -> DocumentFacts:
        try:
            return collect_facts(document, self.config)
        except Exception:  # the report still lists the document; its findings say what is wrong
            return _unreadable_facts(document.path)

    def _finding(
        self, path: str, rule: Rule, line: int, column: int, message: str, subject: str = "", owner: str = "",
        fix: Fix | None = None,
    ) -> Finding:
        severity = self.config.severity.get(rule.code, rule.severity)
        return Finding(path, max(line, 1), max(column, 1), rule.code, severity, message, rule.name, subject, owner, fix)

    def lint_file(self, path: Path, display_path: str) -> FileResult:
        if self.given is not None and path == self.given.path:
            return self._lint_given(self.given, display_path)
        if not self.config.follow_links:
            target = outside_target(path, self.config.root)
            if target is not None:  # never read: its lines would be quoted in findings
                return self._not_followed(display_path, target)
        try:
            document = read_document(path, display_path, self.config.max_file_bytes)
            result = self.check_document(document, path)
        except Exception as error:  # a bug in reading must not stop the run for the other files
            return self.crashed(display_path, f"contentlint failed on this file: {type(error).__name__}: {error}")
        if self.fixing.mode and document.read_error is None and any(
            self.fixing.allows(f.code, f.fix) for f in result.findings
        ):
            return self._fix_file(path, display_path, result)
        if self.keep_results and document.read_error is None:
            result.depends_on = dependencies(disk_paths(document))
        return result

    def _lint_given(self, given: GivenText, display_path: str) -> FileResult:
        data = given.data
        try:
            if isinstance(data, ReadError):
                return self.check_document(Document(display_path, read_error=data), given.path)
            result = self.check_document(parse_document(data, display_path), given.path)
            if not (self.fixing.mode and any(self.fixing.allows(f.code, f.fix) for f in result.findings)):
                return result
            fixed = fix_text(data, lambda text: self.check_document(parse_document(text, display_path), given.path),
                             self.fixing, result)
        except Exception as error:  # a bug must not end the run with a traceback
            return self.crashed(display_path, f"contentlint failed on this input: {type(error).__name__}: {error}")
        given.fixed = fixed.data
        if fixed.data != data:
            fixed.result.fixed = fixed.fixed
            if self.fixing.mode == "diff":
                fixed.result.diff = unified_diff(display_path, data, fixed.data)
        return fixed.result

    def _fix_file(self, path: Path, display_path: str, first: FileResult) -> FileResult:
        """--fix writes the fixed document, --diff keeps its diff; a file that cannot be written
        keeps its findings, and one more says why."""
        try:
            data = path.read_bytes()
            fixed = fix_text(data, lambda text: self.check_document(parse_document(text, display_path), path),
                             self.fixing, first)
            if fixed.data == data:
                return fixed.result
            if self.fixing.mode == "diff":
                fixed.result.diff = unified_diff(display_path, data, fixed.data)
            else:
                write_atomically(path, fixed.data, data)
        except Exception as error:  # an unwritable file, or a bug in a fix: the run goes on, the file is intact
            first.findings.append(self.internal_finding(display_path, fix_failure(error)))
            return first
        fixed.result.fixed = fixed.fixed
        return fixed.result

    def _not_followed(self, display_path: str, target: str) -> FileResult:
        rule = next((r for r in self.rules if r.code == "E001"), None)
        message = (f"symbolic link to {target}, outside the project folder: not followed "
                   "(check it with --follow-links, or exclude it)")
        findings = [self._finding(display_path, rule, 1, 1, message, subject=target)] if rule is not None else []
        return FileResult(findings, facts=_unreadable_facts(display_path) if self.collect_facts else None)

    def internal_finding(self, display_path: str, message: str) -> Finding:
        """An E999 finding: something went wrong in contentlint itself, not in the document."""
        return self._finding(display_path, self._internal, 1, 1, message)

    def crashed(self, display_path: str, message: str) -> FileResult:
        """The result for a file that could not be checked: one E999 finding that says why."""
        facts = _unreadable_facts(display_path) if self.collect_facts else None
        return FileResult([self.internal_finding(display_path, message)], facts=facts)

    def finish_corpus(self, results: list[tuple[str, FileResult]], documents: list[Finding] | None = None) -> list[Finding]:
        """Run the corpus passes over every file's summaries; apply the same ignores and suppressions.
        A pass's fix for a document rule's finding (``CorpusPass.amends``) goes onto that finding in
        ``documents``, which is changed in place."""
        findings: list[Finding] = []
        enabled = {r.code: r for r in self.rules}
        by_path = dict(results)
        for corpus in self.passes:
            summaries = [(path, r.summaries[corpus.name]) for path, r in results if corpus.name in r.summaries]
            amendable = _index(documents, corpus.amends) if corpus.amends and documents else {}
            for path, code, violation in corpus.finish(summaries, self.config):
                if code in corpus.amends:
                    at = amendable.get((path, violation.line, violation.column, code, violation.subject))
                    if at is not None and violation.fix is not None and documents[at].fix is None:
                        documents[at] = dataclasses.replace(documents[at], fix=violation.fix)
                    continue
                rule = enabled.get(code)
                if rule is None:
                    continue
                file_result = by_path.get(path)
                if file_result is not None:
                    if any(code.startswith(p) for p in file_result.ignored):
                        continue
                    directive = file_result.suppressions.covering(violation.line, code) if file_result.suppressions else None
                    if directive is not None:
                        if self.collect_facts:
                            hidden = self._finding(path, rule, violation.line, violation.column, violation.message,
                                                   violation.subject)
                            file_result.suppressed.append(Suppressed(hidden, directive.line, directive.reason))
                        continue
                findings.append(self._finding(path, rule, violation.line, violation.column, violation.message,
                                              violation.subject, fix=violation.fix))
        return findings

    def run(self, files: Iterable[tuple[Path, str]], jobs: int = 1) -> RunResult:
        """Lint ``files`` (consumed lazily), in ``jobs`` processes when there are enough of them."""
        findings: list[Finding] = []
        kept: list[tuple[str, FileResult]] = []
        suppressed: list[Suppressed] = []
        documents: list[DocumentFacts] = []
        diffs: dict[str, str] = {}
        fixed_paths: set[str] = set()
        count = fixed = 0
        places: dict[str, Path] = {}
        if self.fixing.mode and self.passes and self.given is None:  # a corpus pass's fixes are applied after the run
            files = remembered(files, places)
        cache = None
        if self.keep_results and not self.fixing.mode and self.given is None and offline_per_document(self):
            cache = open_result_cache(self.config, self.collect_facts, [r.code for r in self.rules])
        if cache is None:  # a config error must stop the run here, not become a finding on each file
            self.prepare()
        stream = lint_files(self, files, jobs) if cache is None else lint_cached(cache, self, files, jobs)
        for shown, result in stream:
            count += 1
            findings.extend(result.findings)
            if result.fixed:
                fixed += result.fixed
                fixed_paths.add(shown)
                if result.diff:
                    diffs[shown] = result.diff
                    result.diff = ""
            if result.facts is not None:
                documents.append(result.facts)
            if result.summaries:  # only what the corpus passes need; never the document
                result.findings, result.facts = [], None
                kept.append((shown, result))
            else:
                suppressed.extend(result.suppressed)
        if self.passes:
            from_passes = self.finish_corpus(kept, findings)
            if places:
                findings, from_passes, more = apply_pass_fixes(self, findings, from_passes, places, diffs)
                fixed += sum(more.values())
                fixed_paths.update(more)
            findings.extend(from_passes)
        findings.sort()
        for _shown, result in kept:  # the corpus passes may have added to theirs
            suppressed.extend(result.suppressed)
        run = RunResult(findings, count, self.config.fail_on, rules={r.code: r for r in self.rules}, documents=documents,
                        diffs=in_file_order(diffs, places), suppressed=sorted(suppressed))
        if self.fixing.mode:
            run.fixes.update({"fixed": fixed, "fixed files": len(fixed_paths)})
        return run


def _index(findings: list[Finding], codes: tuple[str, ...]) -> dict[tuple[str, int, int, str, str], int]:
    return {(f.path, f.line, f.column, f.code, f.subject): i for i, f in enumerate(findings) if f.code in codes}


def _unreadable_facts(display_path: str) -> DocumentFacts:
    return DocumentFacts(display_path, display_path.rsplit("/", 1)[-1])
