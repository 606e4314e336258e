"""The ids a link's ``#fragment`` can name in a document, as renderers make them.

A heading's id depends on who renders the page, so a fragment is found when any of these
makes it (a fragment nobody would make is the only one reported):

- GitHub (and github-slugger, used by remark, Docusaurus and others; Hugo's default is the
  same): lower-case; every character that is not a letter, mark, digit, ``_``, ``-`` or space
  removed (so punctuation and emoji go, a code span's text stays); spaces become ``-``; a
  repeated slug gets ``-1``, ``-2``, ...
- kramdown (Jekyll, GitHub Pages): leading characters before the first ASCII letter removed,
  then everything but ASCII letters, digits, spaces and ``-``; repeats get ``-1``, ``-2``.
- Python-Markdown's ``toc`` (MkDocs): accents folded to ASCII, ``\\w``, spaces and ``-``
  kept, runs of spaces and ``-`` become one ``-``; repeats get ``_1``, ``_2``.
- An explicit attribute at the end of a heading, ``## Side effects {#effects}`` (kramdown,
  Hugo, Python-Markdown's attr_list, Pandoc), and raw HTML ``id="..."`` or ``name="..."``
  outside code and comments.
- A term of a definition list (``Anchor`` then ``: The point the crop keeps.``), slugged as
  GitHub slugs a heading: Hugo gives terms ids with ``autoDefinitionTermID``.
"""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from typing import Iterable, NamedTuple

from contentlint.analysis.memo import per_document
from contentlint.analysis.structure import CodeBlock, document_structure
from contentlint.document import Document

# github-slugger keeps Unicode letters, marks, decimal digits, letter numbers and connector
# punctuation (its regex is generated from Unicode's Alphabetic, Mark, Decimal_Number,
# Connector_Punctuation), plus the circled and squared Latin letters, which are Alphabetic symbols.
_KEPT_CATEGORIES = frozenset({"Lu", "Ll", "Lt", "Lm", "Lo", "Mn", "Mc", "Me", "Nd", "Nl", "Pc"})
_ALPHABETIC_SYMBOLS = ((0x24B6, 0x24E9), (0x1F130, 0x1F149), (0x1F150, 0x1F169), (0x1F170, 0x1F189))
_ASCII_DROPPED = re.compile(r"[^a-z0-9_\- ]")
_NUMBERED = re.compile(r"(.*)_([0-9]+)")  # Python-Markdown's IDCOUNT_RE

_ATTRIBUTES = re.compile(r"\s*\{:?([^{}]*)\}\s*$")  # "{#id .class}" or "{: #id}" ending a heading
_ATTRIBUTE_ID = re.compile(r"(?:^|\s)#([^\s#{}]+)")
_HTML_TAG = re.compile(r"<[A-Za-z][^<>]*>")
_HTML_ID = re.compile(r"""\s(?:id|name)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""", re.IGNORECASE)


@functools.lru_cache(maxsize=8192)
def _kept(character: str) -> bool:
    if character in " -" or unicodedata.category(character) in _KEPT_CATEGORIES:
        return True
    point = ord(character)
    return any(low <= point <= high for low, high in _ALPHABETIC_SYMBOLS)


def github_slug(text: str) -> str:
    """GitHub's id for a heading whose text is ``text``, before repeats are numbered."""
    lowered = text.lower()
    if lowered.isascii():
        kept = _ASCII_DROPPED.sub("", lowered)
    else:
        kept = "".join(character for character in lowered if _kept(character))
    return kept.replace(" ", "-")


def kramdown_slug(text: str) -> str:
    """kramdown's automatic header id (Jekyll's default), before repeats are numbered."""
    text = re.sub(r"^[^a-zA-Z]+", "", text)
    text = re.sub(r"[^a-zA-Z0-9 \-]", "", text).replace(" ", "-").lower()
    return text or "section"


