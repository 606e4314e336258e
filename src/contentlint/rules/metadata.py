"""Metadata rules M001-M103: front matter present, parseable, and valid against the schema."""

from __future__ import annotations

import re
from typing import Iterator

from contentlint.analysis.closing_fence import closing_fence_fix
from contentlint.analysis.field_rename import rename_fix
from contentlint.analysis.fix_edits import delete_lines, line_text, offset_of
from contentlint.analysis.schema import METADATA_SCHEMA, schema_problems, value_fits
from contentlint.analysis.value_rewrite import rewrite
from contentlint.document import Document
from contentlint.document.field_syntax import FENCE
from contentlint.document.frontmatter_yaml import FrontMatterError
from contentlint.model.findings import Violation
from contentlint.model.fixes import Edit, Fix
from contentlint.model.settings import Config
from contentlint.plugin import rule


@rule("M001", "no-front-matter", "error")
def no_front_matter(document: Document, config: Config) -> Iterator[Violation]:
    """Document has no YAML front matter.

    Why it matters: without front matter there is no title, canonical URL,
    source or review date on record, so nobody can tell where the page came
    from or when it must be reviewed again.

    Example of what is expected at the very top of the file:

        ---
        title: Chemotherapy side effects
        url: https://www.cancer.gov/about-cancer/treatment/types/chemotherapy
        source: NCI
        sourceType: 02_nci_core
        lastReviewed: 2026-03-01
        reviewFrequency: quarterly
        status: active
        language: en
        ---

    Front matter must open on the first line: after a blank line or with spaces before
    its `---`, publishing tools take it for text. M001 then says what stands before it,
    and the other rules read its fields as if it were in place. Hugo's TOML front matter
    (`+++`) in that place is named the same way, but stays text, as Hugo reads it. Fields
    from line 1 down to a `---` line, with a `title` among them, are front matter that lost
    its opening `---`: M001 asks for it, and the fields are read.

    Options: none. The fields themselves come from the metadata schema (`schema`), or,
    for a corpus with its own field names, from `[tool.contentlint.fields]`.
    """
    if document.front_matter_unopened:
        yield Violation(
            1, 1, "front matter has no opening `---`: add a `---` line above line 1, or other tools read "
            "its fields as text",
        )
    elif document.front_matter_misplaced:
        yield Violation(
            document.front_matter_first_line, 1,
            f"front matter must start on the first line: delete {document.front_matter_misplaced} before its "
            f"`{FENCE[document.front_matter_format]}`, or other tools read it as text",
        )
    elif not document.has_front_matter and document.text.strip():
        fields = config.fields
        if fields.is_shipped:
            wanted = "title, url, source, lastReviewed and the other required fields"
        else:  # a corpus with its own field names ([tool.contentlint.fields])
            named = [fields.title, fields.last_reviewed]
            named += [fields.review_cycle] if fields.review_cycle != "reviewFrequency" else []  # Hugo has none
            wanted = f"{', '.join(named[:-1])} and {named[-1]}"
        yield Violation(1, 1, f"no front matter: add a `---` block with {wanted}")
    elif not document.has_front_matter:
        yield Violation(1, 1, "empty file: no front matter and no content")


