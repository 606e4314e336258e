"""Review dates written in the body, as publishers write them: one line or two, with or without a
colon, month and year only, numeric dates in the page's own order, impossible dates, and the dates
of articles a page lists (which are not its own)."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import lint_text, make_config
from contentlint.analysis.date_order import DAY_FIRST, MONTH_FIRST, decide_date_order
from contentlint.analysis.review import review_schedule
from contentlint.analysis.review_dates import _LABEL_WORDS, _LABELS, body_review_dates
from contentlint.document.reading import parse_document
from contentlint.engine.config import config_from_table, validate_table
from contentlint.model.errors import ConfigError
from contentlint.model.settings import FieldMap, ReviewPolicy

TODAY = dt.date(2026, 12, 5)


def page(body: str, **meta: str) -> str:
    """A page with no lastReviewed: only the body can date it."""
    lines = ["title: Living with a stoma"] + [f"{key}: {value}" for key, value in meta.items()]
    return "---\n" + "\n".join(lines) + "\n---\n\n# Living with a stoma\n\nMost people go back to work.\n\n" + body + "\n"


def findings(text: str, **config: object) -> list[tuple[str, int, str]]:
    found = lint_text(text, make_config(today=TODAY, **config))
    return [(f.code, f.line, f.message) for f in found if f.code.startswith("F")]


def codes(text: str, **config: object) -> set[str]:
    return {code for code, _, _ in findings(text, **config)}


# (name, body, front-matter extras, expected F codes). Today is 5 December 2026; without a cycle
# a last review is due two years on. F004 would say "no review date" (M101 hides it here, since
# lastReviewed is missing; the unreadable cases show F004 all the same).
CASES = [
    # Both dates on one line: the next-review date decides, whatever sits between them.
    ("one-line-no-separator", "Page last reviewed: 15 March 2021 Next review due: 15 March 2027", {}, set()),
    ("one-line-pipe", "Page last reviewed: 15 March 2021 | Next review due: 15 March 2027", {}, set()),
    ("one-line-middle-dot", "Last reviewed: 2 Feb 2024 · Next review due: 2 Feb 2027", {}, set()),
    ("one-line-dash", "Last reviewed: 2 Feb 2024 - Next review due: 2 Feb 2027", {}, set()),
    ("one-line-semicolon", "Reviewed: 01 June 2023; Next review: 01 June 2026", {}, {"F001"}),
    ("one-line-two-spaces", "Last reviewed 14 Aug 2025  Next review 14 Aug 2028", {}, set()),
    ("one-line-both-bold", "**Page last reviewed:** 9 May 2022 **Next review due:** 9 May 2025", {}, {"F001"}),
    ("one-line-next-first", "Next review due: 30 December 2026 | Last reviewed: 30 December 2023", {}, {"F002"}),
    # An HTML line break between them (a table cell, a scraped footer): the next review decides.
    ("one-line-html-break", "Page last reviewed: 15 March 2024<br>Next review due: 15 March 2026", {}, {"F001"}),
    ("one-line-html-break-closed", "Last reviewed: 2 Feb 2024<BR />Next review: 2 Feb 2026", {}, {"F001"}),
    ("one-line-html-break-ahead", "Last reviewed: 2 Feb 2021<br/>Next review: 2 Feb 2027", {}, set()),
    # A label after an HTML tag; a label in a table's cell with its date in the next cell.
    ("html-paragraph", "<p>Next review due: 12 June 2026</p>", {}, {"F001"}),
    ("html-div-and-break", '<div class="meta">Last reviewed: 2 Feb 2021<br>Next review: 2 Feb 2027</div>', {}, set()),
    ("weak-label-after-tag-in-prose", "<b>Note:</b> updated guidance from March 2019 applies.", {}, set()),
    ("table-row-next-review", "| Next review | June 2026 |\n| --- | --- |\n| Owner | Leaflets team |", {}, {"F001"}),
    ("table-row-last-reviewed", "| Last reviewed | 3 March 2023 |\n|---|---|", {}, {"F001"}),
    ("table-row-weak-label", "| Updated | 3 March 2023 |\n|---|---|", {}, {"F001"}),
    ("table-row-next-wins", "Last reviewed: 1 May 2021\n\n| Date of next review | **1 May 2027** |\n|---|---|", {}, set()),
    # A date in emphasis, and a label in bold: read, and quoted without the stars.
    ("date-in-bold", "Next review: **1 May 2025**", {}, {"F001"}),
    ("date-in-underscores", "Next review: _1 May 2025_", {}, {"F001"}),
    ("date-in-bold-after-on", "Reviewed on **3 March 2023**", {}, {"F001"}),
    ("date-in-bold-next-wins", "Last reviewed: 1 May 2021 | Next review: **1 May 2027**", {}, set()),
    # Spaces a page writes as a no-break space or its entity; more labels.
    ("no-break-space-after-colon", "Last reviewed:\u00a012 June 2023", {}, {"F001"}),
    ("no-break-space-entity", "Last reviewed: 12&nbsp;June&#160;2023", {}, {"F001"}),
    ("no-break-space-entity-next-wins", "Last reviewed: 12 June 2021 | Next review:&nbsp;1&nbsp;May&nbsp;2027", {}, set()),
    ("last-full-review", "Last full review: June 2023", {}, {"F001"}),
    ("date-for-review", "Date of publication: June 2021 | Date for review: June 2025", {}, {"F001"}),
    ("review-by", "Review by: June 2025", {}, {"F001"}),
    ("to-be-reviewed", "To be reviewed: June 2025", {}, {"F001"}),
    ("leaflet-review-date", "Leaflet review date: 30/06/2025", {"url": "https://www.example.nhs.uk/leaflet"}, {"F001"}),
    ("next-review-due-by", "Next review due by: June 2025", {}, {"F001"}),
    ("due-for-review-by", "Due for review by: June 2025", {}, {"F001"}),
    ("current-as-at", "Current as at: Tuesday 12 March 2024", {}, {"F001"}),  # NSW Health
    ("current-as-at-in-a-sentence", "Prices are current as at 1 July 2023 for the clinic.", {}, set()),
    ("updated-on-after-a-separator", "Written by Jane Doe — Updated on March 12, 2023", {}, {"F001"}),
    ("updated-on-line-start", "Updated on 12 March 2023", {}, {"F001"}),
    ("updated-on-in-a-sentence", "Your care plan was updated on 12 March 2023 by the nurse.", {}, set()),
    # A figure's caption dates the figure, not the page.
    ("figure-caption", "Figure 1. A map of the clinics in the region. Last reviewed: 10/22/2021", {}, set()),
    ("table-caption", "*Table 2.* Stages of the disease. Updated: 3 March 2020", {}, set()),
    ("not-a-caption", "Figures vary by region. Last reviewed: 10/22/2021", {}, {"F001"}),
    ("to-be-reviewed-in-a-sentence", "Your case is to be reviewed by the team on 3 May 2025.", {}, set()),
    ("document-last-reviewed", "Document last reviewed: June 2023", {}, {"F001"}),
    ("table-header-labels-only", "| Last reviewed | Next review |\n|---|---|\n| Soon | Later |", {}, set()),
    # Labels in a header row take the dates of the table's one row; a table of several rows lists
    # other documents.
    ("table-columns", "| Version | Next review |\n|---|---|\n| 2 | June 2026 |", {}, {"F001"}),
    ("table-columns-next-wins", "| Last reviewed | Next review |\n| --- | --- |\n| 3 March 2021 | **1 May 2027** |", {}, set()),
    ("table-columns-next-wins-over-prose", "Last reviewed: 3 March 2021\n\n| Version | Next review |\n|---|---|\n| 2 | 1 May 2027 |", {}, set()),
    ("table-columns-escaped-pipe", "| Form \\| version | Next review |\n|---|---|\n| A2 | June 2026 |", {}, {"F001"}),
    ("table-columns-no-outer-pipes", "Version | Last reviewed\n--- | ---\n2 | 3 March 2023", {}, {"F001"}),
    ("table-columns-several-rows", "| Leaflet | Next review |\n|---|---|\n| Diet | June 2025 |\n| Rest | June 2026 |", {}, set()),
    ("table-columns-label-not-whole-cell", "| Next review by the team |\n|---|\n| June 2025 |", {}, set()),
    # Labels without a colon.
    ("last-reviewed-no-colon", "Last reviewed 12 March 2026", {}, set()),
    ("last-reviewed-no-colon-old", "Last reviewed 12 March 2019", {}, {"F001"}),
    ("reviewed-on", "Reviewed on 3 October 2018", {}, {"F001"}),
    ("next-review-due-no-colon", "Next review due March 2025", {}, {"F001"}),
    ("date-of-next-review", "Date of next review: November 2026", {}, {"F001"}),
    ("due-for-review", "Due for review: 12/2028", {}, set()),
    ("bare-updated-alone-on-its-line", "Updated 4 April 2019", {}, {"F001"}),
    ("page-last-reviewed-us-style", "Page last reviewed: April 7, 2020", {}, {"F001"}),
    ("cdc-last-reviewed-with-source", "Source: National Center for Health Statistics. Last Reviewed: May 3, 2019", {}, {"F001"}),
    ("reviewed-by-someone-on", "Last reviewed by Dr A Okafor on 9 January 2020", {}, {"F001"}),
    ("label-then-date-next-line", "Date of next review\n\nJune 2025", {}, {"F001"}),
    ("medically-reviewed-after-byline", "Written by A Writer | Medically Reviewed by Dr A Okafor on March 05, 2019", {}, {"F001"}),
    ("this-page-was-reviewed-on", "This page was reviewed on 12 March 2019.", {}, {"F001"}),
    ("ordinal-and-weekday", "Last reviewed: Tuesday 1st March 2022", {}, {"F001"}),
    # Month and year only; numeric month and year.
    ("month-year", "Last reviewed: March 2026", {}, set()),
    ("numeric-month-year", "Next review due: 03/2026", {}, {"F001"}),
    ("iso-month-year", "Next review due: 2026-03", {}, {"F001"}),
    ("iso-date-and-time", "Next review due: 2026-12-20T09:00:00Z", {}, {"F002"}),  # its day, not the month's 1st
    # A year, season or quarter: a last review is read as the earliest day it can mean, a next
    # review as the latest (today is 5 December 2026; a last review is due two years on).
    ("year-last-overdue", "Last reviewed: 2023", {}, {"F001"}),
    ("year-last-due-from-1-january", "Last reviewed: 2025", {}, {"F002"}),
    ("year-next-passed", "Next review due: 2025", {}, {"F001"}),
    ("year-next-due-by-31-december", "Next review: 2026", {}, {"F002"}),
    ("year-next-ahead", "Next review: 2027.", {}, set()),
    ("year-in-the-future-is-f003", "Last reviewed: 2027", {}, {"F003"}),
    ("season-next-passed", "Next review: Spring 2026", {}, {"F001"}),
    ("season-next-southern-summer-spans-the-new-year", "Next review: Summer 2026", {"language": "en-AU"}, set()),
    ("season-next-northern-summer-passed", "Next review: Summer 2026", {"language": "en-GB"}, {"F001"}),
    ("season-next-southern-by-host", "Next review: Summer 2026", {"url": "https://www.health.gov.au/x"}, set()),
    ("season-winter-is-either-winter", "Next review: Winter 2026", {}, set()),
    ("quarter-next-passed", "Next review due: Q3 2026", {}, {"F001"}),
    ("quarter-next-due-by-its-end", "Next review due: 2026 Q4", {}, {"F002"}),
    ("last-review-year-with-next-on-one-line", "Last reviewed: 2021 | Next review: 2027", {}, set()),
    # A year followed by words is prose, not a date: "2019 guidelines", a range of years.
    ("year-then-words", "Last reviewed: 2019 guidelines from the panel", {}, set()),
    ("weak-label-year-then-words", "Updated: 2019 figures show a fall", {}, set()),
    ("range-of-years", "Last reviewed: 2019-2021", {}, set()),
    # More labels: "Next planned review", "Information reviewed".
    ("next-planned-review", "Next planned review: June 2026", {}, {"F001"}),
    ("next-scheduled-review", "Next scheduled review: 14 January 2027", {}, set()),
    ("information-reviewed", "Information reviewed: 01/2023", {}, {"F001"}),
    ("leaflet-reviewed-recently", "Leaflet reviewed: 3 November 2026", {}, set()),
    ("last-review-date", "Last review date: 3 March 2023", {}, {"F001"}),
    ("last-review", "Last review: 3 Mar 2023", {}, {"F001"}),
    ("latest-review", "Latest review: 3 March 2023", {}, {"F001"}),
    ("date-last-updated", "Date last updated: 3 March 2023", {}, {"F001"}),
    ("reviewed-and-updated", "Reviewed and updated: March 2023", {}, {"F001"}),
    ("last-reviewed-and-updated-recently", "Last reviewed and updated: 3 March 2026", {}, set()),
    ("next-update-due", "Next update due: March 2025", {}, {"F001"}),
    ("reviewed-by-a-team-then-colon", "Content reviewed by our editorial team: 3 March 2023", {}, {"F001"}),
    ("bare-review-label", "Review: March 2023", {}, {"F001"}),
    ("bare-review-label-after-today-is-the-next", "Review: March 2027", {}, set()),
    ("review-as-a-verb", "Review your medicines with your GP: 3 March 2023 is the deadline.", {}, set()),
    ("last-review-in-a-sentence", "At your last review: 3 March 2023 was too long ago, the nurse said.", {}, set()),
    ("next-update-in-prose", "The next update will come in March 2025.", {}, set()),
    ("cancer-net-editorial-board", "Approved by the Cancer.Net Editorial Board, 03/2023", {}, {"F001"}),
    ("editorial-board-recently", "Approved by the Cancer.Net Editorial Board, 10/2026", {}, set()),
    ("editorial-board-no-comma", "Approved by the editorial board 12 March 2019", {}, {"F001"}),
    ("drug-approval-is-no-review", "Approved by the FDA in 03/2019 for adults.", {}, set()),
    ("approved-in-a-sentence", "The drug was approved by the editorial board, 03/2019 records show.", {}, set()),
    # Not review dates: publication dates, prose, peer review.
    ("published-is-not-reviewed", "Published: 12 March 2009", {}, set()),
    ("posted-is-not-reviewed", "Posted: January 25, 2017", {}, set()),
    ("prose-updated-guidance", "Updated guidance came out in March 2019 and changed the dose.", {}, set()),
    ("prose-reviewed-in-a-sentence", "The board reviewed 12 March 2019 trials and changed nothing.", {}, set()),
    ("peer-reviewed-journal", "Peer-reviewed: 12 March 2019", {}, set()),
    # "Review date": the next review on a day-first page, the last review on a month-first page.
    ("review-date-uk-leaflet", "Review date: March 2026", {"language": "en-GB"}, {"F001"}),
    ("review-date-us-medlineplus", "Review Date 3/31/2026", {"language": "en-US"}, set()),
    # ... but a "Review date" after today cannot be the last review: it is the next one.
    ("review-date-after-today-undecided-page", "Review date: March 2027", {}, set()),
    ("review-date-after-today-us-page", "Review Date 3/31/2027", {"language": "en-US"}, set()),
    ("review-date-season-after-today", "Review date: Spring 2027", {}, set()),
    ("review-date-before-today-undecided-page", "Review date: March 2024", {}, {"F001"}),
    # Impossible dates are reported as unreadable, at their line.
    ("impossible-31-february", "Last reviewed: 31 February 2026", {}, {"F004"}),
    ("impossible-iso", "Next review due: 2026-02-30", {}, {"F004"}),
    ("impossible-numeric", "Next review due: 31/02/2027", {"language": "en-GB"}, {"F004"}),
    ("impossible-next-is-not-replaced-by-a-cycle", "Page last reviewed: 3 June 2024\nNext review due: 31 February 2027", {}, {"F004"}),
    # A listed article's date is not the page's review date.
    ("listed-article-same-line", "- [Trial of a new stoma bag](https://example.org/trial) Updated: August 31, 2015", {}, set()),
    ("listed-article-next-line", "- [Trial of a new stoma bag](/news/trial)\n\nUpdated: August 31, 2015\n\nA short summary.", {}, set()),
    ("the-page-own-date-after-a-list", "- [Back to top](#top)\n\nPage last reviewed: 1 May 2019", {}, {"F001"}),
]


@pytest.mark.parametrize("name, body, meta, expected", CASES, ids=[case[0] for case in CASES])
def test_body_review_dates(name: str, body: str, meta: dict[str, str], expected: set[str]) -> None:
    assert codes(page(body, **meta)) == expected


def test_one_line_next_review_is_the_due_date() -> None:
    found = findings(page("Page last reviewed: 15 March 2021 | Next review due: 15 March 2024"))
    assert [code for code, _, _ in found] == ["F001"]
    assert "due 2024-03-15" in found[0][2] and "\"Next review due: 15 March 2024\"" in found[0][2]


@pytest.mark.parametrize(
    ("body", "due", "reading"),
    [
        ("Last reviewed: 2023", "2025-01-01", "read as 1 January 2023 (the earliest day it can mean)"),
        ("Next review: Spring 2025", "2025-05-31", "read as 31 May 2025 (the latest day it can mean)"),
        ("Next review due: Q3 2025", "2025-09-30", "read as 30 September 2025 (the latest day it can mean)"),
        ("Next review: Winter 2025", "2026-02-28", "read as 28 February 2026 (the latest day it can mean)"),
        ("Reviewed: Winter 2023", "2024-12-01", "read as 1 December 2022 (the earliest day it can mean)"),
    ],
)
def test_a_period_is_read_as_one_day_and_the_message_says_which(body: str, due: str, reading: str) -> None:
    [(code, _, message)] = findings(page(body))
    assert code == "F001" and f"due {due}" in message and reading in message


def test_an_impossible_date_is_named_at_its_line() -> None:
    text = page("Some advice.\n\nNext review due: 31 February 2026")
    [(code, line, message)] = findings(text)
    assert code == "F004" and text.split("\n")[line - 1] == "Next review due: 31 February 2026"
    assert "\"31 February 2026\" cannot be read" in message and "no review date" not in message


# Numeric dates: how 05/03/2027 is read depends on what the page says.
ORDER_CASES = [
    ("language-en-GB", "Next review due: 05/03/2026", {"language": "en-GB"}, "2026-03-05", "day first: en-GB page"),
    ("language-en-IE", "Next review due: 05/03/2026", {"language": "en-IE"}, "2026-03-05", "day first: en-IE page"),
    ("language-en-US", "Next review due: 05/03/2026", {"language": "en-US"}, "2026-05-03", "month first: en-US page"),
    ("url-nhs", "Next review due: 05/03/2026", {"url": "https://www.nhs.uk/conditions/stoma/"}, "2026-03-05",
     "day first: a www.nhs.uk page"),
    ("url-hse", "Next review due: 05/03/2026", {"url": "https://www2.hse.ie/conditions/stoma/"}, "2026-03-05",
     "day first: a www2.hse.ie page"),
    ("url-cdc", "Next review due: 05/03/2026", {"url": "https://www.cdc.gov/stoma/index.html"}, "2026-05-03",
     "month first: a www.cdc.gov page"),
    ("source-hse", "Next review due: 05/03/2026", {"source": "HSE Health A-Z"}, "2026-03-05", "day first: source HSE"),
    ("source-nci", "Next review due: 05/03/2026", {"source": "National Cancer Institute"}, "2026-05-03",
     "month first: source National Cancer Institute"),
    ("another-date-proves-day-first", "Leaflet printed 13/01/2025.\n\nNext review due: 05/03/2026", {"language": "en"},
     "2026-03-05", "day first: the page also writes 13/01/2025"),
    ("another-date-proves-month-first", "Leaflet printed 01/13/2025.\n\nNext review due: 05/03/2026",
     {"url": "https://www.nhs.uk/x"}, "2026-05-03", "month first: the page also writes 01/13/2025"),
    ("nothing-says-so-month-first", "Next review due: 05/03/2026", {}, "2026-05-03",
     "month first: nothing on the page says which, so the default"),
]


@pytest.mark.parametrize("name, body, meta, due, how", ORDER_CASES, ids=[case[0] for case in ORDER_CASES])
def test_numeric_dates_are_read_in_the_page_order(name: str, body: str, meta: dict[str, str], due: str, how: str) -> None:
    [(code, _, message)] = findings(page(body, **meta))
    assert code == "F001" and f"due {due}" in message
    spelled = dt.date.fromisoformat(due)
    assert f"read 05/03/2026 as {spelled.day} {spelled.strftime('%B')} 2026 ({how})" in message


@pytest.mark.parametrize(("meta", "due", "how"), [
    ({}, "2026-03-05", "day first: the page writes its dates with dots (05.03.2026), as day-first countries do"),
    ({"source": "National Cancer Institute"}, "2026-05-03", "month first: source National Cancer Institute"),
])
def test_a_date_written_with_dots_is_read_day_first(meta: dict[str, str], due: str, how: str) -> None:
    [(code, _, message)] = findings(page("Next review due: 05.03.2026.", **meta))
    assert code == "F001" and f"due {due}" in message and f"({how})" in message


def test_the_date_order_setting_overrides_the_page() -> None:
    text = page("Next review due: 05/03/2026", language="en-GB")
    [(_, _, message)] = findings(text, review=ReviewPolicy(date_order="MDY"))
    assert "due 2026-05-03" in message and "(month first: the date-order setting)" in message


def test_an_unambiguous_numeric_date_needs_no_reading_note() -> None:
    [(_, _, message)] = findings(page("Next review due: 25/03/2026"))
    assert "due 2026-03-25" in message and "read " not in message


@pytest.mark.parametrize(
    "setting, language, url, source, body, expected",
    [
        ("auto", "en-GB", None, None, "", DAY_FIRST),
        ("auto", "en-us", None, None, "", MONTH_FIRST),
        ("auto", "fr", None, None, "", DAY_FIRST),
        ("auto", "en", "https://www.gov.uk/x", None, "", DAY_FIRST),  # .gov.uk is British, not US
        ("auto", "en", "https://medlineplus.gov/ency/article.htm", None, "", MONTH_FIRST),
        ("auto", None, "not a url", "Macmillan Cancer Support", "", DAY_FIRST),
        ("auto", "en", "https://ncdirindia.org/x", "ICMR-NCDIR", "", DAY_FIRST),  # India writes the day first
        ("auto", "en", "https://www.tmc.gov.in/x", None, "", DAY_FIRST),  # .gov.in is India's, not the US's
        ("auto", "en", "https://gco.iarc.fr/today", "IARC", "", DAY_FIRST),
        ("auto", "en", "https://example.org/x", "National Cancer Grid", "", DAY_FIRST),
        ("auto", None, None, None, "Seen 13/03/2027 and 03/14/2027.", MONTH_FIRST),  # contradicting: no proof
        ("DMY", "en-US", None, None, "", DAY_FIRST),
        ("auto", None, None, None, "Printed 05.03.2027.", DAY_FIRST),
        ("auto", None, None, None, "Printed 05.03.2027, reviewed 05/03/2027.", MONTH_FIRST),  # slashes too: no sign
        ("auto", None, None, None, "Version 1.2.2027 of the guide", DAY_FIRST),
        ("auto", None, None, None, "Version 10.1.12.2027 or 192.168.1.2027", MONTH_FIRST),  # part of a longer number
        ("auto", "en-US", None, None, "Printed 05.03.2027.", MONTH_FIRST),  # the language says first
    ],
)
def test_decide_date_order(setting: str, language: object, url: object, source: object, body: str, expected: str) -> None:
    assert decide_date_order(setting, language, url, source, body).order == expected


def test_undecided_order_says_so() -> None:
    assert not decide_date_order("auto", "en", None, None, "").decided
    assert decide_date_order("auto", "en-GB", None, None, "").decided


def test_every_label_word_is_known_to_the_label_search() -> None:
    # The search walks back over these words from "review"/"updated": a word missing here is a missed label.
    words = {word for pattern, _, _ in _LABELS for word in re.findall(r"[a-z]+", re.sub(r"\(\?:", "(", pattern))}
    assert words <= _LABEL_WORDS


FORMS = ["{d} {B} {Y}", "{d} {b} {Y}", "{B} {d}, {Y}", "{b}. {d}, {Y}", "{A} {d} {B} {Y}", "{Y}-{m:02d}-{d:02d}",
         "{d:02d}/{m:02d}/{Y}", "{d}.{m}.{Y}", "{d}-{b}-{Y}", "{d}th {B} {Y}"]


@settings(max_examples=150, deadline=None)
@given(st.dates(dt.date(1995, 1, 1), dt.date(2035, 12, 31)), st.sampled_from(FORMS),
       st.sampled_from(["en-GB", "en-US"]))
def test_a_real_date_is_read_as_written_never_as_unreadable(date: dt.date, form: str, language: str) -> None:
    written = form.format(d=date.day, m=date.month, Y=date.year, B=date.strftime("%B"), b=date.strftime("%b"),
                          A=date.strftime("%A"))
    document = parse_document(f"---\nlanguage: {language}\n---\n# Page\n\nLast reviewed: {written}\n".encode(), "x.md")
    found = body_review_dates(document)
    assert found.unreadable == []
    [read] = found.dates
    day_first_numeric = re.fullmatch(r"\d+[/.]\d+[/.]\d{4}", written) is not None
    if day_first_numeric and language == "en-US" and date.day != date.month and date.day <= 12:
        # Written day first on a month-first page: read the other way, as the page says it writes dates.
        assert read.date == dt.date(date.year, date.day, date.month)
    else:
        assert read.date == date


@pytest.mark.parametrize("value, expected", [(None, "auto"), ("auto", "auto"), ("DMY", "DMY"), ("MDY", "MDY")])
def test_date_order_setting_in_config(tmp_path, value: str | None, expected: str) -> None:
    table = {"review": {"date-order": value}} if value else {}
    assert config_from_table(table, tmp_path / "pyproject.toml").review.date_order == expected


def test_a_date_order_that_is_no_order_is_a_config_error(tmp_path) -> None:
    validate_table({"review": {"date-order": "auto"}}, tmp_path / "pyproject.toml")
    with pytest.raises(ConfigError, match="date-order"):
        validate_table({"review": {"date-order": "DM"}}, tmp_path / "pyproject.toml")


@pytest.mark.parametrize(
    "body, seen",
    [
        ("Published: 12 March 2009", "the page says \"Published: 12 March 2009\": a publication date, not a review"),
        ("**Date published:** June 2011", "the page says \"Date published: June 2011\": a publication date, not a review"),
        ("Posted on January 25, 2017", "the page says \"Posted on January 25, 2017\": a publication date, not a review"),
        ("It was published in a journal in 2009.", ""),
    ],
)
def test_no_review_date_quotes_the_publication_date_it_saw(body: str, seen: str) -> None:
    text = "# Travel vaccines\n\nCheck eight weeks before you go.\n\n" + body + "\n"
    [(code, line, message)] = findings(text)
    assert code == "F004" and line == 1
    assert message.startswith("no review date: add `lastReviewed` to the front matter")
    assert (seen in message) if seen else ("publication" not in message)


@pytest.mark.parametrize(
    ("written", "order", "expected"),
    [
        ("Dec 30, 2023", "auto", "2023-12-30"),
        ("30 December 2023", "auto", "2023-12-30"),
        ("December 2023", "auto", "2023-12-01"),
        ("2023/12/30", "auto", "2023-12-30"),
        ("2023.12.30", "auto", "2023-12-30"),
        ("30/12/2023", "auto", "2023-12-30"),
        ("12/30/2023", "auto", "2023-12-30"),
        ("03/04/2023", "auto", None),  # either could be the day
        ("03/04/2023", "DMY", "2023-04-03"),
        ("03/04/2023", "MDY", "2023-03-04"),
        ("30/02/2023", "auto", None),  # no such day
        ("2023-12-30", "auto", None),  # the right form: read by front_matter_date, not here
        ("2023", "auto", None),  # a year: a period, read by front_matter_period
        ("2023-12", "auto", "2023-12-01"),
        ("2023/12", "auto", "2023-12-01"),
        ("12/2023", "auto", "2023-12-01"),
        ("13/2023", "auto", None),
        ("20231230", "auto", "2023-12-30"),
        (20231230, "auto", "2023-12-30"),  # YAML reads it as a number
        (20231332, "auto", None),
        (2023, "auto", None),
        ("soon", "auto", None),
        ("", "auto", None),
    ],
)
def test_front_matter_written_date(written: object, order: str, expected: str | None) -> None:
    from contentlint.analysis.review_dates import front_matter_written_date

    found = front_matter_written_date(written, order)
    assert (found.isoformat() if found else None) == expected


@pytest.mark.parametrize(
    ("value", "language", "first", "last"),
    [
        ("2024", "", "2024-01-01", "2024-12-31"),
        (2024, "", "2024-01-01", "2024-12-31"),
        ("2024-03", "", "2024-03-01", "2024-03-31"),
        ("Feb 2024", "", "2024-02-01", "2024-02-29"),
        ("Spring 2024", "", "2024-03-01", "2024-05-31"),
        ("Spring 2024", "en-NZ", "2024-09-01", "2024-11-30"),
        ("q2 2024", "", "2024-04-01", "2024-06-30"),
        ("Winter 2024", "", "2023-12-01", "2025-02-28"),
        ("2024-03-15", "", None, None),  # a day: no period
        ("soon", "", None, None),
        (True, "", None, None),
        (1850, "", None, None),
    ],
)
def test_front_matter_period(value: object, language: str, first: str | None, last: str | None) -> None:
    from contentlint.analysis.date_periods import is_southern
    from contentlint.analysis.review_dates import front_matter_period

    found = front_matter_period(value, is_southern(language, None))
    assert (found and (found.first.isoformat(), found.last.isoformat())) == (first and (first, last))


@pytest.mark.parametrize("value", ["'March 2027'", "'Mar 2027'", "'2027-03'", "'2027/03'", "'2027.03'", "'03/2027'"])
def test_a_front_matter_month_is_its_1st_in_every_form(value: str) -> None:
    """A month is read as its 1st, next review or last, however its figures are written."""
    config = make_config(fields=FieldMap(next_review="nextReview"))
    document = parse_document(f"---\ntitle: Chemotherapy\nnextReview: {value}\n---\n\nText.\n")
    schedule = review_schedule(document, config)
    assert schedule.due == dt.date(2027, 3, 1)
    assert schedule.basis == f"nextReview \"{value.strip(chr(39))}\" (read as 2027-03-01)"


@pytest.mark.parametrize(
    ("key", "value", "text", "basis"),
    [
        ("lastReviewed", "'30/12/2023'", "30/12/2023", 'lastReviewed "30/12/2023" (read as 2023-12-30) + quarterly'),
        ("lastReviewed", "'Dec 30, 2023'", "Dec 30, 2023", 'lastReviewed "Dec 30, 2023" (read as 2023-12-30) + quarterly'),
        ("lastReviewed", "2023-12-30", "2023-12-30", "lastReviewed 2023-12-30 + quarterly"),  # no reading to show
        # A key with ": " in it: the date is not whatever follows the key's own colon.
        ('"reviewed: on"', "'30/12/2023'", "30/12/2023", 'reviewed: on "30/12/2023" (read as 2023-12-30) + quarterly'),
    ],
    ids=["numeric", "words", "iso", "colon-in-key"],
)
def test_a_front_matter_date_keeps_its_text_apart_from_its_key(key: str, value: str, text: str, basis: str) -> None:
    name = key.strip('"')
    config = make_config(fields=FieldMap(last_reviewed=name))
    document = parse_document(f"---\ntitle: Chemotherapy\n{key}: {value}\nreviewFrequency: quarterly\n---\n\nText.\n")
    schedule = review_schedule(document, config)
    found = schedule.front_matter_last
    assert found is not None and (found.text, found.written) == (text, f"{name}: {text}")
    assert schedule.basis == basis + " cycle"


@pytest.mark.parametrize(
    ("body", "text", "written"),
    [
        ("Page last reviewed: 12 March 2024", "12 March 2024", "Page last reviewed: 12 March 2024"),
        ("Next review due: 05/03/2027", "05/03/2027", "Next review due: 05/03/2027"),
    ],
)
def test_a_body_date_keeps_its_text_apart_from_its_label(body: str, text: str, written: str) -> None:
    (found,) = body_review_dates(parse_document(f"# Chemotherapy\n\n{body}\n")).dates
    assert (found.text, found.written) == (text, written)


@pytest.mark.parametrize(
    "body",
    ["Next review: Q3" + " " * 100_000 + "x", "Next review: 2026" + " " * 100_000 + "Q", "Reviewed: Spring" + " " * 100_000 + "x"],
    ids=["quarter-then-spaces", "year-then-spaces", "season-then-spaces"],
)
def test_long_runs_of_spaces_after_a_label_are_read_in_linear_time(body: str) -> None:
    """Two runs of spaces around an optional "/" once made the quarter's shape quadratic: 100,000
    spaces took minutes. The test would hang, not fail, if that came back."""
    assert codes(page(body)) == set()


def test_a_date_in_bold_is_quoted_without_its_stars() -> None:
    [(code, _, message)] = findings(page("**Next review:** **1 May 2025**"))
    assert code == "F001"
    assert '(the page says "Next review: 1 May 2025")' in message


@pytest.mark.parametrize(
    ("body", "quoted"),
    [
        ("Date of next review\n\nJune 2025", "Date of next review: June 2025"),  # the date on the next line
        ("| Version | Next review |\n|---|---|\n| 2 | *June 2025* |", "Next review: June 2025"),  # in its column
    ],
)
def test_a_date_away_from_its_label_is_quoted_with_it(body: str, quoted: str) -> None:
    [(code, _, message)] = findings(page(body))
    assert code == "F001"
    assert f'(the page says "{quoted}")' in message
