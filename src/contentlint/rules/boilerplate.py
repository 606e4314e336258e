"""Q002: website boilerplate copied with the page (navigation, cookie banners, sign-ups)."""

from __future__ import annotations

import dataclasses
from typing import Iterator

from contentlint.analysis.fix_edits import standalone_line_removal
from contentlint.analysis.boilerplate import BOILERPLATE
from contentlint.analysis.phrases import phrase_violations
from contentlint.document import Document
from contentlint.model.findings import Violation
from contentlint.model.settings import Config
from contentlint.plugin import rule


@rule("Q002", "scraping-boilerplate", "warning", uses=[BOILERPLATE], fix="unsafe")
def scraping_boilerplate(document: Document, config: Config) -> Iterator[Violation]:
    """The document contains website boilerplate copied with the page.

    Why it matters: "Skip to main content", cookie banners, newsletter sign-ups, share
    buttons and "Click to download full resolution" are parts of a web page, not of its
    content. In the corpus they are noise that retrieval and readers trip over.

    Matched: phrases anywhere ("Skip to main content", "Click to download full
    resolution", "Was this page helpful"); cookie banners in their many wordings ("We'd
    like to use cookies", "Accept additional cookies", "Use necessary cookies only", "By
    continuing to use this site"); "You need to enable JavaScript to run this app" and
    outdated-browser notices; government-site banners ("An official website of the
    United States government", "This is a new service"); print and e-mail page tools,
    share rows, donation prompts ("Donate now"), accessibility-widget buttons ("Increase
    text size"); the chrome of document-sharing sites ("Download as PDF, TXT or read
    online") and of PubMed Central articles ("Open in a separate window", "Go to:",
    "Articles from … are provided here courtesy of …"); a site's error where an embedded
    video failed ("Could not retrieve the oEmbed resource", and the hidden "Error message"
    heading above it). Lines that hold nothing else
    ("Back to top", "Menu", "Print", "Share", "Facebook", "Accept all"), and newsletter
    or e-mail sign-ups ("Sign up to stay up-to-date with news", "Sign up for our
    newsletter"). A sentence that merely contains "sign up" ("You can sign up for a
    clinical trial"), or "cookies" in a list of foods, is not; nor is a line with code
    on it ("print `the dose`"), which holds more than the button's word.

    Fix (unsafe): `--fix --unsafe-fixes` deletes a line that holds the boilerplate and
    nothing else but markup ("Back to top", "**Share**", "- Print"), with a blank line
    after it when it stood between two. Boilerplate inside a sentence, a link or a table
    is left for a person. Unsafe: a phrase of your own (`extend-boilerplate`) may be a
    line a page needs.

    Options (`[tool.contentlint.quality]`): `extend-boilerplate` (phrases),
    `extend-boilerplate-lines` (whole lines).
    """
    for violation in phrase_violations(
        document, config, config.resource(BOILERPLATE),
        "scraping boilerplate {}: not part of the content; delete it",
    ):
        fix = standalone_line_removal(document, violation.line, violation.subject, "delete the boilerplate line")
        yield dataclasses.replace(violation, fix=fix) if fix is not None else violation
