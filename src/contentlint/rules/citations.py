"""Q006: a citation that ends where its address should be."""

from __future__ import annotations

import re
from typing import Iterator

from contentlint.analysis.phrase_index import text_scan
from contentlint.analysis.phrases import (
    quoted,
)
from contentlint.analysis.visible_text import (
    line_and_column,
    visible_body,
    visible_lower,
)
from contentlint.document import Document
from contentlint.model.findings import Violation
from contentlint.model.settings import Config, search_words
from contentlint.plugin import rule

# "Accessed 05/21/2020 from" (and nothing), "Retrieved from", "Available at:", and the
# doubled "Accessed at accessed on ..." left where a URL was dropped.
_CITATION_GAP = re.compile(
    r"(?:accessed|retrieved|downloaded|available(?: online)?)\b[^\n]{0,40}?\b(?:from|at)\b[^\S\n]*:?"
    r"(?:[^\S\n]*$|[^\S\n]+(?=\[?(?:accessed|retrieved|cited)\b))"
    r"|(?:doi|pmid|pmcid|url)[^\S\n]*:[^\S\n]*$",  # an identifier's field left empty: "doi:", "PMID:"
    re.IGNORECASE | re.MULTILINE,
)
CITATION_WORDS = ("accessed", "retrieved", "downloaded", "available", "doi", "pmid", "pmcid", "url")
# The phrase index finds the citation words, so pages without any are passed over at once.
CITATION_LABELS = search_words("citation words", CITATION_WORDS)


_SENTENCE_END = re.compile(r"[.;:)\]]\s+$")
# On the next line: an address, a link, a DOI (10.1000/x) or a PubMed number.
_ADDRESS_NEXT = re.compile(
    r"\s*(?:https?://|www\.|<|\[(?!(?:accessed|retrieved|cited)\b)|doi:|10\.\d{4,}/|(?:pmc)?\d{5,}\b)", re.IGNORECASE
)


@rule("Q006", "incomplete-citation", "warning", uses=[CITATION_LABELS])
def incomplete_citation(document: Document, config: Config) -> Iterator[Violation]:
    """A citation ends where its address should be ("Accessed 05/21/2020 from").

    Why it matters: the reference looked complete on the web page, where the address was
    a link; copied as text, the link was lost and the citation cannot be followed.

    Reported: "Accessed ... from", "Retrieved from", "Available at:" with nothing after
    them at the end of a line or paragraph, "Accessed at accessed on ..." where an
    address was dropped between the two, and an identifier's field left empty at the
    end of a reference ("Lancet. 2020;395:1-10. doi:", "PMID:", "URL:"). The phrase must
    begin a sentence or a line, so that "the leaflet is available from your pharmacist"
    in running text is not matched.

    Fix: add the address (or a DOI) from the source, or remove the reference.

    Options: none.
    """
    scan = text_scan(document, config)
    keywords = [k for k in CITATION_WORDS if scan.has_word(k)]
    if not keywords:
        return
    text, lowered = visible_body(document), visible_lower(document)
    starts = sorted(
        position
        for keyword in keywords
        for position in scan.occurrences(keyword)
        if position == 0 or not lowered[position - 1].isalnum()
    )
    for start in starts:
        match = _CITATION_GAP.match(text, start)
        if match is None:
            continue
        floor = max(match.start() - 200, 0)  # look back at most 200 characters: no quadratic scans
        line_start = text.rfind("\n", floor, match.start()) + 1 or floor
        before = text[line_start:match.start()]
        if before.strip(" \t*_>-•") and not _SENTENCE_END.search(before):
            continue  # running text: "the records can be accessed at any time"
        if _ADDRESS_NEXT.match(text, match.end()):
            continue  # the address is on the next line
        line, column = line_and_column(document, text, match.start())
        written = match.group().strip()
        line_end = text.find("\n", match.end())
        rest_of_line = text[match.end():line_end if line_end >= 0 else len(text)][:200]
        if rest_of_line.strip():  # "Accessed at accessed on ...": show what stands where the address was
            written += " " + rest_of_line.split(None, 1)[0] + " …"
        yield Violation(
            line, column,
            f"incomplete citation {quoted(written, 50)}: add the missing URL or DOI, or remove the reference",
            subject=" ".join(written.lower().split()),
        )
