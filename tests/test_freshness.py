"""F001-F005: review due dates from front matter and from dates written in the body."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import codes_of, front_matter, lint_text, make_config
from contentlint.model.settings import FieldMap, ReviewPolicy
from contentlint.analysis.review_dates import add_months, parse_date_text

BODY = "\n# Chemotherapy\n\nChemotherapy uses drugs to destroy cancer cells.\n"


def freshness(text: str, **config: object) -> set[str]:
    return {f.code for f in lint_text(text, make_config(**config)) if f.code.startswith("F")}


CASES = [
    # today is 2026-11-22
    ("annual-fresh", front_matter(lastReviewed="'2026-10-01'", reviewFrequency="annual") + BODY, set()),
    ("quarterly-overdue", front_matter(lastReviewed="'2025-12-30'", reviewFrequency="quarterly") + BODY, {"F001"}),
    ("quarterly-due-tomorrow", front_matter(lastReviewed="'2026-08-23'", reviewFrequency="quarterly") + BODY, {"F002"}),
    ("due-today-is-not-overdue", front_matter(lastReviewed="'2026-08-22'", reviewFrequency="quarterly") + BODY, {"F002"}),
    ("due-in-31-days-is-not-soon", front_matter(lastReviewed="'2026-09-23'", reviewFrequency="quarterly") + BODY, set()),
    ("quarterly-due-in-30-days", front_matter(lastReviewed="'2026-09-22'", reviewFrequency="quarterly") + BODY, {"F002"}),
    # The window is at most a third of the cycle: a monthly page is not due soon all month long.
    ("monthly-just-reviewed", front_matter(lastReviewed="'2026-11-20'", reviewFrequency="monthly") + BODY, set()),
    ("monthly-due-in-11-days", front_matter(lastReviewed="'2026-11-03'", reviewFrequency="monthly") + BODY, set()),
    ("monthly-due-in-10-days", front_matter(lastReviewed="'2026-11-02'", reviewFrequency="monthly") + BODY, {"F002"}),
    ("weekly-due-in-3-days", front_matter(lastReviewed="'2026-11-18'", reviewFrequency="weekly") + BODY, set()),
    ("weekly-due-in-2-days", front_matter(lastReviewed="'2026-11-17'", reviewFrequency="weekly") + BODY, {"F002"}),
    ("monthly-from-a-body-date", front_matter(lastReviewed=None, reviewFrequency="monthly") + BODY + "\nLast reviewed: 20 November 2026\n", set()),
    ("monthly-from-a-body-date-due", front_matter(lastReviewed=None, reviewFrequency="monthly") + BODY + "\nLast reviewed: 2 November 2026\n", {"F002"}),
    ("monthly-overdue-by-one-day", front_matter(lastReviewed="'2026-10-21'", reviewFrequency="monthly") + BODY, {"F001"}),
    ("biennial-fresh", front_matter(lastReviewed="'2025-01-01'", reviewFrequency="biennial") + BODY, set()),
    # A date in another form still schedules the review (M102 asks for YYYY-MM-DD): no missed overdue.
    ("written-month-name-overdue", front_matter(lastReviewed="'Dec 30, 2025'", reviewFrequency="quarterly") + BODY, {"F001"}),
    ("written-day-first-overdue", front_matter(lastReviewed="'30/12/2025'", reviewFrequency="quarterly") + BODY, {"F001"}),
    ("written-year-first-fresh", front_matter(lastReviewed="'2026/10/01'", reviewFrequency="annual") + BODY, set()),
    ("written-year-overdue", front_matter(lastReviewed="2024", reviewFrequency="annual") + BODY, {"F001"}),
    ("written-season-overdue", front_matter(lastReviewed="'Autumn 2025'", reviewFrequency="annual") + BODY, {"F001"}),
    ("written-year-not-yet-due", front_matter(lastReviewed="'2026'", reviewFrequency="annual") + BODY, set()),
    ("written-ambiguous-not-guessed", front_matter(lastReviewed="'03/04/2025'", reviewFrequency="quarterly") + BODY, set()),
    ("future-review", front_matter(lastReviewed="'2027-02-01'") + BODY, {"F003"}),
    ("no-date-anywhere", "# Chemotherapy\n\nText only.\n", {"F004"}),
    ("invalid-date-is-m102-not-f004", front_matter(lastReviewed="soon") + BODY, set()),
    ("body-next-review-passed", "# Drug\n\nText.\n\nNext review: 01 November 2025\n", {"F001"}),
    ("body-next-review-ahead", "# Drug\n\nText.\n\nNext review: 01 March 2027\n", set()),
    ("body-last-revised-old", "# Drug\n\nText.\n\nLast Revised: May 21, 2020\n", {"F001"}),
    ("body-page-last-reviewed-recent", "# Drug\n\nPage last reviewed: 12 March 2026\nNext review due: 12 March 2029\n", set()),
    ("body-month-only", "# Drug\n\nLast reviewed: April 2026\n", set()),
    ("body-iso", "# Drug\n\nLast updated: 2024-10-01\n", {"F001"}),
    ("body-label-on-own-line", "# Drug\n\nDate reviewed\n\n03 June 2019\n", {"F001"}),
    ("prose-is-not-a-label", "# Drug\n\nReviewed by our team of experts in 2019 and again later.\n", {"F004"}),
    ("updated-without-colon-ignored", "# Drug\n\nUpdated guidance came out in March 2019.\n", {"F004"}),
    ("body-future-last-review", "# Drug\n\nLast reviewed: 12 January 2027\n", {"F003"}),
    ("disagree-last", front_matter(lastReviewed="'2026-10-01'") + BODY + "\nPage last reviewed: 12 March 2024\n", {"F005"}),
    ("agree-last", front_matter(lastReviewed="'2026-10-01'") + BODY + "\nLast reviewed: 1 October 2026\n", set()),
    ("disagree-next", front_matter(lastReviewed="'2026-10-01'", reviewFrequency="annual") + BODY + "\nNext review: 1 March 2030\n", {"F005"}),
    ("agree-next-within-a-month", front_matter(lastReviewed="'2026-10-01'", reviewFrequency="annual") + BODY + "\nNext review: October 2027\n", set()),
    # A date that names a month, season, quarter or year agrees with a front-matter date inside it.
    ("agree-last-month-only", front_matter(lastReviewed="'2026-10-15'") + BODY + "\nLast reviewed: October 2026\n", set()),
    ("disagree-last-month-only", front_matter(lastReviewed="'2026-10-15'") + BODY + "\nLast reviewed: September 2026\n", {"F005"}),
    ("agree-last-year-only", front_matter(lastReviewed="'2026-06-15'") + BODY + "\nLast reviewed: 2026\n", set()),
    ("disagree-last-year-only", front_matter(lastReviewed="'2026-06-15'") + BODY + "\nLast reviewed: 2025\n", {"F005"}),
    ("agree-next-year-only", front_matter(lastReviewed="'2026-06-15'", reviewFrequency="annual") + BODY + "\nNext review: 2027\n", set()),
    ("disagree-next-year-only", front_matter(lastReviewed="'2026-06-15'", reviewFrequency="annual") + BODY + "\nNext review: 2029\n", {"F005"}),
    # A front-matter date that names a period agrees with a body date that meets it.
    ("agree-last-year-and-season", front_matter(lastReviewed="'2026'") + BODY + "\nLast reviewed: Spring 2026\n", set()),
    ("disagree-last-year-and-season", front_matter(lastReviewed="'2026'") + BODY + "\nLast reviewed: Spring 2025\n", {"F005"}),
    ("agree-next-in-the-year-span", front_matter(lastReviewed="'2026'", reviewFrequency="annual") + BODY + "\nNext review: Q2 2027\n", set()),
    ("disagree-next-past-the-year-span", front_matter(lastReviewed="'2026'", reviewFrequency="annual") + BODY + "\nNext review: Q2 2029\n", {"F005"}),
    ("archived-not-scheduled", front_matter(lastReviewed="'2020-01-01'", status="archived") + BODY, set()),
    ("archived-in-capitals-not-scheduled", front_matter(lastReviewed="'2020-01-01'", status="' Archived'") + BODY, set()),
    ("archived-misspelt-still-scheduled", front_matter(lastReviewed="'2020-01-01'", status="archivd") + BODY, {"F001"}),
    ("cycle-in-other-words", front_matter(lastReviewed="'2025-06-01'", reviewFrequency="every 3 months") + BODY, {"F001"}),
    # British "n-monthly", "weekly", "3m": read as written, not as the two-year default.
    ("cycle-six-monthly-overdue", front_matter(lastReviewed="'2026-03-01'", reviewFrequency="6-monthly") + BODY, {"F001"}),
    ("cycle-weekly-overdue", front_matter(lastReviewed="'2026-11-01'", reviewFrequency="weekly") + BODY, {"F001"}),
    ("cycle-3m-overdue", front_matter(lastReviewed="'2026-06-01'", reviewFrequency="3m") + BODY, {"F001"}),
    # "biannual" is read as twice a year, the shorter of its meanings: an overdue review is not hidden.
    ("cycle-biannual-overdue", front_matter(lastReviewed="'2026-03-01'", reviewFrequency="biannual") + BODY, {"F001"}),
    ("cycle-biannual-fresh", front_matter(lastReviewed="'2026-10-01'", reviewFrequency="biannual") + BODY, set()),
    # A page with code or comments is searched for labels by itself; one without reuses the phrase scan.
    ("label-on-a-page-with-code", "# Drug\n\nRun `lint`.\n\n```\ncode\n```\n\nLast updated: 2024-10-01\n", {"F001"}),
    ("label-on-a-page-with-a-comment", "# Drug\n\n<!-- note -->\nNext review: 01 November 2025\n", {"F001"}),
    ("label-in-capitals", "# Drug\n\nLAST REVIEWED: 12 MARCH 2020\n", {"F001"}),
    ("label-on-a-page-with-dotted-capital-i", "# İlaç\n\nLast reviewed: 12 March 2020\n", {"F001"}),
    # Dates in code (a component's example markup) or in a comment are not the page's review date.
    ("date-in-fenced-code-in-a-list-item", "# Drug\n\n- Example:\n\n  ```\n  Last reviewed: 12 March 2020\n  ```\n", {"F004"}),
    ("date-in-indented-code", "# Drug\n\nExample markup:\n\n    Next review: 01 November 2025\n", {"F004"}),
    ("date-in-a-fence-then-one-in-prose", "# Drug\n\n```\nLast updated: 2019-01-01\n```\n\nLast updated: 2026-10-01\n", set()),
    ("date-in-a-comment", "# Drug\n\n<!--\nNext review: 01 November 2025\n-->\n", {"F004"}),
    ("date-in-indented-code-in-a-quote", "# Drug\n\n>     Last reviewed: 12 March 2020\n", {"F004"}),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_freshness_rules(text: str, expected: set[str]) -> None:
    assert freshness(text) == expected


@pytest.mark.parametrize(
    ("ignore", "expected"),
    [
        ([], {"M101"}),  # M101 names the missing field; F004 would repeat it
        (["M101"], {"F004"}),  # M101 not reported: F004 still says the page has no review date
        (["M"], {"F004"}),
    ],
)
def test_missing_last_reviewed_is_reported_once(ignore: list[str], expected: set[str]) -> None:
    text = front_matter(lastReviewed=None) + BODY
    codes = {f.code for f in lint_text(text, make_config(ignore=ignore)) if f.code in ("M101", "F004")}
    assert codes == expected


@pytest.mark.parametrize(
    "start, months, expected",
    [
        ("2026-11-30", 3, "2027-02-28"),
        ("2027-11-30", 3, "2028-02-29"),
        ("2025-12-30", 3, "2026-03-30"),
        ("2026-01-31", 1, "2026-02-28"),
        ("2024-02-29", 24, "2026-02-28"),
        ("2026-05-15", 6, "2026-11-15"),
        ("2026-03-31", -1, "2026-02-28"),
        ("2026-01-15", -13, "2024-12-15"),
        ("2026-12-31", 24, "2028-12-31"),
    ],
)
def test_calendar_months(start: str, months: int, expected: str) -> None:
    assert add_months(dt.date.fromisoformat(start), months).isoformat() == expected


def test_a_review_past_the_calendar_is_a_future_date_not_a_crash() -> None:
    with pytest.raises(ValueError):
        add_months(dt.date(9999, 12, 1), 3)
    codes = codes_of(front_matter(lastReviewed="9999-12-01") + "\n# Page\n\nText about fatigue and rest.\n")
    assert "F003" in codes and "E999" not in codes


@pytest.mark.parametrize(
    "text, expected",
    [
        ("01 November 2025", "2025-11-01"),
        ("May 21, 2020", "2020-05-21"),
        ("April 2026", "2026-04-01"),  # a missing day is the 1st, not today's day
        ("2024-10-01", "2024-10-01"),
        ("12 March 2024.", "2024-03-12"),
        ("05/21/2020", "2020-05-21"),
        ("next week", None),
        ("March", None),
        ("", None),
        ("2026-02-30", None),
    ],
)
def test_parse_date_text(text: str, expected: str | None) -> None:
    parsed = parse_date_text(text)
    assert (parsed.isoformat() if parsed else None) == expected


def test_day_first_order_from_config() -> None:
    assert parse_date_text("05/06/2024", "DMY") == dt.date(2024, 6, 5)


def test_cycle_from_policy_by_source_type_then_default() -> None:
    text = front_matter(lastReviewed="'2026-03-01'", reviewFrequency=None) + BODY
    assert freshness(text) == set()  # two-year default
    policy = ReviewPolicy(by_source_type={"02_nci_core": 6})
    assert freshness(text, review=policy) == {"F001"}
    policy = ReviewPolicy(by_source={"NCI": 3})
    assert freshness(text, review=policy) == {"F001"}


def test_due_soon_window_from_config() -> None:
    text = front_matter(lastReviewed="'2026-01-01'", reviewFrequency="annual") + BODY  # due in 40 days
    assert freshness(text) == set()
    assert freshness(text, review=ReviewPolicy(due_soon_days=45)) == {"F002"}
    # At most a third of the cycle: 45 days of a quarterly cycle would be half of it.
    quarterly = front_matter(lastReviewed="'2026-09-23'", reviewFrequency="quarterly") + BODY  # due in 31 days
    assert freshness(quarterly, review=ReviewPolicy(due_soon_days=45)) == set()
    assert freshness(quarterly, review=ReviewPolicy(due_soon_days=45), today=dt.date(2026, 11, 23)) == {"F002"}


@pytest.mark.parametrize(
    ("keys", "expected"),
    [
        # Without lastReviewed, a key that M103 reads as its misspelling still schedules the review.
        ({"last_reviewed": "2020-01-01"}, {"F001"}),
        ({"lastreviewed": "'2020-01-01'"}, {"F001"}),
        ({"lastReviewd": "2020-01-01"}, {"F001"}),
        ({"last-reviewed": "'Dec 30, 2019'"}, {"F001"}),  # in another form too
        ({"last_reviewed": "2026-11-01"}, set()),  # fresh
        ({"last_reviewed": "2025-12-10"}, {"F002"}),  # due 2026-12-10, within 30 days of 2026-11-22
        ({"last_reviewed": "2027-06-01"}, {"F003"}),
        ({"last_reviewed": "soon"}, set()),  # no date: M101 and M103 say what to do
        ({"last_reviewed": "2020-01-01", "lastreviewed": "2020-01-01"}, set()),  # two keys: which one?
        ({"lastReviewed": "'2026-10-01'", "last_reviewd": "2019-01-01"}, set()),  # the field itself wins
        ({"colour": "2020-01-01"}, set()),  # no misspelling of it
    ],
)
def test_a_misspelt_review_key_still_schedules_the_review(keys: dict[str, str], expected: set[str]) -> None:
    text = front_matter(**{"lastReviewed": None, **keys}) + BODY
    assert freshness(text) == expected


@pytest.mark.parametrize(
    ("keys", "expected"),
    [
        # Without reviewFrequency, a key that M103 reads as its misspelling still gives the cycle.
        ({"reviewfrequency": "quarterly"}, {"F001"}),  # due 2026-03-30; the default two years would hide it
        ({"review_frequency": "every 3 months"}, {"F001"}),
        ({"reviewFrequncy": "quarterly"}, {"F001"}),
        ({"reviewfrequency": "biennial"}, set()),
        ({"reviewfrequency": "whenever"}, set()),  # no cycle in it: the policy's cycle, as without the key
        ({"reviewFrequency": "biennial", "reviewfrequency": "quarterly"}, set()),  # the field itself wins
    ],
)
def test_a_misspelt_cycle_key_still_gives_the_cycle(keys: dict[str, str], expected: set[str]) -> None:
    text = front_matter(**{"reviewFrequency": None, "lastReviewed": "'2025-12-30'", **keys}) + BODY
    assert freshness(text) == expected


def test_a_misspelt_cycle_key_is_named_in_the_message() -> None:
    text = front_matter(reviewFrequency=None, lastReviewed="'2025-12-30'", reviewfrequency="quarterly") + BODY
    (finding,) = [f for f in lint_text(text) if f.code == "F001"]
    assert finding.message.startswith(
        "review overdue by 237 days: due 2026-03-30 (lastReviewed 2025-12-30 + quarterly cycle (reviewfrequency))"
    )


@pytest.mark.parametrize(
    ("cycle", "basis"),
    [
        ("biannual", "lastReviewed 2025-12-30 + semiannual cycle (`reviewFrequency: biannual` read as twice a year, "
                     "not every two years)"),
        ("as_needed", "lastReviewed 2025-12-30 + biennial cycle (default: `reviewFrequency: as_needed` names no cycle)"),
        ("''", "lastReviewed 2025-12-30 + biennial cycle (default: `reviewFrequency` is empty)"),
        (None, "lastReviewed 2025-12-30 + biennial cycle (default)"),
    ],
)
def test_the_message_says_how_the_cycle_was_read(cycle: str | None, basis: str) -> None:
    """A cycle that is read two ways, or not at all, is named beside the cycle that was used."""
    text = front_matter(lastReviewed="'2025-12-30'", reviewFrequency=cycle) + BODY
    messages = [f.message for f in lint_text(text, make_config(today=dt.date(2028, 1, 15))) if f.code == "F001"]
    assert len(messages) == 1 and f"({basis});" in messages[0]


def test_a_misspelt_review_key_is_named_in_the_messages() -> None:
    text = front_matter(lastReviewed=None, last_reviewed="2020-01-01") + BODY + "\nPage last reviewed: 3 March 2024\n"
    found = {f.code: f for f in lint_text(text) if f.code.startswith("F")}
    assert found["F001"].line == 9  # the key's line
    assert found["F001"].message == (
        "review overdue by 2151 days: due 2021-01-01 (last_reviewed 2020-01-01 + annual cycle); "
        "review the page and update lastReviewed, which this page spells `last_reviewed`"
    )
    assert found["F005"].message.startswith(
        'body says "Page last reviewed: 3 March 2024" but front matter says last_reviewed 2020-01-01 (line 9)'
    )


def test_overdue_message_and_line() -> None:
    text = front_matter(lastReviewed="'2025-12-30'", reviewFrequency="quarterly") + BODY
    (finding,) = [f for f in lint_text(text) if f.code == "F001"]
    assert finding.line == 6
    assert finding.message.startswith("review overdue by 237 days: due 2026-03-30 (lastReviewed 2025-12-30 + quarterly cycle)")


PLAIN_ADVICE = "review the page and update lastReviewed"


@pytest.mark.parametrize(
    ("body_date", "advice"),
    [
        # The page says it was reviewed after the front matter's date, and that review is not overdue.
        ("Page last reviewed: 10 January 2026",
         'the page says "Page last reviewed: 10 January 2026": if that is right, set lastReviewed to 2026-01-10; '
         f"if not, {PLAIN_ADVICE}"),
        ("Last reviewed: March 2026",  # a month: no day to set
         'the page says "Last reviewed: March 2026": if that is right, update lastReviewed; '
         f"if not, {PLAIN_ADVICE}"),
        ("Page last reviewed: 10 June 2025", PLAIN_ADVICE),  # later, but its year ran out too
        ("Page last reviewed: 10 January 2024", PLAIN_ADVICE),  # earlier than the front matter's
        ("Next review due: 10 January 2027", PLAIN_ADVICE),  # no last review to record
    ],
)
def test_overdue_by_front_matter_says_when_the_page_gives_a_later_review(body_date: str, advice: str) -> None:
    text = front_matter(lastReviewed="2025-01-10", reviewFrequency="annual") + BODY + "\n" + body_date + "\n"
    (finding,) = [f for f in lint_text(text) if f.code == "F001"]
    assert finding.message == (
        f"review overdue by 316 days: due 2026-01-10 (lastReviewed 2025-01-10 + annual cycle); {advice}"
    )


@pytest.mark.parametrize(
    ("body_date", "advice"),
    [
        ("Next review due: 10 January 2027",
         'the page says "Next review due: 10 January 2027": if that is right, set review_by to 2027-01-10; '
         "if not, review the page and update review_by"),
        ("Next review due: 10 October 2026", "review the page and update review_by"),  # passed too
    ],
)
def test_overdue_next_review_field_says_when_the_page_gives_a_later_one(body_date: str, advice: str) -> None:
    config = make_config(fields=FieldMap(next_review="review_by"))
    text = front_matter(review_by="'2026-01-10'") + BODY + "\n" + body_date + "\n"
    (finding,) = [f for f in lint_text(text, config) if f.code == "F001"]
    assert finding.message == f"review overdue by 316 days: due 2026-01-10 (review_by 2026-01-10); {advice}"


def test_body_date_line_points_at_the_label() -> None:
    text = "# Drug\n\nSome text.\n\nNext review: 01 November 2025\n"
    (finding,) = [f for f in lint_text(text) if f.code == "F001"]
    assert finding.line == 5
    assert "Next review: 01 November 2025" in finding.message


# The common English forms are read without strptime; they must read exactly as strptime does.
_STRPTIME_FORMS = ("%d %B %Y", "%d %b %Y", "%B %d, %Y", "%b %d, %Y", "%B %d %Y", "%B %Y", "%b %Y")


def _by_strptime(text: str) -> dt.date | None:
    squashed = " ".join(text.replace(".", " ").split())
    for form in _STRPTIME_FORMS:
        try:
            return dt.datetime.strptime(squashed, form).date()
        except ValueError:
            continue
    return None


_MONTH_WORDS = ["January", "jan", "SEP", "Sept", "September", "May", "june", "Febr", "Dec", "decembre", "Mon"]


@settings(max_examples=400, deadline=None)
@given(
    st.sampled_from(["", "1 ", "01 ", "17 ", "31 ", "0 ", "32 ", "007 "]),
    st.sampled_from(_MONTH_WORDS),
    st.sampled_from(["", " 5", " 29", " 30,", " 31,", " 00,", " 9 ,"]),
    st.sampled_from([" 2026", " 2024", " 0000", " 226", ".  2025"]),
)
def test_common_dates_read_as_strptime_reads_them(day: str, month: str, after: str, year: str) -> None:
    from contentlint.analysis.review_dates import _common_english_date

    text = f"{day}{month}{after}{year}"
    assert _common_english_date(text) == _by_strptime(text)


def test_a_date_written_otherwise_is_quoted_as_written_and_as_read() -> None:
    text = front_matter(lastReviewed="'Dec 30, 2025'", reviewFrequency="quarterly") + BODY
    (overdue,) = [f for f in lint_text(text, make_config()) if f.code == "F001"]
    assert 'lastReviewed "Dec 30, 2025" (read as 2025-12-30) + quarterly cycle' in overdue.message
    assert overdue.line == 6
    future = front_matter(lastReviewed="'Dec 30, 2062'", reviewFrequency="quarterly") + BODY
    (ahead,) = [f for f in lint_text(future, make_config()) if f.code == "F003"]
    assert ahead.message.endswith('(front matter: "lastReviewed: Dec 30, 2062", read as 2062-12-30)')
