"""How one page writes numeric dates: is 05/03/2027 the 5th of March (day first) or the 3rd of May?

Decided per document from what it says, in this order: the `date-order` setting (an explicit
override); an unambiguous numeric date on the page (13/03/2027 can only be day first); the
front-matter language (en-GB, en-US); the url's host (.uk, .ie, nhs, hse; .gov, cdc); the source;
dates written with dots (05.03.2027), as the countries that write the day first write them.
Without any of these, month first, and the reading says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

DAY_FIRST = "DMY"
MONTH_FIRST = "MDY"
DEFAULT_ORDER = MONTH_FIRST


@dataclass(frozen=True)
class DateOrder:
    order: str  # DAY_FIRST, MONTH_FIRST or "YMD"
    why: str  # for messages: "en-GB page", "the page also writes 13/03/2027"
    decided: bool = True  # False: nothing on the page says, the default was used

    def describe(self) -> str:
        first = {DAY_FIRST: "day first", MONTH_FIRST: "month first"}.get(self.order, "year first")
        return f"{first}: {self.why}"


_MONTH_FIRST_REGIONS = {"us", "ph", "fm", "mh", "pw", "as", "gu", "mp", "pr", "vi", "um"}
# Languages that write numeric dates year first; most others write the day first.
_YEAR_FIRST_LANGUAGES = {"zh", "ja", "ko", "hu", "lt", "mn"}
_DAY_FIRST_SUFFIXES = (".uk", ".ie", ".au", ".nz", ".za", ".in", ".eu", ".de", ".fr", ".es", ".it", ".nl")
_DAY_FIRST_HOST_WORDS = re.compile(r"(?:^|[.\-])(?:nhs|hse|macmillan|cancerresearchuk|nice)(?:[.\-]|$)")
_MONTH_FIRST_SUFFIXES = (".gov", ".mil", ".us")
_DAY_FIRST_SOURCES = re.compile(
    r"\b(?:NHS|HSE|Health Service Executive|Cancer Research UK|CRUK|Macmillan|NICE|UK|Ireland|Irish"
    r"|ICMR|NCDIR|MoHFW|Ministry of Health and Family Welfare|National Cancer Grid|Tata Memorial|AIIMS|India|Indian"
    r"|IARC|International Agency for Research on Cancer)\b"
)
_MONTH_FIRST_SOURCES = re.compile(
    r"\b(?:CDC|Centers for Disease Control|National Cancer Institute|NCI|NIH|MedlinePlus|FDA|cancer\.gov|U\.?S\.?)\b"
)
_NUMERIC_DATE = re.compile(r"(?<![\d/.])(\d{1,2})[/.](\d{1,2})[/.](\d{4})(?![\d/])")


def decide_date_order(setting: str, language: object, url: object, source: object, body: str) -> DateOrder:
    """The page's date order: ``setting`` (DMY, MDY, YMD; "" or "auto" to decide), then the page."""
    if setting and setting != "auto":
        return DateOrder(setting, "the date-order setting")
    found = _from_page(body) or _from_language(language) or _from_url(url) or _from_source(source) or _from_dots(body)
    return found or DateOrder(DEFAULT_ORDER, "nothing on the page says which, so the default", decided=False)


def _from_page(body: str) -> DateOrder | None:
    day_first = month_first = ""
    for match in _NUMERIC_DATE.finditer(body):
        first, second = int(match[1]), int(match[2])
        if 12 < first <= 31 and 1 <= second <= 12:
            day_first = day_first or match[0]
        elif 12 < second <= 31 and 1 <= first <= 12:
            month_first = month_first or match[0]
    if day_first and not month_first:
        return DateOrder(DAY_FIRST, f"the page also writes {day_first}")
    if month_first and not day_first:
        return DateOrder(MONTH_FIRST, f"the page also writes {month_first}")
    return None


# A numeric date written with dots, and one with slashes (month first in the US, day first elsewhere).
_DOTTED_DATE = re.compile(r"(?<!\d)(?<!\d\.)\d{1,2}\.\d{1,2}\.\d{4}(?!\d|\.\d)")
_SLASHED_DATE = re.compile(r"(?<![\d/])\d{1,2}/\d{1,2}/\d{4}(?![\d/])")


def _from_dots(body: str) -> DateOrder | None:
    """Day first when the page writes its numeric dates with dots and none with slashes: the dotted
    form (05.03.2027) is how day-first countries write dates; the US writes slashes."""
    dotted = _DOTTED_DATE.search(body)
    if dotted is None or _SLASHED_DATE.search(body) is not None:
        return None
    return DateOrder(DAY_FIRST, f"the page writes its dates with dots ({dotted.group()}), as day-first countries do")


def _from_language(language: object) -> DateOrder | None:
    if not isinstance(language, str) or not language.strip():
        return None
    tag = language.strip().replace("_", "-")
    parts = tag.lower().split("-")
    if parts[0] in _YEAR_FIRST_LANGUAGES:
        return DateOrder("YMD", f"{tag} page")
    if parts[0] == "en":
        if len(parts) < 2:
            return None  # plain "en" says nothing about the region
        region = parts[-1]
        return DateOrder(MONTH_FIRST if region in _MONTH_FIRST_REGIONS else DAY_FIRST, f"{tag} page")
    if len(parts[0]) in (2, 3) and parts[0].isalpha():
        return DateOrder(DAY_FIRST, f"{tag} page")
    return None


def _from_url(url: object) -> DateOrder | None:
    if not isinstance(url, str) or "://" not in url:
        return None
    try:
        host = (urlsplit(url.strip()).hostname or "").lower().rstrip(".")
    except ValueError:
        return None
    if not host:
        return None
    if host.endswith(_DAY_FIRST_SUFFIXES) or _DAY_FIRST_HOST_WORDS.search(host):
        return DateOrder(DAY_FIRST, f"a {host} page")
    if host.endswith(_MONTH_FIRST_SUFFIXES):
        return DateOrder(MONTH_FIRST, f"a {host} page")
    return None


def _from_source(source: object) -> DateOrder | None:
    if not isinstance(source, str) or not source.strip():
        return None
    text = source.strip()[:200]
    day_first, month_first = _DAY_FIRST_SOURCES.search(text), _MONTH_FIRST_SOURCES.search(text)
    if day_first and not month_first:
        return DateOrder(DAY_FIRST, f"source {day_first[0]}")
    if month_first and not day_first:
        return DateOrder(MONTH_FIRST, f"source {month_first[0]}")
    return None
