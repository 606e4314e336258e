"""[tool.contentlint.fields]: review fields under the names another team's corpus uses (issue 15).

The tech-docs and Hugo fixtures (tests/fixtures/tech-docs, tests/fixtures/hugo) are sites of our own
making in the shape of real ones; the pages each one should report as expired are worked out here
from their front matter with dateutil, not with contentlint's own date arithmetic.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from dateutil.relativedelta import relativedelta

from conftest import front_matter, lint_text, make_config
from contentlint.analysis.cycles import CYCLE_PATTERN, cycle_text, parse_cycle
from contentlint.engine.config import config_from_table, field_map, validate_table
from contentlint.model.errors import ConfigError
from contentlint.model.settings import Cycle, FieldMap, ReviewPolicy

FIXTURES = Path(__file__).parent / "fixtures"
TODAY = "2026-12-05"
BODY = "\n# Deploying\n\nMerge to main, wait for the staging checks, then promote the build from the pipeline page.\n"
TECH_DOCS = FieldMap(last_reviewed="last_reviewed_on", review_cycle="review_in", owner="owner_slack", preset="tech-docs")


@pytest.mark.parametrize(
    "value, expected",
    [
        ("quarterly", Cycle(3)),
        ("Annual", Cycle(12)),
        (6, Cycle(6)),
        ("18", Cycle(18)),
        ("6 months", Cycle(6)),
        ("1 month", Cycle(1)),
        ("1 year", Cycle(12)),
        ("2 years", Cycle(24)),
        ("a year", Cycle(12)),
        ("191 days", Cycle(0, 191)),
        ("2 weeks", Cycle(0, 14)),
        ("1 week", Cycle(0, 7)),
        ("1 year and 6 months", Cycle(18)),
        ("1 year, 2 weeks", Cycle(12, 14)),
        ("P6M", Cycle(6)),
        ("p1y6m", Cycle(18)),
        ("P2W", Cycle(0, 14)),
        ("P191D", Cycle(0, 191)),
        # Other words for the shipped cycles: read, so that F001 schedules the review M102 complains of.
        ("annually", Cycle(12)),
        ("Yearly", Cycle(12)),
        ("every two years", Cycle(24)),
        ("Every 2 years", Cycle(24)),
        ("semi-annually", Cycle(6)),
        ("twice  a year", Cycle(6)),
        ("every 3 months", Cycle(3)),
        ("every 90 days", Cycle(0, 90)),
        # Twice a year, or every two years? The shorter reading, so that neither hides an overdue
        # review; the messages say which was taken.
        ("biannual", Cycle(6)),
        ("Bi-Annual", Cycle(6)),
        ("bimonthly", Cycle(0, 15)),  # twice a month, or every two months?
        ("every", None),
        ("every soon", None),
        ("as needed", None),
        ("fortnightly", Cycle(0, 14)),
        ("weekly", Cycle(0, 7)),
        ("6-monthly", Cycle(6)),  # British "n-monthly": one review every n months
        ("3 monthly", Cycle(3)),
        ("2-yearly", Cycle(24)),
        ("6-weekly", Cycle(0, 42)),
        ("0-monthly", None),
        ("half yearly", Cycle(6)),
        ("6 mnths", None),
        ("12 m", Cycle(12)),  # no review runs in minutes
        ("3m", Cycle(3)),
        ("18M", Cycle(18)),
        ("PT36H", None),
        ("P", None),
        ("P0D", None),
        ("0", None),
        (0, None),
        (True, None),
        (None, None),
        (["6 months"], None),
        ("and 6 months", None),
    ],
)
def test_parse_cycle(value: object, expected: Cycle | None) -> None:
    assert parse_cycle(value) == expected


@pytest.mark.parametrize("text", ["6 months", "191 days", "P1Y6M", "quarterly", "1 year and 6 months", "12", "6m"])
def test_the_schema_pattern_accepts_what_the_parser_reads(text: str) -> None:
    assert re.search(CYCLE_PATTERN, text) and parse_cycle(text) is not None


@pytest.mark.parametrize("text", ["6 mnths", "as needed", "PT3H", "0", "soon"])
def test_the_schema_pattern_refuses_what_the_parser_refuses(text: str) -> None:
    assert not re.search(CYCLE_PATTERN, text) and parse_cycle(text) is None


@pytest.mark.parametrize(
    "cycle, text",
    [(Cycle(3), "quarterly"), (Cycle(18), "18-month"), (Cycle(0, 191), "191-day"), (Cycle(0, 14), "2-week"),
     (Cycle(12, 14), "12-month 2-week")],
)
def test_cycle_text(cycle: Cycle, text: str) -> None:
    assert cycle_text(cycle) == text


@pytest.mark.parametrize(
    "table, expected",
    [
        ({}, FieldMap()),
        ({"preset": "tech-docs"}, TECH_DOCS),
        ({"preset": "hugo"}, FieldMap(last_reviewed="lastmod", preset="hugo")),
        ({"preset": "tech-docs", "owner": "owner"}, FieldMap(
            last_reviewed="last_reviewed_on", review_cycle="review_in", owner="owner", preset="tech-docs")),
        ({"last-reviewed": "last_reviewed", "next-review": "review_by", "owner": "owner"},
         FieldMap(last_reviewed="last_reviewed", next_review="review_by", owner="owner")),
        ({"url": "canonical", "source": "publisher", "title": "name"},
         FieldMap(url="canonical", source="publisher", title="name")),
    ],
)
def test_field_map_preset_then_explicit_keys(table: dict[str, str], expected: FieldMap) -> None:
    validate_table({"fields": table}, Path("pyproject.toml"))
    assert field_map(table) == expected


@pytest.mark.parametrize(
    "table, words",
    [
        ({"fields": {"preset": "jekyll"}}, "'jekyll' is not one of"),
        ({"fields": {"last_reviewed": "x"}}, "unknown key `last_reviewed` in [fields]; did you mean `last-reviewed`?"),
        ({"fields": {"owner": ""}}, "fields.owner"),
        ({"review": {"default-cycle": "6 mnths"}}, "'6 mnths' is not allowed; use one of monthly"),
    ],
)
def test_bad_fields_config_is_one_clear_error(table: dict, words: str) -> None:
    with pytest.raises(ConfigError, match=re.escape(words)):
        validate_table(table, Path("pyproject.toml"))


@pytest.mark.parametrize(
    "table, expected",
    [
        ({}, Cycle(24)),
        ({"fields": {"preset": "hugo"}}, Cycle(24)),
        ({"fields": {"preset": "tech-docs"}}, None),  # a page without review_in is not under review
        ({"fields": {"preset": "tech-docs"}, "review": {"default-cycle": "1 year"}}, Cycle(12)),
        ({"review": {"default-cycle": "191 days"}}, Cycle(0, 191)),
        ({"review": {"default-cycle": 9}}, Cycle(9)),
    ],
)
def test_default_cycle(table: dict, expected: Cycle | None) -> None:
    validate_table(table, Path("pyproject.toml"))
    assert config_from_table(table, Path("pyproject.toml")).review.default_cycle == expected


def test_a_zero_cycle_in_config_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="review.default-cycle"):
        config_from_table({"review": {"default-cycle": "P0D"}}, Path("pyproject.toml"))


# -- One document under a mapping --------------------------------------------------------------

# As the preset configures it: no default cycle, so a page without review_in is not under review.
TD = make_config(today=dt.date(2026, 12, 5), fields=TECH_DOCS, review=ReviewPolicy(default_cycle=None))


def tech_docs(**fields: str) -> str:
    return "---\ntitle: Deploying\n" + "".join(f"{k}: {v}\n" for k, v in fields.items()) + "---\n" + BODY


@pytest.mark.parametrize(
    "name, text, codes",
    [
        ("6 months, due yesterday", tech_docs(last_reviewed_on="2026-06-04", review_in="6 months"), {"F001"}),
        ("6 months, due today", tech_docs(last_reviewed_on="2026-06-05", review_in="6 months"), {"F002"}),
        ("191 days, overdue", tech_docs(last_reviewed_on="2026-05-27", review_in="191 days"), {"F001"}),
        ("6 weeks, fresh", tech_docs(last_reviewed_on="2026-11-30", review_in="6 weeks"), set()),
        ("ISO 8601, overdue", tech_docs(last_reviewed_on="2025-01-01", review_in="P1Y"), {"F001"}),
        ("a number of months", tech_docs(last_reviewed_on="2026-01-01", review_in="9"), {"F001"}),
        ("no review_in: not under review", tech_docs(last_reviewed_on="2020-01-01"), set()),
        ("no review fields", tech_docs(), {"F004"}),
        ("last review in the future", tech_docs(last_reviewed_on="2027-03-01", review_in="1 year"), {"F003"}),
        ("lastReviewed is not read", "---\ntitle: x\nlastReviewed: 2020-01-01\nreviewFrequency: annual\n---\n" + BODY,
         {"F004"}),
        ("body date disagrees",
         tech_docs(last_reviewed_on="2026-10-01", review_in="1 year") + "\nLast reviewed: 3 March 2026\n", {"F005"}),
    ],
)
def test_freshness_under_the_tech_docs_preset(name: str, text: str, codes: set[str]) -> None:
    assert {f.code for f in lint_text(text, TD) if f.code.startswith("F")} == codes


@pytest.mark.parametrize(
    "text, code, words",
    [
        (tech_docs(last_reviewed_on="2026-06-04", review_in="6 months"), "F001",
         "due 2026-12-04 (last_reviewed_on 2026-06-04 + semiannual cycle); review the page and update last_reviewed_on"),
        (tech_docs(last_reviewed_on="2026-05-27", review_in="191 days"), "F001", "+ 191-day cycle"),
        (tech_docs(last_reviewed_on="2026-11-21", review_in="2 weeks"), "F002", "(last_reviewed_on 2026-11-21 + 2-week cycle)"),
        (tech_docs(), "F004", "no review date: add `last_reviewed_on` to the front matter"),
        (tech_docs(last_reviewed_on="2026-10-01", review_in="1 year") + "\nLast reviewed: 3 March 2026\n", "F005",
         "but front matter says last_reviewed_on 2026-10-01"),
        (tech_docs(last_reviewed_on="2026-06-04", review_in="6 mnths"), "M102",
         "`review_in` is '6 mnths', not in the expected form (one of monthly"),
        (tech_docs(last_reviewed_on="04/06/2026", review_in="6 months"), "M102", "`last_reviewed_on` is '04/06/2026'"),
    ],
)
def test_messages_name_the_mapped_fields(text: str, code: str, words: str) -> None:
    messages = [f.message for f in lint_text(text, TD) if f.code == code]
    assert messages and words in messages[0]
    assert "lastReviewed" not in messages[0]


def test_a_preset_does_not_force_the_shipped_schema() -> None:
    text = tech_docs(last_reviewed_on="2026-10-01", review_in="1 year", weight="10", owner_slack="'#team'")
    assert {f.code for f in lint_text(text, TD) if f.code.startswith("M")} == set()
    # The same page under the shipped fields: required fields missing, unknown ones flagged.
    shipped = {f.code for f in lint_text(text, make_config(today=dt.date(2026, 12, 5))) if f.code.startswith("M")}
    assert {"M101", "M103"} <= shipped


def test_a_configured_schema_still_applies_under_a_preset(tmp_path: Path) -> None:
    schema = tmp_path / "schema.json"
    schema.write_text(json.dumps({"type": "object", "required": ["owner_slack"]}))
    config = make_config(today=dt.date(2026, 12, 5), fields=TECH_DOCS, schema_path=schema)
    found = [f for f in lint_text(tech_docs(last_reviewed_on="2026-10-01"), config) if f.code == "M101"]
    assert [f.subject for f in found] == ["owner_slack"]


def test_an_owner_field_on_the_shipped_schema_is_not_unknown() -> None:
    config = make_config(fields=FieldMap(owner="owner", next_review="nextReview"))
    text = front_matter(owner="'#team-nci'", nextReview="'2027-01-01'") + BODY
    assert {f.code for f in lint_text(text, config) if f.code.startswith("M")} == set()
    assert "M103" in {f.code for f in lint_text(text, make_config())}


@pytest.mark.parametrize(
    "next_review, codes, words",
    [
        ("'2026-11-01'", {"F001"}, "due 2026-11-01 (review_by 2026-11-01); review the page and update review_by"),
        ("'2026-12-10'", {"F002"}, "on 2026-12-10 (review_by 2026-12-10)"),
        ("'2027-06-01'", set(), ""),
    ],
)
def test_a_next_review_field_gives_the_due_date(next_review: str, codes: set[str], words: str) -> None:
    config = make_config(today=dt.date(2026, 11, 22), fields=FieldMap(next_review="review_by"))
    # lastReviewed + annual alone would be fresh (due 2027-10-01): the next-review date decides.
    found = [f for f in lint_text(front_matter(review_by=next_review) + BODY, config) if f.code.startswith("F")]
    assert {f.code for f in found} == codes
    assert all(words in f.message for f in found)


def test_freshness_findings_carry_the_owner() -> None:
    text = tech_docs(last_reviewed_on="2026-06-04", review_in="6 months", owner_slack="'#team-platform'")
    findings = lint_text(text, TD)
    assert {f.code: f.owner for f in findings if f.code.startswith("F")} == {"F001": "#team-platform"}
    assert all(f.owner == "" for f in findings if not f.code.startswith("F"))
    assert lint_text(text, make_config())[0].owner == ""  # no owner field mapped: none carried


@pytest.mark.parametrize(
    "fields, text, code",
    [
        (FieldMap(url="canonical"), "---\ntitle: Vendor\ncanonical: https://www.benchchem.com/product/b1\n---\n" + BODY,
         "S001"),
        (FieldMap(), "---\ntitle: Vendor\ncanonical: https://www.benchchem.com/product/b1\n---\n" + BODY, "S004"),
        (FieldMap(source="issued_by"), "---\ntitle: x\nissued_by: NCI\n---\n" + BODY, None),
        (FieldMap(), "---\ntitle: x\nissued_by: NCI\n---\n" + BODY, "S004"),
    ],
)
def test_authority_rules_read_the_mapped_url_and_source(fields: FieldMap, text: str, code: str | None) -> None:
    codes = {f.code for f in lint_text(text, make_config(fields=fields)) if f.code in ("S001", "S004")}
    assert codes == ({code} if code else set())


def test_no_provenance_names_the_mapped_fields() -> None:
    config = make_config(fields=FieldMap(url="canonical", source="issued_by"))
    (finding,) = [f for f in lint_text("---\ntitle: x\n---\n" + BODY, config) if f.code == "S004"]
    assert "no `canonical` or `issued_by` in front matter" in finding.message


# -- Whole sites: the fixtures, through the command line ---------------------------------------


def _front_matter_of(path: Path) -> dict[str, str]:
    text = path.read_text(encoding="utf-8")
    block = text.split("---\n")[1]
    return {key: value.strip().strip('"') for key, value in (line.split(":", 1) for line in block.splitlines())}


def _duration(text: str) -> relativedelta:
    amount, unit = text.split()
    unit = unit if unit.endswith("s") else unit + "s"
    return relativedelta(**{unit: int(amount)})


def tech_docs_expired(root: Path, today: dt.date) -> set[str]:
    """The tech-docs template's rule: under review when review_in is set; expired when
    last_reviewed_on + review_in is before today."""
    expired = set()
    for page in root.rglob("*.md"):
        data = _front_matter_of(page)
        if "review_in" in data and "last_reviewed_on" in data:
            review_by = dt.date.fromisoformat(data["last_reviewed_on"]) + _duration(data["review_in"])
            if today > review_by:
                expired.add(page.relative_to(root).as_posix())
    return expired


def hugo_expired(root: Path, today: dt.date, cycle: relativedelta) -> set[str]:
    expired = set()
    for page in root.rglob("*.md"):
        lastmod = _front_matter_of(page).get("lastmod")
        if lastmod and today > dt.date.fromisoformat(lastmod[:10]) + cycle:
            expired.add(page.relative_to(root).as_posix())
    return expired


def _check(run_cli, root: Path, *args: str) -> dict:
    result = run_cli("check", ".", "--today", TODAY, "--format", "json", *args, cwd=root)
    assert result.code in (0, 1), result.err
    return json.loads(result.out)


def test_tech_docs_site_expired_pages_match_the_template(run_cli) -> None:
    root = FIXTURES / "tech-docs"
    expected = tech_docs_expired(root, dt.date.fromisoformat(TODAY))
    report = _check(run_cli, root)
    overdue = {f["path"] for f in report["findings"] if f["code"] == "F001"}
    assert overdue == expected
    # The site is shaped like the real ones: cycles in days, weeks, months and years, some expired, some not.
    units = {_front_matter_of(p).get("review_in", "0 none").split()[1].rstrip("s") for p in root.rglob("*.md")}
    assert {"day", "week", "month", "year"} <= units
    assert 5 <= len(expected) < len(list(root.rglob("*.md"))) - 3


def test_tech_docs_site_each_owner_gets_their_own_list(run_cli) -> None:
    report = _check(run_cli, FIXTURES / "tech-docs", "--select", "F")
    by_owner: dict[str, set[str]] = {}
    for finding in report["findings"]:
        by_owner.setdefault(finding.get("owner", ""), set()).add(finding["path"].rsplit("/", 1)[-1])
    assert by_owner["#team-sre"] == {"page-on-call.html.md", "scale-workers.html.md", "status-page.html.md"}
    assert "review-a-pull-request.html.md" in by_owner[""]  # a page without owner_slack has no "owner" key
    # Only the F family carries it.
    assert all("owner" not in f for f in _check(run_cli, FIXTURES / "tech-docs", "--select", "S")["findings"])


def test_tech_docs_site_without_the_preset_reads_its_dates_as_misspelt_keys(run_cli, tmp_path: Path) -> None:
    # Without the preset, `last_reviewed_on` is M103's misspelling of lastReviewed: its date still counts,
    # `review_in` does not, so the default two-year cycle applies and only the 2024 page is overdue.
    (tmp_path / "empty.toml").write_text("[review]\ndue-soon-days = 30\n")
    report = _check(run_cli, FIXTURES / "tech-docs", "--config", str(tmp_path / "empty.toml"), "--select", "F")
    found = {(f["code"], f["path"].rsplit("/", 1)[-1]) for f in report["findings"]}
    assert found == {("F001", "contact.html.md"), ("F004", "index.html.md")}
    overdue = next(f for f in report["findings"] if f["code"] == "F001")
    assert "last_reviewed_on 2024-01-01 + biennial cycle (default)" in overdue["message"]
    assert overdue["message"].endswith("update lastReviewed, which this page spells `last_reviewed_on`")


@pytest.mark.parametrize("cycle_text, cycle", [("6 months", relativedelta(months=6)), ("26 weeks", relativedelta(weeks=26))])
def test_hugo_site_expired_pages_with_a_configured_cycle(run_cli, tmp_path: Path, cycle_text: str, cycle) -> None:
    root = FIXTURES / "hugo"
    config = tmp_path / "hugo.toml"
    config.write_text(f'[fields]\npreset = "hugo"\n\n[review]\ndefault-cycle = "{cycle_text}"\n')
    expected = hugo_expired(root, dt.date.fromisoformat(TODAY), cycle)
    report = _check(run_cli, root, "--config", str(config))
    assert {f["path"] for f in report["findings"] if f["code"] == "F001"} == expected
    assert 3 <= len(expected) <= 8
    assert not any(f["code"].startswith("M") for f in report["findings"])  # lastmod timestamps are dates


def test_hugo_site_uses_its_own_config_file(run_cli) -> None:
    root = FIXTURES / "hugo"
    expected = hugo_expired(root, dt.date.fromisoformat(TODAY), relativedelta(months=6))
    assert {f["path"] for f in _check(run_cli, root)["findings"] if f["code"] == "F001"} == expected


def test_report_and_calendar_group_reviews_by_owner(run_cli, tmp_path: Path) -> None:
    report, calendar = tmp_path / "audit.md", tmp_path / "reviews.ics"
    result = run_cli("report", ".", "--today", TODAY, "-o", str(report), "--calendar", str(calendar),
                     cwd=FIXTURES / "tech-docs")
    assert result.code == 1 and "13 review dates" in result.err  # errors found: exit 1, files written
    text = report.read_text(encoding="utf-8")
    assert "### By owner" in text
    (sre,) = [line for line in text.splitlines() if line.startswith("| \\#team-sre |")]
    assert "Page the on-call engineer (review overdue by 1 day)" in sre and "| 3 | 2 | 1 | 0 |" in sre
    ics = calendar.read_text(encoding="utf-8").replace("\r\n ", "")
    assert "CATEGORIES:#team-sre" in ics
    assert "Owner: #team-sre" in ics
    assert "record the new last_reviewed_on date" in ics and "lastReviewed" not in ics


def test_report_without_owners_has_no_owner_section(run_cli, corpus) -> None:
    root = corpus({"a.md": front_matter() + BODY})
    result = run_cli("report", ".", "--today", TODAY, "-o", "audit.md", cwd=root)
    assert result.code == 0, result.err
    assert "By owner" not in (root / "audit.md").read_text(encoding="utf-8")


def test_explain_names_the_projects_fields(run_cli) -> None:
    result = run_cli("explain", "F001", cwd=FIXTURES / "tech-docs")
    assert "the last-review field (`lastReviewed` by default)" in result.out
    assert "preset tech-docs): `lastReviewed` is `last_reviewed_on`; `reviewFrequency` is `review_in`" in result.out


def test_explain_without_a_mapping_adds_nothing(run_cli, corpus) -> None:
    result = run_cli("explain", "F001", cwd=corpus({"a.md": "x"}))
    assert result.code == 0 and "In this project" not in result.out


def test_baseline_subjects_speak_of_the_mapped_field(run_cli, tmp_path: Path) -> None:
    page = tech_docs(last_reviewed_on="2026-10-01", review_in="1 year") + "\nLast reviewed: 3 March 2026\n"
    (finding,) = [f for f in lint_text(page, TD) if f.code == "F005"]
    assert finding.subject == "last_reviewed_on"


@pytest.mark.parametrize(
    "fields, words",
    [
        (FieldMap(), "add a `---` block with title, url, source, lastReviewed and the other required fields"),
        (TECH_DOCS, "add a `---` block with title, last_reviewed_on and review_in"),
        (FieldMap(last_reviewed="lastmod", preset="hugo"), "add a `---` block with title and lastmod"),
    ],
)
def test_no_front_matter_names_the_fields_to_add(fields: FieldMap, words: str) -> None:
    (finding,) = [f for f in lint_text(BODY, make_config(fields=fields)) if f.code == "M001"]
    assert finding.message == f"no front matter: {words}"


def test_csv_and_sarif_carry_the_owner(run_cli) -> None:
    import csv
    import io

    root = FIXTURES / "tech-docs"
    rows = list(csv.DictReader(io.StringIO(run_cli("check", ".", "--today", TODAY, "--format", "csv", cwd=root).out)))
    owners = {row["path"].rsplit("/", 1)[-1]: row["owner"] for row in rows if row["code"].startswith("F")}
    assert owners["page-on-call.html.md"] == "#team-sre"
    assert owners["review-a-pull-request.html.md"] == ""  # no owner_slack on that page
    assert all(row["owner"] == "" for row in rows if not row["code"].startswith("F"))
    sarif = json.loads(run_cli("check", ".", "--today", TODAY, "--format", "sarif", cwd=root).out)
    from test_reporters_ci import sarif_validator  # the official SARIF 2.1.0 schema

    sarif_validator().validate(sarif)
    by_file = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].rsplit("/", 1)[-1]: r
               for r in sarif["runs"][0]["results"] if r["ruleId"].startswith("F")}
    assert by_file["page-on-call.html.md"]["properties"] == {"owner": "#team-sre"}
    assert "properties" not in by_file["review-a-pull-request.html.md"]
