"""Q023: a website's error page or bot check saved in place of the page, with near misses."""

from __future__ import annotations

import pytest

from conftest import front_matter, lint_text, make_config

ADVICE = (
    "Radiotherapy is given in short daily sessions over a few weeks. Your team will tell you what to "
    "expect and whom to call if you feel unwell at home. "
)
LONG_ADVICE = ADVICE * 30  # about 1,000 words: a page with content

BODY = len(front_matter().splitlines()) + 2  # the first line after front matter and a blank line
READER_HEADER = "Title: {title}\n\nURL Source: https://www.example.org/bowel-cancer/treatment\n\n"


def q023(text: str, path: str = "doc.md", **config: object) -> list[tuple[int, str]]:
    return [(f.line, f.message) for f in lint_text(text, make_config(**config), path) if f.code == "Q023"]


@pytest.mark.parametrize(
    ("text", "line", "kind"),
    [
        # A reader service's header: its note that the fetch failed.
        (READER_HEADER.format(title="Page Not Found | Example Charity")
         + "Warning: Target URL returned error 404: Not Found\n\nMarkdown Content:\nThat page is gone.\n",
         5, '"404: Not Found"'),
        (READER_HEADER.format(title="Just a moment...")
         + "Warning: This page maybe requiring CAPTCHA, please make sure you are authorized to access this page.\n\n"
         "Markdown Content:\n## Performing security verification\n", 5, "check for robots"),
        (READER_HEADER.format(title="Example Charity")
         + "Warning: Target URL returned error 403: Forbidden\n\nMarkdown Content:\nNo entry.\n", 5, "refusal"),
        # Its title line alone.
        (READER_HEADER.format(title="Attention Required! | Cloudflare") + "Markdown Content:\nPlease wait.\n",
         1, "check for robots"),
        (READER_HEADER.format(title="Security Check / Contrôle de sécurité") + "Markdown Content:\nOne moment.\n",
         1, "check for robots"),
        # A title in front matter, or the first heading.
        (front_matter(title='"Page Not Found | Example Cancer Charity"') + "\n" + ADVICE + "\n", 2, "error page"),
        (front_matter(title='"404 - Not found"') + "\nSorry.\n", 2, "error page"),
        (front_matter() + "\n# 404 - Page not found\n\nTry the search box.\n", BODY, "error page"),
        (front_matter() + "\n# Access Denied\n\nYou don't have permission to access \"/lung.html\" on this server.\n\n"
         "Reference #18.5a1c3b17.1700000000.1f2e3d4c\n", BODY, "refusal"),
        (front_matter() + "\n## Oops! Page not found\n\nBack to the home page.\n", BODY, "error page"),
        # The words of one, on a short page.
        (front_matter() + "\nJust a moment...\n\nEnable JavaScript and cookies to continue\n", BODY, "check for robots"),
        (front_matter() + "\nSorry, we can't find that page. It may have been moved or deleted.\n", BODY, "error page"),
        (front_matter() + "\nThe page you are looking for could not be found.\n", BODY, "error page"),
        (front_matter() + "\nThe page you’re looking for doesn’t exist.\n", BODY, "error page"),
        (front_matter() + "\nRequest unsuccessful. Incapsula incident ID: 1234-5678\n", BODY, "check for robots"),
        (front_matter() + "\nVerify you are human by completing the action below.\n", BODY, "check for robots"),
        (front_matter() + "\nCancer information\n\nPage not found\n\nUse the menu to find what you need.\n",
         BODY + 2, "error page"),
        (front_matter() + "\nPlease enable JS and disable any ad blocker\n", BODY, "check for robots"),
        (front_matter() + "\n# Before you continue to YouTube\n\nWe use cookies and data to deliver our services.\n",
         BODY, "consent"),
        (front_matter() + "\nSubscribe to continue reading. Already a subscriber? Sign in.\n", BODY, "subscription page"),
        (front_matter() + "\nRedirecting...\n\nIf you are not redirected automatically, follow [this link]"
         "(https://www.nhs.uk/conditions/flu/).\n", BODY + 2, "notice that the page has moved"),
        (front_matter() + "\nThis page has moved to https://www.nhs.uk/conditions/flu/\n", BODY,
         "notice that the page has moved"),
        (front_matter() + "\n# 403 ERROR\n\nThe request could not be satisfied.\n", BODY, "refusal"),
        (front_matter() + "\nOur systems have detected unusual traffic from your computer network.\n", BODY,
         "check for robots"),
        (front_matter() + "\nAccess to this page has been denied because we believe you are using automation tools.\n",
         BODY, "refusal"),
    ],
)
def test_q023_reports_an_error_page(text: str, line: int, kind: str) -> None:
    ((found_line, message),) = q023(text)
    assert found_line == line and kind in message and "not the page" in message


