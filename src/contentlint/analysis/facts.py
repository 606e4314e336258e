"""What an audit report says about each document besides its findings: title, source, next review,
the hosts it links to.

Collected inside the per-file work (``Linter(config, collect_facts=True)``), from the Document
already read for the rules, so a report never reads a file twice. The result is small and
picklable, so it can travel back from a worker process.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from typing import Any

from contentlint.analysis.boilerplate import BOILERPLATE, is_boilerplate_line
from contentlint.analysis.links import REFERENCE, document_links, web_host
from contentlint.analysis.review import review_schedule
from contentlint.analysis.review_dates import LAST
from contentlint.document import Document
from contentlint.model.facts import (
    DUE_SOON,
    EXEMPT,
    FUTURE_DATE,
    NO_DATE,
    OVERDUE,
    SCHEDULED,
    UNREADABLE,
    DocumentFacts,
)
from contentlint.model.settings import Config

_MAX_TITLE = 160
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.+?)\s*#*\s*$")
_SPACES = re.compile(r"\s+")


def _text(value: Any) -> str:
    """A metadata value as one line of text ('' when absent, a mapping or a list)."""
    if value is None or isinstance(value, (dict, list)):
        return ""
    return _clip(_SPACES.sub(" ", str(value)).strip())


def _clip(text: str, limit: int = _MAX_TITLE) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _title(document: Document, key: str, config: Config) -> str:
    title = _text(document.metadata.get(key))
    if title:
        return title
    lines = document.body.split("\n", 200)[:200]
    first = next((line for line in lines if line.strip()), "")
    if first.startswith("Title:") and first[6:].strip():
        return _clip(_SPACES.sub(" ", first[6:]).strip())  # a reader service's header (Q024) gives the title
    boilerplate = config.resource(BOILERPLATE)
    for line in lines:
        match = _HEADING.match(line)
        if match and not is_boilerplate_line(match.group(1), boilerplate):
            return _clip(match.group(1).strip(" *_"))
    for line in lines:  # a scraped page's first line is often "Skip to main content": not a title
        if line.strip() and not is_boilerplate_line(line, boilerplate):
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
    fields = config.fields
    base = dict(
        path=document.path,
        title=_title(document, fields.title, config),
        source=_text(meta.get(fields.source)),
        source_type=_text(meta.get("sourceType")),
        url=_text(meta.get(fields.url)),
        status=_text(meta.get("status")),
    )
    schedule = review_schedule(document, config)
    review_field = fields.next_review if schedule.front_matter_next is not None and fields.next_review else fields.last_reviewed
    last = schedule.front_matter_last or max(
        (d for d in schedule.body_dates if d.kind == LAST), key=lambda d: d.date, default=None
    )
    return DocumentFacts(
        **base,
        link_hosts=_link_hosts(document, config),
        last_reviewed=last.date if last else None,
        next_review=schedule.due,
        review_basis=schedule.basis,
        owner=_text(schedule.owner),
        review_field=review_field,
        review_state=review_state(
            schedule.due, bool(schedule.exempt), config,
            future_last=any(d.kind == LAST and d.date > config.today for d in schedule.all_dates),
        ),
    )


def _link_hosts(document: Document, config: Config) -> tuple[tuple[str, int], ...]:
    """The hosts of the document's http(s) links (a reference use counts at its definition), with
    how many links go to each, most first."""
    counts: Counter[str] = Counter()
    for link in document_links(document, config):
        if link.kind != REFERENCE:
            host = web_host(link.url)
            if host:
                counts[host] += 1
    return tuple(counts.most_common())
