"""A run the size of the issue's 2,000-document corpus with links: 70,000 findings, as synthetic
findings fed straight to the reporters (linting such a corpus would take minutes in a test).

The messages have the shapes and lengths of the real rules' messages; the spread over codes is
that of a link-heavy corpus, where a few link codes make most of the findings.
"""

from __future__ import annotations

import datetime as dt
import random

from contentlint.model.facts import DUE_SOON, NO_DATE, OVERDUE, SCHEDULED, DocumentFacts
from contentlint.model.findings import Finding, Severity
from contentlint.model.results import RunResult

TODAY = dt.date(2026, 11, 22)
SOURCES = ["NCI", "NHS", "Macmillan Cancer Support", "American Cancer Society", "Cancer Research UK", ""]
# (code, severity, rule, share of the findings, message); {n} and {url} are filled per finding.
CODES = [
    ("L001", Severity.ERROR, "broken-link", 0.30, "broken link {url}: the server answers 404 Not Found; find the page's new address or remove the link"),
    ("L002", Severity.ERROR, "unreachable-link", 0.12, "unreachable: {url} did not answer within 10 s (timed out); check the address, or retry later"),
    ("L003", Severity.WARNING, "permanent-redirect", 0.20, "permanent redirect: {url} has moved to {url}new/; update the link"),
    ("L004", Severity.WARNING, "insecure-link", 0.10, "insecure link {url}: use the https:// address (check that it works)"),
    ("L009", Severity.WARNING, "unverified-link", 0.08, "could not verify {url}: the server answers 403 Forbidden to automated checks; open it in a browser"),
    ("S003", Severity.WARNING, "non-authoritative-link", 0.12, "links to example-{n}.org, not on the authority list: link to an authoritative page, or trust the domain with `extend-link-domains`"),
    ("F001", Severity.ERROR, "review-overdue", 0.02, "review overdue by {n} days: due 2026-03-30 (lastReviewed 2025-12-30 + quarterly cycle); review the page and update lastReviewed"),
    ("Q002", Severity.WARNING, "scraping-boilerplate", 0.03, "scraping boilerplate \"Skip to main content\": not part of the content; delete it"),
    ("M103", Severity.WARNING, "unknown-field", 0.03, "field `audiencelevel` is not in the schema; did you mean `audienceLevel`?"),
]
STATES = [OVERDUE, DUE_SOON, SCHEDULED, SCHEDULED, SCHEDULED, NO_DATE]


def big_result(documents: int = 2000, findings: int = 70_000, seed: int = 16) -> RunResult:
    chooser = random.Random(seed)
    facts, paths = [], []
    for index in range(documents):
        source = SOURCES[index % len(SOURCES)]
        folder = (source or "misc").split()[0].lower()
        path = f"corpus/{folder}/section_{index % 40:02d}/patient_information_page_{index:05d}.html.md"
        state = STATES[index % len(STATES)]
        due = None if state == NO_DATE else TODAY + dt.timedelta(days={OVERDUE: -90, DUE_SOON: 12}.get(state, 40 + index % 500))
        facts.append(DocumentFacts(
            path=path, title=f"Patient information page {index}: treatment, side effects and support", source=source,
            url=f"https://www.example.org/{folder}/{index}", next_review=due, review_state=state,
            review_basis="lastReviewed 2025-12-30 + quarterly cycle" if due else "",
        ))
        paths.append(path)
    weights = [share for _, _, _, share, _ in CODES]
    rows = []
    for index in range(findings):
        code, severity, rule, _, message = chooser.choices(CODES, weights)[0]
        document = facts[chooser.randrange(documents)]
        url = f"https://www.example-{index % 997}.org/health/topics/{index}/"
        rows.append(Finding(document.path, 20 + index % 300, 1 + index % 80, code, severity,
                            message.format(n=index % 400 + 1, url=url), rule, url))
    return RunResult(sorted(rows), documents, paths=paths, documents=facts)
