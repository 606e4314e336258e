"""Review dates: from front matter, and from labelled lines in the body ("Next review: 01 November 2025")."""

from __future__ import annotations

import calendar
import datetime as dt
import itertools
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Iterator

from contentlint.analysis.phrase_index import find_all
from contentlint.analysis.visible_text import visible_body
from contentlint.model.settings import search_words

if TYPE_CHECKING:
    from contentlint.analysis.phrase_index import TextScan
    from contentlint.document import Document

LAST = "last"
NEXT = "next"

# Labels that mark a review date. Short, bare labels need a colon so prose is never read as a label.
_LABELS: list[tuple[str, str, bool]] = [
    (r"next\s+review(?:\s+(?:due|date))?", NEXT, False),
    (r"review\s+due(?:\s+date)?", NEXT, False),
    (r"(?:page|content)\s+last\s+(?:medically\s+)?reviewed", LAST, False),
    (r"last\s+(?:medically\s+)?reviewed", LAST, False),
    (r"date\s+(?:last\s+)?reviewed", LAST, False),
    (r"(?:medically\s+)?reviewed(?:\s+on)?", LAST, True),
    (r"last\s+revised", LAST, False),
    (r"(?:page\s+)?last\s+updated", LAST, False),
    (r"revised", LAST, True),
    (r"updated", LAST, True),
]
# One marker character per repetition: "(?:[...]+[ \t]*)*" backtracks exponentially on a line of dashes.
_LEAD = r"^[ \t]*(?:[>*_#\-+•|][ \t]*)*"
_LABEL_RE = re.compile(
    _LEAD
    + r"(?P<label>"
    + "|".join(f"(?P<l{i}>{pattern})" for i, (pattern, _, _) in enumerate(_LABELS))
    + r")[*_]*(?:[ \t]+(?:on|by))?[ \t]*(?P<colon>[:\-–—])?[*_]*[ \t]*(?P<rest>[^\n]*)$",
    re.IGNORECASE | re.MULTILINE,
)
_LABEL_GROUPS = tuple(f"l{i}" for i in range(len(_LABELS)))
# Every label contains one of these (review, revised, updated); with re.IGNORECASE
# these three letters also match their ASCII look-alikes.
LABEL_KEYWORDS = ("revi", "updat")
# What a rule that reads body review dates uses: the phrase index also finds the label words.
REVIEW_LABELS = search_words("review-date labels", LABEL_KEYWORDS)
_ODD_CASE_LETTERS = ("\u0130", "\u0131", "\u017f")
_LABEL_PREFIX = re.compile(r"[\w\s>*#\-+•|]*")
_MAX_LABEL_LINES = 8
_ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_HAS_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
_MAX_DATE_TEXT = 40


@dataclass(frozen=True)
class ReviewDate:
    kind: str  # LAST or NEXT
    date: dt.date
    line: int
    column: int
    written: str  # the line as written, for messages
    origin: str  # "front matter" or "body"


def add_months(date: dt.date, months: int) -> dt.date:
    """Calendar months: 30 Nov + 3 months is 28 Feb (29 in a leap year). ValueError past year 9999."""
    index = date.month - 1 + months
    year, month = date.year + index // 12, index % 12 + 1
    if not dt.MINYEAR <= year <= dt.MAXYEAR:
        raise ValueError(f"year {year} is out of range")
    return date.replace(year=year, month=month, day=min(date.day, calendar.monthrange(year, month)[1]))