@pytest.mark.parametrize(
    "text",
    [
        # A long page that quotes the words is a page with content.
        front_matter() + "\n" + LONG_ADVICE + "\n\nPage not found\n\nThe page you are looking for could not be found.\n",
        # Words of the same kind in the page's own sentences.
        front_matter() + "\nSome people feel it is forbidden to talk about cancer at home.\n\n" + ADVICE,
        front_matter() + "\nIf the test says the virus was not found, you do not need treatment.\n\n" + ADVICE,
        front_matter() + "\nChecking your blood pressure at home helps your GP.\n\n" + ADVICE,
        front_matter() + "\n## Human verification of test results\n\n" + ADVICE,
        front_matter() + "\n# Access to your medical records\n\n" + ADVICE,
        front_matter() + "\n# Error messages in the patient portal\n\n" + ADVICE,
        front_matter() + "\nSign in to the NHS App to see your test results.\n\n" + ADVICE,
        front_matter() + "\nThe clinic has moved to the new hospital building.\n\n" + ADVICE,
        front_matter(title='"Page not found with an illustration"') + "\n" + ADVICE,
        front_matter(title='"Medication errors: what to do"') + "\n" + ADVICE,
        # Words in code.
        front_matter() + "\n" + ADVICE + "\n```\nPage not found\nJust a moment...\n```\n",
        # Not a reader service's header: a label in running text, a title that is not an error's.
        READER_HEADER.format(title="Bowel cancer treatment") + "Markdown Content:\n" + ADVICE,
        front_matter() + "\n" + ADVICE + "\nWarning: This page is about radiotherapy, not chemotherapy.\n",
    ],
)
def test_q023_leaves_pages_with_content(text: str) -> None:
    assert q023(text) == []


@pytest.mark.parametrize(
    ("path", "fields"),
    [
        ("content/404.md", {}),
        ("_404.md", {}),
        ("pages/not_found.md", {}),
        ("pages/missing.md", {"permalink": "/404.html"}),
    ],
)
def test_q023_leaves_a_sites_own_error_page(path: str, fields: dict[str, str]) -> None:
    body = "\nSorry, we can't find that page.\n"
    assert q023(front_matter(title='"Page not found"', **fields) + body, path) == []
    # The same page under another name, published at another address, is reported.
    assert q023(front_matter(title='"Page not found"') + body, "pages/bowel-cancer.md") != []


def test_q023_once_per_document_at_the_strongest_sign() -> None:
    text = (READER_HEADER.format(title="Page Not Found") + "Warning: Target URL returned error 410: Gone\n\n"
            "Markdown Content:\n# Page not found\n\nThe page you are looking for could not be found.\n")
    assert q023(text) == [(5, 'the scraper was answered "410: Gone" when it fetched the page: the file holds the '
                              "site's error page, not the page; fetch the page again from its current address, "
                              "or delete the file")]


def test_q023_extendable() -> None:
    text = front_matter() + "\nDiese Seite wurde nicht gefunden.\n"
    assert q023(text) == []
    sections = {"quality": {"extend-error-pages": ["diese seite wurde nicht gefunden"]}}
    assert [line for line, _ in q023(text, sections=sections)] == [BODY]
