"""M001-M103: front matter presence, parsing and schema validation."""

from __future__ import annotations

import pytest

from conftest import front_matter, lint_text, make_config
from contentlint.model.settings import FieldMap

BODY = "\n# Radiotherapy\n\nRadiotherapy uses high-energy rays to treat cancer.\n"


def metadata_findings(text: str) -> list[tuple[str, int, str]]:
    return [(f.code, f.line, f.message) for f in lint_text(text) if f.code.startswith("M")]


CASES = [
    # (id, document, expected M codes)
    ("clean", front_matter() + BODY, set()),
    ("clean-optional-fields", front_matter(audienceLevel="patient", tags="[treatment, radiotherapy]", version="v2.1") + BODY, set()),
    ("unquoted-date-counts", front_matter(lastReviewed="2026-10-01") + BODY, set()),
    ("language-with-region", front_matter(language="en-GB") + BODY, set()),
    ("no-front-matter", "# Radiotherapy\n\nText.\n", {"M001"}),
    ("horizontal-rule-later-is-not-front-matter", "# Title\n\n---\n\nText.\n", {"M001"}),
    ("blank-line-before-front-matter", "\n" + front_matter() + BODY, {"M001"}),
    ("blank-lines-before-front-matter", "\n \n\n" + front_matter() + BODY, {"M001"}),
    ("indented-front-matter", "".join(" " + line for line in front_matter().splitlines(True)) + BODY, {"M001"}),
    ("rule-paragraph-rule-is-not-front-matter", "\n---\n\nJust a paragraph.\n\n---\n" + BODY, {"M001"}),
    ("front-matter-without-opening", front_matter()[4:] + BODY, {"M001"}),  # its fields read: no M101
    ("fields-without-title-are-text", "Note: read first\nWarning: take care\n---\n" + BODY, {"M001"}),
    ("fields-with-a-blank-line-are-text", "title: Radiotherapy\n\nurl: https://www.nhs.uk/a\n---\n" + BODY, {"M001"}),
    ("unterminated", "---\ntitle: Radiotherapy\nurl: https://www.nhs.uk/a\n\n# Radiotherapy\n", {"M002"}),
    ("yaml-syntax-error", "---\ntitle: Lenalidomide: what to expect\n---\nText\n", {"M002"}),
    ("bad-indentation", "---\ntitle: a\n  url: b\n---\nText\n", {"M002"}),
    ("list-not-mapping", "---\n- title\n- url\n---\nText\n", {"M003"}),
    ("scalar-not-mapping", "---\njust a string\n---\nText\n", {"M003"}),
    ("repeated-key", front_matter().replace("status: active\n", "status: active\nstatus: draft\n") + BODY, {"M003"}),
    ("missing-required", front_matter(lastReviewed=None) + BODY, {"M101"}),
    ("missing-several", front_matter(lastReviewed=None, language=None) + BODY, {"M101"}),
    ("bad-enum", front_matter(reviewFrequency="yearly") + BODY, {"M102"}),
    ("status-no-is-false", front_matter(status="no") + BODY, {"M102"}),
    ("impossible-date", front_matter(lastReviewed="2026-13-45") + BODY, {"M102"}),
    ("date-wrong-form", front_matter(lastReviewed="'12/03/2026'") + BODY, {"M102"}),
    ("relative-url", front_matter(url="/types/breast") + BODY, {"M102"}),
    ("non-http-url", front_matter(url="ftp://files.cancer.gov/a") + BODY, {"M102"}),
    ("bad-language", front_matter(language="english") + BODY, {"M102"}),
    ("empty-title", front_matter(title="''") + BODY, {"M102"}),
    ("title-number", front_matter(title="2026") + BODY, {"M102"}),
    ("bad-version", front_matter(version="1.0") + BODY, {"M102"}),
    ("tags-not-list", front_matter(tags="treatment") + BODY, {"M102"}),
    ("bad-source-type", front_matter(sourceType="NCI core") + BODY, {"M102"}),
    ("unknown-field", front_matter(lastreviewed="2026-01-01") + BODY, {"M103"}),
    ("unknown-field-far", front_matter(colour="blue") + BODY, {"M103"}),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_metadata_rules(text: str, expected: set[str]) -> None:
    assert {code for code, _, _ in metadata_findings(text)} == expected


@pytest.mark.parametrize(
    ("before", "line", "says"),
    [("\n", 2, "delete the blank line"), ("\n\n\n", 4, "delete the 3 blank lines"), ("  ", 1, "delete the spaces")],
)
def test_misplaced_front_matter_is_one_finding_and_still_read(before: str, line: int, says: str) -> None:
    """One clear M001, and the fields are read: no 'no review date', no 'cannot resolve' per link."""
    text = before + front_matter(lastReviewed="'2020-01-01'") + "\n# Radiotherapy\n\n[a](/x) and [b](/y) explain how radiotherapy uses rays to treat cancer.\n"
    findings = lint_text(text)
    (m001,) = [f for f in findings if f.code == "M001"]
    assert m001.line == line
    assert m001.message.startswith(f"front matter must start on the first line: {says} before its `---`")
    assert {f.code for f in findings} == {"M001", "F001"}


@pytest.mark.parametrize(
    ("text", "says"),
    [
        (front_matter(lastReviewed="'2020-01-01'")[4:], "front matter has no opening `---`: add a `---` line above line 1"),
        ("Note: read first\nlastReviewed: '2020-01-01'\n---\n", "no front matter: add a `---` block"),  # no title
        ("title: Radiotherapy\n\nlastReviewed: '2020-01-01'\n---\n", "no front matter: add a `---` block"),
    ],
)
def test_fields_that_lost_their_opening_fence_are_read(text: str, says: str) -> None:
    """A `title` among fields from line 1 to a `---` line: one M001 that asks for the fence, and
    the fields read (the overdue review found); anything else stays text (no review date)."""
    findings = lint_text(text + "\n# Radiotherapy\n\nRadiotherapy uses high-energy rays to treat cancer cells.\n")
    (m001,) = [f for f in findings if f.code == "M001"]
    assert (m001.line, m001.message[:len(says)]) == (1, says)
    read = m001.message.startswith("front matter has no opening")
    assert ("F001" in {f.code for f in findings}) == read
    assert ("F004" in {f.code for f in findings}) == (not read)


def test_yaml_error_points_at_the_file_line() -> None:
    text = "---\ntitle: ok\nurl: https://www.nhs.uk/a\nsource: [unclosed\n---\nText\n"
    (code, line, message), = metadata_findings(text)
    assert code == "M002"
    assert line in (4, 5)
    assert "not valid YAML" in message


def test_unterminated_front_matter_is_reported_not_treated_as_body() -> None:
    (code, line, message), = metadata_findings("---\ntitle: x\n\nSome text\n")
    assert (code, line) == ("M002", 1)
    assert "never closed" in message


def test_repeated_key_names_both_lines() -> None:
    text = front_matter().replace("status: active\n", "status: active\nstatus: draft\n") + BODY
    (code, line, message), = metadata_findings(text)
    assert code == "M003"
    assert line == 9
    assert "`status` is repeated (first on line 8)" in message


def test_missing_fields_one_finding_each() -> None:
    found = metadata_findings(front_matter(lastReviewed=None, language=None) + BODY)
    assert sorted(m for _, _, m in found) == [
        "required field `language` is missing",
        "required field `lastReviewed` is missing",
    ]


def test_status_no_hint_says_quote_it() -> None:
    (_, line, message), = metadata_findings(front_matter(status="no") + BODY)
    assert line == 8
    assert "`status` is false" in message
    assert "allowed: active, draft, deprecated, archived" in message
    assert "quote it" in message


def test_invalid_date_message_names_field_value_and_form() -> None:
    (_, line, message), = metadata_findings(front_matter(lastReviewed="2026-13-45") + BODY)
    assert line == 6
    assert "`lastReviewed` is '2026-13-45', not a valid date (YYYY-MM-DD" in message


@pytest.mark.parametrize("written", ["'30/12/2023'", "'Dec 30, 2023'", "'2023/12/30'", "2023-12-30 10:00:00"])
def test_a_date_in_another_form_is_one_m102_that_names_the_date_form(written: str) -> None:
    # It breaks both `format: date` and the field's pattern: one value, one finding.
    (found,) = metadata_findings(front_matter(lastReviewed=written) + BODY)
    assert found[0] == "M102" and "not a valid date (YYYY-MM-DD" in found[2]


def test_version_number_hint() -> None:
    (_, _, message), = metadata_findings(front_matter(version="1.0") + BODY)
    assert "as a number: quote it" in message


def test_misspelt_field_gets_suggestion_at_its_line() -> None:
    (code, line, message), = metadata_findings(front_matter(lastreviewed="2026-01-01") + BODY)
    assert (code, line) == ("M103", 10)
    assert "did you mean `lastReviewed`?" in message


@pytest.mark.parametrize(("written", "fits"), [("'2026-01-01'", True), ("soon", False)])
def test_suggestion_says_when_the_value_is_not_valid_in_the_field(written: str, fits: bool) -> None:
    found = metadata_findings(front_matter(lastReviewed=None, lastreviewed=written) + BODY)
    (message,) = [message for code, _, message in found if code == "M103"]
    assert "did you mean `lastReviewed`?" in message
    assert message.endswith("(its value is not valid there)") != fits


def test_nested_value_error_points_at_list_item() -> None:
    text = front_matter(tags="\n  - treatment\n  - 42") + BODY
    (code, line, message), = metadata_findings(text)
    assert code == "M102"
    assert "tags[1]" in message
    assert line == 12


def test_alias_bomb_is_refused_quickly() -> None:
    bomb = "---\n" + "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
    for i in range(1, 9):
        bomb += f"{chr(97 + i)}: &{chr(97 + i)} [" + ", ".join([f"*{chr(96 + i)}"] * 10) + "]\n"
    bomb += "---\nText\n"
    found = metadata_findings(bomb)
    assert [c for c, _, _ in found] == ["M002"]
    assert "alias" in found[0][2]


def test_own_schema_from_config(tmp_path) -> None:
    from conftest import make_config

    schema = tmp_path / "s.json"
    schema.write_text('{"type": "object", "required": ["title", "owner"], "properties": {"title": {"type": "string"}}}')
    config = make_config(schema_path=schema)
    found = {(f.code, f.message) for f in lint_text(front_matter() + BODY, config) if f.code.startswith("M")}
    assert found == {("M101", "required field `owner` is missing")}


@pytest.mark.parametrize(
    ("extra", "fields", "message"),
    [
        ("nextReview: 2027-01-10", FieldMap(), "field `nextReview` is not in the schema; to have it read as the date "
         "the next review is due, map it: `next-review = \"nextReview\"` in [tool.contentlint.fields]"),
        ("review_by: 2027-01-10", FieldMap(), "field `review_by` is not in the schema; to have it read as the date "
         "the next review is due, map it: `next-review = \"review_by\"` in [tool.contentlint.fields]"),
        # a field to map, not a misspelling of lastReviewed
        ("reviewer: Ward 4 team", FieldMap(), "field `reviewer` is not in the schema; to have it read as who owns the "
         "page's reviews (named in the review findings), map it: `owner = \"reviewer\"` in [tool.contentlint.fields]"),
        ("reviewDate: 2027-01-10", FieldMap(), "field `reviewDate` is not in the schema"),  # the last review's, or the next's?
        ("nextReview: 2027-01-10", FieldMap(next_review="nextReview"), None),  # mapped: a field of the schema
        ("nextReview: 2027-01-10", FieldMap(next_review="review_by"), "field `nextReview` is not in the schema"),
    ],
)
def test_unknown_field_that_can_be_mapped_says_how(extra: str, fields: FieldMap, message: str | None) -> None:
    text = front_matter()[:-4] + extra + "\n---\n" + BODY
    found = [f.message for f in lint_text(text, make_config(fields=fields)) if f.code == "M103"]
    assert found == ([message] if message else [])
