"""Bytes to a Document: encodings, size limits, front matter split from the body."""

from __future__ import annotations

import codecs
import os
import re
import stat
from collections.abc import Callable
from typing import Any, BinaryIO

from frontmatter.default_handlers import YAMLHandler

from contentlint.document import Document, ReadError
from contentlint.document.field_syntax import TOML
from contentlint.document.frontmatter_toml import load_toml_front_matter
from contentlint.document.frontmatter_yaml import FrontMatterError, load_front_matter
from contentlint.document.undecodable import describe_undecodable

DEFAULT_MAX_FILE_BYTES = 32 * 1024 * 1024
_SNIFF_BYTES = 8192
_FM_HANDLER = YAMLHandler()


def _looks_like_utf16(sample: bytes) -> bool:
    """Mostly-Latin UTF-16 text: every other byte is NUL, the ones between are not."""
    even, odd = sample[0::2], sample[1::2]
    if len(odd) < 2:
        return False
    return any(
        zeros.count(0) >= 0.9 * len(zeros) and text.count(0) <= 0.1 * len(text) for zeros, text in ((odd, even), (even, odd))
    )


def decode(data: bytes) -> tuple[str | None, ReadError | None]:
    """Bytes to text with normalised newlines, or the reason they are not text."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or data.startswith(
        (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)
    ):
        return None, ReadError("file is UTF-16 or UTF-32 encoded (it starts with that byte-order mark); convert it to UTF-8")
    nul = data.find(b"\x00", 0, _SNIFF_BYTES)
    if nul >= 0:
        if _looks_like_utf16(data[:_SNIFF_BYTES]):
            return None, ReadError("file looks like UTF-16 text without a byte-order mark; convert it to UTF-8")
        return None, ReadError(f"binary file (NUL byte at offset {nul}), not a text document")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        readable = data.decode("utf-8", "surrogateescape").removeprefix("\ufeff")
        return None, describe_undecodable(data, normalise_newlines(readable))
    return normalise_newlines(text), None


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR become LF; line numbers stay those of the file."""
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def read_document(
    filename: str | os.PathLike[str], display_path: str | None = None, max_bytes: int = DEFAULT_MAX_FILE_BYTES
) -> Document:
    """Read and split one file. Never raises for bad content or unreadable files."""
    shown = display_path if display_path is not None else os.fspath(filename)
    data = read_file_bytes(filename, max_bytes)
    if isinstance(data, ReadError):
        return Document(shown, read_error=data)
    return parse_document(data, shown)


