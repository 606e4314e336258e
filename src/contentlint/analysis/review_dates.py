"""Review dates: from front matter, and from labelled dates in the body ("Next review: 01 November 2025").

A body line may carry several labels ("Page last reviewed: 15 March 2021 | Next review due: 15 March
2024"); each label takes the date written right after it. Numeric dates (05/03/2027) are read in
the page's own date order (``date_order.py``), and the reading is kept for messages. A date that
has a date's shape but no such day (31 February 2026) is kept as unreadable, not dropped.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import itertools
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Callable, NamedTuple

from contentlint.analysis.date_order import DAY_FIRST, DateOrder, decide_date_order
from contentlint.analysis.date_periods import PERIOD_SHAPE, Period, is_southern, month_period, period_of
from contentlint.analysis.phrase_index import find_all
from contentlint.analysis.structure import document_structure
from contentlint.analysis.table_rows import cell_borders, row_cells
from contentlint.analysis.visible_text import visible_body
from contentlint.model.settings import search_words

if TYPE_CHECKING:
    from contentlint.analysis.phrase_index import TextScan
    from contentlint.document import Document

LAST = "last"
NEXT = "next"
_EITHER = "either"  # "Review date": the next review on day-first (UK, Irish) pages, the last one on US pages

_SP = r"[^\S\n]{1,4}"  # spaces inside one line: a label never spans lines
_REVIEWED = r"(?:(?:medically|clinically)_)?reviewed"
# (pattern, kind, strong). A strong label may stand without a colon and after other text on its line;
# a weak one ("Updated", "Reviewed") needs a colon, or must start its line followed by nothing but a date.
# Publication dates ("Published", "Posted", "Date of publication") are not review dates.
_LABELS: list[tuple[str, str, bool]] = [
    (r"date_of_next_review", NEXT, True),
    (r"next_(?:full_|planned_|scheduled_)?review(?:_(?:due|date))?", NEXT, True),
    (r"(?:due|scheduled)_for_review", NEXT, True),
    (r"date_for_(?:next_)?review", NEXT, True),  # "Date for review: June 2026"
    (r"to_be_reviewed", NEXT, True),  # "To be reviewed: June 2026"; "by", "on", "in" after it are the lead's
    (r"review_by", NEXT, True),  # "Review by: June 2026"
    (r"review_due(?:_date)?", NEXT, True),
    (r"(?:planned|scheduled)_review(?:_date)?", NEXT, True),
    (r"date_of_last_review", LAST, True),
    (r"(?:last|latest)_(?:full_)?review(?:_date)?", LAST, True),  # "Last review date: 3 March 2023", "Latest review:"
    (r"next_update(?:_due)?", NEXT, True),
    (r"(?:last_)?(?:reviewed_and_updated|updated_and_reviewed)", LAST, True),
    (r"(?:(?:page|content|information|article|leaflet|document)_)?(?:review_date|date_of_review)", _EITHER, True),
    (r"this_(?:page|information|leaflet|article|content|document)_was_(?:last_)?" + _REVIEWED, LAST, True),
    (r"(?:(?:page|content|information|article|leaflet|document)_)?last_" + _REVIEWED, LAST, True),
    (r"(?:page|content|information|article|leaflet|document)_" + _REVIEWED, LAST, True),  # "Information reviewed: 01/2023"
    (r"date_(?:last_)?(?:reviewed|revised|updated)", LAST, True),
    (_REVIEWED + r"_on", LAST, True),
    (r"(?:medically|clinically)_reviewed", LAST, True),  # "Medically reviewed by Dr A Okafor on 5 March 2024"
    (r"(?:(?:page|content|information)_)?last_(?:revised|updated)", LAST, True),
    # Cancer.Net: "Approved by the Cancer.Net Editorial Board, 03/2023"
    (r"approved_by_(?:the_)?(?:\S+_){0,3}?editorial_board,?", LAST, True),
    (r"updated_on", LAST, True),  # "Written by Jane Doe — Updated on March 12, 2023"; after a separator
    (_REVIEWED, LAST, False),
    (r"review", _EITHER, False),  # "Review: March 2023", a date alone after it
    (r"revised", LAST, False),
    (r"updated", LAST, False),
    (r"current_as_at", LAST, False),  # NSW Health: "Current as at: Tuesday 12 March 2024"
]
_LABEL_RE = re.compile(
    r"(?<![\w-])(?:"
    + "|".join(f"(?P<l{i}>{pattern.replace('_', _SP)})" for i, (pattern, _, _) in enumerate(_LABELS))
    + r")(?![\w-])",
    re.IGNORECASE,
)
_LABEL_GROUPS = tuple(f"l{i}" for i in range(len(_LABELS)))
# Every label contains one of these (review, revised, updated, approved, current as at); with re.IGNORECASE
# these letters also match their ASCII look-alikes.
LABEL_KEYWORDS = ("revi", "updat", "approv", "current as at")
# What a rule that reads body review dates uses: the phrase index also finds the label words.
# A no-break space written as an entity ("12&nbsp;June 2023"): the scan says whether a page has one.
_SPACE_ENTITIES = ("&nbsp;", "&#160;", "&#xa0;", "&#x00a0;")
REVIEW_LABELS = search_words("review-date labels", LABEL_KEYWORDS + _SPACE_ENTITIES)
_ODD_CASE_LETTERS = ("\u0130", "\u0131", "\u017f")  # İ, ı, ſ: label letters under re.IGNORECASE
_ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_ISO_DATE_AND_TIME = re.compile(r"(\d{4})-(\d{2})-(\d{2})T")
_HAS_YEAR = re.compile(r"\b(?:19|20)\d{2}\b|^\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2}$")
_MAX_DATE_TEXT = 40

_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
          r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_WEEKDAY = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|rsday|urday)?\.?,?[^\S\n]+)?"
# What a written date looks like, right after its label: the shape decides whether the text is
# meant as a date; whether that date exists is for the parser to say.
_DATE_SHAPE = re.compile(
    r"(?:\d{4}[-/.]\d{1,2}(?:[-/.]\d{1,2}(?:T\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?)?"  # 2026-03-05, 2026-03, 2026-03-05T10:00:00Z
    r"|\d{1,2}[/.\-]\d{1,2}[/.\-](?:\d{4}|\d{2})"  # 05/03/2027, 5.3.27
    r"|\d{1,2}/\d{4}"  # 03/2026
    rf"|{_WEEKDAY}{_DAY}(?:[^\S\n]+of)?(?:[^\S\n]+|-){_MONTH},?(?:[^\S\n]+|-)\d{{4}}"  # 5 March 2027, 11-Jan-2024
    rf"|{_WEEKDAY}{_MONTH}[^\S\n]*{_DAY},?[^\S\n]+\d{{4}}"  # March 5, 2027
    rf"|{_MONTH},?[^\S\n]+\d{{4}}"  # March 2027
    rf"|{PERIOD_SHAPE}"  # 2027, Spring 2027, Q3 2027: only with nothing after them (see _labelled_date)
    r")(?![^\W_]|/)",  # no letter, digit or "/" after it; an underscore may close emphasis ("_1 May 2027_")
    re.IGNORECASE,
)
# Between a label and its date: markup, a colon or dash, a table's next cell ("| Review date | June
# 2026 |"), "on", "by Dr A Smith on", and the emphasis the date is in ("Next review: **1 May 2027**").
_LEAD = re.compile(r"[^\S\n*_]*[*_]*[^\S\n]*(?P<colon>[:\-–—|])?(?:[*_]|[^\S\n])*(?:(?:on|in|dated?|by(?=[^\S\n]*:)|by[^\S\n]+[^\n:;|]{1,60}?(?:[^\S\n]+on\b|(?=:)))[^\S\n]*:?(?:[*_]|[^\S\n])*)?", re.IGNORECASE)
# What may follow a weak label's date when the label has no colon: nothing but punctuation.
_ONLY_PUNCTUATION = re.compile(r"[\s.,;:|*_)\]]*")
# A label after other text on its line follows a separator ("|", "·", ";", two spaces, an HTML
# tag such as "<br>" or "<p>") or a date.
_SEPARATED = re.compile(r"(?:[|·•;,.)\]–—\-:\d]|<[a-z/][^<>\n]*>|[^\S\n]{2}|^)[^\S\n*_]*[*_]*[^\S\n]*$", re.IGNORECASE)
# A line that is only a link, as a listed article's title is ("- [Study results](/news/study)").
_LINK_ONLY = re.compile(r"[ \t>]*(?:[-*+][ \t]+|\d+[.)][ \t]+|#{1,6}[ \t]+)?[*_]*\[[^\]\n]+\]\([^)\n]*\)[*_]*[ \t]*")
_PERIOD_ONLY = re.compile(PERIOD_SHAPE, re.IGNORECASE)
_LINE_MARKERS = re.compile(r"[ \t]*(?:[>*_#\-+•|][ \t]*)*")
_AMBIGUOUS_NUMERIC = re.compile(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})")


@dataclass(frozen=True)
class ReviewDate:
    kind: str  # LAST or NEXT
    date: dt.date
    line: int
    column: int
    text: str  # the date as written, without its label or key: "30/12/2023"
    written: str  # the label (or key) and date as written, for messages
    origin: str  # "front matter" or "body"
    reading: str = ""  # how a numeric date was read: "read 05/03/2027 as 5 March 2027 (day first: en-GB page)"
    period: Period | None = None  # the month, season, quarter or year the text names, when it names no day

    @property
    def days(self) -> tuple[dt.date, dt.date]:
        """The first and last day the date can mean: its period's, or the date itself twice."""
        return self.period or (self.date, self.date)

    @property
    def quoted(self) -> str:
        """The date as messages quote it: the text, and how it was read when that was a choice.
        Text that holds a double quote itself (a TOML string) is quoted with backticks."""
        mark = "`" if '"' in self.written else '"'
        return f"{mark}{self.written}{mark}" + (f", {self.reading}" if self.reading else "")


