"""Freshness rules F001-F005: is the document's review overdue, due soon, impossible or missing?"""

from __future__ import annotations

import datetime as dt
from typing import Iterator

from contentlint.analysis.cycles import cycle_after
from contentlint.analysis.review import ReviewSchedule, review_schedule
from contentlint.analysis.review_dates import LAST, NEXT, REVIEW_LABELS, ReviewDate, publication_date
from contentlint.analysis.schema import schema_problems
from contentlint.analysis.selection import selects
from contentlint.document import Document
from contentlint.model.findings import Violation
from contentlint.model.settings import Config
from contentlint.plugin import rule

# A "next review" in the body this close to the computed due date agrees with it.
_NEXT_REVIEW_TOLERANCE = dt.timedelta(days=31)


def _days(n: int) -> str:
    return f"{n} day" if n == 1 else f"{n} days"


@rule("F001", "review-overdue", "error", uses=[REVIEW_LABELS])
def review_overdue(document: Document, config: Config) -> Iterator[Violation]:
    """The document's review is overdue: its last review plus its cycle is before today.

    Why it matters: medical guidance changes. A page that has outlived its
    review cycle may give patients advice that is no longer true.

    Where the date comes from, in order:
    1. the next-review field, when one is configured: the due date itself;
    2. the last-review field (`lastReviewed` by default) plus the cycle. A date
       written in another form that can only be one day ("Dec 30, 2025",
       "30/12/2025", "2025/12/30") is read too, and quoted as written, so that
       M102's complaint about its form does not hide an overdue review;
       03/04/2025 is read only with `date-order` set to "DMY" or "MDY"; a
       year, season or quarter (`2025`, `Spring 2025`) as in the body, below.
       Without the field, a key that M103 reads as its misspelling
       (`last_reviewed`, `lastReviewd`) gives the date, for the same reason;
    3. a next-review date in the body: "Next review due: 01 November 2025",
       "Date of next review: March 2027", "Due for review 12/2028", "Next
       planned review: June 2027", "Next update due: June 2027", "Date for
       review: June 2027", "Review by: June 2027", "To be reviewed: June 2027";
    4. a last-review date in the body, plus the cycle: "Page last reviewed:
       15 March 2021", "Last reviewed 12 March 2026", "Reviewed on 3 Oct 2024",
       "Last updated: 2024-10-01", "Updated: May 3, 2024", "Information
       reviewed: 01/2024", "Last review date: 3 March 2024", "Date last updated:
       3 March 2024", "Reviewed and updated: March 2024", "Review: March 2024" (a
       date alone after it), "Medically reviewed by Dr A Okafor on 5 March 2024",
       "Content reviewed by our editorial team: 3 March 2024",
       "Approved by the Cancer.Net Editorial Board, 03/2024", "Current as at:
       Tuesday 12 March 2024", "Written by Jane Doe — Updated on March 12,
       2024".

    Both may stand on one line ("Page last reviewed: 15 March 2021 | Next review
    due: 15 March 2024", or with `<br>` between them); the next-review date
    wins. A label may follow an HTML tag (`<p>Next review: …`), stand in a
    table's cell with its date in the next one (`| Next review | June 2026 |`)
    or, in a table of one row, in the cell below it, and the date may be in bold
    or italics (`Next review: **1 May 2027**`). A bare "Reviewed", "Revised" or
    "Updated" needs a colon unless it starts its line followed by a date alone.
    "Review date" is the next review on a day-first page or when it is after
    today, and the last review otherwise. "Published" and "Posted" are not
    review dates, nor is the date of an article the page lists (a list item that
    is only a link, then "Updated: …") or of a figure in its caption ("Figure 1.
    … Last reviewed: 10/22/2024").

    When the front matter's date makes the review overdue but the page itself
    says it was reviewed later, within its cycle ("Page last reviewed: 10
    January 2026" below `lastReviewed: 2025-01-10`), the record may only be
    behind the page, and the message says what to record if so: "…; the page
    says "Page last reviewed: 10 January 2026": if that is right, set
    lastReviewed to 2026-01-10; if not, review the page and update
    lastReviewed". F005 reports the disagreement as well.

    Dates may be "5 March 2026", "March 5, 2026", "March 2026", "2026-03-05",
    "2026-03", "03/2026" or numeric; a month alone is read as its 1st. A year,
    season or quarter alone ("Last reviewed: 2024", "Next review: Spring
    2027", "Q3 2027") is read as the one day that gives no false alarm: a
    last review as the earliest day it can mean, a next review as the latest,
    and the message says so. Seasons are the northern hemisphere's unless the
    page is en-AU, en-NZ or en-ZA or on a .au, .nz or .za host; "Winter 2027"
    spans both winters it may mean. A year followed by more words ("Last
    reviewed: 2019 guidelines") is not a date. A numeric date such as 05/03/2026 is read
    in the page's own order: day first or month first as an unambiguous date
    on the page shows (13/03/2026), else as its front-matter `language` says
    (en-GB, en-IE: day first; en-US: month first), else its url host (.uk,
    .ie, nhs, hse: day first; .gov: month first), else its source; else month
    first. The message says how it was read: "read 05/03/2026 as 5 March 2026
    (day first: en-GB page)".

    The cycle is the cycle field (`reviewFrequency` by default): monthly,
    quarterly, semiannual, annual, biennial, a number of months, or a duration
    such as "6 months", "191 days", "2 weeks" or "P6M", or other words for one
    ("yearly", "6-monthly", "3m", "weekly"); without it, a key that M103 reads as
    its misspelling (`reviewfrequency`). Without either, the policy for the
    document's `sourceType` or source in config; without that, two years. A
    value that names no cycle ("as needed") is named in the message beside the
    cycle used; "biannual" (twice a year, or every two years?) is read as twice
    a year, so that neither reading hides an overdue review, and the message
    says so. Months are calendar months: 30 November plus 3 months is 28
    February. Documents with `status: archived` are not scheduled.

    Example: `lastReviewed: 2025-12-30` with `reviewFrequency: quarterly` was due
    on 2026-03-30; on 2026-11-22 that is 237 days overdue. With
    `preset = "tech-docs"`: `last_reviewed_on: 2025-01-01` with
    `review_in: 6 months` was due on 2025-07-01.

    Options (`[tool.contentlint.review]`): `default-cycle`, `by-source-type`,
    `by-source`, `date-order` ("auto" by default: each page's own order, as
    above; "DMY", "MDY" or "YMD" reads every page so).
    `[tool.contentlint.fields]` names the fields (see the configuration guide).
    "Today" is `--today YYYY-MM-DD`.
    """
    schedule = review_schedule(document, config)
    if schedule.due is None or schedule.exempt or schedule.due >= config.today:
        return
    late = (config.today - schedule.due).days
    fields = config.fields
    if schedule.front_matter_next:
        action = f"update {fields.next_review}"
    elif schedule.front_matter_last and schedule.last_key != fields.last_reviewed:
        action = f"update {fields.last_reviewed}, which this page spells `{schedule.last_key}`"
    elif schedule.front_matter_last:
        action = f"update {fields.last_reviewed}"
    else:
        action = f"record the new date in front matter ({fields.last_reviewed})"
    advice = f"review the page and {action}"
    later = _later_in_body(schedule, config.today)
    if later is not None:  # the record may only be behind the page: say what to record if so
        field_name = schedule.last_key if later.kind == LAST else fields.next_review
        record = f"set {field_name} to {later.date.isoformat()}" if later.period is None else f"update {field_name}"
        advice = f"the page says {later.quoted}: if that is right, {record}; if not, {advice}"
    yield Violation(
        schedule.due_line, 1,
        f"review overdue by {_days(late)}: due {schedule.due.isoformat()} ({schedule.basis}); {advice}",
        subject="review", owner=schedule.owner,
    )


