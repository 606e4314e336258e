"""Q010: text a chatbot left in a page ("As an AI language model", "Certainly! Here is")."""

from __future__ import annotations

from typing import Iterator

from contentlint.analysis.phrases import phrase_set_resource, phrase_violations
from contentlint.document import Document
from contentlint.model.findings import Violation
from contentlint.model.settings import Config, Option
from contentlint.plugin import rule

EXTEND_CHATBOT = Option(
    "quality", "extend-chatbot-phrases", {"type": "array", "items": {"type": "string"}}, [],
    "more phrases a chatbot leaves in a page (any case)",
)
CHATBOT = phrase_set_resource("chatbot residue", "chatbot", EXTEND_CHATBOT)


@rule("Q010", "chatbot-residue", "warning", uses=[CHATBOT])
def chatbot_residue(document: Document, config: Config) -> Iterator[Violation]:
    """The page holds text a chatbot wrote to the person using it, not to the reader.

    Why it matters: a page drafted or "simplified" with a chatbot and pasted in whole
    keeps the assistant's own words: its disclaimers about being an AI, its opening
    ("Certainly! Here is a patient-friendly version:") and its offers ("Would you like me
    to turn this into a table?"). They tell a patient that nobody edited the page, and
    the text around them may not have been checked either.

    Matched, in what a reader sees (code and HTML comments are not read): disclaimers
    such as "As an AI language model", "as of my last knowledge update", "I cannot
    provide medical advice"; offers such as "Would you like me to", "Let me know if you'd
    like me to", "I hope this helps"; "Here is a revised (rewritten, simplified,
    patient-friendly) version"; a line that opens "Certainly!", "Sure,", "Of course!" or
    "Absolutely!" followed by "here is", "below is" or "I have".

    Not matched: a page about chatbots that names them in its own sentences ("Some
    people ask AI chatbots about their symptoms"); "We cannot give medical advice" on a
    helpline page.

    Example: a page that ends "Would you like me to add a section on diet?"

    Fix: delete the chatbot's words, and have an editor check the page they came with.

    Options (`[tool.contentlint.quality]`): `extend-chatbot-phrases` (phrases, any case).
    """
    yield from phrase_violations(
        document, config, config.resource(CHATBOT),
        "chatbot text {}: words an AI assistant wrote to its user were pasted into the page; delete them and "
        "have the page checked",
    )