@dataclass(frozen=True)
class UnreadableDate:
    """A labelled date that has a date's shape but is no date (31 February 2026, 2026-02-30)."""

    kind: str
    line: int
    column: int
    text: str  # the date as written
    written: str  # the label and date


@dataclass
class BodyDates:
    dates: list[ReviewDate] = field(default_factory=list)
    unreadable: list[UnreadableDate] = field(default_factory=list)


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


# A numeric date with a four-digit year: 2023/12/30, 2023.12.30, 2023-1-5, 30/12/2023, 12-30-2023.
_YEAR_FIRST = re.compile(r"(\d{4})([/.\-])(\d{1,2})\2(\d{1,2})")
_YEAR_LAST = re.compile(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})")


def front_matter_written_date(value: Any, date_order: str = "auto") -> dt.date | None:
    """A front-matter date written in another form than YYYY-MM-DD, when it can only be one day:
    month names ("Dec 30, 2023", "December 2023"), year first (2023/12/30, 20231230, which YAML
    reads as a number), or day and month that cannot be swapped (30/12/2023). 03/04/2023 is read
    only with `date-order` set to DMY or MDY."""
    if type(value) is int and 19000101 <= value <= 20991231:
        value = str(value)
    if not isinstance(value, str) or front_matter_date(value) is not None:
        return None
    text = value.strip()
    if not text or len(text) > _MAX_DATE_TEXT:
        return None
    if (compact := _COMPACT_DATE.fullmatch(text)) is not None:
        return _real_date(int(compact[1]), int(compact[2]), int(compact[3]))
    if (month := _NUMERIC_MONTH.fullmatch(text)) is not None:  # 2023-12, 2023/12, 12/2023: the 1st
        year, number = (month[1], month[2]) if month[1] else (month[4], month[3])
        return _real_date(int(year), int(number), 1)
    year_first = _YEAR_FIRST.fullmatch(text)
    if year_first:
        return _real_date(int(year_first[1]), int(year_first[3]), int(year_first[4]))
    year_last = _YEAR_LAST.fullmatch(text)
    if year_last:
        first, second, year = int(year_last[1]), int(year_last[2]), int(year_last[3])
        if first > 12 or (second <= 12 and date_order == "DMY"):
            return _real_date(year, second, first)
        if second > 12 or (first <= 12 and date_order == "MDY"):
            return _real_date(year, first, second)
        return None  # 03/04/2023: either day could be meant
    if any(c.isalpha() for c in text):  # a month's name: the order of day and month does not matter
        return parse_date_text(text)
    return None


