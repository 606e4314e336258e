"""The audit report's content, computed once for both renderings (HTML and Markdown).

Everything here is plain data: the templates only lay it out. Document-derived strings stay
raw here and are escaped by the renderers (HTML autoescape, Markdown escaping).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable

from contentlint.model import facts as state
from contentlint.model.facts import DocumentFacts
from contentlint.model.findings import Finding, Severity
from contentlint.net.addresses import shown_host
from contentlint.plugin import family_of

if TYPE_CHECKING:
    from contentlint.model.results import RunResult

# The families an editor reads about, in the order of the summary cards.
FAMILY_CARDS = [
    ("metadata", "Metadata", "front-matter fields"),
    ("freshness", "Freshness", "review dates"),
    ("links", "Links", "broken and unsafe links"),
    ("authority", "Authority", "trusted sources"),
    ("quality", "Quality", "placeholders, scraping damage"),
]
BROKEN_LINK_CODES = ("L001", "L002")
NON_AUTHORITATIVE_CODE = "S001"
NO_SOURCE = "(no source)"
TIMELINE_MONTHS = 12
# One last-review date on at least this many documents, and on most of the dated ones, is the day
# they were imported or stamped, not a review: the report says so before anyone trusts the schedule.
SHARED_DATE_MIN_DOCUMENTS = 20
MAX_ACTION_DOCUMENTS = 60
_STATE_ORDER = {
    state.OVERDUE: 0, state.DUE_SOON: 1, state.FUTURE_DATE: 2, state.UNREADABLE: 3, state.NO_DATE: 4,
    state.SCHEDULED: 5, state.EXEMPT: 6,
}
_UNDATED = (state.NO_DATE, state.FUTURE_DATE, state.UNREADABLE)


@dataclass
class FamilyCount:
    key: str
    label: str
    blurb: str
    errors: int = 0
    warnings: int = 0
    checked: bool = True  # False when no rule of the family ran: zero findings would mislead


@dataclass
class Bucket:
    """One bar of the review timeline: the overdue reviews, one month, or everything later."""

    key: str  # "overdue", "2026-12", "later"
    label: str
    documents: list[DocumentFacts] = field(default_factory=list)
    due_soon: int = 0

    @property
    def count(self) -> int:
        return len(self.documents)

    @property
    def overdue(self) -> bool:
        return self.key == "overdue"


@dataclass
class SourceRow:
    source: str
    documents: int = 0
    overdue: int = 0
    due_soon: int = 0
    broken_links: int = 0
    non_authoritative: int = 0


@dataclass
class OwnerRow:
    """One owner's reviews (the mapped owner field): each owner gets their own list."""

    owner: str
    documents: int = 0
    overdue: list[DocumentFacts] = field(default_factory=list)
    due_soon: list[DocumentFacts] = field(default_factory=list)
    undated: int = 0  # no usable review date

    @property
    def to_do(self) -> list[DocumentFacts]:
        return self.overdue + self.due_soon


@dataclass
class FindingRow:
    finding: Finding
    family: str
    title: str
    source: str


@dataclass
class HiddenRow:
    """A finding that a suppression comment in its document hides, and why the comment says so."""

    finding: Finding
    title: str
    comment_line: int
    reason: str  # "" when the comment gives none


@dataclass
class Action:
    """One document in the action list, with what to fix, errors first."""

    document: DocumentFacts
    findings: list[Finding]
    errors: int
    warnings: int
    review_note: str = ""

    def excerpt(self, limit: int) -> ActionExcerpt:
        """At most ``limit`` of the findings to list, in their order; each code has its turn before
        any code shows a second finding, so a thousand insecure links do not hide the one overdue
        review. The ones not listed are tallied code by code, the most first."""
        by_code: dict[str, list[int]] = {}
        for index, finding in enumerate(self.findings):
            by_code.setdefault(finding.code, []).append(index)
        chosen: list[int] = []
        turn = 0
        while len(chosen) < limit:
            candidates = sorted(indexes[turn] for indexes in by_code.values() if len(indexes) > turn)
            if not candidates:
                break
            chosen += candidates[: limit - len(chosen)]
            turn += 1
        taken = Counter(self.findings[index].code for index in chosen)
        left_out = [
            CodeTally(code, len(lines), min(lines), max(lines))
            for code, indexes in by_code.items()
            if (lines := [self.findings[index].line for index in indexes[taken[code]:]])
        ]
        left_out.sort(key=lambda tally: (-tally.count, tally.code))
        return ActionExcerpt([self.findings[index] for index in sorted(chosen)], left_out)


