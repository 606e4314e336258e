"""TOML front matter (Hugo's `+++` blocks): fields, dates as text, positions, errors, and the review rules on it."""

from __future__ import annotations

import pytest

from conftest import lint_text, make_config
from contentlint.document.field_syntax import NO_VALUE, field_text
from contentlint.document.frontmatter_toml import load_toml_front_matter
from contentlint.document.reading import parse_document
from contentlint.model.settings import FieldMap

HUGO = (
    "+++\n"
    'title = "Radiotherapy for breast cancer"\n'
    "# the last review, by the ward team\n"
    "lastmod = 2024-01-02\n"
    '"date" = 2023-05-06T10:00:00Z\n'
    "tags = [\"radiotherapy\", 2024-01-02]\n"
    "[params]\n"
    'owner = "ward"\n'
    "+++\n"
    "\n"
    "# Radiotherapy\n"
    "\n"
    "Radiotherapy uses radiation to destroy cancer cells.\n"
)


def test_fields_are_read_and_dates_stay_text() -> None:
    doc = parse_document(HUGO)
    assert doc.has_front_matter and doc.front_matter_error is None
    assert doc.metadata == {
        "title": "Radiotherapy for breast cancer",
        "lastmod": "2024-01-02",
        "date": "2023-05-06T10:00:00+00:00",
        "tags": ["radiotherapy", "2024-01-02"],
        "params": {"owner": "ward"},
    }
    assert doc.body.startswith("\n# Radiotherapy") and doc.body_first_line == 10


@pytest.mark.parametrize(
    ("key", "position"),
    [("title", (2, 1)), ("lastmod", (4, 1)), ("date", (5, 1)), ("params", (7, 1)), ("owner", (2, 1)), ("absent", (2, 1))],
)
def test_keys_have_their_file_lines(key: str, position: tuple[int, int]) -> None:
    # A key inside a table, or one not there, falls back to the front matter's first line.
    assert parse_document(HUGO).key_position(key) == position


def test_keys_after_values_that_span_lines_keep_their_lines() -> None:
    text = (
        '+++\ntitle = "x"\nnums = [\n  [1, 2],\n  [3]\n]\nabout = """\nfake = 1\n"""\n'
        "lastmod = 2024-01-02\n[params]\nowner = 'a'\n+++\n\nText.\n"
    )
    document = parse_document(text)
    assert document.metadata["nums"] == [[1, 2], [3]] and "fake" not in document.metadata
    assert [document.key_position(key) for key in ("lastmod", "params", "fake")] == [(10, 1), (11, 1), (2, 1)]


def test_value_positions_point_at_the_value() -> None:
    assert parse_document(HUGO).yaml_position(("lastmod",)) == (4, 11)


@pytest.mark.parametrize(
    ("text", "code", "line", "words"),
    [
        ('+++\ntitle = "Chemo\nlastmod = 2024-01-02\n+++\n\nText.\n', "M002", 2, "not valid TOML"),
        ("+++\ntitle = 'x'\ntitle = 'y'\n+++\n\nText.\n", "M003", 3, "key `title` is repeated (first on line 2)"),
        ("+++\ntitle = 'x'\n\nText with no closing line.\n", "M002", 1, "never closed: add a `+++` line"),
        ("+++\n" + "a = 'x'\n" * 40_000 + "+++\n\nText.\n", "M002", 2, "over the 256 KiB limit"),
        ("+++\nx = " + "[" * 50_000 + "]" * 50_000 + "\n+++\n\nText.\n", "M002", 2, "nested too deeply"),
    ],
    ids=["unterminated-string", "repeated-key", "never-closed", "too-large", "deep-nesting"],
)
def test_broken_toml_is_one_finding_with_its_line(text: str, code: str, line: int, words: str) -> None:
    findings = [f for f in lint_text(text) if f.code.startswith("M00")]
    assert [(f.code, f.line) for f in findings] == [(code, line)]
    assert words in findings[0].message


TOML_HEAD = '+++\ntitle = "Radiotherapy"\nsource = "NCI"\nlastmod = 2024-01-02\n'