def _later_in_body(schedule: ReviewSchedule, today: dt.date) -> ReviewDate | None:
    """A body date by which a review overdue by the front matter is not overdue: a later last
    review whose cycle has not run out (for a last-review field), or a next review still to come
    (for a next-review field)."""
    if schedule.front_matter_next is not None:
        found = [d for d in schedule.body_dates if d.kind == NEXT and d.date >= today]
    elif schedule.front_matter_last is not None and schedule.cycle is not None:
        last, cycle = schedule.front_matter_last.date, schedule.cycle
        found = [d for d in schedule.body_dates if d.kind == LAST and d.date > last
                 and (cycle_after(d.date, cycle) or dt.date.max) >= today]
    else:
        return None
    return max(found, key=lambda d: d.date, default=None)


@rule("F002", "review-due-soon", "warning", uses=[REVIEW_LABELS])
def review_due_soon(document: Document, config: Config) -> Iterator[Violation]:
    """The document's review falls due within the due-soon window (default 30 days).

    Why it matters: an editor who sees a review coming can plan it, instead of
    finding it overdue.

    The window is at most a third of the document's cycle: a monthly page is due
    soon in the last 10 days of its month, not from the day it was reviewed (with
    30 days, every monthly page would always be due soon). Quarterly and longer
    cycles keep the whole window. The audit report still lists every review due
    within the window itself, as a plan of the weeks ahead.

    Example: `lastReviewed: 2026-09-01`, `reviewFrequency: quarterly`, today
    2026-11-22: due 2026-12-01, in 9 days.

    Options: `[tool.contentlint.review] due-soon-days = 30`.
    """
    schedule = review_schedule(document, config)
    if schedule.due is None or schedule.exempt or schedule.due < config.today:
        return
    left = (schedule.due - config.today).days
    if left <= schedule.due_soon_days:
        when = "today" if left == 0 else f"in {_days(left)}"
        yield Violation(
            schedule.due_line, 1, f"review due {when}, on {schedule.due.isoformat()} ({schedule.basis})",
            subject="review", owner=schedule.owner,
        )


