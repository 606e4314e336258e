"""Reading documents: encodings, line endings, front matter splitting and limits."""

from __future__ import annotations


import pytest

from conftest import front_matter, lint_text
from contentlint.document.reading import parse_document, read_document

TEXT = front_matter() + "\n# Radiotherapy\n\nText.\n"


def test_byte_order_mark_is_accepted() -> None:
    doc = parse_document(b"\xef\xbb\xbf" + TEXT.encode())
    assert doc.read_error is None and doc.front_matter_error is None
    assert doc.metadata["title"] == "Radiotherapy for breast cancer"


def test_crlf_line_endings_keep_line_numbers() -> None:
    crlf = TEXT.replace("\n", "\r\n").encode()
    doc = parse_document(crlf)
    assert doc.front_matter_error is None
    assert doc.key_position("status") == (8, 1)
    assert "\r" not in doc.body


@pytest.mark.parametrize(
    "data, words",
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
        ("Caf\u00e9 cr\u00e8me, Chemotherapy\u2019s effects\n".encode("cp1252"), "not UTF-8"),
        ("# Radiotherapy\n".encode("utf-16"), "UTF-16"),
        ("# Caf\u00e9\n".encode("latin-1"), "not UTF-8"),
    ],
    ids=["binary", "cp1252", "utf16", "latin1"],
)
def test_undecodable_files_are_e001(data: bytes, words: str) -> None:
    findings = lint_text(data)
    assert [f.code for f in findings] == ["E001"]
    assert words in findings[0].message


def test_e001_names_the_line_of_the_bad_byte() -> None:
    data = b"# Title\n\nGood line\n" + "It\u2019s here\n".encode("cp1252")
    (finding,) = lint_text(data)
    assert "on line 4" in finding.message


def test_front_matter_lines_are_file_lines() -> None:
    doc = parse_document(TEXT)
    assert doc.key_position("title") == (2, 1)
    assert doc.key_position("language") == (9, 1)
    assert doc.body_first_line == 11
    lines = doc.body.split("\n")
    assert doc.body_line_number(lines.index("# Radiotherapy")) == 12


def test_timestamps_stay_strings() -> None:
    doc = parse_document(front_matter(lastReviewed="2026-10-01") + "Body\n")
    assert doc.metadata["lastReviewed"] == "2026-10-01"


def test_empty_file() -> None:
    findings = lint_text(b"")
    assert [f.code for f in findings if f.code.startswith("M")] == ["M001"]
    assert "empty file" in findings[0].message or any("empty" in f.message for f in findings)


def test_empty_front_matter_means_every_field_missing() -> None:
    codes = [f.code for f in lint_text("---\n---\nBody text here.\n")]
    assert codes.count("M101") == 8


def test_billion_laughs_finishes_fast() -> None:
    lines = ["---", "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for i in range(1, 10):
        prev, name = chr(96 + i), chr(97 + i)
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 9) + "]")
    text = "\n".join(lines) + "\n---\nBody\n"
    findings = lint_text(text)
    assert "M002" in {f.code for f in findings}


def test_deep_nesting_is_m002() -> None:
    text = "---\ntitle: " + "[" * 5000 + "]" * 5000 + "\n---\nBody\n"
    assert "M002" in {f.code for f in lint_text(text)}


def test_oversized_front_matter_is_m002() -> None:
    text = "---\n" + "".join(f"k{i}: {'x' * 100}\n" for i in range(3000)) + "---\nBody\n"
    findings = [f for f in lint_text(text) if f.code == "M002"]
    assert findings and "limit" in findings[0].message


def test_unknown_yaml_tag_is_m002_not_a_crash() -> None:
    assert "M002" in {f.code for f in lint_text("---\ntitle: !!python/object:os.system ls\n---\nBody\n")}


def test_missing_file_is_e001(tmp_path) -> None:
    doc = read_document(tmp_path / "gone.md", "gone.md")
    assert doc.read_error is not None and "disappeared" in doc.read_error.message


def test_file_over_size_limit_is_e001(tmp_path) -> None:
    big = tmp_path / "big.md"
    big.write_bytes(b"x" * 2048)
    doc = read_document(big, "big.md", max_bytes=1024)
    assert doc.read_error is not None and "limit" in doc.read_error.message


def test_no_trailing_newline() -> None:
    doc = parse_document(TEXT.rstrip("\n"))
    assert doc.front_matter_error is None and doc.body.endswith("Text.")


@pytest.mark.parametrize(
    ("actual", "size_seen", "limit", "expected"),
    [
        (100, 100, 1001, 100),  # the usual file: read whole
        (100, 40, 1001, 100),  # it grew after fstat: the rest is read too
        (2000, 2000, 1001, 1001),  # over the limit: one byte more than the limit tells so
        (2000, 10, 1001, 1001),  # grew past the limit
        (0, 0, 1001, 0),  # empty
    ],
)
def test_read_at_most(tmp_path, actual: int, size_seen: int, limit: int, expected: int) -> None:
    import os

    from contentlint.document.reading import _read_at_most

    path = tmp_path / "doc.md"
    path.write_bytes(bytes(range(256)) * (actual // 256) + b"x" * (actual % 256))
    descriptor = os.open(path, os.O_RDONLY)
    try:
        data = _read_at_most(descriptor, size_seen, limit)
    finally:
        os.close(descriptor)
    assert data == path.read_bytes()[:expected]
