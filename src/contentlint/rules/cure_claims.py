"""S006: a claim that something cures cancer, as miracle-cure pages and shops make it."""

from __future__ import annotations

import re
from typing import Iterator

from contentlint.analysis.phrases import phrase_set_resource, quoted
from contentlint.analysis.phrase_index import text_scan
from contentlint.analysis.visible_text import line_and_column, visible_body, visible_lower
from contentlint.document import Document
from contentlint.model.findings import Violation
from contentlint.model.settings import Config, Option
from contentlint.plugin import rule

EXTEND_CURE_CLAIMS = Option(
    "authority", "extend-cure-claims", {"type": "array", "items": {"type": "string"}}, [],
    "more phrases that claim a cure (any case)",
)
CURE_CLAIMS = phrase_set_resource("cure claims", "cure_claims", EXTEND_CURE_CLAIMS)

# Words before the claim, in its sentence, that deny or report it rather than make it.
_NOT_MADE = re.compile(
    r"\b(?:no|not|never|nor|cannot|can't|can’t|don't|don’t|doesn't|doesn’t|won't|won’t|isn't|isn’t|without|"
    r"claims?|claimed|claiming|promoted|promotes|marketed|advertised|alleged|allegedly|supposed|so-called|"
    r"false|falsely|myths?|unproven|scams?|beware|warn|warns|warning|whether|if|may|might|could|hope|hopes|"
    r"aim|aims|goal|research|studies|study|trials?|evidence|until|can|often|usually|sometimes|"
    # a treatment that does cure some cancers
    r"surgery|operation|radiotherapy|radiation|chemotherapy|chemo|treatment|transplant|doctors?)\b",
    re.IGNORECASE,
)
_SENTENCE_START = re.compile(r"[.!?]\s|\n\s*\n")


def _sentence_before(text: str, start: int) -> str:
    begin = max(0, start - 300)
    window = text[begin:start]
    ends = list(_SENTENCE_START.finditer(window))
    return window[ends[-1].end():] if ends else window


@rule("S006", "cure-claim", "error", uses=[CURE_CLAIMS])
def cure_claim(document: Document, config: Config) -> Iterator[Violation]:
    """The page claims that a product or remedy cures cancer.

    Why it matters: no supplement, diet or remedy cures cancer, and a page that says one
    does is selling something or repeating a scam. In a patient-facing corpus it can
    lead a reader to delay treatment that works.

    Matched, in what a reader sees: "cures cancer", "cure your cancer", "eliminates
    tumours"; "miracle cure", "natural cure for cancer", "reverse cancer naturally",
    "guaranteed to cure", "100% cure rate", "doctors don't want you to know".

    Not matched: a sentence that denies or reports the claim, or speaks of research,
    as health pages do ("There is no evidence that laetrile cures cancer", "It was
    promoted as a cure for cancer", "Some studies ask whether it may cure tumours",
    "Surgery often cures cancer that has not spread": a sentence that names a medical
    treatment, or says "can", "often" or "may", is left alone). One finding per page, at
    the first claim, with the number of claims.

    Example: "Our turmeric blend cures cancer naturally, without chemo."

    Fix: remove the page from the corpus; if it is a page about such claims, say that
    the claim is false in the same sentence.

    Options (`[tool.contentlint.authority]`): `extend-cure-claims` (phrases, any case).
    """
    text = visible_body(document)
    spans = config.resource(CURE_CLAIMS).find(text, visible_lower(document), text_scan(document, config))
    made = [(start, end) for start, end in sorted(spans) if not _NOT_MADE.search(_sentence_before(text, start))]
    if not made:
        return
    start, end = made[0]
    line, column = line_and_column(document, text, start)
    more = f" ({len(made)} claims on the page)" if len(made) > 1 else ""
    yield Violation(
        line, column,
        f"cure claim {quoted(text[start:end])}{more}: nothing sold or promoted as a cure for cancer is one; "
        "remove the page, or say in the same sentence that the claim is false",
        subject="cure-claim",
    )
