"""Content-quality rules Q001-Q008: placeholders, scraped boilerplate, lost lists, repeats,
headings, broken citations, encoding damage and empty pages.

The phrase lists are data (``contentlint/data/quality.toml``), extendable in
``[tool.contentlint.quality]``. The rules read the visible text: code blocks, code spans
and HTML comments are left out.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import json
import operator
import re
import sys
from dataclasses import dataclass
from importlib import resources
from typing import Any, Iterable, Iterator

from contentlint.engine.config import Config, ConfigError
from contentlint.document import Document
from contentlint.model.findings import Violation
from contentlint.analysis.phrase_index import TextScan, text_scan, vocabulary
from contentlint.plugin import prepares, rule
from contentlint.analysis.visible_text import Needles, line_and_column, line_starts, place, visible_body, visible_lower, words_of

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

SECTION = "quality"
DEFAULT_MIN_WORDS = 10
DEFAULT_REPEAT_MIN_CHARACTERS = 40


@dataclass(frozen=True, eq=False)
class PhraseSet:
    """Phrases that match anywhere (any case), words (as written), whole lines, and patterns."""

    phrases: tuple[str, ...] = ()  # lower case
    words: tuple[tuple[str, str], ...] = ()  # (word as written, in lower case)
    lines: tuple[str, ...] = ()  # lower case, single spaces
    patterns: tuple[tuple[re.Pattern[str], Needles], ...] = ()

    def find(self, text: str, lowered: str, scan: TextScan) -> list[tuple[int, int]]:
        """(start, end) of every match, in text order. ``scan``: where the search keys occur in ``lowered``."""
        found: list[tuple[int, int]] = []
        for phrase in scan.among(self._phrase_keys):
            found.extend(_word_hits(lowered, phrase, scan.occurrences(phrase)))
        for lowered_word in scan.among(self._word_keys):
            starts = scan.occurrences(lowered_word)
            for word in self._words_by_key[lowered_word]:
                found.extend(_word_hits(text, word, (p for p in starts if text.startswith(word, p))))
        for key in scan.among(self._line_keys):
            for phrase in self._lines_by_key[key]:
                found.extend(_line_hits(text, lowered, phrase, scan))
        for pattern, requires in self.patterns:
            if not requires or requires.any_in(lowered, scan):
                found.extend(m.span() for m in pattern.finditer(text))
        return sorted(found)

    def search_keys(self) -> set[str]:
        """What the phrase scan must find for ``find``."""
        keys = {*self.phrases, *(lowered for _, lowered in self.words), *(_longest_word(line) for line in self.lines)}
        for _, requires in self.patterns:
            keys.update(requires.words)
        return keys

    # What ``find`` looks up in a scan, made once (a frozen dataclass keeps these in its __dict__).
    @functools.cached_property
    def _phrase_keys(self) -> frozenset[str]:
        return frozenset(self.phrases)

    @functools.cached_property
    def _words_by_key(self) -> dict[str, list[str]]:
        return _grouped((lowered, word) for word, lowered in self.words)

    @functools.cached_property
    def _word_keys(self) -> frozenset[str]:
        return frozenset(self._words_by_key)

    @functools.cached_property
    def _lines_by_key(self) -> dict[str, list[str]]:
        """Line phrases by their longest word ("" for a phrase without one: it is always tried)."""
        return _grouped((_longest_word(phrase), phrase) for phrase in self.lines)

    @functools.cached_property
    def _line_keys(self) -> frozenset[str]:
        return frozenset(self._lines_by_key)


def _grouped(pairs: Iterable[tuple[str, str]]) -> dict[str, list[str]]:
    grouped: dict[str, list[str]] = {}
    for key, item in pairs:
        grouped.setdefault(key, []).append(item)
    return grouped


def _word_hits(text: str, phrase: str, starts: Iterable[int]) -> Iterator[tuple[int, int]]:
    """The ``starts`` of ``phrase`` in ``text`` where it stands as whole words."""
    for position in starts:
        end = position + len(phrase)
        before = text[position - 1] if position else " "
        after = text[end] if end < len(text) else " "
        if not (phrase[0].isalnum() and (before.isalnum() or before == "_")) and not (
            phrase[-1].isalnum() and (after.isalnum() or after == "_")
        ):
            yield position, end


def _line_hits(text: str, lowered: str, phrase: str, scan: TextScan) -> list[tuple[int, int]]:
    """Where ``phrase`` is a line on its own: only the lines that hold its longest word are tried."""
    key = _longest_word(phrase)
    if not key:
        return [match.span(1) for match in _line_pattern(phrase).finditer(text)]
    starts = scan.occurrences(key)
    if not starts:
        return []
    pattern = _line_pattern(phrase)
    hits = []
    next_line = 0
    for position in starts:
        if position < next_line:
            continue  # this line was tried already
        match = pattern.match(text, lowered.rfind("\n", 0, position) + 1)
        if match is not None:
            hits.append(match.span(1))
        next_line = lowered.find("\n", position)
        if next_line < 0:
            break
    return hits


@functools.lru_cache(maxsize=256)
def _longest_word(phrase: str) -> str:
    """The word a line phrase is searched by: its longest, the last of equals ("on this page": page)."""
    return max(reversed(words_of(phrase)), key=len, default=b"").decode()


@functools.lru_cache(maxsize=256)
def _line_pattern(phrase: str) -> re.Pattern[str]:
    """A line that is ``phrase`` and nothing else but markup and punctuation."""
    return re.compile(r"^[\W_]*(" + re.escape(phrase).replace(r"\ ", r"\s+") + r")[\W_]*$", re.IGNORECASE | re.MULTILINE)


@dataclass(frozen=True)
class QualityData:
    placeholders: PhraseSet
    boilerplate: PhraseSet
    min_words: int
    repeat_min_characters: int

    def search_keys(self) -> set[str]:
        return self.placeholders.search_keys() | self.boilerplate.search_keys()


def _phrase_set(raw: dict[str, Any], extra_phrases: list[str], extra_lines: list[str], where: str) -> PhraseSet:
    patterns = []
    for entry in raw.get("patterns", []):
        try:
            requires = entry.get("requires", [])
            requires = [requires] if isinstance(requires, str) else requires
            patterns.append((re.compile(entry["pattern"], re.IGNORECASE), Needles([str(r).lower() for r in requires])))
        except re.error as error:
            raise ConfigError(f"{where}: invalid regular expression {entry['pattern']!r}: {error}") from None
    phrases = [p.lower() for p in [*raw.get("phrases", []), *extra_phrases] if p.strip()]
    lines = [" ".join(p.lower().split()) for p in [*raw.get("lines", []), *extra_lines] if p.strip()]
    return PhraseSet(
        phrases=tuple(dict.fromkeys(phrases)),
        words=tuple((word, word.lower()) for word in raw.get("words", [])),
        lines=tuple(dict.fromkeys(lines)),
        patterns=tuple(patterns),
    )


@functools.lru_cache(maxsize=8)
def _cached(section_json: str) -> QualityData:
    section = json.loads(section_json)
    raw = tomllib.loads(resources.files("contentlint").joinpath("data/quality.toml").read_text(encoding="utf-8"))
    return QualityData(
        placeholders=_phrase_set(raw.get("placeholders", {}), section.get("extend-placeholders", []), [], "placeholders"),
        boilerplate=_phrase_set(
            raw.get("boilerplate", {}), section.get("extend-boilerplate", []), section.get("extend-boilerplate-lines", []), "boilerplate"
        ),
        min_words=int(section.get("min-words", DEFAULT_MIN_WORDS)),
        repeat_min_characters=int(section.get("repeat-min-characters", DEFAULT_REPEAT_MIN_CHARACTERS)),
    )


def quality_data(config: Config) -> QualityData:
    return config.derived(SECTION, lambda: _cached(json.dumps(config.sections.get(SECTION, {}), sort_keys=True)))


def _quote(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return f'"{text}"' if len(text) <= limit else f'"{text[:limit - 1]}…"'


def _one_per_line(document: Document, text: str, spans: list[tuple[int, int]]) -> Iterator[tuple[int, int, str]]:
    seen: set[int] = set()
    for start, end in spans:
        line, column = line_and_column(document, text, start)
        if line not in seen:
            seen.add(line)
            yield line, column, text[start:end]


def _phrase_violations(document: Document, config: Config, phrases: PhraseSet, message: str) -> Iterator[Violation]:
    """One violation per line where ``phrases`` match what a reader sees; ``message`` has a {} for the quote."""
    text = visible_body(document)
    spans = phrases.find(text, visible_lower(document), text_scan(document, config))
    for line, column, written in _one_per_line(document, text, spans):
        yield Violation(line, column, message.format(_quote(written)), subject=" ".join(written.lower().split()))


@rule("Q001", "placeholder-text", "warning")
def placeholder_text(document: Document, config: Config) -> Iterator[Violation]:
    """The document contains placeholder text.

    Why it matters: "Placeholder slot", "lorem ipsum", "TODO" or "[insert link]" tell a
    patient that the page is unfinished, and hide the text that should be there.

    Matched: phrases such as "Placeholder slot", "lorem ipsum", "citation needed" in any
    case; the words TODO, TBD and FIXME in capitals (so "todo" inside a word, or Spanish
    "todo", is not); bracketed prompts such as "[insert date]"; template slots such as
    "{{ name }}"; a line that says only "Placeholder" or "Coming soon". Code and HTML
    comments are not read.

    Options (`[tool.contentlint.quality]`): `extend-placeholders` (phrases, any case).
    """
    yield from _phrase_violations(
        document, config, quality_data(config).placeholders,
        "placeholder text {}: the page was saved before it was finished; replace it with the real content or delete it",
    )


@rule("Q002", "scraping-boilerplate", "warning")
def scraping_boilerplate(document: Document, config: Config) -> Iterator[Violation]:
    """The document contains website boilerplate copied with the page.

    Why it matters: "Skip to main content", cookie banners, newsletter sign-ups, share
    buttons and "Click to download full resolution" are parts of a web page, not of its
    content. In the corpus they are noise that retrieval and readers trip over.

    Matched: phrases anywhere ("Skip to main content", "We use cookies", "Click to
    download full resolution", "Was this page helpful"), lines that hold nothing else
    ("Back to top", "Menu", "Print", "Share"), and newsletter or e-mail sign-ups ("Sign up
    to stay up-to-date with news", "Sign up for our newsletter"). A sentence that merely
    contains "sign up" ("You can sign up for a clinical trial") is not.

    Options (`[tool.contentlint.quality]`): `extend-boilerplate` (phrases),
    `extend-boilerplate-lines` (whole lines).
    """
    yield from _phrase_violations(
        document, config, quality_data(config).boilerplate,
        "scraping boilerplate {}: part of the web page around the content, copied with it; delete it",
    )


# --- Q003 -------------------------------------------------------------------------------

_LIST_ITEM = re.compile(r"^\s*(?:[-*+•·▪◦‣●○■□➢✓]|\d{1,3}[.)]|\(\d{1,3}\)|\(?[a-zA-Z][.)])(?:\s+\S|$)")
_SPACES = re.compile(r"\s*")
_LIST_ITEM_AT = re.compile(_LIST_ITEM.pattern.removeprefix("^"))  # for match(text, position): "^" would fail there
_COLON_END = re.compile(r":[^\S\n]*$", re.MULTILINE)
# Words that leave a sentence waiting for what follows: "It can:", "such as:", "include:".
_OPEN_ENDINGS = frozenset(
    "can could may might will would should must include includes including are is be been were was have has "
    "had get gets as following follows below here these those like to of for with from if when about you them "
    "they we us it this contain contains cause causes help helps mean means need needs use try whether any "
    "symptoms signs effects steps ways things tips ask tell".split()
)
_LAST_SENTENCE = re.compile(r"(?:(?<=[.!?])\s+|^\W*)([^.!?]*)$")
_SOMETHING_FOLLOWS = ("|", ">", "<", "[", "!", "```", "~~~", '"', "“", "'", "‘", "(")


def _intro_words(line: str) -> list[str]:
    return re.findall(r"[\w'’-]+", line.rstrip().rstrip(":"))


def _is_list_intro(line: str) -> bool:
    stripped = line.strip()
    if stripped.startswith(("#", "|")) or _LIST_ITEM.match(line) and not stripped.endswith(":"):
        return False
    words = _intro_words(stripped.lstrip("-*+•>0123456789.) "))
    if len(words) < 2:
        return False  # "Email:", "Address:" are labels
    return len(words) >= 6 or words[-1].lower() in _OPEN_ENDINGS


def _follows(line: str) -> bool:
    """Whether a line is content a colon could introduce other than a paragraph: list, table, code, quote..."""
    stripped = line.strip()
    return (
        bool(_LIST_ITEM.match(line))
        or stripped.startswith(_SOMETHING_FOLLOWS)
        or line.startswith(("    ", "\t"))
        or stripped[:1].isdigit()
    )


@rule("Q003", "list-missing", "warning")
def list_missing(document: Document, config: Config) -> Iterator[Violation]:
    """A line introduces a list ("It can:") but no list follows.

    Why it matters: when a page is scraped, lists built from web widgets are often lost,
    leaving a sentence that promises items the reader never sees. On a drug page the
    lost items are often the side effects or the warnings.

    A line ending in ":" that reads as an introduction (it ends with a word such as
    "can", "include", "such as", "following", or it is a sentence of six words or more)
    and ends its paragraph must be followed by a list: items starting with `-`, `*`,
    `+`, `•` or a number (`1.`, `2)`). A table, code block, quotation, image or link
    line also counts as what follows. Labels such as "Email:" or "Opening hours:" are
    not introductions. One stray line before the items is tolerated.

    Example: "Pomalidomide works in several different ways. It can:" followed by a
    paragraph about consent.

    Fix: restore the list from the source, or rewrite the sentence.

    Options: none.
    """
    body = document.body
    if ":" not in body:
        return
    text = visible_body(document)
    lines: list[str] = []
    original: list[str] = []
    for match in _COLON_END.finditer(text):
        following_start = text.rfind("\n", 0, _SPACES.match(text, match.end()).end()) + 1
        if following_start > match.end() and _LIST_ITEM_AT.match(text, following_start):
            continue  # the usual case: the list follows
        line_start = text.rfind("\n", 0, match.start()) + 1
        if not _is_list_intro(text[line_start:match.end()]):
            continue
        if not lines:  # split once, and only for a document that has an introduction
            lines, original = text.split("\n"), body.split("\n")
        index = text.count("\n", 0, match.start())
        line = lines[index]
        if index + 1 < len(lines) and lines[index + 1].strip() and not lines[index + 1].lstrip().startswith("#"):
            continue  # the paragraph goes on: not an introduction left hanging
        following = [i for i in range(index + 1, min(len(lines), index + 40)) if original[i].strip()][:2]
        if following and _follows(original[following[0]]):
            continue
        if len(following) > 1 and not original[following[0]].lstrip().startswith("#") and _LIST_ITEM.match(original[following[1]]):
            continue  # one stray line, then the list
        if not following:
            what = "the document ends"
        elif original[following[0]].lstrip().startswith("#"):
            what = "a heading follows"
        else:
            what = "a paragraph follows"
        sentence = _LAST_SENTENCE.search(line.rstrip())
        column = sentence.start() + 1 if sentence else 1
        yield Violation(
            document.body_line_number(index), column,
            f"{_quote(line[column - 1:].strip(), 60)} introduces a list, but {what}: the items were probably lost "
            "when the page was copied; restore them or reword the sentence",
            subject=" ".join(line.split()),
        )


# --- Q004 -------------------------------------------------------------------------------

_BLANK_LINES_KEPT = re.compile(r"(\n[^\S\n]*\n)")
_NOT_PROSE = re.compile(r"^\s*(?:#|\||[-=*_]{3,}\s*$)")


@rule("Q004", "repeated-text", "warning")
def repeated_text(document: Document, config: Config) -> Iterator[Violation]:
    """The same paragraph, or the same line twice in a row, appears again.

    Why it matters: repeats are a sign of a bad copy (a widget rendered twice, a page
    stitched from two fetches) and make a retrieval corpus weigh one passage double.

    Reported: the second and later copies of a paragraph of at least 40 characters
    (whitespace ignored), with the line of the first copy; and a line repeated on the
    next line. Not reported: short lines ("Yes", "Contact"), headings, table rows and
    separators, and list items that recur in different lists (the same side effect
    under two headings is normal).

    Options (`[tool.contentlint.quality]`): `repeat-min-characters` (default 40).
    """
    text = visible_body(document)
    minimum = quality_data(config).repeat_min_characters
    yield from _repeated_lines(document, text.split("\n"), minimum)
    parts = _BLANK_LINES_KEPT.split(text)  # block, separator, block, ...
    if _may_repeat(parts[::2], minimum):
        yield from _repeated_paragraphs(document, text, parts, minimum)


def _repeated_lines(document: Document, lines: list[str], minimum: int) -> Iterator[Violation]:
    """A line equal to the line before it (two adjacent lines: no blank line between them)."""
    for index in itertools.compress(itertools.count(1), map(operator.eq, lines, itertools.islice(lines, 1, None))):
        line = lines[index]
        if len(line) >= minimum and line.strip() and not _NOT_PROSE.match(line):
            yield Violation(
                document.body_first_line + index, 1,
                f"this line repeats the line above ({_quote(line, 50)}): delete the copy",
                subject=" ".join(line.split())[:80],
            )


# What str.split() takes for whitespace in ASCII; other whitespace is made a space first.
_ASCII_WHITESPACE = b" \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f"
_OTHER_WHITESPACE = re.compile(r"[^\S\x00-\x7f]")


def _may_repeat(blocks: list[str], minimum: int) -> bool:
    """False when no two long blocks can be equal once whitespace is ignored: most pages, told apart
    without splitting every paragraph into words (C-level passes over the page only)."""
    long = list(itertools.compress(blocks, map(minimum.__le__, map(len, blocks))))
    if len(long) < 2:
        return False
    joined = "\x00".join(long)
    if not joined.isascii():
        joined = _OTHER_WHITESPACE.sub(" ", joined)
    squeezed = joined.encode().translate(None, _ASCII_WHITESPACE).split(b"\x00")
    return len(squeezed) != len(long) or len(set(squeezed)) < len(squeezed)  # (a NUL in the text: compare)


def _repeated_paragraphs(document: Document, text: str, parts: list[str], minimum: int) -> Iterator[Violation]:
    first_seen: dict[str, int] = {}  # paragraph -> offset of its first copy

    def line_of(offset: int) -> int:  # only for a repeat: counting lines for every paragraph costs more
        return document.body_first_line + bisect.bisect_right(line_starts(text), offset) - 1

    offset = 0
    for index, raw in enumerate(parts):
        start, offset = offset, offset + len(raw)
        if index % 2 or len(raw) < minimum:
            continue
        block = raw.strip()
        if len(block) < minimum:
            continue
        key = " ".join(block.split())
        start += len(raw) - len(raw.lstrip())
        previous = first_seen.get(key)
        if previous is None:
            first_seen[key] = start
            continue
        # Lists and tables recur legitimately; tested only for a repeat (the test reads the same on every copy).
        if _LIST_ITEM.match(key) or _NOT_PROSE.match(key):
            continue
        yield Violation(
            line_of(start), 1,
            f"this paragraph repeats the one on line {line_of(previous)} word for word ({_quote(key, 50)}): delete the copy",
            subject=key[:80],
        )


# --- Q005 -------------------------------------------------------------------------------

# Searched in "\n" + text so that each pattern starts with a literal (fast to scan for).
_ATX_H1 = re.compile(r"\n {0,3}#(?:[ \t]+([^\n]*?))?[ \t#]*(?=\n|\Z)")
_SETEXT_UNDERLINE = re.compile(r"\n {0,3}=+[ \t]*(?=\n|\Z)")


@rule("Q005", "multiple-top-level-headings", "warning")
def multiple_top_level_headings(document: Document, config: Config) -> Iterator[Violation]:
    """The document has more than one top-level heading.

    Why it matters: a page has one title. A second `# heading` usually means two pages
    were stitched together, or a site's title bar was copied above the page's own title
    ("# Pomalidomide - NCI" then "# Pomalidomide").

    Reported: each `#` (or `===`-underlined) heading after the first, with the first's line.

    Fix: keep one title; make the others `##` headings or delete them.

    Options: none.
    """
    text = visible_body(document)
    if "#" not in text and "=" not in text:
        return
    lined = "\n" + text  # offsets in `lined` are offsets in `text` plus one, at the "\n"
    headings = [(m.start(), (m.group(1) or "").strip()) for m in _ATX_H1.finditer(lined)] if "#" in text else []
    if "=" in text and ("\n=" in lined or "\n =" in lined or "\n  =" in lined or "\n   =" in lined):
        for underline in _SETEXT_UNDERLINE.finditer(lined):
            start = lined.rfind("\n", 0, underline.start())
            title = lined[start + 1:underline.start()]
            if start >= 0 and title.strip() and not title.startswith("    ") and not _LIST_ITEM.match(title) and not title.lstrip().startswith(("#", ">", "|")):
                headings.append((start, title.strip()))
    headings.sort()
    if len(headings) < 2:
        return
    first_line = line_and_column(document, text, headings[0][0])[0]
    for position, title in headings[1:]:
        line, column = line_and_column(document, text, position)
        yield Violation(
            line, column,
            f"another top-level heading {_quote(title, 50)} (the first, {_quote(headings[0][1], 50)}, is on line "
            f"{first_line}): keep one title; make this a `##` heading or delete it",
            subject=title,
        )


# --- Q006 -------------------------------------------------------------------------------

# "Accessed 05/21/2020 from" (and nothing), "Retrieved from", "Available at:", and the
# doubled "Accessed at accessed on ..." left where a URL was dropped.
_CITATION_GAP = re.compile(
    r"(?:accessed|retrieved|downloaded|available(?: online)?)\b[^\n]{0,40}?\b(?:from|at)\b[^\S\n]*:?"
    r"(?:[^\S\n]*$|[^\S\n]+(?=(?:accessed|retrieved)\b))",
    re.IGNORECASE | re.MULTILINE,
)
CITATION_WORDS = ("accessed", "retrieved", "downloaded", "available")


_SENTENCE_END = re.compile(r"[.;:)\]]\s+$")
_ADDRESS_NEXT = re.compile(r"\s*(?:https?://|www\.|<|\[|doi:)", re.IGNORECASE)


@rule("Q006", "incomplete-citation", "warning")
def incomplete_citation(document: Document, config: Config) -> Iterator[Violation]:
    """A citation ends where its address should be ("Accessed 05/21/2020 from").

    Why it matters: the reference looked complete on the web page, where the address was
    a link; copied as text, the link was lost and the citation cannot be followed.

    Reported: "Accessed ... from", "Retrieved from", "Available at:" with nothing after
    them at the end of a line or paragraph, and "Accessed at accessed on ..." where an
    address was dropped between the two. The phrase must begin a sentence or a line, so
    that "the leaflet is available from your pharmacist" in running text is not matched.

    Fix: add the address (or a DOI) from the source, or remove the reference.

    Options: none.
    """
    scan = text_scan(document, config)
    keywords = [k for k in CITATION_WORDS if scan.has_word(k)]
    if not keywords:
        return
    text, lowered = visible_body(document), visible_lower(document)
    starts = sorted(
        position
        for keyword in keywords
        for position in scan.occurrences(keyword)
        if position == 0 or not lowered[position - 1].isalnum()
    )
    for start in starts:
        match = _CITATION_GAP.match(text, start)
        if match is None:
            continue
        line_start = max(text.rfind("\n", 0, match.start()) + 1, match.start() - 200)  # bounded: no quadratic scans
        before = text[line_start:match.start()]
        if before.strip(" \t*_>-•") and not _SENTENCE_END.search(before):
            continue  # running text: "the records can be accessed at any time"
        if _ADDRESS_NEXT.match(text, match.end()):
            continue  # the address is on the next line
        line, column = line_and_column(document, text, match.start())
        written = match.group().strip()
        line_end = text.find("\n", match.end())
        rest_of_line = text[match.end():line_end if line_end >= 0 else len(text)][:200]
        if rest_of_line.strip():  # "Accessed at accessed on ...": show what stands where the address was
            written += " " + rest_of_line.split(None, 1)[0] + " …"
        yield Violation(
            line, column,
            f"incomplete citation {_quote(written, 50)}: the address it points to is missing; "
            "add the URL or DOI from the source, or remove the reference",
            subject=" ".join(written.lower().split()),
        )


# --- Q007 -------------------------------------------------------------------------------

_CP1252_SPECIALS = "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ"
_MOJIBAKE = re.compile(
    "(?:[ÂÃÅÆÐÑ][\u0080-\u00bf" + _CP1252_SPECIALS + "]|â[€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ][\u0080-\u00bf" + _CP1252_SPECIALS
    + "]?|ï»¿)+"
)
_DAMAGE = re.compile(_MOJIBAKE.pattern + "|\ufffd|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_NOT_CONTROL_BYTES = bytes(b for b in range(128) if not (b < 32 and b not in (9, 10, 13)) and b != 127) + bytes(range(128, 256))


def _repair(fragment: str) -> str | None:
    for encoding in ("cp1252", "latin-1"):
        try:
            return fragment.encode(encoding).decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
    return None


def _describe_damage(found: str) -> str:
    if found == "\ufffd":
        return "a replacement character (U+FFFD): a character was lost in a conversion; restore it from the source"
    if len(found) == 1 and (ord(found) < 0x20 or 0x7F <= ord(found) <= 0x9F):
        return f"a control character (U+{ord(found):04X}), invisible and meaningless in text; delete it"
    repaired = _repair(found)
    hint = f' (probably "{repaired}")' if repaired else ""
    return (
        f'mojibake "{found}"{hint}: UTF-8 text was decoded with the wrong character set; '
        "re-export the page as UTF-8 or fix the characters"
    )


@rule("Q007", "encoding-damage", "warning")
def encoding_damage(document: Document, config: Config) -> Iterator[Violation]:
    """The text shows encoding damage: mojibake, replacement characters or control characters.

    Why it matters: "donâ€™t", "cafÃ©" or "�" read as gibberish to a patient, and
    a damaged dose or unit ("5 Âµg") can change its meaning.

    Reported once per line: UTF-8 decoded as Windows-1252 or Latin-1 ("â€™" for ’,
    "Ã©" for é, "Â " for a no-break space), U+FFFD, and control characters other than
    tab and newline. The message suggests the repaired text when it can.

    Fix: re-export the source as UTF-8, or correct the characters.

    Options: none.
    """
    text = document.text
    if text.isascii() and not text.encode("ascii").translate(None, _NOT_CONTROL_BYTES):
        return  # the usual case, decided by deleting every byte that is not a control character
    seen: set[int] = set()
    for match in _DAMAGE.finditer(text):
        line, column = place(text, match.start(), 1)
        if line in seen:
            continue
        seen.add(line)
        yield Violation(line, column, f"encoding damage: {_describe_damage(match.group())}", subject=f"encoding:{match.group()}")


# --- Q008 -------------------------------------------------------------------------------

_WORD = re.compile(r"[^\W_]+")
_HEADING_LINE = re.compile(r"^ {0,3}#[^\n]*$|^ {0,3}[=-]+[ \t]*$", re.MULTILINE)


@rule("Q008", "empty-body", "warning")
def empty_body(document: Document, config: Config) -> Iterator[Violation]:
    """The document's body is empty or nearly empty.

    Why it matters: a page that lost its content in a failed fetch or a bad export
    still counts as a page; it answers nothing and hides the gap.

    Reported: a body with no text, or fewer than 10 words outside headings, code and
    comments.

    Options (`[tool.contentlint.quality]`): `min-words` (default 10; 0 reports only
    empty bodies).
    """
    if document.front_matter_error is not None and not document.body.strip():
        return  # the unreadable front matter is what to fix first
    minimum = quality_data(config).min_words
    text = visible_body(document)
    if len(text) > minimum * 40 and len(text.split(None, minimum)) > minimum:
        return
    words = len(_WORD.findall(_HEADING_LINE.sub(" ", text)))
    line = document.body_first_line
    if words == 0:
        yield Violation(line, 1, "the document has no content below its front matter: add the text or delete the file", subject="empty")
    elif words < minimum:
        yield Violation(
            line, 1,
            f"the document has only {words} words of content (fewer than {minimum}): the text was probably lost "
            "when it was fetched; restore it or delete the file",
            subject="near-empty",
        )


prepares("Q001", "Q002", "Q006", "S002")(vocabulary)  # the phrase scan, and the quality and authority data it reads
