"""The audit report's content: summary counts, timeline buckets, sources, action order."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import TODAY, make_config
from contentlint.report.audit import Audit, SiteRow, build_audit, build_sites, build_timeline, review_note
from contentlint.engine.discovery import discover
from contentlint.model.facts import DUE_SOON, EXEMPT, OVERDUE, SCHEDULED, DocumentFacts
from contentlint.model.findings import Finding, Severity
from contentlint.engine.linter import Linter
from contentlint.model.results import RunResult
from contentlint.report.timeline_chart import timeline_chart
from report_corpus import write_report_corpus


@pytest.fixture(scope="module")
def audit(tmp_path_factory: pytest.TempPathFactory) -> Audit:
    root = write_report_corpus(tmp_path_factory.mktemp("corpus"))
    config = make_config()
    result = Linter(config, collect_facts=True).run(discover([str(root)], config.include, config.exclude, root, root))
    return build_audit(result, TODAY)


def test_summary_counts(audit: Audit) -> None:
    assert len(audit.documents) == 17
    families = {f.key: (f.errors, f.warnings) for f in audit.families}
    assert list(families)[:5] == ["metadata", "freshness", "links", "authority", "quality"]
    assert sum(e for e, _ in families.values()) == audit.errors
    assert sum(w for _, w in families.values()) == audit.warnings
    assert families["freshness"][0] == 5  # four overdue (F001) and one future date (F003)


def test_review_lists(audit: Audit) -> None:
    assert [d.path for d in audit.overdue] == [
        "macmillan/fatigue.md", "nci/immunotherapy.md", "nhs/lymphoma-overview.md", "nhs/mouth-ulcers.md",
    ]
    assert [d.next_review for d in audit.due_soon] == sorted(d.next_review for d in audit.due_soon)
    assert [d.path for d in audit.undated] == ["acs/nutrition.md", "drafts/new-page.md", "imports/broken.md"]


def test_timeline_buckets(audit: Audit) -> None:
    keys = [b.key for b in audit.timeline]
    assert keys[0] == "overdue" and keys[1] == "2026-11" and keys[12] == "2027-10" and keys[-1] == "later"
    counts = {b.key: b.count for b in audit.timeline}
    assert counts["overdue"] == 4
    assert counts["2026-11"] == 1 and counts["2026-12"] == 3
    # archived documents are not scheduled; undated ones and a last review in the future cannot be placed
    assert sum(counts.values()) == 17 - 1 - 2 - 1


def test_sources_table(audit: Audit) -> None:
    rows = {r.source: r for r in audit.sources}
    assert audit.sources[0].source == "NCI" and rows["NCI"].documents == 5
    assert (rows["NHS"].overdue, rows["NHS"].due_soon) == (2, 1)
    assert rows["(no source)"].documents == 2


def test_actions_worst_first_and_grouped(audit: Audit) -> None:
    ranks = [(a.errors, a.warnings) for a in audit.actions]
    assert ranks == sorted(ranks, key=lambda r: (-r[0], -r[1]))
    assert len({a.document.path for a in audit.actions}) == len(audit.actions)
    first = audit.actions[0]
    assert [f.severity for f in first.findings] == sorted((f.severity for f in first.findings), key=lambda s: -s.rank)
    assert audit.clean_documents == 17 - len(audit.actions)


def facts(path: str, due: dt.date | None, state: str) -> DocumentFacts:
    return DocumentFacts(path, path, next_review=due, review_state=state)


def test_timeline_edges() -> None:
    documents = [
        facts("late.md", dt.date(2020, 1, 1), OVERDUE),
        facts("today.md", TODAY, DUE_SOON),
        facts("last-month.md", dt.date(2027, 10, 31), SCHEDULED),
        facts("next-year.md", dt.date(2027, 11, 1), SCHEDULED),
        facts("archived.md", dt.date(2027, 1, 1), EXEMPT),
    ]
    buckets = {b.key: [d.path for d in b.documents] for b in build_timeline(documents, TODAY)}
    assert buckets["overdue"] == ["late.md"]
    assert buckets["2026-11"] == ["today.md"]
    assert buckets["2027-10"] == ["last-month.md"]
    assert buckets["later"] == ["next-year.md"]
    assert "archived.md" not in sum(buckets.values(), [])


def test_findings_without_facts_still_listed() -> None:
    finding = Finding("x.md", 1, 1, "M001", Severity.ERROR, "no front matter", "no-front-matter")
    audit = build_audit(RunResult([finding], 1), TODAY)
    assert [a.document.path for a in audit.actions] == ["x.md"]
    assert audit.findings[0].source == "(no source)"


@pytest.mark.parametrize(
    ("document", "note"),
    [
        (facts("a", TODAY - dt.timedelta(days=1), OVERDUE), "review overdue by 1 day"),
        (facts("a", TODAY, DUE_SOON), "review due today"),
        (facts("a", TODAY + dt.timedelta(days=9), DUE_SOON), "review due in 9 days"),
        (facts("a", dt.date(2027, 5, 1), SCHEDULED), "next review 2027-05-01"),
        (facts("a", None, "no-date"), "no review date"),
    ],
)
def test_review_note(document: DocumentFacts, note: str) -> None:
    assert review_note(document, TODAY) == note


def test_chart_geometry_scales_to_the_largest_bar(audit: Audit) -> None:
    chart = timeline_chart(audit.timeline)
    assert len(chart.columns) == 14 and chart.total == 13
    overdue = chart.columns[0]
    assert overdue.segments[0].kind == "overdue" and overdue.segments[0].height > 0
    tallest = max(chart.columns, key=lambda c: c.bucket.count)
    assert tallest.top >= 0 and all(c.top <= chart.baseline for c in chart.columns)
    assert chart.gridlines[0] == (chart.baseline, 0)
    december = next(c for c in chart.columns if c.bucket.key == "2026-12")
    assert [s.kind for s in december.segments] == ["due-soon"]


def test_chart_with_no_dates() -> None:
    chart = timeline_chart(build_timeline([], TODAY))
    assert chart.total == 0 and all(not c.segments for c in chart.columns)


def test_link_and_authority_columns_count_findings_when_their_rules_ran() -> None:
    documents = [DocumentFacts("a.md", "A vendor page", source="Vendor"), DocumentFacts("b.md", "B", source="NHS")]
    findings = [
        Finding("a.md", 1, 1, "S001", Severity.ERROR, "not an authoritative source", "source-not-authoritative"),
        Finding("a.md", 3, 1, "L001", Severity.ERROR, "broken link", "broken-link"),
        Finding("a.md", 4, 1, "L002", Severity.ERROR, "unreachable", "link-unreachable"),
        Finding("b.md", 5, 1, "L004", Severity.WARNING, "insecure link", "insecure-link"),
    ]
    ran = {code: None for code in ("S001", "L001", "L002", "L004")}
    audit = build_audit(RunResult(findings, 2, rules=ran, documents=documents), TODAY)  # type: ignore[arg-type]
    rows = {r.source: r for r in audit.sources}
    assert (rows["Vendor"].broken_links, rows["Vendor"].non_authoritative) == (2, 1)
    assert (rows["NHS"].broken_links, rows["NHS"].non_authoritative) == (0, 0)
    assert audit.checked_links and audit.checked_authority
    families = {f.key: (f.errors, f.warnings) for f in audit.families}
    assert families["links"] == (2, 1) and families["authority"] == (1, 0)
    offline = build_audit(RunResult([], 2, documents=documents), TODAY)
    assert not offline.checked_links and not offline.checked_authority


def test_families_with_no_rule_run_are_not_checked(audit: Audit) -> None:
    checked = {f.key: f.checked for f in audit.families}
    assert checked["metadata"] and checked["freshness"]
    from contentlint.engine.rule_set import all_rules

    for family in ("links", "authority", "quality"):
        assert checked[family] == any(r.family == family and not r.network for r in all_rules().values())


def test_unreadable_files_count_on_the_documents_card_not_as_a_sixth_family() -> None:
    finding = Finding("bin.md", 1, 1, "E001", Severity.ERROR, "binary file", "unreadable-file")
    audit = build_audit(RunResult([finding], 1), TODAY)
    assert [f.key for f in audit.family_cards] == ["metadata", "freshness", "links", "authority", "quality"]
    assert audit.unreadable == 1 and audit.errors == 1
    assert "reading" in [f.key for f in audit.families]  # the Markdown summary table keeps its own row


def test_linked_sites_put_the_hosts_off_the_list_worst_first() -> None:
    documents = [
        DocumentFacts("a.md", "A", link_hosts=(("www.cancer.gov", 30), ("en.wikipedia.org", 2), ("shop.example.com", 1))),
        DocumentFacts("b.md", "B", link_hosts=(("www.cancer.gov", 5), ("www.benchchem.com", 1), ("en.wikipedia.org", 1))),
        DocumentFacts("c.md", "C"),
    ]
    kinds = {"www.cancer.gov": ("government", True), "en.wikipedia.org": ("open platform", False),
             "shop.example.com": ("commercial, not listed", False), "www.benchchem.com": ("vendor", False)}
    sites = build_sites(documents, kinds.__getitem__)
    assert (sites.links, sites.hosts, sites.listed_links, sites.listed_hosts) == (40, 4, 35, 1)
    assert sites.rows == [
        SiteRow("www.benchchem.com", "vendor", 1, 1),
        SiteRow("en.wikipedia.org", "open platform", 3, 2),
        SiteRow("shop.example.com", "commercial, not listed", 1, 1),
    ]
    assert sites.left_out == 0


def test_linked_sites_keep_the_table_short() -> None:
    many = tuple((f"site{i:03d}.example.org", 1) for i in range(45))
    sites = build_sites([DocumentFacts("a.md", "A", link_hosts=many)], lambda host: ("not listed", False))
    assert len(sites.rows) == 40 and (sites.left_out, sites.left_out_links) == (5, 5)


@pytest.mark.parametrize(("host", "shown"), [
    ("www.nhs.uk", "www.nhs.uk"),
    ("111.nh\u0455.uk", "111.nh\u0455.uk (111.xn--nh-foc.uk)"),  # a Cyrillic letter: the xn-- form tells it apart
])
def test_a_site_not_in_ascii_is_shown_with_its_xn_form(host: str, shown: str) -> None:
    assert SiteRow(host, "not listed", 1, 1).shown == shown
