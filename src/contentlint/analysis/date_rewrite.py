"""M102's fix for a review date written in another form than YYYY-MM-DD ("3 May 2024",
2024/05/03, 30/12/2023): write the day the freshness rules read it as, in place."""

from __future__ import annotations

import re

from contentlint.analysis.fix_edits import offset_of
from contentlint.analysis.review import review_schedule
from contentlint.analysis.review_dates import ReviewDate
from contentlint.document import Document
from contentlint.model.fixes import Edit, Fix
from contentlint.model.settings import Config

# A day of the month written out: without one ("May 2024"), the first of the month is a guess.
_DAY = re.compile(r"(?<!\d)\d{1,2}(?!\d)")


def iso_date(document: Document, config: Config, key: str) -> ReviewDate | None:
    """The review date of front-matter field ``key`` when it was read from another form, else None."""
    schedule = review_schedule(document, config)
    fields = config.fields
    if key == fields.last_reviewed:
        found = schedule.front_matter_last
    elif key == fields.next_review:
        found = schedule.front_matter_next
    else:
        return None
    return found if found is not None and found.reading else None


def iso_date_fix(document: Document, date: ReviewDate, key: str) -> Fix | None:
    """Replace the value as written by its ISO form, in the same quotes. Safe when the value names the
    day; a month alone ("May 2024") is read as its first day, which a person should confirm."""
    span = document.value_span(key)
    if span is None or span[0] != span[2]:
        return None
    start, end = offset_of(document, span[0], span[1]), offset_of(document, span[2], span[3])
    if start is None or end is None:
        return None
    written = document.text[start:end]
    quote = written[0] if written[:1] in ("'", '"') and written[-1:] == written[0] else ""
    iso = date.date.isoformat()
    safe = bool(_DAY.search(written.strip("'\"")))
    return Fix((Edit(start, end, f"{quote}{iso}{quote}"),), f"write {key} as {iso}", safe=safe)