_COMPACT_DATE = re.compile(r"((?:19|20)\d{2})(\d{2})(\d{2})")
# A month and year in figures, as _MONTH_ONLY writes them: year first (with -, / or .) or month first.
_NUMERIC_MONTH = re.compile(r"((?:19|20)\d{2})[-/.](\d{1,2})|(\d{1,2})/((?:19|20)\d{2})")


def front_matter_period(value: Any, southern: bool = False) -> Period | None:
    """The month, season, quarter or year a front-matter date names instead of a day: "2024-03",
    "March 2024", 2024 (YAML reads it as a number), "Spring 2024", "Q3 2024". A month is the one
    front_matter_written_date reads it as, its 1st."""
    if type(value) is int and 1900 <= value <= 2099:
        value = str(value)
    if not isinstance(value, str) or len(value) > _MAX_DATE_TEXT:
        return None
    text = " ".join(value.split())
    if _MONTH_ONLY.fullmatch(text) is None:
        return period_of(text, southern)
    date = front_matter_written_date(text)
    return month_period(date) if date is not None else None


def _real_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
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
    iso = _ISO_DATE.fullmatch(cleaned) or _ISO_DATE_AND_TIME.match(cleaned)
    if iso:  # a date, or a date and its time (2026-03-05T10:00:00Z)
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


