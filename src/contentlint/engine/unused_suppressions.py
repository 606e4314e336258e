"""Suppression comments that suppress nothing (Q012), judged after a document's rules have run.

A code in a comment is judged only when every rule it can name ran on the document: a per-document
rule, enabled, not ignored for the file. A code that can name a corpus-wide or network rule (Q009,
L001-L003, L009, L014: their findings come after the document's) or a rule left out of this run
is not judged, so a comment is never called unused because this run could not see what it
suppresses.
A code that names no rule at all suppresses nothing in any run (a rule's name is pointed to its
code), and neither does a comment written in the front matter, nor one that begins as a directive
but cannot be read as one.
"""

from __future__ import annotations

import bisect
import difflib
import re
from typing import Collection, Iterable, Iterator, Mapping

from contentlint.analysis.fix_edits import line_starts, line_text, opens_front_matter
from contentlint.document import Document
from contentlint.engine.suppressions import ALL, BLOCK, Directive, Suppressions
from contentlint.model.findings import Finding, Violation
from contentlint.model.fixes import Edit, Fix
from contentlint.plugin import Rule

UNUSED_SUPPRESSION = "Q012"
_IN_FRONT_MATTER = ("suppression comment in the front matter suppresses nothing: only comments below the front matter "
                    "do; move it there")


def unused_suppressions(
    document: Document,
    suppressions: Suppressions,
    findings: Iterable[Finding],
    ran: Collection[str],
    known: Mapping[str, Rule],
) -> Iterator[Violation]:
    """A violation for each comment in ``suppressions`` with codes that suppress nothing among
    ``findings`` (the document's, before suppression). ``ran``: the codes of the rules that ran on
    the document; ``known``: every rule, by code."""
    lines_by_code: dict[str, list[int]] = {}
    for finding in findings:
        lines_by_code.setdefault(finding.code, []).append(finding.line)
    for lines in lines_by_code.values():
        lines.sort()
    for directive in suppressions.inert:
        yield Violation(directive.line, _column(document, directive), _IN_FRONT_MATTER,
                        subject=document.text[directive.start:directive.end])
    for line, start, end in suppressions.unreadable:
        comment = document.text[start:end]
        yield Violation(line, start - document.text.rfind("\n", 0, start), _unreadable(comment), subject=comment)
    by_name = {rule.name: code for code, rule in known.items()}
    for directive in suppressions.directives:
        if directive.codes == ALL:
            continue
        unused: list[int] = []  # positions in directive.codes
        reasons: list[str] = []
        renamed = False  # a rule's name stands for a code: what the comment was meant to do is known
        for position, code in enumerate(directive.codes):
            names = [rule for rule in known if rule.startswith(code)]
            if not names:
                unused.append(position)
                named = by_name.get(code.lower())
                renamed = renamed or named is not None
                reasons.append(f"{code} is no rule code" if named is None else
                               f"`{code.lower()}` is the name of {named}, and comments take codes")
                continue
            reach = directive.reach.get(code)
            if reach is None or not all(rule in ran for rule in names):
                continue  # a block of the code was open already, or a rule it names did not run
            if not any(_found_in(lines, *reach) for found, lines in lines_by_code.items() if found.startswith(code)):
                unused.append(position)
                reasons.append(f"no {code} finding {_where(directive, reach)}")
        if unused:
            yield _violation(document, directive, unused, reasons, renamed)


_VERBS = ("disable-next-line", "disable-line", "disable-file", "disable", "enable")
_VERB = re.compile(r"<!--\s*contentlint-([\w-]*)")


def _unreadable(comment: str) -> str:
    """What is wrong with a comment that begins as a directive but cannot be read as one."""
    match = _VERB.match(comment)
    verb = match.group(1) if match is not None else ""
    if verb in _VERBS:
        what = "write its codes after the directive, separated by spaces or commas, and a reason after ` -- `"
    else:
        hint = difflib.get_close_matches(verb.lower(), _VERBS, n=1)
        what = f"`contentlint-{verb}` is no directive; " + (
            f"did you mean `contentlint-{hint[0]}`?" if hint else
            "use disable-next-line, disable-line, disable-file, or disable and enable")
    return f"suppression comment cannot be read, so it suppresses nothing: {what}"