@pytest.mark.parametrize(
    ("front", "words", "line", "column"),
    [
        (TOML_HEAD.replace('source = "NCI"', "source = NCI"), 'a text value must be in double quotes: source = "NCI"', 3, 10),
        (TOML_HEAD.replace('source = "NCI"', 'source: "NCI"'),
         "TOML writes `name = value`, and this line has a colon (`name: value` is YAML", 3, 7),
        (TOML_HEAD.replace('source = "NCI"', 'source = "NCI'), "the quote that opens this value is not closed on its line", 3, 10),
        (TOML_HEAD.replace('source = "NCI"', "source = 'It's NCI'"), "a value in single quotes cannot hold an apostrophe", 3, 10),
        (TOML_HEAD.replace('source = "NCI"', 'source = "The "NCI" pages"'), 'a " inside a double-quoted value is written', 3, 10),
        (TOML_HEAD.replace("2024-01-02", "2024-13-02"), "2024-13-02 is not a day on the calendar", 4, 11),
        (TOML_HEAD.replace('source = "NCI"', "source = [NCI"), "Invalid value", 3, 11),  # the parser's words
    ],
    ids=["unquoted-text", "colon", "unclosed-quote", "apostrophe-in-single-quotes",
         "quote-in-double-quotes", "impossible-date", "not-explained"],
)
def test_broken_toml_is_explained_where_it_is(front: str, words: str, line: int, column: int) -> None:
    [finding] = [f for f in lint_text(front + "+++\n\nText.\n") if f.code == "M002"]
    assert finding.message.startswith("front matter is not valid TOML: ")
    assert words in finding.message
    assert (finding.line, finding.column) == (line, column)


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (HUGO.replace("\n", "\r\n").encode(), "2024-01-02"),
        (b"\xef\xbb\xbf" + HUGO.encode(), "2024-01-02"),
        (HUGO.replace("+++\n", "+++  \n", 1).encode(), "2024-01-02"),
        (("\n" + HUGO).encode(), None),  # not on the first line: text, as Hugo reads it
        (b"+++\n+++\n\nText.\n", None),
    ],
    ids=["crlf", "bom", "trailing-spaces", "not-first-line", "empty"],
)
def test_front_matter_is_found_as_hugo_finds_it(data: bytes, expected: str | None) -> None:
    assert parse_document(data).metadata.get("lastmod") == expected


def test_the_hugo_preset_schedules_reviews_from_toml_lastmod() -> None:
    config = make_config(fields=FieldMap(last_reviewed="lastmod", preset="hugo"))
    overdue = [f for f in lint_text(HUGO, config) if f.code == "F001"]
    assert [(f.line, f.column) for f in overdue] == [(4, 1)]
    assert "lastmod 2024-01-02" in overdue[0].message
    assert not [f for f in lint_text(HUGO.replace("2024-01-02", "2026-06-01", 1), config) if f.code == "F001"]


def test_a_misspelt_toml_key_is_renamed_in_place() -> None:
    text = HUGO.replace("title =", "titel =", 1)
    m103 = [f for f in lint_text(text) if f.code == "M103" and "titel" in f.message]
    assert [(f.line, f.column) for f in m103] == [(2, 1)]
    (edit,) = m103[0].fix.edits
    assert text[edit.start:edit.end] == "titel" and edit.replacement == "title"


# Messages that quote or suggest a front-matter field write it as the document does.

TEXT = "\n# Radiotherapy\n\nRadiotherapy uses radiation to destroy cancer cells in the body.\n"
LINKED = "\n# Radiotherapy\n\nSee [the guide](/conditions/radiotherapy/), by the National Cancer Institute.\n"
NHS = "https://www.nhs.uk/conditions/radiotherapy/"


def yaml_page(body: str = TEXT, **fields: str) -> str:
    return "---\n" + "".join(f"{key}: {value}\n" for key, value in fields.items()) + "---\n" + body


def toml_page(body: str = TEXT, **fields: str) -> str:
    return "+++\n" + "".join(f"{key} = {value}\n" for key, value in fields.items()) + "+++\n" + body


