"""What an audit report says about each document besides its findings: title, source, next review.

Collected inside the per-file work (``Linter(config, collect_facts=True)``), from the Document
already read for the rules, so a report never reads a file twice. The result is small and
picklable, so it can travel back from a worker process.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from contentlint.engine.config import Config
from contentlint.document import Document
from contentlint.analysis.review_dates import LAST

OVERDUE = "overdue"
DUE_SOON = "due-soon"
SCHEDULED = "scheduled"
NO_DATE = "no-date"
EXEMPT = "exempt"  # archived: not scheduled for review
FUTURE_DATE = "future-date"  # a last review after today (F003): the due date cannot be trusted
UNREADABLE = "unreadable"
# States with a due date worth planning for: on the timeline and in the calendar.
SCHEDULED_STATES = (OVERDUE, DUE_SOON, SCHEDULED)

_MAX_TITLE = 160
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.+?)\s*#*\s*$")
_SPACES = re.compile(r"\s+")


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

    @property
    def is_scheduled(self) -> bool:
        return self.review_state in SCHEDULED_STATES

    def days_until_review(self, today: dt.date) -> int | None:
        return None if self.next_review is None else (self.next_review - today).days


def _text(value: Any) -> str:
    """A metadata value as one line of text ('' when absent, a mapping or a list)."""
    if value is None or isinstance(value, (dict, list)):
        return ""
    return _clip(_SPACES.sub(" ", str(value)).strip())


def _clip(text: str, limit: int = _MAX_TITLE) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _title(document: Document) -> str:
    title = _text(document.metadata.get("title"))
    if title:
        return title
    lines = document.body.split("\n", 200)[:200]
    for line in lines:
        match = _HEADING.match(line)
        if match:
            return _clip(match.group(1).strip(" *_"))
    for line in lines:
        if line.strip():
            return _clip(_SPACES.sub(" ", line).strip(), 80)
    return document.path.rsplit("/", 1)[-1]


def review_state(next_review: dt.date | None, exempt: bool, config: Config, future_last: bool = False) -> str:
    if exempt:
        return EXEMPT
    if future_last:
        return FUTURE_DATE
    if next_review is None:
        return NO_DATE
    if next_review < config.today:
        return OVERDUE
    if (next_review - config.today).days <= config.review.due_soon_days:
        return DUE_SOON
    return SCHEDULED


def collect_facts(document: Document, config: Config) -> DocumentFacts:
    """The document's facts. Never raises on bad content: unknown parts stay empty."""
    if document.read_error is not None:
        return DocumentFacts(document.path, document.path.rsplit("/", 1)[-1], review_state=UNREADABLE)
    meta = document.metadata
    base = dict(
        path=document.path,
        title=_title(document),
        source=_text(meta.get("source")),
        source_type=_text(meta.get("sourceType")),
        url=_text(meta.get("url")),
        status=_text(meta.get("status")),
    )
    from contentlint.rules.freshness import review_schedule

    schedule = review_schedule(document, config)
    last = schedule.front_matter_last or max(
        (d for d in schedule.body_dates if d.kind == LAST), key=lambda d: d.date, default=None
    )
    return DocumentFacts(
        **base,
        last_reviewed=last.date if last else None,
        next_review=schedule.due,
        review_basis=schedule.basis,
        review_state=review_state(
            schedule.due, bool(schedule.exempt), config,
            future_last=any(d.kind == LAST and d.date > config.today for d in schedule.all_dates),
        ),
    )