def read_file_bytes(filename: str | os.PathLike[str], max_bytes: int = DEFAULT_MAX_FILE_BYTES) -> bytes | ReadError:
    """A regular file's bytes, or why they cannot be checked (a pipe is not waited on, a file
    over ``max_bytes`` is not read beyond it)."""
    try:
        # O_NONBLOCK: opening a FIFO must not wait for a writer; only regular files are read.
        descriptor = os.open(filename, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        try:
            info = os.fstat(descriptor)
            if stat.S_ISDIR(info.st_mode):
                raise IsADirectoryError
            if not stat.S_ISREG(info.st_mode):
                return ReadError("not a regular file (a pipe, socket or device); not checked")
            data = _read_at_most(descriptor, info.st_size, max_bytes + 1)
        finally:
            os.close(descriptor)
    except FileNotFoundError:
        return ReadError(_missing(filename))
    except IsADirectoryError:
        return ReadError(_unlisted_directory(filename) or "is a directory, not a file")
    except OSError as error:
        if os.path.isdir(filename):  # a directory the walk could not list
            return ReadError(_unlisted_directory(filename, error))
        return ReadError(f"cannot read file: {error.strerror or error}")
    if len(data) > max_bytes:
        return ReadError(f"file is larger than the {max_bytes // (1024 * 1024)} MiB limit; not checked")
    return data


def _missing(filename: str | os.PathLike[str]) -> str:
    """Why a listed file is not there: a symbolic link that leads nowhere, or a file removed meanwhile."""
    try:
        target = os.readlink(filename)
    except OSError:
        return "file disappeared before it could be read"
    return f"broken symbolic link (to {target}): point it at an existing file, or delete it"


def read_stream_bytes(stream: BinaryIO, max_bytes: int = DEFAULT_MAX_FILE_BYTES) -> tuple[bytes, ReadError | None]:
    """A stream's bytes (standard input), at most ``max_bytes`` + 1 of them, and why they cannot be
    checked (None when they can): too many, or the stream failed."""
    try:
        data = stream.read(max_bytes + 1)
    except OSError as error:
        return b"", ReadError(f"cannot read standard input: {error.strerror or error}")
    if len(data) > max_bytes:
        return data, ReadError(f"input is larger than the {max_bytes // (1024 * 1024)} MiB limit; not checked")
    return data, None


def _unlisted_directory(path: str | os.PathLike[str], error: OSError | None = None) -> str:
    """Why a directory cannot be listed ("" when it can): discovery hands such a directory over
    as if it were a document, so that the run reports it instead of skipping it silently."""
    if error is None:
        try:
            os.scandir(path).close()
            return ""
        except OSError as failure:
            error = failure
    return f"cannot read directory: {error.strerror or error}; the documents in it are not checked"


def _read_at_most(descriptor: int, size: int, limit: int) -> bytes:
    """The file's bytes, at most ``limit`` of them (plain reads: no buffered file object for one read).
    The first read asks for the size fstat gave, plus one to see whether the file grew since;
    a read of the limit itself would allocate that much first."""
    parts, total, wanted = [], 0, min(size, limit - 1) + 1
    while total < limit:
        chunk = os.read(descriptor, wanted)
        parts.append(chunk)
        total += len(chunk)
        if len(chunk) < wanted:  # the end of the file
            break
        wanted = limit - total
    return parts[0] if len(parts) == 1 else b"".join(parts)


def starts_front_matter(text: str) -> bool:
    """Whether ``text`` (newlines normalised, no byte-order mark) opens with a front-matter fence,
    as parse_document reads it: ``---`` (YAML) or ``+++`` (TOML) on the first line."""
    return (text.startswith("+++") and _TOML_BOUNDARY.match(text) is not None) or bool(_FM_HANDLER.detect(text))


def parse_document(data: bytes | str, path: str = "<string>") -> Document:
    if isinstance(data, bytes):
        text, error = decode(data)
        if text is None:
            return Document(path, read_error=error)
    else:
        text = normalise_newlines(data)
    doc = Document(path, text=text, body=text, body_first_line=1)
    if text.startswith("+++"):
        opening = _TOML_BOUNDARY.match(text)
        if opening is not None:
            _read_toml_front_matter(doc, text, opening.end())
            return doc
    if not _FM_HANDLER.detect(text):
        _read_misplaced_front_matter(doc, text)
        return doc
    doc.has_front_matter = True
    boundaries = _FM_HANDLER.FM_BOUNDARY.finditer(text)
    opening = next(boundaries)
    doc.front_matter_first_line = text.count("\n", 0, opening.end()) + 1
    closing = next(boundaries, None)
    if closing is None:
        doc.front_matter_error = FrontMatterError(
            "M002", "front matter opened on line 1 is never closed: add a `---` line after the last field", -1
        )
        doc.body = text[opening.end():]
        doc.body_first_line = doc.front_matter_first_line
        return doc
    doc.body = text[closing.end():]
    doc.body_first_line = text.count("\n", 0, closing.end()) + 1
    try:
        doc.parsed_yaml = load_front_matter(text[opening.end():closing.start()])
    except FrontMatterError as error:
        doc.front_matter_error = error
    return doc


# Front matter that opens after blank lines or indented: other tools do not see it, so M001 reports it,
# but the fields are read when the block is a closed YAML mapping, so the other rules judge the page.
_LATE_OPENING = re.compile(r"\A((?:[ \t]*\n)*)([ \t]*)-{3,}[ \t]*$", re.MULTILINE)
_LATE_CLOSING = re.compile(r"^[ \t]*-{3,}[ \t]*$", re.MULTILINE)


def _read_misplaced_front_matter(doc: Document, text: str) -> None:
    block = _late_block(text, _LATE_OPENING, _LATE_CLOSING, load_front_matter)
    if block is None:
        if not _read_unopened_front_matter(doc, text):
            _note_misplaced_toml_front_matter(doc, text)
        return
    parsed, blank_lines, closing = block
    doc.front_matter_misplaced = _what_stands_before(blank_lines)
    doc.has_front_matter = True
    doc.parsed_yaml = parsed
    doc.front_matter_first_line = blank_lines + 1
    doc.body = text[closing.end():]
    doc.body_first_line = text.count("\n", 0, closing.end()) + 1


# "title: …" on line 1: fields whose opening `---` is missing, if a `---` line closes them.
_FIELD_LINE_1 = re.compile(r"[A-Za-z_][\w.-]*:(?:[ \t]|$)", re.MULTILINE)
_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def _read_unopened_front_matter(doc: Document, text: str) -> bool:
    """Read fields that start on line 1 and end at a `---` line, with no blank line between and a
    `title` among them: front matter that lost its opening `---`. Else leave the page as it is."""
    if _FIELD_LINE_1.match(text) is None:
        return False
    closing = _LATE_CLOSING.search(text)
    if closing is None or _BLANK_LINE.search(text, 0, closing.start()) is not None:
        return False  # a blank line: a page's paragraphs, not one block of fields
    parsed = _fields(text[:closing.start()], load_front_matter)
    if parsed is None or len(parsed.data) < 2 or "title" not in parsed.data:
        return False
    doc.front_matter_unopened = doc.has_front_matter = True
    doc.parsed_yaml = parsed
    doc.front_matter_first_line = 1
    doc.body = text[closing.end():]
    doc.body_first_line = text.count("\n", 0, closing.end()) + 1
    return True


def _late_block(
    text: str, opening_line: re.Pattern[str], closing_line: re.Pattern[str], load: Callable[[str], Any]
) -> tuple[Any, int, re.Match[str]] | None:
    """A front-matter block that opens after blank lines or spaces and reads as fields: (the parsed
    block, the blank lines before it, its closing line), or None (then the page has none)."""
    opening = opening_line.match(text)
    if opening is None or not (opening.group(1) or opening.group(2)):
        return None  # on line 1 it is the page's own front matter, read as such
    closing = closing_line.search(text, opening.end())
    if closing is None:
        return None
    parsed = _fields(text[opening.end():closing.start()], load)
    if parsed is None:
        return None  # not readable as fields (a thematic break and a paragraph): the page has none
    return parsed, opening.group(1).count("\n"), closing


def _fields(block: str, load: Callable[[str], Any]) -> Any:
    """``block`` read as front matter when it is a mapping of fields, else None."""
    try:
        parsed = load(block)
    except FrontMatterError:
        return None
    return parsed if isinstance(parsed.data, dict) and parsed.data else None


def _what_stands_before(blank_lines: int) -> str:
    if blank_lines:
        return "the blank line" if blank_lines == 1 else f"the {blank_lines} blank lines"
    return "the spaces"


# Hugo's TOML front matter: `+++` lines around `key = value` fields.
_TOML_BOUNDARY = re.compile(r"\+\+\+[ \t]*(?:\n|\Z)")
_TOML_CLOSING = re.compile(r"^\+\+\+[ \t]*$", re.MULTILINE)
_LATE_TOML_OPENING = re.compile(r"\A((?:[ \t]*\n)*)([ \t]*)\+\+\+[ \t]*$", re.MULTILINE)
_LATE_TOML_CLOSING = re.compile(r"^[ \t]*\+\+\+[ \t]*$", re.MULTILINE)


def _note_misplaced_toml_front_matter(doc: Document, text: str) -> None:
    """A `+++` block after blank lines or spaces stays text, as Hugo reads it, but M001 says what
    stands before it (in TOML's terms), rather than asking for front matter the page has."""
    block = _late_block(text, _LATE_TOML_OPENING, _LATE_TOML_CLOSING, load_toml_front_matter)
    if block is None:
        return
    _, blank_lines, _ = block
    doc.front_matter_misplaced = _what_stands_before(blank_lines)
    doc.front_matter_format = TOML
    doc.front_matter_first_line = blank_lines + 1


def _read_toml_front_matter(doc: Document, text: str, start: int) -> None:
    doc.has_front_matter = True
    doc.front_matter_format = TOML
    doc.front_matter_first_line = 2
    closing = _TOML_CLOSING.search(text, start)
    if closing is None:
        doc.front_matter_error = FrontMatterError(
            "M002", "front matter opened on line 1 is never closed: add a `+++` line after the last field", -1
        )
        doc.body = text[start:]
        doc.body_first_line = 2
        return
    end = closing.end() + 1 if text[closing.end():closing.end() + 1] == "\n" else closing.end()
    doc.body = text[end:]
    doc.body_first_line = text.count("\n", 0, end) + 1
    try:
        doc.parsed_yaml = load_toml_front_matter(text[start:closing.start()])
    except FrontMatterError as error:
        doc.front_matter_error = error