@rule("M002", "front-matter-unparseable", "error", fix="safe")
def front_matter_unparseable(document: Document, config: Config) -> Iterator[Violation]:
    """Front matter cannot be parsed.

    Why it matters: when the YAML is broken, every field in it is lost, and
    the document silently drops out of review tracking.

    Reported for: YAML syntax errors, front matter that is opened with `---`
    but never closed, and front matter over the size or alias limits (a
    "billion laughs" alias bomb is refused at once).

    The message says in plain words what was written and how to mend it, on
    the line where the mistake is (which is not always where the YAML parser
    stopped): a tab that indents a line; a value that starts with `@`, `` ` ``,
    `%`, `*`, `!`, `{`, `[` or `- ` and needs quotes; a second `: ` in a value;
    a quote inside a value that ends it early; a quote never closed, or not
    closed on its line; a line indented under the field above; a list item
    out of line, or under no field; a line that is not `name: value`; no space
    after a colon. What it cannot explain keeps the parser's own words. TOML
    front matter (`+++`) is explained the same way: a text value not in quotes,
    `name: value` where TOML writes `name = value`, a quote not closed, an
    apostrophe inside single quotes, a date that is no day on the calendar.

    Example: `title: Lenalidomide: what to expect` gives "this value holds
    ": ", which YAML reads as the start of another field; put the whole value
    in double quotes: title: "Lenalidomide: what to expect"".

    Fix: where the mend is to put the value in double quotes, `--fix` does it
    for a value with a second `: ` (unless the word before it is written like a
    field name, `language: entitle: …`: two lines run together?), one that
    starts with `@`, `` ` `` or `%`, and a TOML text value written without quotes;
    `--unsafe-fixes` also for one that starts with `*`, `!` or `- ` (which may
    have been meant as YAML). A value with a quote, a backslash or a ` #` in it
    is left for a person. Front matter that is never closed gets its closing
    `---` (or `+++`) after its last field with `--unsafe-fixes`, when the lines
    above read as fields: where the fields end is for a person to check.

    Options: none.
    """
    error = document.front_matter_error
    if error is not None and error.code == "M002":
        line = max(document.front_matter_first_line + error.line, 1)
        never_closed = error.line < 0
        fix = closing_fence_fix(document) if never_closed else _quote_fix(document, line, error)
        yield Violation(line, error.column + 1, error.message, fix=fix)


def _quote_fix(document: Document, line: int, error: FrontMatterError) -> Fix | None:
    """Put the rest of the line, from where the value starts, in double quotes."""
    if error.quote_from is None:
        return None
    start = offset_of(document, line, error.quote_from + 1)
    if start is None:
        return None
    value = line_text(document, line)[error.quote_from:].rstrip()
    return Fix((Edit(start, start + len(value), f'"{value}"'),), "put the value in double quotes", safe=error.quote_safe)


@rule("M003", "front-matter-not-mapping", "error", fix="safe")
def front_matter_not_mapping(document: Document, config: Config) -> Iterator[Violation]:
    """Front matter is not a mapping of fields, or repeats a key.

    Why it matters: a list or a bare string cannot hold named fields, and when a
    key appears twice YAML keeps only the last value, silently dropping the other
    (TOML front matter with a key written twice cannot be read at all).

    Example:

        lastReviewed: 2024-01-10
        lastReviewed: 2026-01-10   # M003: which one is true?

    Fix (safe): `--fix` deletes the second of two lines that are the same field with
    the same value (`url: https://…` copied twice); two different values, or a field
    whose value goes on below its line (a list), are left for a person.

    Options: none.
    """
    error = document.front_matter_error
    if error is not None and error.code == "M003":
        line = document.front_matter_first_line + error.line
        message, fix = error.message, None
        if error.related_line is not None:
            first = document.front_matter_first_line + error.related_line
            message = message.replace(" is repeated;", f" is repeated (first on line {first});")
            fix = _drop_copy(document, first, line)
        yield Violation(line, error.column + 1, message, fix=fix)
    elif document.parsed_yaml is not None and document.front_matter is not None and not isinstance(document.front_matter, dict):
        kind = type(document.front_matter).__name__
        yield Violation(document.front_matter_first_line, 1, f"front matter is a {kind}, not a mapping of `field: value` lines")


# A line that belongs to the field above it: indented, or a list item (`- x`, not the `---` fence).
_CONTINUED = re.compile(r"[ \t]|-(?:[ \t]|$)")
# A field line whose value goes on below it: YAML's `key:` and block scalars, TOML's open array,
# inline table or multi-line string.
_OPENS_A_BLOCK = (":", "|", ">", "|-", ">-", "[", "{", '"""', "'''")


