"""Q011: a page that says it has been withdrawn, retracted, archived or replaced."""

from __future__ import annotations

from typing import Iterator

from contentlint.analysis.phrases import phrase_set_resource, phrase_violations
from contentlint.document import Document
from contentlint.model.findings import Violation
from contentlint.model.settings import Config, Option
from contentlint.plugin import rule

EXTEND_WITHDRAWN = Option(
    "quality", "extend-withdrawn", {"type": "array", "items": {"type": "string"}}, [],
    "more phrases that say a page was withdrawn, retracted or replaced (any case)",
)
WITHDRAWN = phrase_set_resource("withdrawn notices", "withdrawn", EXTEND_WITHDRAWN)


@rule("Q011", "page-withdrawn", "warning", uses=[WITHDRAWN])
def page_withdrawn(document: Document, config: Config) -> Iterator[Violation]:
    """The page says it has been withdrawn, retracted, archived or replaced by newer guidance.

    Why it matters: a publisher that withdraws a page keeps it online with a notice,
    and a scraper copies the notice with the old advice. Its review date may still look
    recent, so the freshness rules do not catch it; the notice is the only sign.

    Matched, in what a reader sees: the page, guidance, leaflet, document, publication
    or fact sheet "has been withdrawn", "has been superseded", "has been replaced", "is
    archived", "is no longer updated (maintained, current)"; "has been updated and
    replaced by"; a line that says only "Withdrawn" or "Archived". A research article's
    retraction: "This article has been retracted", a title that starts "RETRACTED:" or
    "Retracted article:", PubMed's "Retraction in: …", a "Retraction Note to: …". The
    subject must be the page itself: "This drug has been replaced by newer treatments",
    "The study was later retracted" or a symptom such as "nipple retraction" is not a
    notice.

    Example: "This guidance has been updated and replaced by the 2026 guideline on
    bowel screening."

    Fix: replace the page with the current guidance it names, or mark it `status:
    archived` and take it out of the corpus.

    Options (`[tool.contentlint.quality]`): `extend-withdrawn` (phrases, any case).
    """
    yield from phrase_violations(
        document, config, config.resource(WITHDRAWN),
        "the page says it was withdrawn, retracted or replaced ({}): take in the current guidance or retire this page",
    )