def front_matter_date(value: Any) -> dt.date | None:
    """A front-matter date value (kept as a string by the loader) as a date, or None when invalid."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        match = _ISO_DATE.fullmatch(value.strip()[:10]) if len(value.strip()) >= 10 else None
        if match:
            try:
                return dt.date(int(match[1]), int(match[2]), int(match[3]))
            except ValueError:
                return None
    return None


@lru_cache(maxsize=4)
def _date_parser(date_order: str) -> Any:
    from dateparser.date import (
        DateDataParser,  # slow import: only when a body date needs it
    )

    return DateDataParser(
        languages=["en"],
        settings={
            "PREFER_DAY_OF_MONTH": "first",
            "REQUIRE_PARTS": ["month", "year"],
            "DATE_ORDER": date_order,
            "RETURN_AS_TIMEZONE_AWARE": False,
            "STRICT_PARSING": False,
        },
    )


@lru_cache(maxsize=4096)
def parse_date_text(text: str, date_order: str = "MDY") -> dt.date | None:
    """The date written in ``text`` (the words after a label), or None. ISO first, then dateparser."""
    cleaned = text.strip().strip("*_.,;|()[]").strip()
    if not cleaned or len(cleaned) > _MAX_DATE_TEXT or not _HAS_YEAR.search(cleaned):
        return None
    iso = _ISO_DATE.fullmatch(cleaned)
    if iso:
        try:
            return dt.date(int(iso[1]), int(iso[2]), int(iso[3]))
        except ValueError:
            return None
    common = _common_english_date(cleaned)
    if common is not None:
        return common
    try:
        data = _date_parser(date_order).get_date_data(cleaned)
    except Exception:  # dateparser can raise on odd input; a non-date is simply not a date
        return None
    found = data.date_obj if data is not None else None
    return found.date() if found is not None else None


# Unambiguous English forms, read without loading dateparser (it costs ~0.1 s at start-up):
# "17 September 2026", "17 Sep 2026", "September 17, 2026", "Sep 17, 2026", "September 17 2026",
# "September 2026", "Sep 2026" (full month names or their three-letter forms, any case).
_MONTHS = {name: number for number, name in enumerate(
    "january february march april may june july august september october november december".split(), 1)}
_MONTH_ABBREVIATIONS = {name[:3]: number for name, number in _MONTHS.items()}
_DAY_MONTH_YEAR = re.compile(r"(\d{1,2}) ([A-Za-z]{3,9}) (\d{4})")
_MONTH_DAY_YEAR = re.compile(r"([A-Za-z]{3,9}) (\d{1,2})(,?) (\d{4})")
_MONTH_YEAR = re.compile(r"([A-Za-z]{3,9}) (\d{4})")


def _common_english_date(text: str) -> dt.date | None:
    squashed = " ".join(text.replace(".", " ").split())
    day, month, year = "1", None, ""
    if (match := _DAY_MONTH_YEAR.fullmatch(squashed)) is not None:
        day, name, year = match.groups()
        month = _month(name)
    elif (match := _MONTH_DAY_YEAR.fullmatch(squashed)) is not None:
        name, day, comma, year = match.groups()
        month = _month(name) if comma else _MONTHS.get(name.lower())  # "Sep 17 2026" is left to dateparser
    elif (match := _MONTH_YEAR.fullmatch(squashed)) is not None:
        name, year = match.groups()
        month = _month(name)
    if month is None:
        return None
    try:
        return dt.date(int(year), month, int(day))
    except ValueError:
        return None


def _month(name: str) -> int | None:
    lowered = name.lower()
    return _MONTHS.get(lowered) or _MONTH_ABBREVIATIONS.get(lowered)


_OTHER_CONTENT = re.compile(r"\s[|•]\s|\s{3,}|\t")
_NOT_A_DATE = re.compile(r"\b(?:by|from|and)\b")


def _date_candidates(rest: str) -> list[str]:
    """The text after a label, cut where other content starts ("| Next review: …")."""
    first = _OTHER_CONTENT.split(rest, maxsplit=1)[0]
    candidates = [first]
    shortened = _NOT_A_DATE.split(first, maxsplit=1)[0]
    if shortened != first:
        candidates.append(shortened)
    return candidates


def _label_matches(body: str, scan: TextScan | None = None) -> Iterator[re.Match[str]]:
    """``_LABEL_RE.finditer(body)``, tried only at the line starts a label could begin at.

    Scanning every position of a long body with the regex costs far more than finding
    the few lines near a label word. ``scan``: the phrase scan of ``body`` in lower case,
    where the label words were found already.
    """
    if any(letter in body for letter in _ODD_CASE_LETTERS):
        yield from _LABEL_RE.finditer(body)
        return
    if scan is None:
        lowered = body.lower()
        occurrences = [find_all(lowered, keyword) for keyword in LABEL_KEYWORDS]
    else:
        occurrences = [scan.occurrences(keyword) for keyword in LABEL_KEYWORDS]
    starts: set[int] = set()
    for at in itertools.chain.from_iterable(occurrences):
        # This line's start, and earlier ones while only label words and markers lie between.
        checked_to, search_end = at, at
        for _ in range(_MAX_LABEL_LINES):
            line_start = body.rfind("\n", 0, search_end) + 1
            starts.add(line_start)
            if line_start == 0 or not _LABEL_PREFIX.fullmatch(body, line_start, checked_to):
                break
            checked_to, search_end = line_start, line_start - 1
    end = 0
    for start in sorted(starts):
        if start < end:
            continue
        match = _LABEL_RE.match(body, start)
        if match is not None:
            end = match.end()
            yield match


def body_review_dates(
    document: Document, date_order: str = "MDY", scan: TextScan | None = None
) -> list[ReviewDate]:
    """Labelled review dates in the body's visible prose, in file order: a date in code (fenced,
    indented, nested in a list, a code span) or in an HTML comment is not the page's. A label
    alone on its line may take the next line. ``scan``: the phrase scan of the visible text
    (``text_scan``), to reuse its search."""
    found: list[ReviewDate] = []
    body = visible_body(document)
    if not body:
        return found
    line_index, counted_to = 0, 0
    for match in _label_matches(body, scan):
        index = next(i for i, label in enumerate(match.group(*_LABEL_GROUPS)) if label is not None)
        _, kind, needs_colon = _LABELS[index]
        if needs_colon and not match.group("colon"):
            continue
        line_index += body.count("\n", counted_to, match.start())
        counted_to = match.start()
        rest = match.group("rest").strip()
        date = None
        if rest:
            for candidate in _date_candidates(rest):
                date = parse_date_text(candidate, date_order)
                if date:
                    break
        else:
            following = next((l for l in _lines_after(body, match.end(), 2) if l.strip()), "")
            if following and not _LABEL_RE.match(following):
                date = parse_date_text(following, date_order)
        if date is None:
            continue
        column = match.start("label") - match.start() + 1
        line_end = body.find("\n", match.start())
        written = body[match.start():line_end if line_end >= 0 else len(body)].strip()
        found.append(ReviewDate(kind, date, document.body_line_number(line_index), column, written[:80], "body"))
    return found


def _lines_after(text: str, position: int, count: int) -> list[str]:
    """Up to ``count`` lines after the line that ends at or after ``position``."""
    lines: list[str] = []
    start = text.find("\n", position)
    while start >= 0 and len(lines) < count:
        end = text.find("\n", start + 1)
        lines.append(text[start + 1:end if end >= 0 else len(text)])
        start = end
    return lines
