"""What an audit report says about each document besides its findings: title, source, next review.

Small and picklable, so it can travel back from a worker process.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

OVERDUE = "overdue"
DUE_SOON = "due-soon"
SCHEDULED = "scheduled"
NO_DATE = "no-date"
EXEMPT = "exempt"  # archived: not scheduled for review
FUTURE_DATE = "future-date"  # a last review after today (F003): the due date cannot be trusted
UNREADABLE = "unreadable"
# States with a due date worth planning for: on the timeline and in the calendar.
SCHEDULED_STATES = (OVERDUE, DUE_SOON, SCHEDULED)


@dataclass(frozen=True)
class DocumentFacts:
    path: str
    title: str
    source: str = ""
    source_type: str = ""
    url: str = ""
    status: str = ""
    last_reviewed: dt.date | None = None
    next_review: dt.date | None = None
    review_basis: str = ""  # how the date was reached, e.g. "lastReviewed 2025-12-30 + quarterly cycle"
    review_state: str = NO_DATE
    owner: str = ""  # the mapped owner field's value ("#team-docs"), when there is one
    review_field: str = "lastReviewed"  # the front-matter key to update after a review
    link_hosts: tuple[tuple[str, int], ...] = ()  # the host of each http(s) link, and how many links go there

    @property
    def is_scheduled(self) -> bool:
        return self.review_state in SCHEDULED_STATES

    def days_until_review(self, today: dt.date) -> int | None:
        return None if self.next_review is None else (self.next_review - today).days
