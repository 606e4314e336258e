"""Q009: documents that are probably duplicates of each other, found across the whole corpus."""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from typing import Iterable, Iterator, NamedTuple
from urllib.parse import urlsplit, urlunsplit

from contentlint.analysis.visible_text import visible_body
from contentlint.document import Document
from contentlint.model.findings import Violation
from contentlint.model.settings import Config
from contentlint.plugin import CorpusPass, corpus_pass, reported_code

CODE = "Q009"
_DEFAULT_PORTS = {"http": 80, "https": 443}
_SPACES = re.compile(r"\s+")
_SOURCE_SUFFIX = re.compile(r"\s*[-|–—:]\s*(?P<source>[^-|–—:]+?)\s*$")
# Lower-case scheme and host, no port or user: only a trailing slash and a fragment to drop.
_PLAIN_URL = re.compile(
    r"(?P<scheme>https?)://(?P<host>[a-z0-9-]+(?:\.[a-z0-9-]+)*)(?P<path>/[^?#\s]*|)(?P<query>\?[^#\s]+)?(?:#\S*)?"
)


# Paragraphs shorter than this (case and spacing folded) are not compared: headings, labels, "Yes".
_PARAGRAPH_MIN = 60
# Two texts are the same page when this share of their paragraphs is common to both.
_SAME_TEXT = 0.8
# A paragraph that more documents than this share is the publisher's boilerplate, not this page's text.
_BOILERPLATE_DOCUMENTS = 5
_BLANK_LINES = re.compile(r"\n[ \t]*\n")


class Identity(NamedTuple):
    """What one document says it is: the corpus pass keeps this (one per file), not the document."""

    url: str  # normalised; "" when there is none
    url_line: int
    title: str  # normalised; "" when there is none
    title_line: int
    source: str  # as written; "" when there is none
    paragraphs: frozenset[int] = frozenset()  # hashes of its long paragraphs, case and spacing folded


def text_fingerprint(text: str) -> frozenset[int]:
    """Hashes of the paragraphs of ``text`` long enough to tell one page from another."""
    hashes = set()
    for paragraph in _BLANK_LINES.split(text):
        folded = _single_spaced(paragraph).casefold()
        if len(folded) >= _PARAGRAPH_MIN:
            hashes.add(int.from_bytes(hashlib.blake2b(folded.encode(), digest_size=8).digest(), "big"))
    return frozenset(hashes)


# Whitespace as str.split() reads it (str.isspace()): ASCII other than space and newline, and the rest.
_ASCII_SPACES = b"\t\r\x0b\x0c\x1c\x1d\x1e\x1f"
_OTHER_SPACE = re.compile("[\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]")


def _single_spaced(paragraph: str) -> str:
    """``" ".join(paragraph.split())``. The usual paragraph, whose only whitespace is single spaces
    and line breaks, is told by C-level passes over it, without making a string of every word."""
    if paragraph.isascii() or _OTHER_SPACE.search(paragraph) is None:
        encoded = paragraph.encode("utf-8", "surrogatepass")  # a lone surrogate is no space either
        if len(encoded.translate(None, _ASCII_SPACES)) == len(encoded):
            joined = paragraph.replace("\n", " ")
            if "  " not in joined and joined[:1] != " " and joined[-1:] != " ":
                return joined
    return " ".join(paragraph.split())


def normalise_url(value: object) -> str:
    """The URL in a form where trivially different spellings compare equal, or "" if it is not one.

    Scheme and host are lower-cased, a default port, a fragment and a trailing slash are dropped.
    """
    if not isinstance(value, str) or not value.strip():
        return ""
    plain = _PLAIN_URL.fullmatch(value.strip())
    if plain is not None:  # the usual spelling: what the parse below gives, without parsing
        scheme, host, path, query = plain.group("scheme", "host", "path", "query")
        return f"{scheme}://{host}{path.rstrip('/')}{query or ''}"
    return _normalise_parsed(value)


def _normalise_parsed(value: str) -> str:
    try:
        parts = urlsplit(value.strip())
        scheme, host, port = parts.scheme.lower(), (parts.hostname or ""), parts.port
    except ValueError:  # e.g. an unclosed IPv6 bracket or a port that is not a number
        return ""
    if not scheme or not host:
        return ""
    netloc = host if port is None or port == _DEFAULT_PORTS.get(scheme) else f"{host}:{port}"
    if parts.username or parts.password:
        netloc = parts.netloc.rsplit("@", 1)[0] + "@" + netloc
    return urlunsplit((scheme, netloc, parts.path.rstrip("/"), parts.query, ""))


def normalise_title(value: object, source: str = "") -> str:
    """Case and spacing folded; a trailing " - SOURCE" naming the document's own source dropped."""
    if not isinstance(value, str):
        return ""
    title = _SPACES.sub(" ", value).strip()
    suffix = _SOURCE_SUFFIX.search(title)
    if source and suffix is not None and suffix["source"].casefold() == source.casefold() and suffix.start() > 0:
        title = title[: suffix.start()]
    return title.strip(" .").casefold()