@dataclass(frozen=True)
class CodeTally:
    """The findings of one code that an action's excerpt leaves out."""

    code: str
    count: int
    first_line: int
    last_line: int

    @property
    def lines(self) -> str:
        if self.first_line == self.last_line:
            return f"line {self.first_line}"
        return f"lines {self.first_line}–{self.last_line}"


@dataclass(frozen=True)
class ActionExcerpt:
    shown: list[Finding]
    left_out: list[CodeTally]

    @property
    def left_out_count(self) -> int:
        return sum(tally.count for tally in self.left_out)


@dataclass(frozen=True)
class SiteRow:
    """A host the documents link to that is not on the authority list."""

    host: str
    standing: str  # what S003 or L013 makes of it: "vendor", "link shortener", "open platform", ...
    links: int
    documents: int

    @property
    def shown(self) -> str:
        return shown_host(self.host)


@dataclass
class LinkedSites:
    """Where the documents send readers: every http(s) link by host, the hosts off the authority
    list shown one by one, worst first."""

    links: int = 0
    hosts: int = 0
    listed_links: int = 0  # to hosts on the authority list
    listed_hosts: int = 0
    rows: list[SiteRow] = field(default_factory=list)
    left_out: int = 0  # hosts off the list not shown
    left_out_links: int = 0


# Off the authority list, the standings an editor should look at first.
_STANDING_ORDER = ("vendor", "link shortener", "link wrapper", "workspace", "IP address", "open platform",
                   "commercial, not listed")
MAX_SITE_ROWS = 40


def build_sites(documents: list[DocumentFacts], standing: Callable[[str], tuple[str, bool]]) -> LinkedSites:
    """``standing(host)``: what the host is, and whether it is on the authority list."""
    links: Counter[str] = Counter()
    citing: Counter[str] = Counter()
    for document in documents:
        for host, count in document.link_hosts:
            links[host] += count
            citing[host] += 1
    sites = LinkedSites(links=sum(links.values()), hosts=len(links))
    unlisted = []
    for host, count in links.items():
        kind, listed = standing(host)
        if listed:
            sites.listed_links += count
            sites.listed_hosts += 1
        else:
            unlisted.append(SiteRow(host, kind, count, citing[host]))
    rank = {kind: i for i, kind in enumerate(_STANDING_ORDER)}
    unlisted.sort(key=lambda row: (rank.get(row.standing, len(rank)), -row.links, row.host))
    sites.rows = unlisted[:MAX_SITE_ROWS]
    sites.left_out = len(unlisted) - len(sites.rows)
    sites.left_out_links = sum(row.links for row in unlisted[MAX_SITE_ROWS:])
    return sites


@dataclass(frozen=True)
class SharedReviewDate:
    """One last-review date that most of the corpus carries."""

    date: dt.date
    documents: int
    dated: int  # documents with a last-review date at all


def shared_review_date(documents: list[DocumentFacts]) -> SharedReviewDate | None:
    """The last-review date of most dated documents, when there are enough of them to be a stamp."""
    dates = Counter(d.last_reviewed for d in documents if d.last_reviewed is not None)
    if not dates:
        return None
    (date, count), = dates.most_common(1)
    dated = sum(dates.values())
    if count < SHARED_DATE_MIN_DOCUMENTS or 2 * count <= dated:
        return None
    return SharedReviewDate(date, count, dated)