def _drop_copy(document: Document, first: int, again: int) -> Fix | None:
    """Delete a field's line written twice the same, value and all; a field whose value goes on
    below its line (a list, a block of text) or differs is left for a person."""
    written = line_text(document, again).rstrip()
    if written != line_text(document, first).rstrip() or written.endswith(_OPENS_A_BLOCK):
        return None
    if any(_CONTINUED.match(line_text(document, line + 1)) for line in (first, again)):
        return None
    return Fix((delete_lines(document, again, again),), "delete the second copy of the line")


# Keys corpora use for what [tool.contentlint.fields] can map (lower case, without separators).
_NEXT_REVIEW_KEYS = frozenset({"nextreview", "nextreviewdate", "nextreviewdue", "nextreviewon", "reviewby",
                               "reviewdue", "dueforreview"})
_OWNER_KEYS = frozenset({"owner", "contentowner", "pageowner", "reviewowner", "reviewer", "maintainer"})


def _how_to_map(key: str, config: Config) -> str:
    """How to have the checks read an unknown key that names what a field map slot holds, or ""."""
    if "." in key or "[" in key:  # a nested key: the field map names top-level keys
        return ""
    bare = re.sub(r"[^a-z0-9]", "", key.lower())
    if bare in _NEXT_REVIEW_KEYS and config.fields.next_review is None:
        what, slot = "the date the next review is due", "next-review"
    elif bare in _OWNER_KEYS and config.fields.owner is None:
        what, slot = "who owns the page's reviews (named in the review findings)", "owner"
    else:
        return ""
    return f"; to have it read as {what}, map it: `{slot} = \"{key}\"` in [tool.contentlint.fields]"


def _problems(document: Document, config: Config, code: str) -> Iterator[Violation]:
    for problem in schema_problems(document, config):
        if problem.code == code:
            yield Violation(problem.line, problem.column, problem.message, subject=problem.field)


@rule("M101", "required-field-missing", "error", uses=[METADATA_SCHEMA])
def required_field_missing(document: Document, config: Config) -> Iterator[Violation]:
    """A field the schema requires is missing.

    Why it matters: the default schema requires `title`, `url`, `source`,
    `sourceType`, `lastReviewed`, `reviewFrequency`, `status` and `language`.
    Without them a document cannot be traced, attributed or scheduled for review.

    Example: front matter with no `lastReviewed` gives
    `required field `lastReviewed` is missing`.

    Options: `schema` points at a JSON Schema of your own, whose `required` list is used instead.
    """
    yield from _problems(document, config, "M101")


