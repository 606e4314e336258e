"""Which findings the HTML report's table shows: all of them up to a limit, and past it a fair
sample, so that a run with 70,000 findings is still a page a browser opens at once.

Past the limit, each code keeps an equal share (a code with fewer findings than its share keeps
them all and leaves the rest to the others), in the run's order, so no code is crowded out by
the most frequent one. The counts by code stay complete; the JSON and CSV output list everything.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from contentlint.model.findings import Severity
from contentlint.report.audit import FindingRow

# About 0.7 MB of rows: the page stays an e-mail attachment and opens in well under a second.
HTML_FINDINGS_LIMIT = 1000


@dataclass
class CodeCount:
    code: str
    rule: str
    severity: Severity
    total: int
    shown: int


@dataclass
class FindingsTable:
    rows: list[FindingRow]
    total: int
    by_code: list[CodeCount] = field(default_factory=list)

    @property
    def capped(self) -> bool:
        return len(self.rows) < self.total


def _shares(sizes: dict[str, int], limit: int) -> dict[str, int]:
    """Water-filling: the smallest groups first, each taking at most an equal part of what is left."""
    shares, left = {}, limit
    for index, (code, size) in enumerate(sorted(sizes.items(), key=lambda item: (item[1], item[0]))):
        shares[code] = min(size, left // (len(sizes) - index))
        left -= shares[code]
    return shares


def findings_table(rows: list[FindingRow], limit: int = HTML_FINDINGS_LIMIT) -> FindingsTable:
    if len(rows) <= limit:
        return FindingsTable(rows, len(rows))
    sizes = Counter(row.finding.code for row in rows)
    shares = _shares(dict(sizes), limit)
    taken: dict[str, int] = defaultdict(int)
    kept = []
    for row in rows:
        code = row.finding.code
        if taken[code] < shares[code]:
            taken[code] += 1
            kept.append(row)
    first = {}
    for row in rows:
        first.setdefault(row.finding.code, row.finding)
    by_code = [
        CodeCount(code, first[code].rule, first[code].severity, sizes[code], taken[code])
        for code in sorted(sizes, key=lambda c: (first[c].severity is not Severity.ERROR, -sizes[c], c))
    ]
    return FindingsTable(kept, len(rows), by_code)
