"""Q001: placeholder text left in a page ("Placeholder slot", lorem ipsum, TODO, "[insert …]")."""

from __future__ import annotations

from typing import Iterator

from contentlint.analysis.phrases import (
    phrase_set_resource,
    phrase_violations,
)
from contentlint.document import Document
from contentlint.model.findings import Violation
from contentlint.model.settings import Config, Option
from contentlint.plugin import rule

EXTEND_PLACEHOLDERS = Option("quality", "extend-placeholders", {"type": "array", "items": {"type": "string"}}, [], "more placeholder phrases (any case)")
# The shipped [placeholders] of data/quality.toml, plus the configured phrases.
PLACEHOLDERS = phrase_set_resource("placeholders", "placeholders", EXTEND_PLACEHOLDERS)


@rule("Q001", "placeholder-text", "warning", uses=[PLACEHOLDERS])
def placeholder_text(document: Document, config: Config) -> Iterator[Violation]:
    """The document contains placeholder text.

    Why it matters: "Placeholder slot", "lorem ipsum", "TODO" or "[insert link]" tell a
    patient that the page is unfinished, and hide the text that should be there.

    Matched: phrases such as "Placeholder slot", "lorem ipsum", "citation needed" in any
    case; the words TODO, TBD and FIXME in capitals (so "todo" inside a word, or Spanish
    "todo", is not); bracketed prompts such as "[insert date]"; template slots such as
    "{{ name }}", "[Name of hospital]", "[Trust name]", "[phone number]", "[DATE]"; a
    fill-in blank after a label at the end of a line ("Contact number: ______"); a line
    that says only "Placeholder" or "Coming soon". Code and HTML comments are not read,
    and the text of a link or of a reference link is not a slot.

    Options (`[tool.contentlint.quality]`): `extend-placeholders` (phrases, any case).
    """
    yield from phrase_violations(
        document, config, config.resource(PLACEHOLDERS),
        "placeholder text {}: the page is unfinished; write the real content or delete it",
    )
