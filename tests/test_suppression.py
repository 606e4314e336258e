"""In-document suppression comments."""

from __future__ import annotations

import pytest

from conftest import front_matter, lint_text

OVERDUE = front_matter(lastReviewed="'2020-01-01'")


@pytest.mark.parametrize(
    "text, expected",
    [
        (OVERDUE + "Body\n", {"F001"}),
        (OVERDUE.replace("lastReviewed", "<!-- x -->\nlastReviewed", 0) + "Body\n", {"F001"}),
        ("<!-- contentlint-disable F001 -->\n" + "Body without front matter\n\nLast reviewed: 1 May 2019\n", {"M001"}),
        ("<!-- contentlint-disable-file M001 F -->\nBody\n\nLast reviewed: 1 May 2019\n", set()),
        ("Body\n\n<!-- contentlint-disable-next-line F001 -->\nLast reviewed: 1 May 2019\n", {"M001"}),
        ("Body\n\n<!-- contentlint-disable-next-line Q001 -->\nLast reviewed: 1 May 2019\n", {"M001", "F001"}),
        ("Body\n\n<!-- contentlint-disable-next-line -->\nLast reviewed: 1 May 2019\n", {"M001"}),
        ("Body\n\n<!-- contentlint-disable F001 -->\n\n<!-- contentlint-enable F001 -->\nLast reviewed: 1 May 2019\n", {"M001", "F001"}),
        ("Body\n\n<!-- contentlint-disable F -->\nLast reviewed: 1 May 2019\n<!-- contentlint-enable F -->\n", {"M001"}),
        ("Body\n\n`<!-- contentlint-disable-next-line F001 -->` is how\nLast reviewed: 1 May 2019\n", {"M001", "F001"}),
        # a reason after " -- ", as ESLint's directives take one; dashes within it, or closing the comment
        ("Body\n\n<!-- contentlint-disable-next-line F001 -- reviewed by the ward lead, 2026-11 -->\n"
         "Last reviewed: 1 May 2019\n", {"M001"}),
        ("Body\n\n<!-- contentlint-disable-next-line F001 -- checked -- twice -->\nLast reviewed: 1 May 2019\n", {"M001"}),
        ("Body\n\n<!-- contentlint-disable-next-line M001,F001 --->\nLast reviewed: 1 May 2019\n", {"M001"}),
        ("Body\n\n<!--contentlint-disable-next-line F001-->\nLast reviewed: 1 May 2019\n", {"M001"}),
        # no reason without " -- ": the words are read as codes, and suppress nothing
        ("Body\n\n<!-- contentlint-disable-next-line F001: reviewed -->\nLast reviewed: 1 May 2019\n", {"M001", "F001"}),
    ],
    ids=["none", "plain-comment", "block-to-end", "file", "next-line", "other-code", "next-line-all", "closed-block", "family-block",
         "example-in-code-span", "reason", "reason-with-dashes", "three-dashes-close", "no-spaces", "colon-no-reason"],
)
def test_suppressions(text: str, expected: set[str]) -> None:
    assert {f.code for f in lint_text(text) if f.code[0] in "MF"} == expected


OLD = "lastReviewed: '2020-01-01'\n"
BODY_LINK = "Read the leaflet at http://example.org/leaflet before the visit.\n"


@pytest.mark.parametrize(
    "text, path, expected",
    [
        # Honoured: HTML comments of the body, wherever Markdown puts them
        (OVERDUE + "<!-- contentlint-disable L004 -->\n\n" + BODY_LINK, "doc.md", {"F001"}),
        (OVERDUE + BODY_LINK.rstrip("\n") + " <!-- contentlint-disable-line L004 -->\n", "doc.md", {"F001"}),
        (OVERDUE + "- item\n\n  <!-- contentlint-disable-next-line L004 -->\n  " + BODY_LINK, "doc.md", {"F001"}),
        (OVERDUE + "> <!-- contentlint-disable-next-line L004 -->\n> " + BODY_LINK, "doc.md", {"F001"}),
        (OVERDUE + "<div>\n<!-- contentlint-disable-file L -->\n</div>\n\n" + BODY_LINK, "doc.md", {"F001"}),
        ("Title\n\n" + BODY_LINK.rstrip("\n") + " <!-- contentlint-disable-line L004 -->\n", "page.txt", {"M001", "F004"}),
        # Examples of the syntax in code suppress nothing, and are no Q012
        (OVERDUE + "```html\n<!-- contentlint-disable -->\n```\n\n" + BODY_LINK, "doc.md", {"F001", "L004"}),
        (OVERDUE + "Write:\n\n    <!-- contentlint-disable L004 -->\n\n" + BODY_LINK, "doc.md", {"F001", "L004"}),
        (OVERDUE + "- Write:\n\n  ~~~\n  <!-- contentlint-disable -->\n  ~~~\n\n" + BODY_LINK, "doc.md", {"F001", "L004"}),
        # In the front matter it is no comment: it suppresses nothing, and Q012 says so
        (OVERDUE.replace(OLD, "note: '<!-- contentlint-disable -->'\n" + OLD) + BODY_LINK, "doc.md", {"F001", "L004", "Q012"}),
        (OVERDUE.replace(OLD, "# <!-- contentlint-disable-file F001 -->\n" + OLD) + BODY_LINK, "doc.md", {"F001", "L004", "Q012"}),
        (OVERDUE.replace(OLD, "# <!-- contentlint-enable -->\n" + OLD) + BODY_LINK, "doc.md", {"F001", "L004"}),
    ],
    ids=["html-block-comment", "inline-comment", "in-list-item", "in-block-quote", "inside-html-block", "plain-text",
         "fenced-code", "indented-code", "fenced-code-in-list", "front-matter-value", "front-matter-yaml-comment",
         "front-matter-enable"],
)
def test_only_comments_of_the_body_suppress(text: str, path: str, expected: set[str]) -> None:
    found = {f.code for f in lint_text(text, path=path) if f.code in {"M001", "F001", "F004", "L004", "Q012"}}
    assert found == expected
