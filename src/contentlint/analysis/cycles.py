"""Review cycles as people write them: the shipped names, a number of months, other words for a
cycle ("yearly", "6-monthly", "weekly"), or a duration in words or ISO 8601 ("6 months", "3m",
"1 year", "191 days", "2 weeks", "P6M", "P1Y6M")."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from contentlint.analysis.review_dates import add_months
from contentlint.model.settings import FREQUENCY_MONTHS, Cycle

# A regular expression that both Python and a JSON Schema `pattern` read the same way.
_AMOUNT = r"(?:\d{1,4}\s*|(?:an?|one)\s+)"
_UNIT = r"(?:days?|d|weeks?|wks?|w|months?|mos?|m|years?|yrs?|y)"
_PART = rf"\b{_AMOUNT}{_UNIT}\b"
_NAMES = "|".join(FREQUENCY_MONTHS)
WORDS_PATTERN = rf"^\s*{_PART}(?:\s*(?:,|and|,\s*and)?\s*{_PART})*\s*$"
ISO_PATTERN = r"^P(?=\d)(?:\d{1,4}Y)?(?:\d{1,4}M)?(?:\d{1,4}W)?(?:\d{1,4}D)?$"
CYCLE_PATTERN = rf"(?i)(?:{WORDS_PATTERN})|(?:{ISO_PATTERN})|^\s*(?:[1-9]\d{{0,3}}|{_NAMES})\s*$"
CYCLE_HELP = (
    f"one of {', '.join(FREQUENCY_MONTHS)}, a number of months, or a duration such as "
    "\"6 months\", \"1 year\", \"191 days\", \"2 weeks\" or \"P6M\""
)

_PART_RE = re.compile(rf"\b(?:(\d{{1,4}})\s*|(?:an?|one)\s+)({_UNIT})\b", re.IGNORECASE)
_WORDS_RE = re.compile(WORDS_PATTERN, re.IGNORECASE)
_ISO_RE = re.compile(r"P(?=\d)(?:(\d{1,4})Y)?(?:(\d{1,4})M)?(?:(\d{1,4})W)?(?:(\d{1,4})D)?", re.IGNORECASE)
_MONTHS_PER_UNIT = {"y": 12, "m": 1}
_DAYS_PER_UNIT = {"w": 7, "d": 1}


# Other ways of writing a cycle. Not "biannual": it means twice a year and every two years (below).
_SYNONYMS = {
    **{words: Cycle(months=months) for words, months in {
        "annually": 12, "yearly": 12, "every year": 12, "once a year": 12,
        "biennially": 24, "every two years": 24, "every other year": 24, "two-yearly": 24,
        "semiannually": 6, "semi-annually": 6, "semi-annual": 6, "semi annual": 6, "half-yearly": 6,
        "half yearly": 6, "twice a year": 6, "every six months": 6, "six-monthly": 6,
        "every quarter": 3, "every three months": 3, "three-monthly": 3, "every month": 1, "once a month": 1,
        "every other month": 2,
    }.items()},
    **{words: Cycle(days=days) for words, days in {
        "daily": 1, "every day": 1, "weekly": 7, "every week": 7, "once a week": 7,
        "fortnightly": 14, "every fortnight": 14, "every other week": 14,
    }.items()},
}
# "6-monthly", "3 monthly", "2-yearly", "6-weekly": a number of units for each review.
_NUMBERED = re.compile(r"(\d{1,3})[- ]?(month|year|week)ly")
_UNIT_CYCLE = {"month": Cycle(months=1), "year": Cycle(months=12), "week": Cycle(days=7)}
# Words read two ways. The shorter reading schedules the review, so that neither hides an overdue
# one, and the messages say so: (the cycle, its reading, the other reading).
_AMBIGUOUS = {
    **dict.fromkeys(
        ("biannual", "bi-annual", "biannually", "bi-annually", "biyearly", "bi-yearly"),
        (Cycle(months=6), "twice a year", "every two years"),
    ),
    **dict.fromkeys(("bimonthly", "bi-monthly"), (Cycle(days=15), "twice a month", "every two months")),
    **dict.fromkeys(("biweekly", "bi-weekly"), (Cycle(days=3), "twice a week", "every two weeks")),
}


def ambiguous_cycle(value: Any) -> tuple[Cycle, str, str] | None:
    """For a word read two ways ("biannual"): the cycle it is read as, that reading ("twice a
    year") and the other ("every two years"); None for any other value."""
    return _AMBIGUOUS.get(" ".join(value.lower().split())) if isinstance(value, str) else None


def parse_cycle(value: Any) -> Cycle | None:
    """The cycle ``value`` names, or None when it names none (or a cycle of nothing)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return Cycle(months=value) if value > 0 else None
    if not isinstance(value, str):
        return None
    text = value.strip()
    lowered = " ".join(text.lower().split())
    if lowered in FREQUENCY_MONTHS:
        return Cycle(months=FREQUENCY_MONTHS[lowered])
    if lowered in _SYNONYMS:
        return _SYNONYMS[lowered]
    if lowered in _AMBIGUOUS:
        return _AMBIGUOUS[lowered][0]
    if (numbered := _NUMBERED.fullmatch(lowered)) is not None:
        amount, unit = int(numbered.group(1)), _UNIT_CYCLE[numbered.group(2)]
        return Cycle(unit.months * amount, unit.days * amount) if amount else None
    if lowered.startswith("every ") and _WORDS_RE.fullmatch(text[5:]):
        text = text[5:]  # "every 6 months": the rest is read as "6 months"
    if text.isdigit() and len(text) <= 4:
        return Cycle(months=int(text)) if int(text) > 0 else None
    months = days = 0
    if (iso := _ISO_RE.fullmatch(text)) is not None:
        years, month_count, weeks, day_count = (int(part or 0) for part in iso.groups())
        months, days = years * 12 + month_count, weeks * 7 + day_count
    elif _WORDS_RE.fullmatch(text):
        for amount, unit in _PART_RE.findall(text):
            number = int(amount) if amount else 1  # "a year", "one month"
            # The first letter decides: "m", "mo", "months" are months ("3m": no review runs in minutes).
            key = unit[0].lower()
            months += number * _MONTHS_PER_UNIT.get(key, 0)
            days += number * _DAYS_PER_UNIT.get(key, 0)
    else:
        return None
    return Cycle(months, days) if months or days else None


def cycle_after(date: dt.date, cycle: Cycle) -> dt.date | None:
    """``date`` plus ``cycle`` (calendar months first, then days), or None past the calendar."""
    try:
        return add_months(date, cycle.months) + dt.timedelta(days=cycle.days)
    except (ValueError, OverflowError):
        return None


def shipped_name(cycle: Cycle) -> str | None:
    """The shipped name of a cycle ("annual" for 12 months), or None."""
    if cycle.days:
        return None
    return next((name for name, months in FREQUENCY_MONTHS.items() if months == cycle.months), None)


def cycle_text(cycle: Cycle) -> str:
    """The cycle for a message: "quarterly", "18-month", "191-day", "2-week"."""
    if not cycle.days:
        names = {months: name for name, months in FREQUENCY_MONTHS.items()}
        return names.get(cycle.months, f"{cycle.months}-month")
    days = f"{cycle.days // 7}-week" if cycle.days % 7 == 0 else f"{cycle.days}-day"
    return f"{cycle.months}-month {days}" if cycle.months else days
