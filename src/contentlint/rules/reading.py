"""E001: files that cannot be read as text; E999: a rule that failed on a file (reported by the linter)."""

from __future__ import annotations

from typing import Iterator

from contentlint.document import Document
from contentlint.model.findings import Violation
from contentlint.model.settings import Config
from contentlint.plugin import reported_code, rule


@rule("E001", "unreadable-file", "error")
def unreadable_file(document: Document, config: Config) -> Iterator[Violation]:
    """File cannot be read as UTF-8 text.

    Why it matters: a document the tool cannot read is a document nobody has
    checked. A binary file, a file saved as Windows-1252 or UTF-16, a file over
    the size limit or one that vanished or lost its permissions all land here.
    So does a symbolic link that leads out of the project folder (the config
    file's folder, or the working directory): it is not followed, so a link to
    a credentials file is never read or quoted; the finding says where it
    leads. `--follow-links` checks such files. The run goes on with the other files.

    Example: a `.txt` export saved by an old word processor as Windows-1252:
    `file is not UTF-8 text: byte 0xe9 on line 4 cannot be decoded; it is probably
    Windows-1252 (cp1252), where that byte is "é". Convert the file to UTF-8`.

    A UTF-8 file with a few stray bytes (a curly quote pasted from a word processor)
    is told apart, because converting it whole would garble the letters it has right:
    `file is UTF-8 but 2 bytes are not (line 9): byte 0x92 here is "’" in Windows-1252;
    replace such bytes with the characters they stand for, and do not convert the whole
    file, which would garble the rest`. The finding points at the first such byte.

    Fix: re-save the file as UTF-8, or replace the stray bytes. A byte-order mark and
    CRLF line endings are fine.

    Options: `max-file-size-mb` (default 32) sets the size limit.
    """
    if document.read_error is not None:
        error = document.read_error
        yield Violation(error.line, error.column, error.message)


reported_code(
    "E999", "internal-error", "error",
    doc="""A rule failed on this file because of a bug in contentlint.

    Why it matters: the file was only partly checked. The other rules' findings
    for it, and every other file, are still reported.

    Fix: report the message and, if you can, the file to the contentlint
    maintainers. Suppress it with `--ignore E999` until it is fixed.

    Options: none.
    """,
)