_MONTH_NAMES = "January February March April May June July August September October November December".split()


def _spelled(date: dt.date) -> str:
    return f"{date.day} {_MONTH_NAMES[date.month - 1]} {date.year}"


def _read(text: str, order: Callable[[], DateOrder]) -> tuple[dt.date | None, str]:
    """The date ``text`` names, and how it was read when its order was a choice ("" otherwise)."""
    ambiguous = _AMBIGUOUS_NUMERIC.fullmatch(text)
    if ambiguous is None or ambiguous[1] == ambiguous[2] or max(int(ambiguous[1]), int(ambiguous[2])) > 12:
        # Unambiguous: a day over 12 is a day whatever the order.
        return parse_date_text(text, order().order if ambiguous is not None else "MDY"), ""
    decided = order()
    date = parse_date_text(text, decided.order)
    return date, (f"read {text} as {_spelled(date)} ({decided.describe()})" if date is not None else "")


# Every word of every label: a label is a run of these ending in (or starting with) a label word.
_LABEL_WORDS = frozenset(
    "date of next full review reviewed due scheduled for planned last page content information article "
    "leaflet document this was to be medically clinically on revised updated approved by the editorial board latest and update "
    "current as at".split()
)
_LABEL_WORD_AT = re.compile(r"(?:review|reviewed|revised|update|updated|approved|current as at)(?![\w-])", re.IGNORECASE)
_WORD_BEFORE = re.compile(r"(?<![\w-])([A-Za-z]+)[^\S\n]{1,4}$")
_MAX_LABEL_WORDS = 7


