"""M103's fix: rename a misspelt front-matter key to the field it was meant to be, in place."""

from __future__ import annotations

from contentlint.analysis.fix_edits import offset_of
from contentlint.analysis.schema import SchemaProblem, misspellings_of
from contentlint.document import Document
from contentlint.model.fixes import Edit, Fix
from contentlint.model.settings import Config


def rename_fix(document: Document, config: Config, problem: SchemaProblem, problems: list[SchemaProblem]) -> Fix | None:
    """Rename the key when the suggestion is the only candidate, no other unknown key points at it,
    and the right name is not already there; the caller has checked that the value is valid there
    (schema.value_fits). Only the key's characters change: its quoting, value and comment stay.
    Renaming into a review field changes the review schedule: unsafe."""
    target = problem.suggestion
    if not target or target in document.metadata:
        return None
    if len(misspellings_of(problems, target)) > 1:
        return None
    key = problem.field
    offset = offset_of(document, problem.line, problem.column)
    if offset is None:
        return None
    text = document.text
    if text[offset:offset + 1] in ("'", '"') and text[offset + 1:offset + 1 + len(key)] == key:
        offset += 1  # a quoted key: rename inside the quotes
    if text[offset:offset + len(key)] != key or "\\" in key or "'" in key:
        return None
    fields = config.fields
    review = {fields.last_reviewed, fields.review_cycle, fields.next_review}
    return Fix((Edit(offset, offset + len(key), target),), f"rename `{key}` to `{target}`", safe=target not in review)
