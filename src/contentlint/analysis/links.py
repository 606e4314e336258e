"""Links found in a document's body, with their place in the file.

They come from the document's structural view (``analysis/structure.py``: one CommonMark +
tables parse per page): code blocks, code spans and HTML comments are skipped; inline links,
images, reference links and their definitions, autolinks, links in raw HTML (href/src) and bare
URLs in text are kept. Positions are exact file lines and columns (front matter included),
pointing at the target as written where there is one; a reference use points at its "[".
"""

from __future__ import annotations

import functools
import operator
import re
from typing import NamedTuple
from urllib.parse import urljoin, urlsplit

from contentlint.analysis import structure
from contentlint.analysis.memo import per_document
from contentlint.analysis.structure import document_structure
from contentlint.document import Document
from contentlint.model.settings import Config
from contentlint.net.addresses import host_of, is_ip_literal

# Link kinds.
INLINE = structure.INLINE  # [text](target)
IMAGE = structure.IMAGE  # ![alt](target)
REFERENCE = "reference"  # [text][label], [label] or ![alt][label]: the target is the definition's
DEFINITION = "definition"  # [label]: target
AUTOLINK = structure.AUTOLINK  # <https://...>
BARE = structure.BARE  # https://... or www.... in running text
HTML = structure.HTML  # href="..." / src="..." in raw HTML


class Link(NamedTuple):  # a tuple: pages hold dozens, and tuples are the cheapest to make
    target: str  # as written in the document
    url: str  # resolved against the front-matter `url` when relative, a base exists and it names no file; else the target
    line: int  # 1-based file line
    column: int  # 1-based column
    kind: str  # "inline", "image", "reference", "definition", "autolink", "bare", "html"
    text: str = ""

    @property
    def checks_target(self) -> bool:
        """False for a reference use: its target is checked where its definition is."""
        return self.kind != REFERENCE


# A tuple is made without the Python-level __new__ that NamedTuple adds.
_new_link = functools.partial(tuple.__new__, Link)


@per_document
def base_url(document: Document, config: Config) -> str | None:
    """The page's own address (front-matter `url`, or the key `[fields] url` names) when it is an
    absolute http(s) URL, else None."""
    return _absolute_web_url(document.metadata.get(config.fields.url))


_BLANK_OR_CONTROL = re.compile(r"[\s\x00-\x1f\x7f]")