def _label_matches(body: str, scan: TextScan | None = None) -> list[re.Match[str]]:
    """``list(_LABEL_RE.finditer(body))``, tried only where a label can start: at a label word
    (review, revised, updated) that begins a word, or at the label words just before it. Trying
    the pattern at every position of a long body costs far more than finding these few."""
    if not body.isascii() and any(letter in body for letter in _ODD_CASE_LETTERS):  # lower case changes offsets
        return list(_LABEL_RE.finditer(body))
    if scan is None:
        lowered = body.lower()
        occurrences = [find_all(lowered, keyword) for keyword in LABEL_KEYWORDS]
    else:
        occurrences = [scan.occurrences(keyword) for keyword in LABEL_KEYWORDS]
    found: list[re.Match[str]] = []
    taken_to = 0
    for at in sorted(itertools.chain.from_iterable(occurrences)):
        if at < taken_to or (at > 0 and (body[at - 1].isalnum() or body[at - 1] in "_-")):
            continue  # inside a label found already, or inside a word ("peer-reviewed")
        if not _LABEL_WORD_AT.match(body, at):
            continue  # "reviews", "revision", "updating": no label has these words
        starts, start = [at], at
        for _ in range(_MAX_LABEL_WORDS):
            word = _WORD_BEFORE.search(body, max(taken_to, start - 20), start)
            if word is None or word[1].lower() not in _LABEL_WORDS:
                break
            start = word.start()
            starts.append(start)
        for start in reversed(starts):
            match = _LABEL_RE.match(body, start)
            if match is not None and match.end() > at:
                found.append(match)
                taken_to = match.end()
                break
    return found


def body_review_dates(
    document: Document,
    date_order: str = "",
    scan: TextScan | None = None,
    *,
    url: object = None,
    source: object = None,
    today: dt.date | None = None,
) -> BodyDates:
    """Labelled review dates in the body's visible prose, in file order: a date in code (fenced,
    indented, nested in a list, a code span) or in an HTML comment is not the page's. A label
    alone on its line may take the next line. ``date_order``: the `date-order` setting ("" decides
    per page); ``url``, ``source``: the page's, as hints to its date order. ``scan``: the phrase
    scan of the visible text (``text_scan``), to reuse its search. ``today``: a "Review date" after
    it is the next review, whatever the page's date order says."""
    found = BodyDates()
    body = visible_body(document)
    if not body:
        return found
    if any(scan.occurrences(entity) for entity in _SPACE_ENTITIES) if scan is not None else "&" in body:
        body = _SPACE_ENTITY.sub(lambda entity: " " * len(entity[0]), body)  # a space as the reader sees it
    decided: list[DateOrder] = []

    def order() -> DateOrder:
        if not decided:
            decided.append(decide_date_order(date_order, document.metadata.get("language"), url, source, body))
        return decided[0]

    line_index, counted_to = 0, 0
    line_start = line_end = link_at = -1
    caption = False
    southern: bool | None = None  # whether seasons are the southern hemisphere's: asked at the first season
    matches = _label_matches(body, scan)
    one_row: list[list[_OneRowTable]] = []

    def tables() -> list[_OneRowTable]:  # read when a label first needs them
        if not one_row:
            one_row.append(_one_row_tables(document, body))
        return one_row[0]
    for position, match in enumerate(matches):
        if match.start() > line_end:  # a new line: found once, however many labels it holds
            line_start = body.rfind("\n", 0, match.start()) + 1
            line_end = body.find("\n", match.start())
            line_end = len(body) if line_end < 0 else line_end
            link_at = body.find("](", line_start, line_end)
            caption = _CAPTION.match(body, line_start, line_end) is not None
        if 0 <= link_at < match.start():
            continue  # "- [Article title](…) Updated: 31 August 2015": the listed article's date
        if caption:
            continue  # "Figure 1. A map of … Last reviewed: 10/22/2024": the figure's date
        following = matches[position + 1] if position + 1 < len(matches) else None
        segment_end = following.start() if following is not None and following.start() < line_end else line_end
        result = _labelled_date(body, match, line_start, segment_end, tables)
        if result is None:
            continue
        kind, text, written = result
        either = kind == _EITHER
        if either:
            kind = NEXT if order().order == DAY_FIRST and order().decided else LAST
        line_index += body.count("\n", counted_to, line_start)
        counted_to = line_start
        line = document.body_line_number(line_index)
        column = match.start() - line_start + 1
        written = _quoted_form(written)
        if southern is None and text[:1].isalpha():
            southern = is_southern(document.metadata.get("language"), url)
        period = period_of(text, bool(southern))
        date, reading = (period.first, "") if period is not None else _read(text, order)
        if either and kind == LAST and today is not None and date is not None and date > today:
            kind = NEXT  # a "Review date" after today is not the last review: it is the next
        if period is not None:
            date, why = period_reading(period, kind)
            reading = f"read as {_spelled(date)} ({why})"
        if date is None:
            found.unreadable.append(UnreadableDate(kind, line, column, text, written))
        else:
            if period is None and _MONTH_ONLY.fullmatch(text) is not None:
                period = month_period(date)
            found.dates.append(ReviewDate(kind, date, line, column, text, written, "body", reading, period))
    return found