@rule("F003", "review-date-in-future", "error", uses=[REVIEW_LABELS])
def review_date_in_future(document: Document, config: Config) -> Iterator[Violation]:
    """A last-review date lies in the future.

    Why it matters: a review cannot have happened yet. A future date is a typo
    (2062 for 2026) or a date entered to silence the overdue check, and either
    way the document's real review state is unknown.

    Checked: the last-review field (`lastReviewed` by default) and the
    last-review dates in the body.

    Example: `lastReviewed: 2027-02-01` on 2026-11-22.

    Options: none. Next-review dates in the future are normal and not reported.
    """
    schedule = review_schedule(document, config)
    for date in schedule.all_dates:
        if date.kind == LAST and date.date > config.today:
            yield Violation(
                date.line, date.column,
                f"review date {date.date.isoformat()} is in the future ({date.origin}: {date.quoted})",
                subject=date.origin, owner=schedule.owner,
            )


@rule("F004", "review-date-missing", "warning", uses=[REVIEW_LABELS])
def review_date_missing(document: Document, config: Config) -> Iterator[Violation]:
    """No review date anywhere: neither the last-review field (`lastReviewed` by default) nor
    the next-review field in front matter, nor a labelled date in the body.

    Why it matters: a document with no review date never becomes overdue, so it
    can stay unreviewed for ever.

    Also reported, at its line: a labelled review date that has no such day
    ("Next review due: 31 February 2026", "Last reviewed: 2026-02-30"), so it
    cannot be read; the message names the text. Such a page is not called
    undated: the date is there, but wrong.

    A publication date ("Published: 12 March 2009", "Posted:", "Date
    published:") is not a review date: the page still has none, and the
    message quotes the date it saw.

    Example: a page that ends with no "Last reviewed" line and has no front matter.

    Options: none. An invalid `lastReviewed` is reported by M102, not here; a front
    matter that lacks a required `lastReviewed` is reported by M101 alone.
    """
    schedule = review_schedule(document, config)
    for unreadable in schedule.unreadable:
        yield Violation(
            unreadable.line, unreadable.column,
            f"review date \"{unreadable.text}\" cannot be read: there is no such date (\"{unreadable.written}\"); "
            "correct it to the date that was meant",
            subject="review", owner=schedule.owner,
        )
    if document.front_matter_error is not None or schedule.unreadable:
        return  # the date may be in the front matter that could not be read (M002/M003), or is unreadable
    fields = config.fields
    meta = document.metadata
    if schedule.due is None and fields.last_reviewed not in meta and (fields.next_review or "") not in meta:
        if selects(config, "M101") and any(
            p.code == "M101" and p.field == fields.last_reviewed for p in schema_problems(document, config)
        ):
            return  # M101 already names the missing field: one finding for one fix
        published = publication_date(document)
        seen = f" (the page says \"{published}\": a publication date, not a review)" if published else ""
        yield Violation(
            1, 1, f"no review date: add `{fields.last_reviewed}` to the front matter{seen}",
            subject="review", owner=schedule.owner,
        )


@rule("F005", "review-dates-disagree", "warning", uses=[REVIEW_LABELS])
def review_dates_disagree(document: Document, config: Config) -> Iterator[Violation]:
    """The front-matter review date and the date written in the body disagree.

    Why it matters: one of them is wrong. Usually the body was re-scraped with a
    newer "Last reviewed" line and the front matter was not updated, or the
    other way round.

    Compared: the last-review field (`lastReviewed` by default) with the body's
    last-review dates; the front matter's due date (from the next-review field,
    or the last review and the cycle) with a body "Next review" date, which may
    differ by up to 31 days. A body date that names a month, season, quarter
    or year agrees with any day inside it: "Last reviewed: March 2026" with
    `lastReviewed: 2026-03-15`; and with a front-matter date that names a period
    it meets ("Last reviewed: Spring 2026" with `lastReviewed: '2026'`).

    Body dates are read as F001 reads them; the dates of articles the page
    lists (a list item that is a link, then "Updated: August 31, 2015", or
    the date after a link on the same line) are not the page's own and are
    not compared.

    Example: `lastReviewed: 2025-12-30` and a body line "Page last reviewed: 12 March 2024".

    Options: none.
    """
    schedule = review_schedule(document, config)
    fm = schedule.front_matter_last
    if fm is None:
        return
    fields = config.fields
    fm_first, fm_last = fm.days
    due_first, due_last = schedule.due_span or (schedule.due, schedule.due)
    for date in schedule.body_dates:
        first, last = date.days
        if date.kind == LAST and not (first <= fm_last and fm_first <= last):  # the two days or periods meet
            yield Violation(
                date.line, date.column,
                f"body says {date.quoted} but front matter says {schedule.last_key} {fm.date.isoformat()} "
                f"(line {fm.line}); make them agree",
                subject=fields.last_reviewed, owner=schedule.owner,
            )
        elif (
            date.kind == NEXT
            and due_first is not None
            and due_last is not None
            and not (first - _NEXT_REVIEW_TOLERANCE <= due_last and due_first <= last + _NEXT_REVIEW_TOLERANCE)
        ):
            yield Violation(
                date.line, date.column,
                f"body says {date.quoted} but front matter gives a due date of {schedule.due.isoformat()} "
                f"({schedule.basis}); make them agree",
                subject=fields.next_review or "nextReview", owner=schedule.owner,
            )