@pytest.mark.parametrize(
    ("code", "text", "quoted"),
    [
        ("S004", yaml_page(title="Radiotherapy"), "add `url:` and `source:` so that"),
        ("S004", toml_page(title='"Radiotherapy"'), 'add `url = "..."` and `source = "..."` so that'),
        ("S005", yaml_page(title="Radiotherapy", url=NHS, source="NCI"), "`source: NCI` names NCI, but the url is on www.nhs.uk"),
        ("S005", toml_page(title='"Radiotherapy"', url=f'"{NHS}"', source='"NCI"'), '`source = "NCI"` names NCI, but'),
        ("L006", yaml_page(LINKED, title="Radiotherapy"), "add `url:` or make the link absolute"),
        ("L006", toml_page(LINKED, title='"Radiotherapy"'), 'add `url = "..."` or make the link absolute'),
        ("F003", yaml_page(title="Radiotherapy", lastReviewed="2027-02-01"), '(front matter: "lastReviewed: 2027-02-01")'),
        ("F003", toml_page(title='"Radiotherapy"', lastReviewed="2027-02-01"), '(front matter: "lastReviewed = 2027-02-01")'),
        ("F003", toml_page(title='"Radiotherapy"', lastReviewed='"Dec 30, 2062"'),
         '(front matter: `lastReviewed = "Dec 30, 2062"`, read as 2062-12-30)'),
        ("M001", "\n" + yaml_page(title="Radiotherapy"), "delete the blank line before its `---`, or other tools"),
        ("M001", "\n\n" + toml_page(title='"Radiotherapy"'), "delete the 2 blank lines before its `+++`, or other tools"),
        ("M001", "  " + toml_page(title='"Radiotherapy"'), "delete the spaces before its `+++`, or other tools"),
        # Not TOML between the `+++` lines: a page without front matter, asked for a `---` block.
        ("M001", "\n+++\nNot a field.\n+++\n" + TEXT, "no front matter: add a `---` block with title"),
    ],
    ids=["S004-yaml", "S004-toml", "S005-yaml", "S005-toml", "L006-yaml", "L006-toml", "F003-yaml", "F003-toml",
         "F003-toml-string", "M001-yaml", "M001-toml", "M001-toml-spaces", "M001-not-toml"],
)
def test_messages_write_fields_as_the_front_matter_does(code: str, text: str, quoted: str) -> None:
    (message,) = [f.message for f in lint_text(text) if f.code == code]
    assert quoted in message


def test_misplaced_toml_front_matter_stays_text() -> None:
    document = parse_document("\n" + toml_page(title='"Radiotherapy"'))
    assert (document.front_matter_misplaced, document.front_matter_format) == ("the blank line", "toml")
    assert not document.has_front_matter and document.metadata == {} and document.front_matter_first_line == 2


@pytest.mark.parametrize(
    ("syntax", "key", "value", "expected"),
    [
        ("yaml", "url", NO_VALUE, "url:"),
        ("toml", "url", NO_VALUE, 'url = "..."'),
        ("yaml", "source", "NCI", "source: NCI"),
        ("toml", "source", "NCI", 'source = "NCI"'),
        ("toml", "title", 'Say "no" \\ stop\n', 'title = "Say \\"no\\" \\\\ stop\\n"'),
        ("toml", "title", "Lenalidomide: café\x7f", 'title = "Lenalidomide: café\\u007f"'),
        ("toml", "lastmod", "2024-01-02", "lastmod = 2024-01-02"),  # the reader's text of a TOML date
        ("toml", "date", "2023-05-06T10:00:00+00:00", "date = 2023-05-06T10:00:00+00:00"),
        ("toml", "lastmod", "Jan 2, 2024", 'lastmod = "Jan 2, 2024"'),
        ("toml", "lastmod", "2024-01-02 or so", 'lastmod = "2024-01-02 or so"'),
        ("toml", "draft", False, "draft = false"),
        ("toml", "weight", 10, "weight = 10"),
        ("toml", "review date", "2024-01-02", '"review date" = 2024-01-02'),
        ("yaml", "review date", "2024-01-02", "review date: 2024-01-02"),
    ],
)
def test_field_text(syntax: str, key: str, value: object, expected: str) -> None:
    written = field_text(syntax, key, value)
    assert written == expected
    if syntax == "toml" and value is not NO_VALUE:  # and the TOML reader reads the value back
        assert load_toml_front_matter(written).data == {key: value}
