"""A document's review schedule: its review dates (front matter, then labelled body dates),
its cycle and its due date. Shared by the freshness rules and the audit report.

The front-matter keys come from the run's field map (``[tool.contentlint.fields]``): by default
``lastReviewed`` and ``reviewFrequency``; a ``next-review`` key gives the due date directly."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from contentlint.analysis.cycles import ambiguous_cycle, cycle_after, cycle_text, parse_cycle
from contentlint.analysis.date_periods import is_southern
from contentlint.analysis.memo import per_document
from contentlint.analysis.phrase_index import text_scan
from contentlint.analysis.schema import misspellings_of, schema_problems
from contentlint.analysis.review_dates import (
    LAST,
    NEXT,
    ReviewDate,
    UnreadableDate,
    body_review_dates,
    front_matter_date,
    front_matter_period,
    front_matter_written_date,
    period_reading,
)
from contentlint.document import Document
from contentlint.model.settings import Config, Cycle


@dataclass
class ReviewSchedule:
    """Everything the freshness rules need, computed once per document."""

    front_matter_last: ReviewDate | None = None
    front_matter_next: ReviewDate | None = None  # the next-review field, when one is mapped and set
    body_dates: list[ReviewDate] = field(default_factory=list)
    unreadable: list[UnreadableDate] = field(default_factory=list)  # labelled dates that are no date
    due: dt.date | None = None
    due_line: int = 1
    # The first and last day the review can be due, when its date names a period ("2024"), not a day.
    due_span: tuple[dt.date, dt.date] | None = None
    basis: str = ""  # how the due date was reached, for messages
    last_key: str = ""  # the front-matter key of front_matter_last: the field, or a misspelling of it
    cycle: Cycle | None = None  # None: no cycle, so a last-review date alone schedules nothing
    cycle_origin: str = ""
    exempt: str = ""  # why no review is scheduled (archived documents)
    due_soon_days: int = 30  # F002's window for this document (see due_soon_window)
    owner: str = ""  # the owner field's value, when one is mapped and set

    @property
    def all_dates(self) -> list[ReviewDate]:
        return ([self.front_matter_last] if self.front_matter_last else []) + self.body_dates


@per_document
def review_schedule(document: Document, config: Config) -> ReviewSchedule:
    """The document's review dates and due date: front matter first, then labelled body dates."""
    schedule = ReviewSchedule()
    meta = document.metadata
    fields = config.fields
    cycle_key = _field_key(document, config, fields.review_cycle)
    written_cycle = meta.get(cycle_key)
    own_cycle = parse_cycle(written_cycle)
    if own_cycle is not None:
        schedule.cycle, schedule.cycle_origin = own_cycle, cycle_key
        ambiguous = ambiguous_cycle(written_cycle)
        if ambiguous is not None:  # "biannual": read as twice a year, and the message says so
            schedule.cycle_origin = (
                f"`{document.field_text(cycle_key, written_cycle)}` read as {ambiguous[1]}, not {ambiguous[2]}"
            )
    else:
        schedule.cycle, schedule.cycle_origin = config.cycle_for(meta.get("sourceType"), meta.get(fields.source))
        if cycle_key in meta:  # a value that names no cycle ("as needed"): M102's; say why it was not used
            blank = written_cycle is None or (isinstance(written_cycle, str) and not written_cycle.strip())
            schedule.cycle_origin += (
                f": `{cycle_key}` is empty" if blank
                else f": `{document.field_text(cycle_key, written_cycle)}` names no cycle"
            )
    order = config.review.date_order
    schedule.last_key = _field_key(document, config, fields.last_reviewed)
    schedule.front_matter_last = _front_matter_date(document, schedule.last_key, LAST, order, fields.url)
    if fields.next_review is not None:
        schedule.front_matter_next = _front_matter_date(document, fields.next_review, NEXT, order, fields.url)
    if fields.owner is not None:
        owner = meta.get(fields.owner)
        schedule.owner = str(owner).strip() if isinstance(owner, (str, int, float)) and not isinstance(owner, bool) else ""
    if document.body:
        # Dates come from the visible text, where the phrase scan has found the label words already.
        found = body_review_dates(
            document, config.review.date_order, text_scan(document, config),
            url=meta.get(fields.url), source=meta.get(fields.source), today=config.today,
        )
        schedule.body_dates, schedule.unreadable = found.dates, found.unreadable
    status = meta.get("status")
    if isinstance(status, str) and status.strip().casefold() == "archived":  # "Archived" too (M102 asks for the case)
        schedule.exempt = "archived"
    schedule.due_soon_days = config.review.due_soon_days
    cycle = cycle_text(schedule.cycle) if schedule.cycle is not None else ""
    body_next = [d for d in schedule.body_dates if d.kind == NEXT]
    body_last = [d for d in schedule.body_dates if d.kind == LAST]
    if schedule.front_matter_next is not None:
        anchor = schedule.front_matter_next
        schedule.due = anchor.date
        schedule.basis = f"{fields.next_review} {_shown(anchor)}"
        schedule.due_line = anchor.line
        schedule.due_span = _due_span(anchor, None)
    elif schedule.front_matter_last is not None and schedule.cycle is not None:
        anchor = schedule.front_matter_last
        schedule.due = cycle_after(anchor.date, schedule.cycle)
        schedule.due_soon_days = due_soon_window(config.review.due_soon_days, anchor.date, schedule.due)
        origin = "" if schedule.cycle_origin == fields.review_cycle else f" ({schedule.cycle_origin})"
        schedule.basis = f"{schedule.last_key} {_shown(anchor)} + {cycle} cycle{origin}"
        schedule.due_line = anchor.line
        schedule.due_span = _due_span(anchor, schedule.cycle)
    elif schedule.front_matter_last is not None:
        pass  # a last review with no cycle anywhere: not under review (as the tech-docs template has it)
    elif body_next:
        anchor = max(body_next, key=lambda d: d.date)
        schedule.due = anchor.date
        schedule.basis = f"the page says {anchor.quoted}"
        schedule.due_line = anchor.line
    elif body_last and schedule.cycle is not None and not any(d.kind == NEXT for d in schedule.unreadable):
        # (an unreadable "Next review due" means the publisher set a due date: the cycle would guess)
        anchor = max(body_last, key=lambda d: d.date)
        schedule.due = cycle_after(anchor.date, schedule.cycle)
        schedule.due_soon_days = due_soon_window(config.review.due_soon_days, anchor.date, schedule.due)
        schedule.basis = f"the page says {anchor.quoted} + {cycle} cycle ({schedule.cycle_origin})"
        schedule.due_line = anchor.line
    return schedule


