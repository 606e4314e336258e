"""Q002: website boilerplate copied with the page (navigation, cookie banners, sign-ups)."""

from __future__ import annotations

from typing import Iterator

from contentlint.analysis.boilerplate import BOILERPLATE
from contentlint.analysis.phrases import phrase_violations
from contentlint.document import Document
from contentlint.model.findings import Violation
from contentlint.model.settings import Config
from contentlint.plugin import rule


@rule("Q002", "scraping-boilerplate", "warning", uses=[BOILERPLATE])
def scraping_boilerplate(document: Document, config: Config) -> Iterator[Violation]:
    """The document contains website boilerplate copied with the page.

    Why it matters: "Skip to main content", cookie banners, newsletter sign-ups, share
    buttons and "Click to download full resolution" are parts of a web page, not of its
    content. In the corpus they are noise that retrieval and readers trip over.

    Matched: phrases anywhere ("Skip to main content", "We use cookies", "Click to
    download full resolution", "Was this page helpful"), lines that hold nothing else
    ("Back to top", "Menu", "Print", "Share"), and newsletter or e-mail sign-ups ("Sign up
    to stay up-to-date with news", "Sign up for our newsletter"). A sentence that merely
    contains "sign up" ("You can sign up for a clinical trial") is not.

    Options (`[tool.contentlint.quality]`): `extend-boilerplate` (phrases),
    `extend-boilerplate-lines` (whole lines).
    """
    yield from phrase_violations(
        document, config, config.resource(BOILERPLATE),
        "scraping boilerplate {}: not part of the content; delete it",
    )
