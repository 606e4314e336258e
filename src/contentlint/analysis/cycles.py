"""Review cycles as people write them: the shipped names, a number of months, or a duration in
words or ISO 8601 ("6 months", "1 year", "191 days", "2 weeks", "P6M", "P1Y6M")."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from contentlint.analysis.review_dates import add_months
from contentlint.model.settings import FREQUENCY_MONTHS, Cycle

# A regular expression that both Python and a JSON Schema `pattern` read the same way.
_AMOUNT = r"(?:\d{1,4}\s*|(?:an?|one)\s+)"
_UNIT = r"(?:days?|d|weeks?|wks?|w|months?|mos?|years?|yrs?|y)"
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


def parse_cycle(value: Any) -> Cycle | None:
    """The cycle ``value`` names, or None when it names none (or a cycle of nothing)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return Cycle(months=value) if value > 0 else None
    if not isinstance(value, str):
        return None
    text = value.strip()
    lowered = text.lower()
    if lowered in FREQUENCY_MONTHS:
        return Cycle(months=FREQUENCY_MONTHS[lowered])
    if text.isdigit() and len(text) <= 4:
        return Cycle(months=int(text)) if int(text) > 0 else None
    months = days = 0
    if (iso := _ISO_RE.fullmatch(text)) is not None:
        years, month_count, weeks, day_count = (int(part or 0) for part in iso.groups())
        months, days = years * 12 + month_count, weeks * 7 + day_count
    elif _WORDS_RE.fullmatch(text):
        for amount, unit in _PART_RE.findall(text):
            number = int(amount) if amount else 1  # "a year", "one month"
            # "mo"/"months" are months, "m" alone is not a unit here; the first letter decides the rest.
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


def cycle_text(cycle: Cycle) -> str:
    """The cycle for a message: "quarterly", "18-month", "191-day", "2-week"."""
    if not cycle.days:
        names = {months: name for name, months in FREQUENCY_MONTHS.items()}
        return names.get(cycle.months, f"{cycle.months}-month")
    days = f"{cycle.days // 7}-week" if cycle.days % 7 == 0 else f"{cycle.days}-day"
    return f"{cycle.months}-month {days}" if cycle.months else days
