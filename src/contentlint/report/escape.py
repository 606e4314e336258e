"""Text from documents, file names and servers, made safe for each output format.

A file name or a message can hold anything: newlines, terminal escape sequences, bytes that are
not UTF-8 (carried as surrogates, as Python does on Linux), a ``|`` or a leading ``=``. Every
reporter passes such text through one of these functions, so a document cannot rewrite the
terminal, forge a CI annotation, break a table or run a spreadsheet formula.
"""

from __future__ import annotations

import re
from typing import Any

# Lone surrogates: the undecodable bytes of a non-UTF-8 file name (os.fsdecode's surrogateescape).
_SURROGATES = re.compile("[\ud800-\udfff]")
# C0 and C1 control characters, DEL, the bidirectional overrides and isolates ("Trojan Source"),
# the line and paragraph separators (a line break to many readers), and the zero-width space, word
# joiner and BOM (invisible: "www.cancer.gov" with one inside looks like the address it is not).
_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f\u200b\u200e\u200f\u2028\u2029\u202a-\u202e\u2060\u2066-\u2069\ufeff]")
_SHORT = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def unsurrogate(text: str) -> str:
    """``text`` without lone surrogates: an undecodable byte of a file name becomes ``\\xff``."""
    if not _SURROGATES.search(text):
        return text
    try:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:  # a surrogate that is no escaped byte
        return text.encode("utf-8", "backslashreplace").decode("utf-8")


def path_bytes(text: str) -> bytes:
    """The bytes a file name stands for (its undecodable bytes restored), for URIs and hashes."""
    try:
        return text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogatepass")


def _escaped(match: re.Match[str]) -> str:
    char = match.group()
    return _SHORT.get(char) or (f"\\x{ord(char):02x}" if ord(char) <= 0xFF else f"\\u{ord(char):04x}")


def printable(text: str) -> str:
    """One line of plain text: control characters shown as ``\\n``, ``\\x1b``, ``\\u202e``; no surrogates."""
    text = unsurrogate(text)
    return _CONTROLS.sub(_escaped, text) if _CONTROLS.search(text) else text


# -- GitHub Actions workflow commands (the actions toolkit's escapeData and escapeProperty) --------


def github_data(text: str) -> str:
    """An annotation's message (the toolkit's escapeData): ``%``, CR and LF percent-encoded, so a
    message can span lines but never start another command; other control characters shown."""
    text = unsurrogate(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return _CONTROLS.sub(_escaped, text)


def github_property(text: str) -> str:
    """A property value (file, title; the toolkit's escapeProperty): ``:`` and ``,`` encoded too."""
    return github_data(text).replace(":", "%3A").replace(",", "%2C")


# -- CSV ---------------------------------------------------------------------------------------

# A cell a spreadsheet would read as a formula (OWASP "CSV injection").
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: Any) -> Any:
    """A CSV cell: text that would start a formula gets a leading ``'``; numbers stay numbers."""
    if not isinstance(value, str):
        return value
    value = unsurrogate(value)
    return "'" + value if value.startswith(_FORMULA_START) else value


# -- Markdown ----------------------------------------------------------------------------------

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]|~#])")
_WHITESPACE = re.compile(r"\s+")


def markdown_text(value: Any) -> str:
    """Text for a Markdown table cell or paragraph: one line, no markup, no HTML, no @mentions."""
    if value is None:
        return ""
    text = printable(_WHITESPACE.sub(" ", str(value)))
    text = _MARKDOWN_SPECIAL.sub(r"\\\1", text)
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("@", "&#64;")


# -- XML ---------------------------------------------------------------------------------------

# Characters XML 1.0 cannot carry (noncharacters U+FFFE and U+FFFF; controls go with printable).
_NOT_XML = re.compile("[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(text: str) -> str:
    """Text an XML 1.0 document can carry, as one line per call."""
    return _NOT_XML.sub(lambda m: f"\\u{ord(m.group()):04x}", printable(text))
