"""Review dates that name a period, not a day: a year ("2024"), a season ("Spring 2025"), a quarter
("Q3 2025"), or a month ("March 2026").

A period is read as its first day or its last, whichever gives no false alarm: a last review as
the earliest day it can mean (the page cannot show a later review), a next review as the latest
(the publisher promised a review by then). A month is the exception: it is read as its 1st either
way, as the review policy fixes, and its period only serves to compare dates ("March 2026" agrees
with 2026-03-15).

Seasons are meteorological: spring is March to May north of the equator and September to November
south of it (a page in en-AU, en-NZ or en-ZA, or on a .au, .nz or .za host). Winter crosses the
new year, and "Winter 2025" is written for either winter, so it spans both: December 2024 to
February 2026. Quarters are calendar quarters.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import NamedTuple
from urllib.parse import urlsplit


class Period(NamedTuple):
    first: dt.date
    last: dt.date


_YEAR = re.compile(r"((?:19|20)\d{2})")
_SEASON = re.compile(r"(spring|summer|autumn|fall|winter),?\s+((?:19|20)\d{2})", re.IGNORECASE)
_QUARTER = re.compile(r"q([1-4])\s*(?:[/-]\s*)?((?:19|20)\d{2})|((?:19|20)\d{2})\s*(?:[/-]\s*)?q([1-4])", re.IGNORECASE)
# The first month of each season, north of the equator; winter starts the December before.
_NORTH_SEASON_START = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}
_SOUTHERN_REGIONS = {"au", "nz", "za"}
_SOUTHERN_SUFFIXES = (".au", ".nz", ".za")
# What may be written as a period, for the shape of a date after its label.
_YEAR_SHAPE = r"(?:19|20)\d{2}"
PERIOD_SHAPE = (
    rf"(?:spring|summer|autumn|fall|winter),?[^\S\n]+{_YEAR_SHAPE}"
    rf"|q[1-4][^\S\n]*(?:[/-][^\S\n]*)?{_YEAR_SHAPE}|{_YEAR_SHAPE}[^\S\n]*(?:[/-][^\S\n]*)?q[1-4]|{_YEAR_SHAPE}"
)


def period_of(text: str, southern: bool = False) -> Period | None:
    """The year, season or quarter ``text`` names alone; None for anything else."""
    if (year := _YEAR.fullmatch(text)) is not None:
        number = int(year[1])
        return Period(dt.date(number, 1, 1), dt.date(number, 12, 31))
    if (quarter := _QUARTER.fullmatch(text)) is not None:
        number, year_text = (quarter[1], quarter[2]) if quarter[1] else (quarter[4], quarter[3])
        first_month = 3 * int(number) - 2
        return Period(dt.date(int(year_text), first_month, 1), _month_end(int(year_text), first_month + 2))
    if (season := _SEASON.fullmatch(text)) is not None:
        return _season(season[1].lower(), int(season[2]), southern)
    return None


def month_period(date: dt.date) -> Period:
    """The month of ``date``, for a date written as a month and year."""
    return Period(date.replace(day=1), _month_end(date.year, date.month))


def _season(name: str, year: int, southern: bool) -> Period:
    start = _NORTH_SEASON_START[name]
    if southern:
        start = (start + 6 - 1) % 12 + 1
    if start == 12:  # winter: either the one that starts this December or the one before
        return Period(dt.date(year - 1, 12, 1), _month_end(year + 1, 2))
    return Period(dt.date(year, start, 1), _month_end(year, start + 2))


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def is_southern(language: object, url: object) -> bool:
    """Whether the page is written for the southern hemisphere, by its language tag or url host."""
    if isinstance(language, str) and "-" in language.replace("_", "-"):
        if language.replace("_", "-").rsplit("-", 1)[-1].strip().lower() in _SOUTHERN_REGIONS:
            return True
    if isinstance(url, str) and "://" in url:
        try:
            host = (urlsplit(url.strip()).hostname or "").lower().rstrip(".")
        except ValueError:
            return False
        return host.endswith(_SOUTHERN_SUFFIXES)
    return False
