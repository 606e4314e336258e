"""Q001: placeholder text left in a page ("Placeholder slot", lorem ipsum, TODO, "[insert …]")."""

from __future__ import annotations

import dataclasses
import re
from typing import Iterator

from contentlint.analysis.fix_edits import standalone_line_removal
from contentlint.analysis.phrases import phrase_violations
from contentlint.analysis.placeholders import PLACEHOLDERS
from contentlint.document import Document
from contentlint.model.findings import Violation
from contentlint.model.settings import Config
from contentlint.plugin import rule


# A Liquid or Jinja tag ("{% for issue in issues %}", "{% include note.html %}"): a page built
# from a template, whose "{{ issue }}" the site fills in.
_TEMPLATE_TAG = re.compile(r"\{%-?\s*[a-z_]+\b[^%\n]*%\}")


@rule("Q001", "placeholder-text", "warning", uses=[PLACEHOLDERS], fix="unsafe")
def placeholder_text(document: Document, config: Config) -> Iterator[Violation]:
    """The document contains placeholder text.

    Why it matters: "Placeholder slot", "lorem ipsum", "TODO" or "[insert link]" tell a
    patient that the page is unfinished, and hide the text that should be there.

    Matched: phrases such as "Placeholder slot", "lorem ipsum", "citation needed" in any
    case; the words TODO, TBD and FIXME in capitals (so "todo" inside a word, or Spanish
    "todo", is not); bracketed prompts such as "[insert date]"; template slots such as
    "{{ name }}" (not a Hugo shortcode, `{{< figure … >}}`, nor an expression a site
    generator fills in, `{{ site.baseurl }}`, nor any on a page that holds Liquid or Jinja
    tags, `{% for … %}`), "[Name of hospital]", "[Trust name]",
    "[phone number]", "[DATE]"; a fill-in blank after a label at the end of a line
    ("Contact number: ______") or "TBC" as its whole value ("Clinic times: TBC"; TBC in
    running text is also a chemotherapy regimen); a telephone number written as Xs ("XXX
    XXX XXXX"); a website builder's sample text ("Click here to edit this text"); a line
    that says only "Placeholder" or "Coming soon". Code, HTML comments and the addresses
    of links (`https://example.org/TODO/guide`) are not read, and the text of a link or of
    a reference link is not a slot.

    Fix (unsafe, `--fix --unsafe-fixes`): a placeholder that stands alone on its line
    ("Placeholder slot", a scraped widget's stand-in; "TODO") is deleted with the line. Unsafe:
    the placeholder may mark where text is missing, and a person should see what goes there.

    Options (`[tool.contentlint.quality]`): `extend-placeholders` (phrases, any case).
    """
    templated: bool | None = None
    for violation in phrase_violations(
        document, config, config.resource(PLACEHOLDERS),
        "placeholder text {}: the page is unfinished; write the real content or delete it",
    ):
        if violation.subject.startswith("{{"):
            if templated is None:
                templated = _TEMPLATE_TAG.search(document.body) is not None
            if templated:
                continue  # a page with Liquid or Jinja tags: its {{ variables }} are the template's
        fix = standalone_line_removal(document, violation.line, violation.subject, "delete the placeholder line")
        yield dataclasses.replace(violation, fix=fix) if fix is not None else violation
