"""Q024: the header a reader service writes above a page it fetched, left at the top of the body."""

from __future__ import annotations

import pytest

from conftest import front_matter, lint_text

PAGE = "Hair may fall out a few weeks after treatment starts. It grows back after treatment ends.\n"
HEADER = "Title: Hair loss\n\nURL Source: https://www.cancer.gov/hair\n\nMarkdown Content:\n"
BODY = len(front_matter().splitlines()) + 1  # the first line after front matter


def q024(text: str) -> list[tuple[int, str]]:
    return [(f.line, f.message) for f in lint_text(text) if f.code == "Q024"]


@pytest.mark.parametrize(
    ("text", "line", "then"),
    [
        (HEADER + PAGE, 1, "--fix turns it into front matter"),
        ("\n\n" + HEADER + PAGE, 3, "--fix turns it into front matter"),
        ("Title: Hair loss\nURL Source: https://www.cancer.gov/hair\nPublished Time: Thu, 02 May 2024 10:00:00 GMT\n"
         "Description: What to expect\nMarkdown Content:\n" + PAGE, 1, "--fix turns it into front matter"),
        ("URL Source: https://www.cancer.gov/hair\n\nNumber of Pages: 4\n\nMarkdown Content:\n" + PAGE, 1,
         "--fix turns it into front matter"),
        ("Title: Hair loss\n\nURL Source: https://www.cancer.gov/hair\n\nWarning: This is a cached snapshot of the "
         "original page, consider retry with caching opt-out.\n\nMarkdown Content:\n" + PAGE, 1,
         "--fix turns it into front matter"),
        ("Title: Hair loss\nURL Source: https://www.cancer.gov/hair\nImage 1: A nurse with a patient\n"
         "Markdown Content:\n" + PAGE, 1, "--fix turns it into front matter"),
        (front_matter() + HEADER + PAGE, BODY, "--fix --unsafe-fixes deletes it"),
        (front_matter(url=None) + "\n" + HEADER + PAGE, BODY, "add `url: https://www.cancer.gov/hair` to the front matter"),
    ],
)
def test_q024_reports_a_reader_header(text: str, line: int, then: str) -> None:
    ((found_line, message),) = q024(text)
    assert found_line == line and then in message and '"Markdown Content:"' in message


@pytest.mark.parametrize(
    "text",
    [
        PAGE,
        # Lines like a header's, but not one: no "Markdown Content:", prose before it, neither title nor address.
        "Title: Hair loss\n\nURL Source: https://www.cancer.gov/hair\n\n" + PAGE,
        "Title: Hair loss\n\n" + PAGE + "\nMarkdown Content:\n" + PAGE,
        "Published Time: 2024-05-02\n\nMarkdown Content:\n" + PAGE,
        PAGE + "\n" + HEADER + PAGE,  # not at the top
        front_matter() + "\n```\n" + HEADER + "```\n" + PAGE,  # a header quoted in a code block
        # A header that says the fetch failed: the file is an error page (Q023).
        "Title: Hair loss\n\nURL Source: https://www.cancer.gov/hair\n\nWarning: Target URL returned error 404: "
        "Not Found\n\nMarkdown Content:\nGone.\n",
    ],
)
def test_q024_leaves_other_text(text: str) -> None:
    assert q024(text) == []
