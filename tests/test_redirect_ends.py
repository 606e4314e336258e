"""Where a link's redirects end: a site's home page or error page (the page is gone), or a sign-in page."""

from __future__ import annotations

import pytest

from contentlint.analysis.redirect_ends import is_error_page, is_home, sent_home, sent_to_error_page, sent_to_sign_in

HOME = [
    # (path, the old address's path, whether it is a home page)
    ("", "", True),
    ("/", "", True),
    ("/index.html", "", True),
    ("/Default.aspx", "", True),
    ("/home", "", True),
    ("/en/", "/en/old-page", True),
    ("/en-gb/index.html", "/en-GB/leaflets/x", True),
    ("/en/", "/fr/old-page", False),  # another language's part of the site
    ("/en/", "/old-page", False),
    ("/hr", "/careers/old", False),
    ("/qa/", "/qa/old", False),  # not a language Python knows
    ("/news/", "", False),
    ("/home-page", "", False),
    ("/index.html/more", "", False),
]


@pytest.mark.parametrize(("path", "old_path", "home"), HOME)
def test_is_home(path: str, old_path: str, home: bool) -> None:
    assert is_home(path, old_path) is home


SENT_HOME = [
    ("https://www.example.org/leaflets/x", "https://www.example.org/", True),
    ("http://www.example.org/leaflets/x", "https://example.org/", True),  # the same site without www.
    ("https://old.example.org/x", "https://www.example.org/", True),
    ("https://www.example.org/en/x", "https://www.example.org/en/", True),
    ("https://www.example.org/", "https://www.example.org/", False),  # it was the home page
    ("https://www.example.org/index.html", "https://www.example.org/", False),
    ("https://www.example.org/?p=12", "https://www.example.org/", False),  # a page by its query: not judged
    ("https://bit.ly/3abc", "https://www.example.org/", False),  # another site's home page
    ("https://doi.org/10.1000/1", "https://journal.example.com/", False),
    ("https://www.example.org/x", "https://www.example.org/leaflets/", False),
    ("https://www.example.org/x", "http://[::1", False),
]


@pytest.mark.parametrize(("old", "new", "home"), SENT_HOME)
def test_sent_home(old: str, new: str, home: bool) -> None:
    assert sent_home(old, new) is home


SIGN_IN = [
    ("https://example.org/members", "https://example.org/account/login?next=/members", True),
    ("https://example.org/members", "https://sso.example.org/sso/start", True),
    ("https://example.org/members", "https://example.org/gate?redirect=/oauth2/authorize", True),
    ("https://example.org/login", "https://example.org/login/", False),  # the link names a sign-in page
    ("https://example.org/members?from=sso", "https://example.org/x?via=sso", False),
    ("https://example.org/authors", "https://example.org/authors/", False),
    ("https://example.org/catalogue", "https://example.org/catalogue/", False),
    ("https://example.org/x", "http://[::1", False),
]


@pytest.mark.parametrize(("old", "new", "sign_in"), SIGN_IN)
def test_sent_to_sign_in(old: str, new: str, sign_in: bool) -> None:
    assert sent_to_sign_in(old, new) is sign_in


ERROR_PAGES = [
    # (path, query, whether it is a "page not found" or error page)
    ("/404.html", "", True),
    ("/errors/404/", "", True),
    ("/en/404/index.html", "", True),
    ("/page-not-found", "", True),
    ("/PageNotFound.aspx", "", True),
    ("/content/404_error.php", "", True),
    ("/Error.aspx", "aspxerrorpath=/leaflets/x", True),
    ("/404.aspx", "404;http://www.example.org:80/leaflets/x", True),  # IIS
    ("/error", "", True),
    ("/errors", "", False),  # a page about errata, or a list of them
    ("/news/errors-in-trials", "", False),
    ("/terror", "", False),
    ("/404-guide/x", "", False),
    ("/x", "aspxerrorpaths=1", False),
    ("/", "", False),
]


@pytest.mark.parametrize(("path", "query", "error"), ERROR_PAGES)
def test_is_error_page(path: str, query: str, error: bool) -> None:
    assert is_error_page(path, query) is error


SENT_TO_ERROR = [
    ("https://www.example.org/leaflets/x", "https://www.example.org/404.html", True),
    ("https://www.example.org/leaflets/x", "https://www.example.org/Error.aspx?aspxerrorpath=/leaflets/x", True),
    ("https://old.example.org/x", "https://www.example.org/page-not-found/", True),
    ("https://www.example.org/404", "https://www.example.org/404/", False),  # the link names the error page
    ("https://www.example.org/x", "https://www.example.org/x/", False),
    ("https://www.example.org/x", "http://[::1", False),
]


@pytest.mark.parametrize(("old", "new", "error"), SENT_TO_ERROR)
def test_sent_to_error_page(old: str, new: str, error: bool) -> None:
    assert sent_to_error_page(old, new) is error
