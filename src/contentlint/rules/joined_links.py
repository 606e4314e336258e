"""Q021: a link with no space between it and the word before or after it."""

from __future__ import annotations

import bisect
import re
import string
from typing import Iterator

from contentlint.analysis.fix_edits import body_start
from contentlint.analysis.phrase_index import text_scan
from contentlint.analysis.phrases import quoted, quoted_end
from contentlint.analysis.structure import Link, document_structure, shows_its_text
from contentlint.analysis.visible_text import visible_lower
from contentlint.document import Document
from contentlint.model.findings import Violation
from contentlint.model.fixes import Edit, Fix
from contentlint.model.settings import Config, search_words
from contentlint.plugin import rule

# A link's end touching a word ("…](/def/46358)is") and a word touching a link's start ("the[BRAF
# gene]"): the phrase index finds them in its one pass over the lower-case text.
_ENDS = tuple(f"){letter}" for letter in string.ascii_lowercase) + tuple(f"]{letter}" for letter in string.ascii_lowercase)
_STARTS = tuple(f"{letter}[" for letter in string.ascii_lowercase)
JOINS = search_words("words joined to links", _ENDS + _STARTS)
_END_KEYS, _START_KEYS = frozenset(_ENDS), frozenset(_STARTS)

# Words that are never part of another word's spelling: "regimen" + "had" is two words.
_SHORT_WORDS = frozenset(
    "a an and are as at be but by can for from had has have if in into is it its may not of on or so than that "
    "the their then these they this to was we were which who will with without you your".split()
)
# What ends or starts a word split across a link's edge ("[inhibitor](…)s", "pseudo[ginseng](…)").
_SUFFIXES = frozenset("s es ed d ing ings er ers or ors ly al ol ic ics ism ist ists ive ion ions ity ies y".split())
_PREFIXES = frozenset("anti bio co de hyper hypo inter intra micro multi non over post pre pseudo re sub un under".split())
_LETTERS = re.compile(r"[a-z]+")
_LAST_WORD = re.compile(r"([A-Za-z]+)\W*$")
_FIRST_WORD = re.compile(r"\W*([A-Za-z]+)")
_APOSTROPHES = "'’"


@rule("Q021", "link-joined-to-word", "warning", uses=[JOINS], fix="unsafe")
def link_joined_to_word(document: Document, config: Config) -> Iterator[Violation]:
    """A link touches the word after or before it, with no space between them.

    Why it matters: a page copied from the web often loses the space between a link
    and the text around it (the site's style put it there). Readers then see
    "Hyperfractionationis a smaller dose" or "mutations in theBRAF gene", and a
    search or a retrieval assistant reads one word that does not exist.

    Reported: a lower-case word right after a link's closing bracket
    (`[**Hyperfractionation**](https://example.org/def)is a smaller dose`), or a word
    right before a link's opening bracket (`in the[BRAF gene](https://example.org/def)`),
    when the two do not make one word: the word is a short word that stands alone
    ("is", "the", "had", "or"), or the joined word appears nowhere else on the page.

    Not reported: a word split across the link's edge, which still reads as one word
    (`[inhibitor](https://example.org/def)s`, `[Immunomodulat](https://example.org/def)ors`,
    `pseudo[ginseng](https://example.org/def)`: an ending or a prefix, or a word the
    page writes whole elsewhere); one letter before a link (a footnote's letter, "b");
    a capital after a link (often a figure's caption, a new sentence); a footnote's mark
    (`[^1]`), images, bare URLs, HTML and code.

    Fix (unsafe): `--fix --unsafe-fixes` puts a space between the link and the word.
    Unsafe: whether the two were meant as one word is a person's call when the page
    does not say.

    Options: none.
    """
    scan = text_scan(document, config)
    ends = [place for join in scan.among(_END_KEYS) for place in scan.occurrences(join)]
    starts = [place for join in scan.among(_START_KEYS) for place in scan.occurrences(join)]
    if not ends and not starts:
        return
    view = document_structure(document)
    body, links = view.body, view.links
    link_starts = [link.start for link in links]
    page_words: set[str] | None = None
    joins: list[tuple[int, Link, str, str]] = []  # (where the space goes, link, left, right)
    for place in ends:  # a link that ends at place + 1, a lower-case letter after it
        at = bisect.bisect_right(link_starts, place) - 1
        link = links[at] if at >= 0 else None
        word = _LETTERS.match(body, place + 1)  # lower case as written, not only as the scan reads it
        if link is not None and link.end == place + 1 and word is not None and _shown_link(body, link):
            found = _LAST_WORD.search(link.text)
            joins.append((place + 1, link, found.group(1) if found else "", word.group()))
    for place in starts:  # a link that starts at place + 1, a letter before it
        at = bisect.bisect_left(link_starts, place + 1)
        link = links[at] if at < len(links) and link_starts[at] == place + 1 else None
        found = _FIRST_WORD.match(link.text) if link is not None and _shown_link(body, link) else None
        if link is not None and found is not None:
            joins.append((place + 1, link, _word_before(body, place + 1), found.group(1)))
    for at, link, left, right in sorted(joins, key=lambda join: join[0]):
        after = at == link.end
        if page_words is None:
            page_words = _words_of_page(document)
        if not _two_words(left, right, after, page_words):
            continue
        text = " ".join(link.text.split())
        shown = quoted_end(text + right, 36) if after else f'"{left + _head(text)}"'
        yield Violation(
            view.line_of(at), view.column_of(at),
            f"no space between the link {quoted(text, 40)} and the word "
            f"{quoted(right if after else left)}: readers see {shown}; add a space",
            subject=(right if after else left).lower(),
            fix=Fix((Edit(body_start(document) + at, body_start(document) + at, " "),), "put a space", safe=False),
        )


def _shown_link(body: str, link: Link) -> bool:
    """A link the reader sees as its text, which it has (one without is Q022's), and not a
    footnote's mark (`[^1]`)."""
    return shows_its_text(body, link) and not body.startswith("[^", link.start) and link.text.strip() != ""


def _head(text: str, keep: int = 30) -> str:
    """The words at the start of ``text``, about ``keep`` characters of them."""
    words = text.split(" ")
    for count in range(1, len(words) + 1):
        if len(" ".join(words[:count])) > keep:
            return " ".join(words[:max(count - 1, 1)]) + "…"
    return text


def _word_before(body: str, start: int) -> str:
    """The letters right before ``start``, with a possessive's "NCI’" when they are its "s"."""
    begin = start
    while begin > 0 and body[begin - 1].isalpha():
        begin -= 1
    if start - begin == 1 and begin > 1 and body[begin - 1] in _APOSTROPHES and body[begin - 2].isalpha():
        begin -= 2
        while begin > 0 and body[begin - 1].isalpha():
            begin -= 1
    return body[begin:start]


def _two_words(left: str, right: str, after: bool, page_words: set[str]) -> bool:
    """Whether ``left`` and ``right`` read as two words run together rather than one word split."""
    loose = right if after else left  # the word outside the link
    if loose.lower() in _SHORT_WORDS:
        return True
    if any(mark in loose for mark in _APOSTROPHES):
        return True  # "NCI’s" before a link
    if len(loose) <= 2 or loose.lower() in (_SUFFIXES if after else _PREFIXES):
        return False
    return not left or (left + right).lower() not in page_words


def _words_of_page(document: Document) -> set[str]:
    return set(_LETTERS.findall(visible_lower(document)))