# A figure's or table's caption: "Figure 1. A map showing …", "*Table 2.* Stages …".
_CAPTION = re.compile(r"[ \t>*_]*(?:figure|fig\.|table|chart|map|image)[ \t]+\d+[a-z]?[.:]", re.IGNORECASE)
_SPACE_ENTITY = re.compile(r"&(?:nbsp|#160|#[xX](?:00)?[aA]0);")
_EMPHASIS = re.compile(r"[*_]+")


def _quoted_form(written: str) -> str:
    """A label and its date as a message quotes them: one line, no emphasis ("Next review: 1 May
    2027", not "Next review:** 1 May 2027"), at most 80 characters."""
    return " ".join(_EMPHASIS.sub("", written).split())[:80]


_MONTH_ONLY = re.compile(rf"{_MONTH},?[^\S\n]+\d{{4}}|\d{{4}}[-/.]\d{{1,2}}|\d{{1,2}}/\d{{4}}", re.IGNORECASE)


def period_reading(period: Period, kind: str) -> tuple[dt.date, str]:
    """A year, season or quarter as the one day a review date needs (see ``date_periods``), and why
    that day: "the earliest day it can mean"."""
    return (period.first, "the earliest day it can mean") if kind == LAST else (period.last, "the latest day it can mean")


def _labelled_date(
    body: str,
    match: re.Match[str],
    line_start: int,
    segment_end: int,
    tables: Callable[[], list[_OneRowTable]],
) -> tuple[str, str, str] | None:
    """(kind, date text, label and date as written) for a label, or None when the label is not a
    review-date label here: prose, a listed article's date, no date after it. ``segment_end``: where
    the next label on the line starts, or the line's end; ``tables``: the page's tables of one row."""
    index = next(i for i, label in enumerate(match.group(*_LABEL_GROUPS)) if label is not None)
    _, kind, strong = _LABELS[index]
    at_line_start = _LINE_MARKERS.fullmatch(body, line_start, match.start()) is not None
    if not at_line_start and not _SEPARATED.search(body, max(line_start, match.start() - 16), match.start()):
        return None  # a label word inside a sentence
    lead = _LEAD.match(body, match.end(), segment_end)
    colon = lead is not None and lead.group("colon") is not None
    if not strong and not (colon or at_line_start):
        return None
    if not strong and at_line_start and _follows_a_listed_link(body, line_start):
        return None  # the date line under a listed article's link
    date_from = lead.end() if lead is not None else match.end()
    shape = _DATE_SHAPE.match(body, date_from, segment_end)
    if shape is None:
        table = _table_at(tables(), match.start())
        if table is not None:
            return _date_in_column(body, match, table, kind)
        if at_line_start and not body[date_from:segment_end].strip(" \t*_:"):
            return _date_on_next_line(body, segment_end, kind, match[0])
        return None
    if not _ONLY_PUNCTUATION.fullmatch(body, shape.end(), segment_end) and (
        (not strong and not colon) or _PERIOD_ONLY.fullmatch(shape[0]) is not None
    ):
        return None  # "Updated guidance from March 2019 …", "Last reviewed: 2024 trials …" are prose
    return kind, " ".join(shape[0].split()), body[match.start():shape.end()]


