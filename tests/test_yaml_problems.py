"""M002 in plain words: what the editor wrote wrong in the front matter, on the line where it is."""

from __future__ import annotations

import pytest
import yaml

from contentlint.document.yaml_problems import describe
from conftest import CLEAN_FRONT_MATTER, lint_text

BODY = "\n# Radiotherapy\n\nRadiotherapy uses high-energy rays to treat cancer.\n"


def written(old: str, new: str) -> str:
    assert old in CLEAN_FRONT_MATTER
    return CLEAN_FRONT_MATTER.replace(old, new, 1)


CASES = [
    # (id, front matter, words in the message, 1-based line and column in the file)
    ("tab-before-a-field", written("source: NCI", "\tsource: NCI"), "a tab character indents this line", 4, 1),
    ("tab-before-a-list-item", written("language: en\n", "language: en\ntags:\n\t- breast\n"),
     "a tab character indents this line", 11, 1),
    ("value-starts-with-at", written("source: NCI", "source: @NCI"),
     'cannot start with "@" in YAML; put the whole value in double quotes: source: "@NCI"', 4, 9),
    ("value-starts-with-backtick", written("source: NCI", "source: `NCI`"), "cannot start with a backtick in YAML", 4, 9),
    ("value-starts-with-percent", written("source: NCI", "source: %NCI"), 'cannot start with "%"', 4, 9),
    ("value-starts-with-star", written("source: NCI", "source: *NCI"),
     '*NCI is read as a YAML alias (a reference to an &anchor), and there is no such anchor; if it is text, '
     'put the whole value in double quotes: source: "*NCI"', 4, 9),
    ("value-starts-with-bang", written("source: NCI", "source: !NCI"), 'starts with "!" is read as a YAML tag', 4, 9),
    ("value-starts-with-dash", written("source: NCI", "source: - NCI"),
     'starts with "- " is read as a list item; put the whole value in double quotes: source: "- NCI"', 4, 9),
    ("value-starts-with-brace", written("source: NCI", "source: {NCI"),
     'starts with "{" is read as a YAML mapping, and this one is not closed', 4, 9),
    ("value-starts-with-bracket", written("source: NCI", "source: [NCI"),
     'starts with "[" is read as a YAML list, and this one is not closed', 4, 9),
    ("colon-in-a-value", written("title: Radiotherapy for breast cancer", "title: Radiotherapy: what to expect"),
     'this value holds ": ", which YAML reads as the start of another field; put the whole value in double '
     'quotes: title: "Radiotherapy: what to expect"', 2, 8),
    ("quote-inside-double-quotes", written("title: Radiotherapy for breast cancer", 'title: "The "short" course"'),
     'text goes on after the closing quote: a " inside a double-quoted value is written \\"', 2, 8),
    ("apostrophe-inside-single-quotes", written("title: Radiotherapy for breast cancer", "title: 'It's radiotherapy'"),
     "an apostrophe inside a single-quoted value is written twice ('It''s')", 2, 8),
    ("quote-left-open-then-another-quote", written("title: Radiotherapy for breast cancer\nurl: https://www.cancer.gov/types/breast/radiotherapy",
     'title: "Radiotherapy\nurl: "https://www.cancer.gov/types/breast/radiotherapy"'),
     "the quote that opens this value is not closed on its line", 2, 8),
    ("quote-never-closed", written("language: en", "language: en\ncitation: 'NCI, 2026"),
     "the quote that opens this value is never closed", 10, 11),
    ("indented-under-a-value", written("url:", "  url:"), "this line is indented under the one above", 3, 3),
    ("indented-under-a-plain-value", "---\ntitle: a\n  url: b\n---\n", "this line is indented under the one above", 3, 3),
    ("list-items-out-of-line", written("language: en\n", "language: en\ntags:\n  - breast\n - radiotherapy\n"),
     "this list item is indented differently from the item above it", 12, 2),
    ("list-item-under-a-field-with-a-value", written("source: NCI", "source: NCI\n- radiotherapy"),
     "this list item belongs to no field (the field above already has its value)", 5, 1),
    ("a-line-of-text", written("source: NCI", "source: NCI\nSee the treatment page"),
     "this line is not `name: value`", 5, 1),
    ("no-space-after-colon", written("source: NCI", "source:NCI"),
     "no space after the colon, so YAML does not read this line as a field; write a space after it (source: …)", 4, 8),
    ("first-field-indented", "---\n  title: a\nurl: b\n---\n", "the first field is indented and this line is not", 3, 1),
    ("anchor-named-twice", written("language: en", "language: en\nx: &a 1\ny: &a 2"),
     "this &anchor has the name of an earlier one", 11, 4),
]


@pytest.mark.parametrize(("front", "words", "line", "column"), [case[1:] for case in CASES], ids=[case[0] for case in CASES])
def test_broken_front_matter_is_explained_where_it_is(front: str, words: str, line: int, column: int) -> None:
    [finding] = [f for f in lint_text(front + BODY) if f.code == "M002"]
    assert finding.message.startswith("front matter is not valid YAML: ")
    assert words in finding.message
    assert (finding.line, finding.column) == (line, column)


def _describe_with(loader: type, front: str) -> tuple[str, int, int]:
    text = front.split("---\n")[1]
    with pytest.raises(yaml.MarkedYAMLError) as caught:
        yaml.load(text, Loader=loader)
    problem = describe(caught.value, text)
    return problem.message, problem.line, problem.column


@pytest.mark.skipif(not hasattr(yaml, "CSafeLoader"), reason="PyYAML built without libyaml")
@pytest.mark.parametrize("front", [case[1] for case in CASES], ids=[case[0] for case in CASES])
def test_the_same_words_without_libyaml(front: str) -> None:
    """PyYAML's own parser words its errors differently from libyaml's; the explanation is the same."""
    assert _describe_with(yaml.SafeLoader, front) == _describe_with(yaml.CSafeLoader, front)


@pytest.mark.parametrize(
    ("front", "words"),
    [
        ("---\ntitle: | a\n---\n", "did not find expected comment or line break"),  # no plainer words for this
        ("---\ntitle: a # b\nurl: x: y\n---\n", "this value holds"),
    ],
)
def test_what_is_not_explained_keeps_the_parsers_words(front: str, words: str) -> None:
    [finding] = [f for f in lint_text(front + BODY) if f.code == "M002"]
    assert words in finding.message
