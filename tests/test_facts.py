"""Per-document facts for audit reports: title, source, next review and its state."""

from __future__ import annotations

import datetime as dt
import pickle
from pathlib import Path

import pytest

from conftest import TODAY, front_matter, make_config
from contentlint.document.reading import parse_document
from contentlint.analysis.facts import collect_facts
from contentlint.model.facts import (
    DUE_SOON, EXEMPT, FUTURE_DATE, NO_DATE, OVERDUE, SCHEDULED, UNREADABLE, DocumentFacts,
)
from contentlint.engine.linter import Linter


def facts_of(text: str | bytes, path: str = "docs/a.md") -> DocumentFacts:
    data = text.encode("utf-8") if isinstance(text, str) else text
    return collect_facts(parse_document(data, path), make_config())


@pytest.mark.parametrize(
    ("text", "state", "due"),
    [
        (front_matter(), SCHEDULED, dt.date(2027, 10, 1)),
        (front_matter(lastReviewed="'2025-11-21'"), OVERDUE, dt.date(2026, 11, 21)),
        (front_matter(lastReviewed="'2026-09-01'", reviewFrequency="quarterly"), DUE_SOON, dt.date(2026, 12, 1)),
        # near miss: 31 days ahead is outside the 30-day window
        (front_matter(lastReviewed="'2026-09-23'", reviewFrequency="quarterly"), SCHEDULED, dt.date(2026, 12, 23)),
        # The report plans by the window itself: a monthly page due in 28 days is among "the next 30
        # days" there, though F002 waits for the last third of its cycle.
        (front_matter(lastReviewed="'2026-11-20'", reviewFrequency="monthly"), DUE_SOON, dt.date(2026, 12, 20)),
        (front_matter(lastReviewed=None), NO_DATE, None),
        (front_matter(lastReviewed="'2019-01-01'", status="archived"), EXEMPT, dt.date(2020, 1, 1)),
        ("# Tiredness\n\nText.\n\nNext review: 01 November 2025\n", OVERDUE, dt.date(2025, 11, 1)),
        (b"\x00\x01binary", UNREADABLE, None),
        (front_matter(lastReviewed="'2062-03-01'"), FUTURE_DATE, dt.date(2063, 3, 1)),
        (front_matter(lastReviewed="'2026-11-22'"), SCHEDULED, dt.date(2027, 11, 22)),  # today is not the future
    ],
)
def test_review_state(text: str | bytes, state: str, due: dt.date | None) -> None:
    facts = facts_of(text)
    assert (facts.review_state, facts.next_review) == (state, due)


def test_due_today_is_due_soon_not_overdue() -> None:
    assert facts_of(front_matter(lastReviewed="'2025-11-22'")).review_state == DUE_SOON


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (front_matter(title="'Radiotherapy: what to expect'"), "Radiotherapy: what to expect"),
        (front_matter(title=None) + "\n# Heading from the body ##\n", "Heading from the body"),
        ("No heading here, only a first line of text\nsecond line\n", "No heading here, only a first line of text"),
        ("", "a.md"),
        (front_matter(title="'" + "x" * 300 + "'"), "x" * 159 + "…"),
        (front_matter(title="[a, list]") + "\n# Fallback\n", "Fallback"),
        # A scraped page's first lines are often boilerplate (Q002): the title is the first line that is not.
        ("Skip to main content\n\nImmunotherapy for sarcoma\n\nText.\n", "Immunotherapy for sarcoma"),
        ("[Skip to content](#main)\nWe use cookies on this site.\nMenu\nFatigue and rest\n", "Fatigue and rest"),
        ("Skip to main content\n", "a.md"),
        ("Sign up for a clinical trial near you\n", "Sign up for a clinical trial near you"),
        # A reader service's header names the page's title before its first heading.
        ("\nTitle: Hair Loss  - NCI\n\nURL Source: https://www.cancer.gov/hair\n\nMarkdown Content:\n# Hair\n", "Hair Loss - NCI"),
        ("Title:\n\n# Hair loss\n", "Hair loss"),
    ],
)
def test_title(text: str, title: str) -> None:
    assert facts_of(text).title == title


def test_metadata_fields_and_last_review() -> None:
    facts = facts_of(front_matter())
    assert (facts.source, facts.source_type, facts.url, facts.status) == (
        "NCI", "02_nci_core", "https://www.cancer.gov/types/breast/radiotherapy", "active",
    )
    assert facts.last_reviewed == dt.date(2026, 10, 1)
    assert "lastReviewed 2026-10-01" in facts.review_basis
    assert facts.days_until_review(TODAY) == (dt.date(2027, 10, 1) - TODAY).days


def test_facts_are_picklable() -> None:
    facts = facts_of(front_matter())
    assert pickle.loads(pickle.dumps(facts)) == facts


def test_linter_collects_facts_only_when_asked(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(front_matter() + "\n# A\n", encoding="utf-8")
    (tmp_path / "b.md").write_bytes(b"\xff\xfe\x00binary")
    files = [(tmp_path / "a.md", "a.md"), (tmp_path / "b.md", "b.md")]
    assert Linter(make_config()).run(files).documents == []
    documents = Linter(make_config(), collect_facts=True).run(files).documents
    assert [(d.path, d.review_state) for d in documents] == [("a.md", SCHEDULED), ("b.md", UNREADABLE)]


def test_facts_do_not_depend_on_selected_rules(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(front_matter(lastReviewed="'2020-01-01'"), encoding="utf-8")
    result = Linter(make_config(select=["M"]), collect_facts=True).run([(tmp_path / "a.md", "a.md")])
    assert result.findings == [] and result.documents[0].review_state == OVERDUE


def test_link_hosts_count_each_http_link_once() -> None:
    body = (
        "\n# Links\n\n[a](https://www.nhs.uk/a) [b](https://WWW.NHS.UK/b) [c](/c) [d](mailto:x@nhs.net)\n\n"
        "[e][ref] and [f][ref]\n\n[ref]: https://bit.ly/x\n\n`https://in.code.example/` https://pubmed.ncbi.nlm.nih.gov/1/\n"
    )
    facts = facts_of(front_matter() + body)
    # /c resolves against the page's url (www.cancer.gov); a reference counts at its definition
    assert facts.link_hosts == (("www.nhs.uk", 2), ("www.cancer.gov", 1), ("bit.ly", 1), ("pubmed.ncbi.nlm.nih.gov", 1))