@dataclass
class Audit:
    today: dt.date
    version: str
    documents: list[DocumentFacts]
    errors: int
    warnings: int
    families: list[FamilyCount]
    overdue: list[DocumentFacts]
    due_soon: list[DocumentFacts]
    undated: list[DocumentFacts]  # no usable review date: none, in the future, or unreadable
    timeline: list[Bucket]
    sources: list[SourceRow]
    actions: list[Action]
    actions_left_out: int
    findings: list[FindingRow]
    network: bool
    due_soon_days: int
    # Whether the rules behind the "broken links" and "non-authoritative" columns ran at all.
    checked_links: bool = False
    checked_authority: bool = False
    # Reviews grouped by owner: empty unless some document names an owner.
    owners: list[OwnerRow] = field(default_factory=list)
    last_review_field: str = "lastReviewed"  # the front-matter key that records a review
    shared_review_date: SharedReviewDate | None = None
    sites: LinkedSites = field(default_factory=LinkedSites)  # empty when no standing was given
    # Findings that suppression comments hide, for an editor to see what the documents keep quiet.
    hidden: list[HiddenRow] = field(default_factory=list)

    @property
    def hidden_without_reason(self) -> int:
        return sum(1 for row in self.hidden if not row.reason)

    @property
    def clean_documents(self) -> int:
        return len(self.documents) - len({row.finding.path for row in self.findings})

    @property
    def family_cards(self) -> list[FamilyCount]:
        """The five families an editor acts on; unreadable files are counted on the documents card."""
        keys = {key for key, _, _ in FAMILY_CARDS}
        return [f for f in self.families if f.key in keys]

    @property
    def unreadable(self) -> int:
        """Findings about files that could not be checked at all (E001, or a rule that failed)."""
        return sum(f.errors + f.warnings for f in self.families if f.key not in {k for k, _, _ in FAMILY_CARDS})

    @property
    def action_paths(self) -> set[str]:
        return {action.document.path for action in self.actions}

    @property
    def source_names(self) -> list[str]:
        return sorted({row.source for row in self.findings})

    @property
    def family_names(self) -> list[str]:
        order = [key for key, _, _ in FAMILY_CARDS]
        present = {row.family for row in self.findings}
        return [f for f in order if f in present] + sorted(present - set(order))


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def review_note(document: DocumentFacts, today: dt.date) -> str:
    """A short phrase about the document's review, for badges and lists."""
    days = document.days_until_review(today)
    if document.review_state == state.OVERDUE and days is not None:
        return f"review overdue by {_plural(-days, 'day')}"
    if document.review_state == state.DUE_SOON and days is not None:
        return "review due today" if days == 0 else f"review due in {_plural(days, 'day')}"
    if document.review_state == state.NO_DATE:
        return "no review date"
    if document.review_state == state.EXEMPT:
        return "archived: not scheduled"
    if document.review_state == state.FUTURE_DATE:
        return "review date in the future"
    if document.review_state == state.UNREADABLE:
        return "could not be read"
    if document.next_review is not None:
        return f"next review {document.next_review.isoformat()}"
    return ""


