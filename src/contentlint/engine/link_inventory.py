"""Every link of the documents, for `contentlint links`: where it is written, where it leads, and what
the offline checks make of it. Nothing is requested over the network."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from contentlint.analysis.link_problems import offline_problems
from contentlint.analysis.links import document_links, web_host
from contentlint.analysis.local_links import local_link_indexes
from contentlint.document import Document
from contentlint.document.reading import read_document
from contentlint.engine.discovery import outside_target
from contentlint.model.settings import Config

FILE = "file"  # a link to a file of the repository (L010 checks it on disk)
_NOWHERE = ("L005", "L007")  # a placeholder ("#", "", javascript:) or a malformed address


@dataclass(frozen=True)
class CitedLink:
    path: str  # the document, as shown in findings
    line: int
    column: int
    kind: str  # inline, image, definition, autolink, bare, html
    target: str  # as written
    url: str  # resolved against the page's `url` when relative, else as written
    host: str  # lower case; "" when the link is not to an http(s) address
    problem: str  # the offline code it gets (L004-L008), FILE, or ""


@dataclass
class Inventory:
    links: list[CitedLink]
    documents: int  # read and listed
    unreadable: list[str]  # shown paths of files that could not be read or are outside the project


def document_inventory(document: Document, config: Config) -> list[CitedLink]:
    """The links of one document, in file order. A reference use (`[text][1]`) is left out: its
    address is written, and listed, where its definition is."""
    links = document_links(document, config)
    problems = offline_problems(document, config)
    files = local_link_indexes(document, config)
    listed = []
    for index, link in enumerate(links):
        if not link.checks_target:
            continue
        problem = FILE if index in files else problems.get(index, ("", ""))[0]
        url = link.url
        if link.target.startswith("#") or problem in _NOWHERE:
            url = link.target  # it leads to no other page, whatever the page's own url would make of it
        listed.append(CitedLink(document.path, link.line, link.column, link.kind, link.target, url, web_host(url), problem))
    return listed


def inventory(files: Iterable[tuple[Path, str]], config: Config) -> Inventory:
    result = Inventory([], 0, [])
    for path, shown in files:
        links = _file_links(path, shown, config)
        if links is None:
            result.unreadable.append(shown)
        else:
            result.documents += 1
            result.links.extend(links)
    return result


def _file_links(path: Path, shown: str, config: Config) -> list[CitedLink] | None:
    if not config.follow_links and outside_target(path, config.root) is not None:
        return None  # never read, as `check` never reads it
    document = read_document(path, shown, config.max_file_bytes)
    if document.read_error is not None:
        return None
    return document_inventory(document, config)