def _absolute_web_url(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    try:
        parts = urlsplit(value.strip())
    except ValueError:
        return None
    if parts.scheme.lower() in ("http", "https") and parts.netloc and not _BLANK_OR_CONTROL.search(value.strip()):
        return value.strip()
    return None  # a space or control character: M102 reports the field, and no link is blamed for it


# ``scheme://host`` with a plain ASCII host name, then the end of the authority.
_PLAIN_ORIGIN = re.compile(r"https?://([a-z0-9.\-]+)(?=[/?#]|\Z)", re.IGNORECASE | re.ASCII)


def plain_host(url: str) -> str | None:
    """The lower-case host of an http(s) address whose host is a plain ASCII name (letters, digits,
    dots, hyphens), read without splitting the whole address; None for any other address."""
    plain = _PLAIN_ORIGIN.match(url)
    return plain.group(1).lower() if plain is not None else None


def web_host(url: str) -> str:
    """The lower-case host of an http(s) address, without a final dot; "" for any other. A plain
    host name is read without splitting the whole address (a real page's links are mostly such)."""
    plain = plain_host(url)
    if plain is not None:
        return plain.rstrip(".")
    url = url.strip()
    return host_of(url).rstrip(".") if url[:8].lower().startswith(("http://", "https://")) else ""


@per_document
def own_origin(document: Document, config: Config) -> str:
    """``scheme://host`` as the page's address spells it, when every address that begins so (then
    "/", "?", "#" or nothing) is on the page's own host, a name (not an IP address); else ""."""
    base = base_url(document, config)
    plain = _PLAIN_ORIGIN.match(base) if base else None
    if plain is None or is_ip_literal(plain.group().partition("://")[2]):
        return ""
    return plain.group()


def on_own_site(url: str, origin: str) -> bool:
    """Whether ``url`` is on the host of ``origin`` (from own_origin), told without a parse."""
    return bool(origin) and url.startswith(origin) and url[len(origin):len(origin) + 1] in "/?#"


# A scheme as urlsplit reads one: a letter, then letters, digits, "+", "-" or ".", then ":".
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")


def is_relative(target: str) -> bool:
    """A target without a scheme (a path, or //host/path): it needs a base URL."""
    stripped = target.strip()
    if _SCHEME.match(stripped):  # the usual case, told without splitting the whole address
        return False
    try:
        return not urlsplit(stripped).scheme
    except ValueError:
        return False


# The last path segment of a file name: a stem, then an extension with a letter in it.
_FILE_NAME = re.compile(r"[^/]+\.[A-Za-z0-9]*[A-Za-z][A-Za-z0-9]*")
# Pages a web server makes by running a script: a path on the page's site, not a file of the corpus.
_SERVER_PAGE = re.compile(r".*\.(?:aspx?|php\d?|jspx?|cfm|cgi|do|action)", re.IGNORECASE)


def names_a_file(target: str) -> bool:
    """A relative path whose last segment has a file extension (``../a.md``, ``img/x.png#y``):
    a file the repository could hold, resolved on disk rather than against the front-matter `url`.
    A site-root path (``/about/x.pdf``), a jump within the page, ``www.host.org`` and a page a
    server script makes (``../../Common/popDefinition.aspx?id=1``) are not."""
    stripped = target.strip()
    if not stripped or stripped[0] in "/#?" or stripped[:4].lower() == "www." or not is_relative(stripped):
        return False
    path = stripped.split("#", 1)[0].split("?", 1)[0]
    if path.lower().startswith(("http//", "https//")):
        return False
    name = path.rpartition("/")[2]
    return _FILE_NAME.fullmatch(name) is not None and _SERVER_PAGE.fullmatch(name) is None


def resolve(target: str, base: str | None) -> str:
    stripped = target.strip()
    if base is None or not stripped or stripped[:8].lower().startswith(("https://", "http://")):
        return stripped
    first = stripped[0]
    if first != "/" and first != "#" and names_a_file(stripped):
        return stripped  # a file in the repository (L010), whatever the page's url
    if first == "/" and stripped[:2] != "//" and "/." not in stripped and "\\" not in stripped:
        origin = _origin(base)  # the common case, a site-root path: no need for the full urljoin
        if origin:
            return origin + stripped
    elif first == "#" and len(stripped) > 1:  # a jump within the page (PDQ citations): the page's address, this fragment
        page = _page(base)
        if page:
            return page + stripped
    if not is_relative(stripped):
        return stripped
    try:
        return urljoin(base, stripped)
    except ValueError:
        return stripped


@functools.lru_cache(maxsize=256)
def _page(base: str) -> str:
    """The base without its fragment, when urljoin(base, "#...") is exactly that plus the fragment."""
    page = base.partition("#")[0]
    try:
        parts = urlsplit(page)
    except ValueError:
        return ""
    return page if parts.scheme and parts.netloc and not page.endswith("?") and urljoin(page, "#x") == page + "#x" else ""


@functools.lru_cache(maxsize=256)
def _origin(base: str) -> str:
    try:
        parts = urlsplit(base)
    except ValueError:
        return ""
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else ""


@per_document
def document_links(document: Document, config: Config) -> list[Link]:
    """All links in the body, in file order, found once per document."""
    return extract_links(document, config)


def extract_links(document: Document, config: Config) -> list[Link]:
    """All links in the body, in file order (by line, then column)."""
    view = document_structure(document)
    if not view.links and not view.definitions:
        return []
    base = base_url(document, config)
    links: list[Link] = []
    append = links.append
    for found in view.links:
        kind, target, dest, _, line, column, text, start, _, label = found
        if label:  # a reference use: its place is its "[" (or "!"), its target the definition's
            line, column = view.line_of(start), view.column_of(start)
            append(_new_link((dest, resolve(dest, base), line, column, REFERENCE, " ".join(text.split()))))
        elif kind == INLINE or kind == IMAGE:
            append(_new_link((target, resolve(dest, base), line, column, kind, " ".join(text.split()))))
        elif kind == BARE:
            url = "http://" + target if target[:4].lower() == "www." else target
            append(_new_link((target, url, line, column, BARE, target)))
        else:  # AUTOLINK, HTML: the text is the target as written
            append(_new_link((target, resolve(dest, base), line, column, kind, target)))
    for definition in view.definitions:
        append(
            _new_link(
                (definition.target, resolve(definition.dest, base), definition.line, definition.column, DEFINITION, definition.label)
            )
        )
    links.sort(key=_POSITION)
    return links


_POSITION = operator.itemgetter(2, 3)  # (line, column), told in C: pages hold thousands of links
