"""E001 for bytes that are not UTF-8: where they are, and whether to convert the whole file.

A file saved in Windows-1252 is converted as a whole. A UTF-8 file with a few stray Windows-1252
bytes (a curly quote pasted from a word processor) must not be: converting it would garble every
accented letter and symbol it already has right. The message tells the two apart.
"""

from __future__ import annotations

import codecs
import re

from contentlint.document import ReadError

_SHOWN_LINES = 3


def describe_undecodable(data: bytes, text: str) -> ReadError:
    """Why ``data`` (which fails to decode as UTF-8) is not UTF-8 text, at its first bad byte.
    ``text``: ``data`` decoded with surrogateescape (each bad byte a character U+DC80..U+DCFF),
    without its byte-order mark, newlines normalised, so that lines and columns are the file's.
    Each count runs in C (an encode, a regular expression): a 30 MB file takes a fraction of a second."""
    first = _BAD.search(text)
    assert first is not None, "called for text that decodes"
    at = first.start()
    line = text.count("\n", 0, at) + 1
    column = at - (text.rfind("\n", 0, at) + 1) + 1
    byte = ord(text[at]) - 0xDC00
    meaning = _in_cp1252(byte)
    bad = len(text) - len(text.encode("utf-8", "ignore").decode("utf-8"))
    if _stray(text, bad, data.startswith(codecs.BOM_UTF8)):
        lines = _lines_with_bad_bytes(text, _SHOWN_LINES + 1)
        where = ", ".join(map(str, lines[:_SHOWN_LINES])) + (", …" if len(lines) > _SHOWN_LINES else "")
        count = f"{bad} bytes are" if bad > 1 else "1 byte is"
        return ReadError(
            f"file is UTF-8 but {count} not (line{'s' if len(lines) > 1 else ''} {where}): byte 0x{byte:02x} here"
            f"{f' is {meaning} in Windows-1252' if meaning else ''}; replace such bytes with the characters they "
            "stand for, and do not convert the whole file, which would garble the rest",
            line, column,
        )
    guess = ""
    if _single_bytes(data):
        guess = "; it is probably Windows-1252 (cp1252)" + (f", where that byte is {meaning}" if meaning else "")
    return ReadError(
        f"file is not UTF-8 text: byte 0x{byte:02x} on line {line} cannot be decoded{guess}. Convert the file to UTF-8",
        line, column,
    )


_BAD = re.compile("[\udc80-\udcff]")
_LONE_BAD = re.compile("(?<![\udc80-\udcff])[\udc80-\udcff](?![\udc80-\udcff])")
_LONE_HIGH_BYTE = re.compile(rb"(?<![\x80-\xff])[\x80-\xff](?![\x80-\xff])")
_HIGH_BYTES = bytes(range(0x80, 0x100))


def _stray(text: str, bad: int, bom: bool) -> bool:
    """Whether the ``bad`` bytes are strays in a UTF-8 file: it has characters that decode as
    UTF-8, or a UTF-8 byte-order mark (at least one for ten bad bytes: a file in another encoding
    may hold a few byte sequences that happen to be valid UTF-8), and most bad bytes stand alone,
    as a pasted quote or letter does, not in runs, as a two-byte encoding's do."""
    decoded = len(text) - len(text.encode("ascii", "ignore")) - bad + bom
    if decoded < max(1, bad // 10):
        return False
    return len(_LONE_BAD.findall(text)) * 2 >= bad


def _lines_with_bad_bytes(text: str, most: int) -> list[int]:
    """The first ``most`` lines that hold a bad byte."""
    lines: list[int] = []
    for found in _BAD.finditer(text):
        line = text.count("\n", 0, found.start()) + 1
        if not lines or lines[-1] != line:
            lines.append(line)
            if len(lines) == most:
                break
    return lines


def _single_bytes(data: bytes) -> bool:
    """Whether ``data`` reads as Windows-1252: every byte is one of its characters, and most bytes
    over 0x7F stand alone between ASCII ones (é in "café"), not in runs as an East Asian
    two-byte encoding's do."""
    try:
        data.decode("cp1252")
    except UnicodeDecodeError:
        return False
    high = len(data) - len(data.translate(None, _HIGH_BYTES))
    return len(_LONE_HIGH_BYTE.findall(data)) * 2 >= high


def _in_cp1252(byte: int) -> str:
    """The character a byte stands for in Windows-1252, quoted, or "" (a control or an unused byte)."""
    try:
        char = bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:
        return ""
    return f'"{char}"' if char.isprintable() else ""