def _found_in(lines: list[int], first: int, last: int | None) -> bool:
    """Whether any of the sorted ``lines`` lies from ``first`` to ``last`` (None: the end of the file)."""
    at = bisect.bisect_left(lines, first)
    return at < len(lines) and (last is None or lines[at] <= last)


def _where(directive: Directive, reach: tuple[int, int | None]) -> str:
    if directive.verb == "disable-next-line":
        return f"on line {directive.line + 1}"
    if directive.verb == "disable-line":
        return "on this line"
    if directive.verb == "disable-file":
        return "in this file"
    first, last = reach
    return f"from line {first} to the end of the file" if last is None else f"from line {first} to line {last}"


def _violation(document: Document, directive: Directive, unused: list[int], reasons: list[str],
               renamed: bool) -> Violation:
    text = document.text
    comment = text[directive.start:directive.end]
    column = _column(document, directive)
    detail = "; ".join(reasons)
    whole = len(unused) == len(directive.codes)
    names = " ".join(text[slice(*directive.code_spans[i])] for i in unused)
    subject = "suppression comment suppresses" if whole else (
        f"{names} in this suppression comment {'suppresses' if len(unused) == 1 else 'suppress'}")
    if renamed:  # meant to suppress: not deleted, the editor writes the code where the name is
        message = f"{subject} nothing ({detail}): write the code in place of the name"
        fix = None
    elif whole:
        message = f"{subject} nothing ({detail}): delete it"
        deletion = _deletion(document, directive)
        kept = directive.verb == BLOCK or _joins_words(text, directive) or opens_front_matter(text, deletion)
        fix = None if kept else Fix(deletion, "delete the suppression comment")
    else:
        pronoun = "it" if len(unused) == 1 else "them"
        message = f"{subject} nothing ({detail}): remove {pronoun} from the comment"
        fix = None if directive.verb == BLOCK else Fix(_code_removal(text, directive, unused), f"remove {names} from the comment")
    return Violation(directive.line, column, message, subject=comment, fix=fix)


def _joins_words(text: str, directive: Directive) -> bool:
    """Whether the comment stands between two characters that are not spaces: deleting it would
    make one word of two ("page<!-- … -->name"), or one address of a link's two halves."""
    before = text[directive.start - 1:directive.start] if directive.start else ""
    after = text[directive.end:directive.end + 1]
    return bool(before.strip()) and bool(after.strip())


def _column(document: Document, directive: Directive) -> int:
    return directive.start - line_starts(document)[directive.line - 1] + 1


def _deletion(document: Document, directive: Directive) -> tuple[Edit, ...]:
    """Delete the comment. Alone on its line, the line goes too, but a line between two lines of text
    stays, blank: the comment kept them apart as blocks, and so must the fix. Within a line, one
    space stays between the words on either side ("US <!-- … -->Brand" becomes "US Brand")."""
    line = directive.line
    line_start = line_starts(document)[line - 1]
    row = line_text(document, line)
    before, after = row[:directive.start - line_start], row[directive.end - line_start:]
    if before.strip() and not after.strip():  # at the end of a line of text: the spaces before it go
        return (Edit(line_start + len(before.rstrip(" \t")), directive.end),)
    if before.strip() or after.strip():
        spaced = before[-1:] in ("", " ", "\t")  # at the start of a line, spaces left would indent it
        return (Edit(directive.start, directive.end + (len(after) - len(after.lstrip(" \t")) if spaced else 0)),)
    line_end = line_start + len(row)
    if line_text(document, line - 1).strip() and line_text(document, line + 1).strip():
        return (Edit(line_start, line_end),)
    return (Edit(line_start, min(line_end + 1, len(document.text))),)


def _code_removal(text: str, directive: Directive, unused: list[int]) -> tuple[Edit, ...]:
    """Rewrite the comment's list of codes without the unused ones."""
    spans = directive.code_spans
    kept = " ".join(text[start:end] for position, (start, end) in enumerate(spans) if position not in unused)
    start = text.find("contentlint-", directive.start) + len("contentlint-") + len(directive.verb)
    return (Edit(start, spans[-1][1], " " + kept),)
