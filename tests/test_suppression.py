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
        ("Body\n\n`<!-- contentlint-disable-next-line F001 -->` is how\nLast reviewed: 1 May 2019\n", {"M001"}),
    ],
    ids=["none", "plain-comment", "block-to-end", "file", "next-line", "other-code", "next-line-all", "closed-block", "family-block", "comment-inline"],
)
def test_suppressions(text: str, expected: set[str]) -> None:
    assert {f.code for f in lint_text(text) if f.code[0] in "MF"} == expected