def python_markdown_slug(text: str) -> str:
    """Python-Markdown's ``toc`` slugify (MkDocs), before repeats are numbered."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[^\w\s-]", "", text).strip().lower()
    return re.sub(r"[-\s]+", "-", text)


def github_ids(texts: Iterable[str]) -> list[str]:
    """The ids of headings in order, repeats numbered as github-slugger numbers them."""
    occurrences: dict[str, int] = {}
    ids = []
    for text in texts:
        slug = result = github_slug(text)
        while result in occurrences:
            occurrences[slug] += 1
            result = f"{slug}-{occurrences[slug]}"
        occurrences[result] = 0
        ids.append(result)
    return ids


def _kramdown_ids(texts: Iterable[str]) -> list[str]:
    used: dict[str, int] = {}
    ids = []
    for text in texts:
        slug = kramdown_slug(text)
        if slug in used:
            used[slug] += 1
            slug = f"{slug}-{used[slug]}"
        else:
            used[slug] = 0
        ids.append(slug)
    return ids


def _python_markdown_ids(texts: Iterable[str]) -> list[str]:
    used: set[str] = set()
    ids = []
    for text in texts:
        slug = python_markdown_slug(text)
        while slug in used or not slug:
            numbered = _NUMBERED.fullmatch(slug)
            slug = f"{numbered.group(1)}_{int(numbered.group(2)) + 1}" if numbered else f"{slug}_1"
        used.add(slug)
        ids.append(slug)
    return ids


def split_attributes(text: str) -> tuple[str, str | None]:
    """A heading's text without a trailing ``{#id ...}`` block, and that id (None when none)."""
    match = _ATTRIBUTES.search(text)
    if match is None:
        return text, None
    found = _ATTRIBUTE_ID.search(match.group(1))
    if found is None:
        return text, None
    return text[: match.start()], found.group(1)


class HeadingIds(NamedTuple):
    """What a fragment may name in one document."""

    ids: frozenset[str]
    folded: frozenset[str]  # the same, lower-case
    headings: tuple[str, ...]  # GitHub's ids of the headings, in order (for "did you mean")

    def has(self, fragment: str) -> bool:
        return fragment in self.ids or fragment.lower() in self.folded


def ids_of_texts(heading_texts: list[str], html_ids: Iterable[str] = ()) -> HeadingIds:
    """The ids made from these heading texts (in order) and raw HTML ids."""
    made, explicit = [], []  # a heading with an explicit id gets that id, not a made one
    for text in heading_texts:
        bare, given = split_attributes(text)
        if given is None:
            made.append(bare)
        else:
            explicit.append(given)
    github = github_ids(heading_texts)  # GitHub does not read {#id}: it slugs the whole text
    ids = {*github, *_kramdown_ids(made), *_python_markdown_ids(made), *explicit}
    ids.update(html_ids)
    ids.discard("")
    return HeadingIds(frozenset(ids), frozenset(i.lower() for i in ids), tuple(github))


def html_ids(text: str) -> list[str]:
    """``id`` and ``name`` attribute values of the HTML tags in ``text``."""
    found = []
    for tag in _HTML_TAG.finditer(text):
        for match in _HTML_ID.finditer(tag.group()):
            found.append(next(value for value in match.groups() if value is not None))
    return found


@per_document
def heading_ids(document: Document) -> HeadingIds:
    """Every id a ``#fragment`` link can name in this document."""
    view = document_structure(document)
    raw = html_ids(view.visible_text()) if "<" in view.body else []
    if "\n:" in view.body:  # terms of definition lists, which Hugo can give ids (autoDefinitionTermID)
        blocks = view.code_blocks
        starts = [block.start for block in blocks]
        raw += [
            github_slug(term.group(1)) for term in _DEFINITION_TERM.finditer(view.body)
            if not _in_block(blocks, starts, term.start())
        ]
    return ids_of_texts([heading.text for heading in view.headings], raw)


def _in_block(blocks: tuple[CodeBlock, ...], starts: list[int], offset: int) -> bool:
    """Whether ``offset`` falls in a code block (blocks in source order, ``starts`` their starts).
    Code blocks only: a code span would hide a term written as `maxDose`."""
    index = bisect.bisect_right(starts, offset) - 1
    return index >= 0 and offset < blocks[index].end


# A term of a definition list: a line, then its definition on the next line after ": ".
_DEFINITION_TERM = re.compile(r"^(?=\S)([^\n]+)\n:[ \t]", re.MULTILINE)