def _month_start(date: dt.date, months_ahead: int = 0) -> dt.date | None:
    """The first of the month ``months_ahead`` after ``date``'s, or None past the year 9999."""
    index = date.year * 12 + date.month - 1 + months_ahead
    return dt.date(index // 12, index % 12 + 1, 1) if index // 12 <= dt.MAXYEAR else None


def build_timeline(documents: list[DocumentFacts], today: dt.date, months: int = TIMELINE_MONTHS) -> list[Bucket]:
    """Overdue reviews, then one bucket per month from this month, then everything later."""
    overdue = Bucket("overdue", "Overdue")
    month_buckets = []
    for ahead in range(months):
        start = _month_start(today, ahead)
        if start is None:  # "today" is in the last months of the calendar (--today 9999-02-01)
            break
        month_buckets.append(Bucket(start.strftime("%Y-%m"), start.strftime("%b %Y")))
    later = Bucket("later", "Later")
    horizon = _month_start(today, months)
    by_key = {b.key: b for b in month_buckets}
    for document in documents:
        if document.next_review is None or not document.is_scheduled:
            continue
        if document.review_state == state.OVERDUE:
            bucket = overdue
        elif horizon is not None and document.next_review >= horizon:
            bucket = later
        else:
            bucket = by_key.get(document.next_review.strftime("%Y-%m"), later)
        bucket.documents.append(document)
        if document.review_state == state.DUE_SOON:
            bucket.due_soon += 1
    for bucket in [overdue, *month_buckets, later]:
        bucket.documents.sort(key=lambda d: (d.next_review, d.path))
    return [overdue, *month_buckets, later]


NO_OWNER = "(no owner)"


def build_owners(documents: list[DocumentFacts]) -> list[OwnerRow]:
    """Reviews by owner, most overdue first; nothing when no document names an owner."""
    if not any(document.owner for document in documents):
        return []
    rows: dict[str, OwnerRow] = {}
    for document in sorted(documents, key=lambda d: (d.next_review or dt.date.max, d.path)):
        row = rows.setdefault(document.owner or NO_OWNER, OwnerRow(document.owner or NO_OWNER))
        row.documents += 1
        if document.review_state == state.OVERDUE:
            row.overdue.append(document)
        elif document.review_state == state.DUE_SOON:
            row.due_soon.append(document)
        elif document.review_state in _UNDATED:
            row.undated += 1
    return sorted(rows.values(), key=lambda r: (r.owner == NO_OWNER, -len(r.overdue), -len(r.due_soon), r.owner.lower()))


def build_audit(
    result: RunResult, today: dt.date, *, network: bool = False, due_soon_days: int = 30,
    last_review_field: str = "lastReviewed", site_standing: Callable[[str], tuple[str, bool]] | None = None,
) -> Audit:
    documents = list(result.documents)
    by_path = {d.path: d for d in documents}
    # Findings for files whose facts were not collected still get a row.
    for finding in result.findings:
        if finding.path not in by_path:
            by_path[finding.path] = DocumentFacts(finding.path, finding.path.rsplit("/", 1)[-1])
            documents.append(by_path[finding.path])

    ran = {family_of(code) for code in result.rules}
    families = {
        key: FamilyCount(key, label, blurb, checked=not result.rules or key in ran) for key, label, blurb in FAMILY_CARDS
    }
    per_document: dict[str, list[Finding]] = defaultdict(list)
    rows: list[FindingRow] = []
    for finding in result.findings:
        family = family_of(finding.code)
        if family not in families:
            families[family] = FamilyCount(family, family.capitalize(), "files that could not be checked")
        count = families[family]
        if finding.severity is Severity.ERROR:
            count.errors += 1
        else:
            count.warnings += 1
        per_document[finding.path].append(finding)
        document = by_path[finding.path]
        rows.append(FindingRow(finding, family, document.title, document.source or NO_SOURCE))

    sources: dict[str, SourceRow] = {}
    for document in documents:
        row = sources.setdefault(document.source or NO_SOURCE, SourceRow(document.source or NO_SOURCE))
        row.documents += 1
        row.overdue += document.review_state == state.OVERDUE
        row.due_soon += document.review_state == state.DUE_SOON
        found = per_document.get(document.path, [])
        row.broken_links += sum(1 for f in found if f.code in BROKEN_LINK_CODES)
        row.non_authoritative += any(f.code == NON_AUTHORITATIVE_CODE for f in found)

    actions = []
    for path, found in per_document.items():
        document = by_path[path]
        errors = sum(1 for f in found if f.severity is Severity.ERROR)
        ordered = sorted(found, key=lambda f: (-f.severity.rank, f.line, f.column, f.code))
        actions.append(Action(document, ordered, errors, len(found) - errors, review_note(document, today)))
    actions.sort(key=lambda a: (-a.errors, -a.warnings, _STATE_ORDER.get(a.document.review_state, 9), a.document.path))

    def by_due(*states: str) -> list[DocumentFacts]:
        chosen = [d for d in documents if d.review_state in states]
        return sorted(chosen, key=lambda d: (d.next_review or dt.date.max, d.path))

    return Audit(
        today=today,
        version=result.version,
        documents=documents,
        errors=result.errors,
        warnings=result.warnings,
        families=list(families.values()),
        overdue=by_due(state.OVERDUE),
        due_soon=by_due(state.DUE_SOON),
        undated=sorted(by_due(*_UNDATED), key=lambda d: d.path),
        timeline=build_timeline(documents, today),
        sources=sorted(sources.values(), key=lambda r: (-r.documents, r.source == NO_SOURCE, r.source.lower())),
        actions=actions[:MAX_ACTION_DOCUMENTS],
        actions_left_out=max(0, len(actions) - MAX_ACTION_DOCUMENTS),
        findings=rows,
        network=network,
        due_soon_days=due_soon_days,
        checked_links=any(code in result.rules for code in BROKEN_LINK_CODES),
        checked_authority=NON_AUTHORITATIVE_CODE in result.rules,
        owners=build_owners(documents),
        last_review_field=last_review_field,
        shared_review_date=shared_review_date(documents),
        sites=build_sites(documents, site_standing) if site_standing is not None else LinkedSites(),
        hidden=[HiddenRow(item.finding, by_path[item.finding.path].title if item.finding.path in by_path else
                          item.finding.path, item.comment_line, item.reason) for item in result.suppressed],
    )
