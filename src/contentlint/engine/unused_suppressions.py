"""Suppression comments that suppress nothing (Q012), judged after a document's rules have run.

A code in a comment is judged only when every rule it can name ran on the document: a per-document
rule, enabled, not ignored for the file. A code that can name a corpus-wide or network rule (Q009,
L001-L003, L009: their findings come after the document's) or a rule left out of this run is not
judged, so a comment is never called unused because this run could not see what it suppresses.
A code that names no rule at all suppresses nothing in any run.
"""

from __future__ import annotations

from typing import Collection, Iterable, Iterator

from contentlint.analysis.fix_edits import body_start, line_starts
from contentlint.analysis.structure import document_structure
from contentlint.document import Document
from contentlint.engine.suppressions import ALL, BLOCK, Directive, Suppressions
from contentlint.model.findings import Finding, Violation
from contentlint.model.fixes import Edit, Fix

UNUSED_SUPPRESSION = "Q012"


def unused_suppressions(
    document: Document,
    suppressions: Suppressions,
    findings: Iterable[Finding],
    ran: Collection[str],
    known: Collection[str],
) -> Iterator[Violation]:
    """A violation for each comment in ``suppressions`` with codes that suppress nothing among
    ``findings`` (the document's, before suppression). ``ran``: the codes of the rules that ran on
    the document; ``known``: every rule code."""
    placed = [(f.line, f.code) for f in findings]
    for index, directive in enumerate(suppressions.directives):
        if directive.codes == ALL or not is_comment(document, directive.start):
            continue
        ranges = suppressions.ranges_of(index)
        unused: list[int] = []  # positions in directive.codes
        reasons: list[str] = []
        for position, code in enumerate(directive.codes):
            names = [rule for rule in known if rule.startswith(code)]
            if not names:
                unused.append(position)
                reasons.append(f"{code} is no rule code")
                continue
            if not all(rule in ran for rule in names):
                continue
            spans = [(first, last) for first, last, codes in ranges if code in codes]
            if not spans:
                continue  # a second `disable` of a block already open: not this comment's to judge
            if not any(
                found.startswith(code) and first <= line and (last is None or line <= last)
                for line, found in placed
                for first, last in spans
            ):
                unused.append(position)
                reasons.append(f"no {code} finding {_where(directive, spans)}")
        if unused:
            yield _violation(document, directive, unused, reasons)


def is_comment(document: Document, offset: int) -> bool:
    """Whether the suppression comment at text ``offset`` is an HTML comment of the document, not
    text inside code (an example of the syntax). Front matter and plain-text bodies have no code."""
    start = body_start(document)
    view = document_structure(document)
    if offset < start or view.plain:
        return True
    at = offset - start
    return any(comment.start <= at < comment.end for comment in view.html_comments)


def _where(directive: Directive, spans: list[tuple[int, int | None]]) -> str:
    if directive.verb == "disable-next-line":
        return f"on line {directive.line + 1}"
    if directive.verb == "disable-line":
        return "on this line"
    if directive.verb == "disable-file":
        return "in this file"
    first, last = spans[0]
    return f"from line {first} to the end of the file" if last is None else f"from line {first} to line {last}"


def _violation(document: Document, directive: Directive, unused: list[int], reasons: list[str]) -> Violation:
    text = document.text
    comment = text[directive.start:directive.end]
    column = directive.start - line_starts(document)[directive.line - 1] + 1
    detail = "; ".join(reasons)
    if len(unused) == len(directive.codes):
        message = f"suppression comment suppresses nothing ({detail}): delete it"
        fix = None if directive.verb == BLOCK else Fix(_deletion(document, directive), "delete the suppression comment")
    else:
        names = " ".join(directive.codes[i] for i in unused)
        pronoun = "it" if len(unused) == 1 else "them"
        message = f"{names} in this suppression comment {'suppresses' if len(unused) == 1 else 'suppress'} nothing ({detail}): remove {pronoun} from the comment"
        fix = None if directive.verb == BLOCK else Fix(_code_removal(text, directive, unused), f"remove {names} from the comment")
    return Violation(directive.line, column, message, subject=comment, fix=fix)


def _deletion(document: Document, directive: Directive) -> tuple[Edit, ...]:
    """Delete the comment. Alone on its line, the line goes too, but a line between two lines of text
    stays, blank: the comment kept them apart as blocks, and so must the fix."""
    lines = document.text.split("\n")
    index = directive.line - 1
    line_start = line_starts(document)[index]
    row = lines[index]
    before, after = row[:directive.start - line_start], row[directive.end - line_start:]
    if before.strip() or after.strip():
        return (Edit(line_start + len(before.rstrip(" \t")), directive.end),)
    line_end = line_start + len(row)
    if 0 < index < len(lines) - 1 and lines[index - 1].strip() and lines[index + 1].strip():
        return (Edit(line_start, line_end),)
    return (Edit(line_start, min(line_end + 1, len(document.text))),)


def _code_removal(text: str, directive: Directive, unused: list[int]) -> tuple[Edit, ...]:
    """Rewrite the comment's list of codes without the unused ones."""
    spans = directive.code_spans
    kept = " ".join(text[start:end] for position, (start, end) in enumerate(spans) if position not in unused)
    start = text.find("contentlint-", directive.start) + len("contentlint-") + len(directive.verb)
    return (Edit(start, spans[-1][1], " " + kept),)
