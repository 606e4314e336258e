"""Q002: website boilerplate copied with the page (navigation, cookie banners, sign-ups)."""

from __future__ import annotations

import bisect
import dataclasses
from typing import Callable, Iterator

from contentlint.analysis.boilerplate import BOILERPLATE, is_boilerplate_line
from contentlint.analysis.fix_edits import standalone_line_removal
from contentlint.analysis.phrases import PhraseSet, phrase_violations, without_links
from contentlint.analysis.structure import Structure, document_structure
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
    video failed ("Could not retrieve the oEmbed resource", and the hidden "Error
    message" heading above it); the header and footer of NHS, CDC, MedlinePlus and
    hospital sites ("Search the NHS website", "Skip directly to site content", "Learn
    how to cite this page", "… does not endorse companies or products", "Download on the
    App Store"). Lines that hold nothing else ("Back to top", "Menu", "Print", "Share",
    "Facebook", "Accept all", and buttons and widget titles such as "Read more", "Show
    more", "You might also like"), and newsletter or e-mail sign-ups ("Sign up to stay
    up-to-date with news", "Sign up for our newsletter"). A sentence that merely
    contains "sign up" ("You can sign up for a clinical trial"), or "cookies" in a list
    of foods, is not; nor is a line with code on it ("print `the dose`"), which holds
    more than the button's word.

    Not reported: the words in quotation marks (`the "Skip to content" link`), which name
    the button rather than show it; a line that only continues a sentence ("… to improve
    the discovery of" / "related content."); a heading that is a section of the page
    ("## Related content", "### Search", "## In this section", "## On this page", "## Privacy
    policy" or "## Terms of use" over a paragraph or item of five words or more besides
    links), where a widget's title stands over its buttons or a list of links ("# Facebook"
    is a share button wherever it stands).

    Fix (unsafe): `--fix --unsafe-fixes` deletes a line that holds the boilerplate and
    nothing else but markup ("Back to top", "**Share**", "- Print"), with a blank line
    after it when it stood between two. Boilerplate inside a sentence, a link or a table
    is left for a person. Unsafe: a phrase of your own (`extend-boilerplate`) may be a
    line a page needs.

    Options (`[tool.contentlint.quality]`): `extend-boilerplate` (phrases),
    `extend-boilerplate-lines` (whole lines).
    """
    phrases = config.resource(BOILERPLATE)
    for violation in phrase_violations(
        document, config, phrases, "scraping boilerplate {}: not part of the content; delete it",
        keep=_shown_as_boilerplate(document_structure(document), phrases),
    ):
        fix = standalone_line_removal(document, violation.line, violation.subject, "delete the boilerplate line")
        yield dataclasses.replace(violation, fix=fix) if fix is not None else violation


# Boilerplate lines that are also the titles of a page's own sections ("## Related content" over a
# paragraph about it); a share button's "Facebook" over a paragraph is still a share button.
_SECTION_TITLES = frozenset(
    {"search", "related content", "related articles", "in this section", "on this page", "privacy policy", "terms of use"}
)
_OPENING_QUOTES = "\"“'‘"
_CLOSING_QUOTES = "\"”'’"


def _shown_as_boilerplate(view: Structure, phrases: PhraseSet) -> Callable[[str, int, int], bool]:
    """Whether a match in the visible text is the boilerplate itself rather than words of the page."""
    heading_starts: list[int] = []  # made at the first match: most pages have none

    def keep(text: str, start: int, end: int) -> bool:
        if view.headings and not heading_starts:
            heading_starts.extend(heading.start for heading in view.headings)
        return not (
            _in_quotes(text, start, end)
            or _sentence_goes_on(text, start)
            or _section_title(view, heading_starts, phrases, text[start:end], start)
        )

    return keep


def _in_quotes(text: str, start: int, end: int) -> bool:
    """`the "Was this page helpful?" widget`: the words are named, not shown."""
    while end < len(text) and text[end] in "?!.…":
        end += 1
    return start > 0 and text[start - 1] in _OPENING_QUOTES and end < len(text) and text[end] in _CLOSING_QUOTES


def _sentence_goes_on(text: str, start: int) -> bool:
    """A line that opens in lower case under a line that ends mid-sentence: a wrapped sentence."""
    line_start = text.rfind("\n", 0, start) + 1
    if line_start < 2 or text[line_start:start].strip() or not text[start].islower():
        return False
    previous = text[text.rfind("\n", 0, line_start - 1) + 1:line_start - 1].rstrip()
    return bool(previous) and (previous[-1].isalpha() or previous[-1] == ",")


def _section_title(
    view: Structure, heading_starts: list[int], phrases: PhraseSet, matched: str, start: int
) -> bool:
    """A heading that titles a section ("## Related content") over prose of its own."""
    at = bisect.bisect_right(heading_starts, start) - 1
    if at < 0 or not start < view.headings[at].end or " ".join(matched.lower().split()) not in _SECTION_TITLES:
        return False
    section_end = heading_starts[at + 1] if at + 1 < len(heading_starts) else len(view.body)
    first = view.paragraph_index(view.headings[at].end - 1) + 1
    if first >= len(view.paragraphs) or view.paragraphs[first].start >= section_end:
        return False
    paragraph = view.paragraphs[first]
    prose = without_links(view.body[paragraph.start:paragraph.end])
    return len(prose.split()) >= 5 and not is_boilerplate_line(prose, phrases)
