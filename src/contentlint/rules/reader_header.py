"""Q024: the header a reader service writes above a page it fetched, left at the top of the body."""

from __future__ import annotations

import json
import re
from typing import Iterator, NamedTuple

from contentlint.analysis.fix_edits import body_start
from contentlint.document import Document
from contentlint.model.findings import Violation
from contentlint.model.fixes import Edit, Fix
from contentlint.model.settings import Config
from contentlint.plugin import rule

# r.jina.ai and the tools built on it write "Title: …", "URL Source: …", "Published Time: …" (and
# "Warning: …" when the fetch went wrong), then "Markdown Content:" and the page.
_FIELD = re.compile(r"(Title|URL Source|Published Time|Description|Number of Pages|Warning|Image \d+): ?([^\n]*)")
_CONTENT_LABEL = re.compile(r"Markdown Content: *")
_FAILED = re.compile(r"Target URL returned error|This page maybe requiring CAPTCHA")
_MOST_LINES = 24  # the header's lines, blank ones included
_HEADER_START = 200  # characters of the body's start where a header would begin
_HEADER_END = 4_000  # characters of the body's start within which its "Markdown Content:" stands
_PLAIN_URL = re.compile(r"https?://[^\s\"'#]+")  # written in YAML as it is


class _Header(NamedTuple):
    start: int  # body offsets: the header's first line, and the end of its "Markdown Content:" line
    end: int
    fields: tuple[tuple[str, str], ...]  # (label, value) in order
    line: int


@rule("Q024", "reader-header", "warning", fix="safe")
def reader_header(document: Document, config: Config) -> Iterator[Violation]:
    """The body starts with the header a reader service wrote above the page it fetched.

    Why it matters: pages fetched through a reader service such as r.jina.ai come with
    its header: "Title: …", "URL Source: …", "Published Time: …", then "Markdown
    Content:". Left in the body, it shows to readers as the page's first lines and
    goes into every search index and assistant as if it were content; the title and
    the address it gives belong in front matter.

    Reported: those lines at the top of the body, up to "Markdown Content:", when they
    hold a "Title:" or a "URL Source:".

    Example: a file that begins "Title: Pre-eclampsia - NHS", "URL Source:
    https://www.nhs.uk/conditions/pre-eclampsia/", "Markdown Content:".

    Not reported: a header that says the fetch failed ("Warning: Target URL returned
    error 404"): the file is an error page, which Q023 reports.

    Fix: without front matter, `--fix` turns the header into front matter: its title
    becomes `title`, its address `url`, and its other lines stay as comments in it ("#
    Published Time: …"); the rest of the required fields are then M101's to name. With
    front matter that already has the title and the address, `--fix --unsafe-fixes`
    deletes the header (unsafe: a person should check that nothing in it is wanted,
    such as its date); when the front matter lacks one, the message gives the field to
    add.

    Options: none.
    """
    header = _header(document)
    if header is None or any(label == "Warning" and _FAILED.match(value) for label, value in header.fields):
        return  # the fetch failed: the file is an error page, Q023's
    labels = dict(header.fields)
    if not document.has_front_matter:
        fix, then = _into_front_matter(document, config, header, labels), "--fix turns it into front matter"
    else:
        missing = _missing(document, config, labels)
        fix = None if missing else _deleted(document, header)
        then = (f"add {' and '.join(missing)} to the front matter, then delete it" if missing
                else "--fix --unsafe-fixes deletes it (the front matter has its title and address)")
    shown = ", ".join(f'"{label}:"' for label, _ in header.fields)
    yield Violation(
        header.line, 1,
        f"the body starts with a reader service's header ({shown}, \"Markdown Content:\"): readers see it "
        f"as the page's first lines; {then}",
        subject="reader-header",
        fix=fix,
    )


def _header(document: Document) -> _Header | None:
    body = document.body
    if "Markdown Content:" not in body[:_HEADER_END]:
        return None
    position = len(body) - len(body.lstrip("\n \t"))
    if position > _HEADER_START:
        return None
    start, fields = position, []
    for _ in range(_MOST_LINES):
        end = body.find("\n", position)
        end = len(body) if end < 0 else end
        line = body[position:end].rstrip(" \t\r")
        if _CONTENT_LABEL.fullmatch(line):
            labels = {label for label, _ in fields}
            if not labels & {"Title", "URL Source"}:
                return None
            return _Header(start, min(end + 1, len(body)), tuple(fields), document.body_first_line + body.count("\n", 0, start))
        match = _FIELD.fullmatch(line)
        if match is not None:
            fields.append((match.group(1), match.group(2).strip()))
        elif line:
            return None
        if end >= len(body):
            return None
        position = end + 1
    return None


def _into_front_matter(document: Document, config: Config, header: _Header, labels: dict[str, str]) -> Fix | None:
    """Front matter made of the header: title, url, and its other lines as comments."""
    title, url = labels.get("Title", ""), labels.get("URL Source", "")
    if not (title or url):
        return None
    lines = ["---"]
    if title:
        lines.append(f"{config.fields.title}: {json.dumps(title, ensure_ascii=False)}")
    if url:
        lines.append(f"{config.fields.url}: {url if _PLAIN_URL.fullmatch(url) else json.dumps(url, ensure_ascii=False)}")
    lines.extend(f"# {label}: {value}" for label, value in header.fields if label not in ("Title", "URL Source"))
    lines.append("---")
    offset = body_start(document)
    edit = Edit(offset + header.start, offset + header.end, "\n".join(lines) + "\n")
    return Fix((edit,), "turn the reader service's header into front matter", makes_front_matter=True)


def _missing(document: Document, config: Config, labels: dict[str, str]) -> list[str]:
    """What the header gives that the front matter lacks, as fields to add (`url: https://…`)."""
    meta, missing = document.metadata, []
    for key, label in ((config.fields.title, "Title"), (config.fields.url, "URL Source")):
        if labels.get(label) and not str(meta.get(key) or "").strip():
            missing.append(f"`{document.field_text(key, labels[label])}`")
    return missing


def _deleted(document: Document, header: _Header) -> Fix:
    offset = body_start(document)
    return Fix((Edit(offset + header.start, offset + header.end),), "delete the reader service's header", safe=False)
