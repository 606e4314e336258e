"""E001 for bytes that are not UTF-8: a Windows-1252 file is converted whole; a UTF-8 file with a
few stray bytes must not be, or its own accented letters are garbled."""

from __future__ import annotations

import pytest

from conftest import lint_text

UTF8_PAGE = "---\ntitle: Café crème\n---\n\n# Naïve résumé\n\nIt’s a “quoted” word.\n"

CASES = [
    # (id, bytes, words in the message, 1-based line and column of the first bad byte)
    ("windows-1252-file", "Caf\xe9 cr\xe8me\n".encode("cp1252"),
     'file is not UTF-8 text: byte 0xe9 on line 1 cannot be decoded; it is probably Windows-1252 (cp1252), where that '
     'byte is "é". Convert the file to UTF-8', 1, 4),
    ("windows-1252-no-printable-meaning", "---\ntitle: a\n---\n\nx\xa0y\n".encode("cp1252"),
     "byte 0xa0 on line 5 cannot be decoded; it is probably Windows-1252 (cp1252). Convert", 5, 2),
    ("one-stray-byte-in-utf-8", UTF8_PAGE.encode() + b"Price \x80 5.\n",
     'file is UTF-8 but 1 byte is not (line 8): byte 0x80 here is "€" in Windows-1252; replace such bytes with the '
     "characters they stand for, and do not convert the whole file, which would garble the rest", 8, 7),
    ("stray-quotes-in-utf-8", UTF8_PAGE.encode() + b"A \x93quote\x94.\n\nAnd \x92 more.\n",
     'file is UTF-8 but 3 bytes are not (lines 8, 10): byte 0x93 here is "“"', 8, 3),
    ("stray-bytes-on-many-lines", UTF8_PAGE.encode() + b"\x92\n" * 5,
     "file is UTF-8 but 5 bytes are not (lines 8, 9, 10, …)", 8, 1),
    # fewer characters in UTF-8 than stray bytes, but the strays stand alone: still a UTF-8 file
    ("strays-outnumber-utf-8-characters", b"The body\xe2\x80\x99s cells.\n\nGu\xe9rin and caf\xe9.\n",
     "file is UTF-8 but 2 bytes are not (line 3): byte 0xe9 here", 3, 3),
    # a UTF-8 byte-order mark says the file is UTF-8; lines and columns are the file's, whatever its line endings
    ("byte-order-mark-then-a-stray-byte", b"\xef\xbb\xbfTitle\n\nA \x92 quote.\n",
     "file is UTF-8 but 1 byte is not (line 3)", 3, 3),
    ("old-mac-line-endings", b"One\rTwo\rCaf\xe9\r", "byte 0xe9 on line 3 cannot be decoded; it is probably Windows", 3, 4),
    ("windows-line-endings", b"One\r\nTwo\r\nCaf\xe9\r\n", "byte 0xe9 on line 3", 3, 4),
    # a two-byte East Asian encoding: its bytes come in pairs, so it is not called Windows-1252
    ("shift-jis", "---\ntitle: a\n---\n\n日本語のテキスト\n".encode("shift_jis"),
     "byte 0x93 on line 5 cannot be decoded. Convert the file to UTF-8", 5, 1),
    ("not-any-known-text", b"text \xff\xfd\n", "file is not UTF-8 text: byte 0xff on line 1 cannot be decoded", 1, 6),
]


@pytest.mark.parametrize(("data", "words", "line", "column"), [case[1:] for case in CASES], ids=[case[0] for case in CASES])
def test_undecodable_bytes_are_named_where_they_are(data: bytes, words: str, line: int, column: int) -> None:
    [finding] = [f for f in lint_text(data) if f.code == "E001"]
    assert words in finding.message
    assert (finding.line, finding.column) == (line, column)


def test_a_windows_1252_file_is_not_called_utf_8() -> None:
    [finding] = [f for f in lint_text("Caf\xe9 \u201cquoted\u201d cr\xe8me, na\xefve\n".encode("cp1252")) if f.code == "E001"]
    assert "do not convert" not in finding.message and "Convert the file to UTF-8" in finding.message