def due_soon_window(days: int, last: dt.date, due: dt.date | None) -> int:
    """The due-soon window of a review due ``due`` after one on ``last``: ``days``, but at most a
    third of the cycle, so that a monthly page is not "due soon" from the day it was reviewed."""
    return days if due is None else min(days, max((due - last).days // 3, 0))


def _field_key(document: Document, config: Config, field: str) -> str:
    """The front-matter key that holds ``field``: the field itself, or, where it is missing, the one
    key that M103 takes for its misspelling ("last_reviewed" for lastReviewed), so that M103's
    complaint about the key's name does not hide an overdue review."""
    if field in document.metadata:
        return field
    keys = [key for key in misspellings_of(schema_problems(document, config), field) if key in document.metadata]
    return keys[0] if len(keys) == 1 else field


def _due_span(anchor: ReviewDate, cycle: Cycle | None) -> tuple[dt.date, dt.date] | None:
    """When the review can be due if ``anchor`` names a period: the period itself for a next review,
    the period plus the cycle for a last review."""
    if anchor.period is None:
        return None
    first, last = anchor.period
    if cycle is None:
        return first, last
    first_due, last_due = cycle_after(first, cycle), cycle_after(last, cycle)
    return (first_due, last_due) if first_due is not None and last_due is not None else None


def _front_matter_date(document: Document, key: str, kind: str, date_order: str, url_key: str) -> ReviewDate | None:
    """The field's date. One written in another form ("Dec 30, 2023", 30/12/2023) still schedules
    the review, so that M102's complaint about its form does not hide an overdue review."""
    meta = document.metadata
    value = meta.get(key)
    date = front_matter_date(value)
    reading = ""
    period = None
    if date is None:
        period = front_matter_period(value, is_southern(meta.get("language"), meta.get(url_key)))
        date = front_matter_written_date(value, date_order)
        if date is not None:
            reading = f"read as {date.isoformat()}"
        elif period is not None:  # a year, season or quarter: "2024", "Spring 2024"
            date, why = period_reading(period, kind)
            reading = f"read as {date.isoformat()}, {why}"
        else:
            return None
    line, column = document.key_position(key)
    return ReviewDate(kind, date, line, column, str(value), document.field_text(key, value), "front matter", reading, period)


def _shown(date: ReviewDate) -> str:
    """A front-matter date for messages: 2023-12-30, or "30/12/2023" (read as 2023-12-30)."""
    if not date.reading:
        return date.date.isoformat()
    return f"\"{date.text}\" ({date.reading})"
