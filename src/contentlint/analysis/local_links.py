"""Links to files in the repository and the anchors they name, resolved on disk (L010, L011).

A local link is a relative link (not a site-root path ``/about/...``, not ``//host``) that names a
file: its last segment has an extension (``../treatment/chemo.md``, ``images/x.png``), or it
exists on disk. It resolves against the folder of the document itself, whatever the front-matter
`url`. A jump within the page (``#side-effects``) is kept too, for the anchor check.

The repository root, which a local link may not leave, is the first of: `local-root` in
``[tool.contentlint.links]`` (relative to the config file); the git work tree that holds the
document (the nearest folder above it with a ``.git``); the config file's folder, or the working
directory when there is no config file, if the document lies inside it. A document outside all
of these has no such limit.
"""

from __future__ import annotations

import errno
import functools
import os
from typing import NamedTuple
from urllib.parse import unquote

from contentlint.analysis.heading_ids import HeadingIds, heading_ids
from contentlint.analysis.links import REFERENCE, Link, document_links, is_relative, names_a_file
from contentlint.analysis.memo import computed, per_document
from contentlint.document import Document
from contentlint.document.reading import read_document
from contentlint.model.errors import ConfigError
from contentlint.model.settings import Config, Option, Resource

# Files whose headings a `file.md#fragment` link can name.
MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd", ".mkdn", ".mdx")

LOCAL_ROOT = Option(
    "links", "local-root", {"type": "string", "minLength": 1}, None,
    "the folder that local links may not leave, relative to the config file "
    "(default: the git work tree of each document, else the config file's folder)",
)


class LocalLink(NamedTuple):
    index: int  # in document_links
    link: Link
    path: str  # percent-decoded, without query or fragment; "" for a jump within the page
    fragment: str  # percent-decoded; "" when there is none
    file: str  # absolute and normalised; "" for a jump within the page


# A tuple made without the Python-level __new__ that NamedTuple adds: pages hold dozens of jumps.
_new_local = functools.partial(tuple.__new__, LocalLink)


def split_target(target: str) -> tuple[str, str]:
    """(path, fragment) of a relative target, both percent-decoded; the query is dropped."""
    path, _, fragment = target.strip().partition("#")
    path = path.partition("?")[0]
    return unquote(path), unquote(fragment)


@per_document
def document_folder(document: Document) -> str:
    """The real folder of the document (its path is as shown, relative to the working directory)."""
    return os.path.realpath(os.path.dirname(os.path.abspath(document.path)))


@per_document
def local_links(document: Document, config: Config) -> list[LocalLink]:
    """The document's local links and jumps within the page, in file order."""
    found: list[LocalLink] = []
    for local in _relative_links(document, config):
        if not local.file or names_a_file(local.link.url.strip()) or _exists(local.file):
            found.append(local)
    return found


def disk_paths(document: Document) -> list[str]:
    """Every path on disk that the document's relative links name, whether it exists or not,
    each once, in file order: what the checks of this document read from the disk. None when
    no check of it looked at its relative links."""
    relative = computed(document, _relative_links) or ()
    return list(dict.fromkeys(local.file for local in relative if local.file))


@per_document
def _relative_links(document: Document, config: Config) -> list[LocalLink]:
    """Jumps within the page, and relative links resolved on disk (named files or not)."""
    found: list[LocalLink] = []
    folder: str | None = None
    for index, link in enumerate(document_links(document, config)):
        if link.kind == REFERENCE:
            continue  # checked at its definition
        target = link.target.strip()
        if target[:1] == "#":
            fragment = unquote(target[1:])  # split_target's reading of a jump, without its splits
            if fragment:
                found.append(_new_local((index, link, "", fragment, "")))
            continue
        url = link.url.strip()  # a file link stays unresolved; dest with escapes read
        if not url or url[0] in "/#?\\" or not is_relative(url):
            continue  # a path from "\\" is a network share's (L007)
        path, fragment = split_target(url)
        if not path:
            continue
        if folder is None:
            folder = document_folder(document)
        found.append(_new_local((index, link, path, fragment, os.path.normpath(os.path.join(folder, path)))))
    return found


@per_document
def local_link_indexes(document: Document, config: Config) -> frozenset[int]:
    """Indexes (in document_links) of the links to files: the link rules L004-L008 leave them to L010."""
    return frozenset(local.index for local in local_links(document, config) if local.file)


def _exists(file: str) -> bool:
    return file_status(file) is True


def file_status(file: str) -> bool | None:
    """True when ``file`` exists, False when it does not, None when that cannot be told
    (a folder on the way cannot be read)."""
    try:
        os.stat(file)
        return True
    except (FileNotFoundError, NotADirectoryError, ValueError):
        return False
    except OSError as error:
        return False if error.errno == errno.ENAMETOOLONG else None


def markdown_source(file: str) -> str | None:
    """The Markdown page a missing ``name.html`` is built from, when ``name.md`` (or another
    Markdown suffix) is beside it: site generators (mdBook, Jekyll) publish each page so."""
    stem, suffix = os.path.splitext(file)
    if suffix.lower() not in (".html", ".htm") or file_status(file) is not False:
        return None
    return next((stem + markdown for markdown in MARKDOWN_SUFFIXES if file_status(stem + markdown) is True), None)


def inside(file: str, root: str) -> bool:
    return file == root or file.startswith(root.rstrip(os.sep) + os.sep)


class LocalFiles:
    """What the local-link rules learn about the disk in one run (per process with --jobs):
    the root of each folder, the ids of each Markdown file another document links into."""

    def __init__(self, config: Config) -> None:
        setting = config.option(LOCAL_ROOT)
        self.fixed_root: str | None = None
        if setting:
            self.fixed_root = os.path.realpath(os.path.join(config.root, os.path.expanduser(setting)))
            if not os.path.isdir(self.fixed_root):
                raise ConfigError(f"[links] local-root: {setting!r} is not a folder ({self.fixed_root})")
        self.config_root = os.path.realpath(config.root)
        self.max_bytes = config.max_file_bytes
        self._roots: dict[str, str | None] = {}
        self._ids: dict[str, HeadingIds | None] = {}
        self._names: dict[str, list[str]] = {}

    def root_for(self, folder: str) -> str | None:
        """The repository root for documents in ``folder`` (a real path), or None for no limit."""
        if self.fixed_root is not None:
            return self.fixed_root
        if folder not in self._roots:
            self._roots[folder] = self._git_top(folder) or (self.config_root if inside(folder, self.config_root) else None)
        return self._roots[folder]

    def _git_top(self, folder: str) -> str | None:
        current = folder
        while True:
            if os.path.lexists(os.path.join(current, ".git")):
                return current
            parent = os.path.dirname(current)
            if parent == current:
                return None
            current = parent

    def ids_in(self, file: str) -> HeadingIds | None:
        """The ids of a Markdown file, read once; None when it cannot be read as a document."""
        if file not in self._ids:
            try:
                document = read_document(file, file, self.max_bytes)
            except ValueError:  # a name the file system cannot take (an unpaired surrogate)
                document = None
            self._ids[file] = None if document is None or document.read_error is not None else heading_ids(document)
        return self._ids[file]

    def names_in(self, folder: str) -> list[str]:
        """The entries of ``folder`` (for "did you mean"); empty when it cannot be listed."""
        if folder not in self._names:
            try:
                self._names[folder] = sorted(os.listdir(folder))
            except (OSError, ValueError):
                self._names[folder] = []
        return self._names[folder]


LOCAL_FILES = Resource("local files", LocalFiles, options=(LOCAL_ROOT,))
