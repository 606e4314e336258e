"""Each document's next review as an all-day calendar event (RFC 5545), for editors' calendars.

The output is deterministic: UIDs come from the document's path, and DTSTAMP from "today",
so re-exporting the same corpus updates the same events instead of adding copies; SEQUENCE
grows with the export date, so a later export supersedes an earlier one. An overdue review is
placed on the export day (the next working day at a weekend), where a calendar's upcoming view
shows it, and its real due date is in the title and the description. icalendar
escapes TEXT values and folds lines at 75 octets; control characters, which TEXT cannot carry,
and undecodable bytes of file names are shown escaped first (contentlint.report.escape).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Iterable

from icalendar import Calendar, Event

from contentlint import __version__
from contentlint.model.facts import OVERDUE, DocumentFacts
from contentlint.report.escape import path_bytes, printable

PRODUCT_ID = f"-//contentlint//contentlint {__version__}//EN"
UID_DOMAIN = "contentlint.review"


def event_uid(path: str) -> str:
    digest = hashlib.sha256(path_bytes(path)).hexdigest()[:32]
    return f"review-{digest}@{UID_DOMAIN}"


def working_day(day: dt.date) -> dt.date:
    """``day``, or the Monday after it when it falls at a weekend."""
    return day + dt.timedelta(days=max(0, 7 - day.weekday())) if day.weekday() >= 5 else day


def export_sequence(today: dt.date) -> int:
    """Days from 2000-01-01 to the export date: each later export of an event has a higher
    SEQUENCE, so calendar applications take it as the newer version (RFC 5545, 3.8.7.4)."""
    return max(0, (today - dt.date(2000, 1, 1)).days)


def due_text(due: dt.date, basis: str, today: dt.date, overdue: bool) -> str:
    """The due-date line of the description: "Due 2026-03-30 (lastReviewed 2025-12-30 + quarterly cycle)."."""
    text = f"Due {due.isoformat()}" + (f" ({basis})" if basis else "")
    if not overdue:
        return text + "."
    days = (today - due).days
    return text + f"; overdue by {days} {'day' if days == 1 else 'days'} on {today.isoformat()}."


def review_event(document: DocumentFacts, today: dt.date) -> Event:
    if document.next_review is None:
        raise ValueError(f"{document.path} has no next-review date to put in a calendar")
    event = Event()
    event.add("uid", event_uid(document.path))
    event.add("dtstamp", dt.datetime.combine(today, dt.time(0, 0), tzinfo=dt.timezone.utc))
    overdue = document.review_state == OVERDUE
    day = working_day(today) if overdue else document.next_review
    event.add("dtstart", day)
    event.add("sequence", export_sequence(today))
    if day < dt.date.max:  # without DTEND an all-day event lasts its one day (RFC 5545)
        event.add("dtend", day + dt.timedelta(days=1))
    late = f" (overdue, due {document.next_review.isoformat()})" if overdue else ""
    path = printable(document.path)
    event.add("summary", f"Review{late}: {printable(document.title)} ({path})")
    lines = [f"Owner: {printable(document.owner)}"] if document.owner else []
    lines.append(f"Document: {path}")
    if document.source:
        lines.append(f"Source: {printable(document.source)}")
    if document.url:
        lines.append(f"Live page: {printable(document.url)}")
    lines.append(due_text(document.next_review, printable(document.review_basis), today, overdue))
    lines.append(f"Review the page, then record the new {document.review_field} date in its front matter.")
    event.add("description", "\n".join(lines))
    # Calendar applications group and filter events by category: the owner first, then the source.
    categories = [printable(value) for value in (document.owner, document.source) if value]
    if categories:
        event.add("categories", categories)
    event.add("transp", "TRANSPARENT")  # a reminder, not a meeting: never shows the editor as busy
    return event


def review_calendar(documents: Iterable[DocumentFacts], today: dt.date, name: str = "Document reviews") -> Calendar:
    """One event per document with a usable next-review date (not archived, undated or dated in the future)."""
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    for document in documents:
        if document.next_review is not None and document.is_scheduled:
            calendar.add_component(review_event(document, today))
    return calendar


def calendar_bytes(documents: Iterable[DocumentFacts], today: dt.date) -> bytes:
    return review_calendar(documents, today).to_ical()