class _OneRowTable(NamedTuple):
    """A table with one row below its header: the header's span and cell borders, the row's cells."""

    start: int
    end: int
    borders: list[int]  # offsets of the header's pipes
    outer_pipe: bool  # whether the header starts with "|"
    cells: list[str]


def _one_row_tables(document: Document, body: str) -> list[_OneRowTable]:
    """The page's tables of one row, in order. A table of several rows lists other documents'
    dates, not this page's."""
    found = []
    for table in document_structure(document).tables:
        if len(table.rows) == 2:
            header, row = table.rows
            outer_pipe = body[header.start:header.end].lstrip().startswith("|")
            found.append(_OneRowTable(header.start, header.end, cell_borders(body, header), outer_pipe, row_cells(body, row)))
    return found


def _table_at(tables: list[_OneRowTable], at: int) -> _OneRowTable | None:
    """The table among ``tables`` whose header holds offset ``at``."""
    index = bisect.bisect_right(tables, at, key=lambda table: table.start) - 1
    return tables[index] if index >= 0 and at < tables[index].end else None


def _date_in_column(body: str, match: re.Match[str], table: _OneRowTable, kind: str) -> tuple[str, str, str] | None:
    """A label that fills a header cell ("| Version | Review date |") takes the date in the same
    column of the table's one row ("| 2 | June 2026 |")."""
    before = bisect.bisect_left(table.borders, match.start())  # the borders before the label
    cell_start = table.borders[before - 1] + 1 if before else table.start
    cell_end = table.borders[before] if before < len(table.borders) else table.end
    if body[cell_start:match.start()].strip(" \t*_") or body[match.end():cell_end].strip(" \t*_:"):
        return None  # the label is not the whole cell
    column = before - table.outer_pipe
    if not 0 <= column < len(table.cells):
        return None
    text = table.cells[column].strip(" \t*_")
    if _DATE_SHAPE.fullmatch(text) is None:
        return None
    return kind, " ".join(text.split()), f"{match[0]}: {text}"


def _date_on_next_line(body: str, line_end: int, kind: str, label: str) -> tuple[str, str, str] | None:
    """A label alone on its line ("Date reviewed") takes a date alone on the next non-blank line."""
    position = line_end
    for _ in range(2):
        if position >= len(body):
            return None
        start = position + 1
        end = body.find("\n", start)
        end = len(body) if end < 0 else end
        line = body[start:end]
        if line.strip():
            markers = _LINE_MARKERS.match(line)
            offset = start + (markers.end() if markers else 0)
            shape = _DATE_SHAPE.match(body, offset, end)
            if shape is None or not _ONLY_PUNCTUATION.fullmatch(body, shape.end(), end):
                return None
            return kind, " ".join(shape[0].split()), f"{label}: {shape[0]}"
        position = end
    return None


def _follows_a_listed_link(body: str, line_start: int) -> bool:
    """Whether the previous non-blank line (one blank line at most between) is only a link."""
    end = line_start - 1
    for _ in range(2):
        if end <= 0:
            return False
        start = body.rfind("\n", 0, end) + 1
        line = body[start:end]
        if line.strip():
            return _LINK_ONLY.fullmatch(line) is not None
        end = start - 1
    return False


_PUBLISHED = re.compile(
    r"^[ \t>*_#\-+•|]*(?P<label>(?:date[ \t]+(?:first[ \t]+)?published|first[ \t]+published|published|posted"
    r"|date[ \t]+of[ \t]+publication)(?:[ \t]+on)?)[*_]*[ \t]*[:\-–—]?[*_]*[ \t]*",
    re.IGNORECASE | re.MULTILINE,
)


def publication_date(document: Document) -> str:
    """The first "Published: 12 March 2009" (or "Posted", "Date published") line of the visible
    text, as written; "" when there is none. Not a review date: for messages only."""
    body = visible_body(document)
    for match in _PUBLISHED.finditer(body):
        shape = _DATE_SHAPE.match(body, match.end())
        if shape is not None:
            return _quoted_form(body[match.start("label"):shape.end()])
    return ""