def collect(document: Document, config: Config) -> Identity | None:
    meta = document.metadata
    if not meta:
        return None
    fields = config.fields
    raw_source = meta.get(fields.source)
    source = raw_source.strip() if isinstance(raw_source, str) else ""
    url, title = normalise_url(meta.get(fields.url)), normalise_title(meta.get(fields.title), source)
    if not url and not title:
        return None
    url_line = document.key_position(fields.url)[0] if url else 1
    title_line = document.key_position(fields.title)[0] if title else 1
    return Identity(url, url_line, title, title_line, source, text_fingerprint(visible_body(document)))


def _own_text(identity: Identity, common: set[int]) -> frozenset[int]:
    return identity.paragraphs - common if common else identity.paragraphs


def _shared(a: frozenset[int], b: frozenset[int]) -> float:
    """The share of paragraphs the two texts have in common (of the longer text)."""
    return len(a & b) / max(len(a), len(b)) if a and b else 0.0


def finish(summaries: list[tuple[str, Identity]], config: Config) -> Iterator[tuple[str, str, Violation]]:
    counts = Counter(h for _, identity in summaries for h in identity.paragraphs)
    common = {h for h, n in counts.items() if n > _BOILERPLATE_DOCUMENTS}
    first_by_url: dict[str, tuple[str, Identity]] = {}
    first_by_title: dict[str, list[tuple[str, Identity]]] = {}
    for path, identity in summaries:
        same_url = first_by_url.get(identity.url) if identity.url else None
        if same_url is not None:
            earlier, other = same_url
            yield path, CODE, Violation(
                identity.url_line, 1,
                f"same url as {earlier} (line {other.url_line}): {identity.url}; this is probably "
                "a duplicate: keep one of the two, or give this document its own url",
                subject=identity.url,
            )
        elif identity.url:
            first_by_url[identity.url] = (path, identity)
        if not identity.title:
            continue
        earlier_same_title = first_by_title.setdefault(identity.title, [])
        if same_url is None:
            match = _same_text(_own_text(identity, common), earlier_same_title, common)
            if match is not None:
                (earlier, other), share = match
                where = (f"under another url ({other.url} there, {identity.url} here)"
                         if other.url and identity.url else "in another file")
                yield path, CODE, Violation(
                    identity.url_line if identity.url else identity.title_line, 1,
                    f"the same title and text as {earlier} ({share:.0%} of its paragraphs) {where}: probably one "
                    "page saved twice, under an old and a new address; keep the current one",
                    subject=identity.url or identity.title,
                )
        earlier_same_title.append((path, identity))


def _same_text(
    own: frozenset[int], candidates: Iterable[tuple[str, Identity]], common: set[int]
) -> tuple[tuple[str, Identity], float] | None:
    """The earlier document whose own text this one shares most, if it shares enough."""
    best: tuple[tuple[str, Identity], float] | None = None
    for entry in candidates:
        share = _shared(own, _own_text(entry[1], common))
        if share >= _SAME_TEXT and (best is None or share > best[1]):
            best = (entry, share)
    return best


corpus_pass(CorpusPass("duplicates", (CODE,), collect, finish))


reported_code(
    CODE, "duplicate-document", "warning",
    doc="""Two documents are probably the same page: they share a `url`, or a title and their text.

    Why it matters: a duplicate doubles the review work, and sooner or later
    the two copies drift apart, so patients (or a retrieval assistant) see two
    versions of the same advice, one of them stale.

    This is a corpus-wide check: it compares every document checked in the
    run, and reports the later file (in the order files are checked), naming
    the earlier one. Two documents are likely duplicates when:

    - their front-matter `url`s are the same once scheme and host case, a
      default port, a `#fragment` and a trailing slash are ignored:
      `https://www.cancer.gov/types/breast/` and `HTTPS://WWW.cancer.gov/types/breast#top`;
    - or their `title`s are the same (ignoring case, spacing, and a trailing
      " - SOURCE" that names the document's own source) and so is their text:
      80% or more of their paragraphs of 60 characters or more, case and
      spacing ignored, are common to both. This is the same page saved under
      its old and its new address. Paragraphs that more than five documents
      share (a publisher's footer, a standard disclaimer) are not counted.

    Not reported: two pages that only share a title, such as two publishers'
    own pages about one medicine ("Lenalidomide"); two pages with the same
    text under different titles (a site's listing pages); documents without
    front matter.

    Example: `docs/nci/lenalidomide.md` and `docs/imported/lenalidomide-copy.md`
    both have `url: https://www.cancer.gov/about-cancer/treatment/drugs/lenalidomide`;
    the second gets Q009 naming the first.

    Fix: delete one copy, or, when both are meant to stay, give each its own
    canonical `url` (or title). To keep a known pair, suppress it in the later
    file: `<!-- contentlint-disable-file Q009 -->`.

    Options: none. Only the files of one run are compared, so with `--shard`
    a duplicate across two shards is not found. The fields read are `url`,
    `title` and `source` unless `[tool.contentlint.fields]` names others.
    """,
)
