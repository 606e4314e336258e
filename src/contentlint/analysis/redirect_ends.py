"""Where a link's redirects end, read for what it says about the page linked to.

A site that removes a page often sends its old address to the home page or to its "page not
found" page, and a page that now needs an account sends readers to a sign-in page. Each answers
200 in the end, so a plain link check passes, but the reader never finds what the link promised.
"""

from __future__ import annotations

import locale
import re
from urllib.parse import unquote, urlsplit

from contentlint.net.addresses import same_site

# A sign-in page: where a site sends every old address once a page needs an account.
_SIGN_IN = re.compile(r"(^|[/_.=-])(log-?in|log-?on|sign-?in|sso|auth|oauth2?|saml|cas|idp)([/_.?=&-]|$)")
# The last part of a home page's path: "/index.html", "/default.aspx", "/home".
_INDEX_PAGE = re.compile(r"(index|default|home)(\.[a-z0-9]+)?", re.IGNORECASE)
# A language's part of a path ("/en/", "/fr-ca/"): the two-letter codes Python's locale tables know.
_LANGUAGES = frozenset(code for code in locale.locale_alias if len(code) == 2 and code.isalpha())
_LANGUAGE_PART = re.compile(r"([a-z]{2})(?:[-_][a-z]{2,4})?", re.IGNORECASE)


def _parts(path: str) -> list[str]:
    return [part for part in unquote(path).split("/") if part]


def _page_parts(path: str) -> list[str]:
    """The parts of a path, without a last part that only names an index page ("index.html")."""
    parts = _parts(path)
    if parts and _INDEX_PAGE.fullmatch(parts[-1]):
        parts.pop()
    return parts


def _language(part: str) -> bool:
    match = _LANGUAGE_PART.fullmatch(part)
    return match is not None and match.group(1).lower() in _LANGUAGES


def is_home(path: str, old_path: str = "") -> bool:
    """Whether ``path`` is a site's home page: "/", "/index.html", "/home"; or a language's home
    ("/en/") when the old address was in that language's part of the site ("/en/old-page")."""
    parts = _page_parts(path)
    if len(parts) == 1 and _language(parts[0]):
        old = _parts(old_path)
        return bool(old) and old[0].lower() == parts[0].lower()
    return not parts


def sent_home(old_url: str, new_url: str) -> bool:
    """Whether a link to a page of a site (not its home page) ends on that site's home page."""
    try:
        old, new = urlsplit(old_url), urlsplit(new_url)
    except ValueError:
        return False
    same = same_site(old.hostname or "", new.hostname or "")
    return same and not is_home(old.path) and is_home(new.path, old.path)


def sent_to_sign_in(old_url: str, new_url: str) -> bool:
    """Whether a link ends on a sign-in page that the link itself did not name."""
    try:
        old, new = urlsplit(old_url), urlsplit(new_url)
    except ValueError:
        return False
    if _SIGN_IN.search(old.path.lower()):
        return False
    return bool(_SIGN_IN.search(new.path.lower())) or (
        bool(_SIGN_IN.search(new.query.lower())) and not _SIGN_IN.search(old.query.lower())
    )


# The last part of an error page's path, lower case, its extension and `-`/`_` dropped: "/404.html",
# "/errors/404/", "/page-not-found", "/Error.aspx", "/404.aspx?404;http://…" (IIS).
_ERROR_PAGES = frozenset((
    "404", "404error", "error404", "404page", "page404", "notfound", "pagenotfound", "filenotfound",
    "404notfound", "error", "errorpage",
))
_SEPARATOR = re.compile(r"[-_]")
# ASP.NET's custom errors name the page that failed in the query: "/Error.aspx?aspxerrorpath=/old".
_ERROR_QUERY = re.compile(r"(^|&)aspxerrorpath=", re.IGNORECASE)


def is_error_page(path: str, query: str = "") -> bool:
    """Whether ``path`` (and ``query``) is a site's "page not found" or error page."""
    parts = _page_parts(path)
    if not parts:
        return False
    last = _SEPARATOR.sub("", parts[-1].rsplit(".", 1)[0].lower())
    return last in _ERROR_PAGES or bool(_ERROR_QUERY.search(query))


def sent_to_error_page(old_url: str, new_url: str) -> bool:
    """Whether a link ends on an error page ("/404.html", "/page-not-found") that it did not name."""
    try:
        old, new = urlsplit(old_url), urlsplit(new_url)
    except ValueError:
        return False
    return is_error_page(new.path, new.query) and not is_error_page(old.path, old.query)