@rule("M102", "field-value-invalid", "error", uses=[METADATA_SCHEMA], fix="safe")
def field_value_invalid(document: Document, config: Config) -> Iterator[Violation]:
    """A field's value breaks the schema: wrong type, not an allowed value, bad format or pattern.

    Why it matters: an impossible review date or an unknown status makes the
    review schedule and the site's filters wrong without anyone noticing.
    Formats are checked, so `2026-13-45` is not a date.

    The message names the field, the value and what is allowed, and gives a
    hint where YAML changed the value: `status: no` is read as false, and
    `version: 1.0` as a number, so quote them.

    Example: `reviewFrequency: sometimes` gives
    `reviewFrequency is 'sometimes'; allowed: monthly, quarterly, semiannual, annual, biennial`.

    A review date written in another form that can only be one day (`'3 May 2024'`,
    `2024/05/03`, `30/12/2023`, `20240503`, `2024-05-03T10:00:00Z`; `03/04/2024` only
    with `date-order` set) still schedules the review (F001 reads it), and the
    message says how to write it: "… not a valid date (YYYY-MM-DD, a real calendar
    date): write 2024-05-03". A year, season or quarter (`2024`, `Spring 2024`)
    schedules it too, read as F001 reads such a body date, and the message asks
    for the day. A date with no such day says why: "November 2025 has 30 days".
    Quoting a number never makes a date, so a review date gets no hint to quote it.

    So does a review cycle in other words (`annually`, `every 3 months`, `6-monthly`,
    `Quarterly`): "… allowed: monthly, quarterly, semiannual, annual, biennial:
    write annual". A word read two ways asks which was meant: "'biannual' means
    twice a year to some readers and every two years to others: write semiannual
    or biennial".
    And a value of a list of allowed values written in other case or with spaces
    around it (`status: Active`): "… allowed: active, draft, …: write active"; the
    same for a value the field's pattern takes once its letters are in the usual
    case (`language: EN` or `en-us`: "write en", "write en-US"; `sourceType:
    02_NCI_Core`: "write 02_nci_core").

    Fix: `--fix` writes that date as YYYY-MM-DD, the cycle by its name, or the
    allowed value or case, in the value's own quotes and keeping its comment. A month
    without a day (`May 2024`, read as its first day) needs `--unsafe-fixes`.

    Options: `schema` (your own JSON Schema); `date-order` in `[tool.contentlint.review]`.
    """
    for problem in schema_problems(document, config):
        if problem.code != "M102":
            continue
        better = rewrite(document, config, problem.field, problem.allowed, problem.pattern)
        if better is None:
            yield Violation(problem.line, problem.column, problem.message, subject=problem.field)
        else:
            yield Violation(problem.line, problem.column, f"{problem.message}: {better.advice}", subject=problem.field,
                            fix=better.fix)


@rule("M103", "field-unknown", "warning", uses=[METADATA_SCHEMA], fix="safe")
def field_unknown(document: Document, config: Config) -> Iterator[Violation]:
    """A field that the schema does not define: usually a misspelling.

    Why it matters: `lastreviewed: 2026-01-10` looks right to a reader, but the
    real `lastReviewed` is then missing and the review is never tracked. The
    message suggests the closest known field.

    Example: `lastreviewed` gives `field `lastreviewed` is not in the schema; did you mean `lastReviewed`?`

    Fix: `--fix` renames the key to the suggested field when that is the only close
    match, no other unknown key points at it, the field is not already there, and the
    value is valid in it (`langce: NCI` is not renamed to `language`, whose values are
    language codes: the message says so); the value, quoting and comment stay.
    Renaming into a review field (`lastReviewed`, `reviewFrequency`) changes the
    review schedule, so that fix is unsafe (`--unsafe-fixes`). Nested keys are left
    for a person.

    A key that names what `[tool.contentlint.fields]` can map, and is not mapped,
    says how: `nextReview` (or `review_by`, `reviewDue`…) "to have it read as the
    date the next review is due, map it: `next-review = "nextReview"` in
    [tool.contentlint.fields]"; `owner` (or `reviewer`, `contentOwner`…) likewise
    for `owner`. Until then the date a page gives there is not read.

    Options: `schema` (your own JSON Schema; fields are unknown where it sets
    `additionalProperties: false`).
    """
    problems = schema_problems(document, config)
    for problem in problems:
        if problem.code != "M103":
            continue
        mapping = _how_to_map(problem.field, config)
        if mapping:  # `reviewer` is no misspelling of `lastReviewed`: a field the checks can be told to read
            yield Violation(problem.line, problem.column, f"field `{problem.field}` is not in the schema{mapping}",
                            subject=problem.field)
        elif not problem.suggestion or value_fits(document, config, problem.field, problem.suggestion):
            yield Violation(problem.line, problem.column, problem.message, subject=problem.field,
                            fix=rename_fix(document, config, problem, problems))
        else:  # `langce: NCI` is no `language`: renaming it would only move the problem
            yield Violation(problem.line, problem.column, f"{problem.message} (its value is not valid there)",
                            subject=problem.field)
