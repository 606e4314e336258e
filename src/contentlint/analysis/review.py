"""A document's review schedule: its review dates (front matter, then labelled body dates),
its cycle and its due date. Shared by the freshness rules and the audit report."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from contentlint.analysis.memo import per_document
from contentlint.analysis.phrase_index import text_scan
from contentlint.analysis.review_dates import (
    LAST,
    NEXT,
    ReviewDate,
    add_months,
    body_review_dates,
    front_matter_date,
)
from contentlint.document import Document
from contentlint.model.settings import FREQUENCY_MONTHS, Config

_CYCLE_NAMES = {months: name for name, months in FREQUENCY_MONTHS.items()}


@dataclass
class ReviewSchedule:
    """Everything the freshness rules need, computed once per document."""

    front_matter_last: ReviewDate | None = None
    body_dates: list[ReviewDate] = field(default_factory=list)
    due: dt.date | None = None
    due_line: int = 1
    basis: str = ""  # how the due date was reached, for messages
    cycle_months: int = 0
    cycle_origin: str = ""
    exempt: str = ""  # why no review is scheduled (archived documents)

    @property
    def all_dates(self) -> list[ReviewDate]:
        return ([self.front_matter_last] if self.front_matter_last else []) + self.body_dates


def cycle_text(months: int) -> str:
    return _CYCLE_NAMES.get(months, f"{months}-month")


@per_document
def review_schedule(document: Document, config: Config) -> ReviewSchedule:
    """The document's review dates and due date: front matter first, then labelled body dates."""
    schedule = ReviewSchedule()
    meta = document.metadata
    frequency = meta.get("reviewFrequency")
    if isinstance(frequency, str) and frequency in FREQUENCY_MONTHS:
        schedule.cycle_months, schedule.cycle_origin = FREQUENCY_MONTHS[frequency], "reviewFrequency"
    else:
        schedule.cycle_months, schedule.cycle_origin = config.cycle_for(meta.get("sourceType"), meta.get("source"))
    last_value = meta.get("lastReviewed")
    last = front_matter_date(last_value)
    if last is not None:
        line, column = document.key_position("lastReviewed")
        schedule.front_matter_last = ReviewDate(LAST, last, line, column, f"lastReviewed: {last_value}", "front matter")
    if document.body:
        # Dates come from the visible text, where the phrase scan has found the label words already.
        schedule.body_dates = body_review_dates(document, config.review.date_order, text_scan(document, config))
    if meta.get("status") == "archived":
        schedule.exempt = "archived"
    cycle = cycle_text(schedule.cycle_months)
    body_next = [d for d in schedule.body_dates if d.kind == NEXT]
    body_last = [d for d in schedule.body_dates if d.kind == LAST]
    if schedule.front_matter_last is not None:
        anchor = schedule.front_matter_last
        schedule.due = _due_after(anchor.date, schedule.cycle_months)
        origin = "" if schedule.cycle_origin == "reviewFrequency" else f" ({schedule.cycle_origin})"
        schedule.basis = f"lastReviewed {anchor.date.isoformat()} + {cycle} cycle{origin}"
        schedule.due_line = anchor.line
    elif body_next:
        anchor = max(body_next, key=lambda d: d.date)
        schedule.due = anchor.date
        schedule.basis = f"the page says \"{anchor.written}\""
        schedule.due_line = anchor.line
    elif body_last:
        anchor = max(body_last, key=lambda d: d.date)
        schedule.due = _due_after(anchor.date, schedule.cycle_months)
        schedule.basis = f"the page says \"{anchor.written}\" + {cycle} cycle ({schedule.cycle_origin})"
        schedule.due_line = anchor.line
    return schedule


def _due_after(date: dt.date, months: int) -> dt.date | None:
    """The due date, or None when it falls past the calendar (a review "in 9999"; F003 reports it)."""
    try:
        return add_months(date, months)
    except ValueError:
        return None
