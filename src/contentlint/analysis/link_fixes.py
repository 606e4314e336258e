"""Fixes that the link check earns: a permanent redirect's new address (L003), https:// for an
http:// link whose https address answers as it does (L004 with --links), and the page's own
spelling of a section's id (L014).

Each edits only the link's target as written, at the place the finding names; the engine applies
them where the file still says exactly that.
"""

from __future__ import annotations

from urllib.parse import SplitResult, quote, unquote, urldefrag, urlsplit

from contentlint.analysis.redirect_ends import is_home, sent_to_error_page, sent_to_sign_in
from contentlint.model.fixes import Fix, Span
from contentlint.net.outcome import Outcome

PERMANENT = frozenset({301, 308})
_DEFAULT_PORTS = {"http": 80, "https": 443}


def _answered_ok(outcome: Outcome) -> bool:
    return outcome.error is None and outcome.status is not None and 200 <= outcome.status < 300


def _origin(parts: SplitResult) -> tuple[str, int | None]:
    """The host, and the port when it is not the scheme's own (http://a.org and https://a.org are one site)."""
    port = parts.port
    return (parts.hostname or "").rstrip("."), None if port == _DEFAULT_PORTS.get(parts.scheme.lower()) else port


def _same_path(old: str, new: str) -> bool:
    """The same page: equal once decoded, or but for a trailing slash."""
    old, new = unquote(old) or "/", unquote(new) or "/"
    return old == new or old.rstrip("/") == new.rstrip("/")


def redirect_fix(written: str, line: int, column: int, outcome: Outcome) -> Fix | None:
    """The fix for a permanent redirect of the link ``written`` at ``line``:``column``, or None.

    Offered only when the chain starts with 301 or 308 and its end answered 2xx. Safe when every
    hop is permanent and the new address is the same page: the same host (and port), the same path
    but for a trailing slash, the same query, http:// becoming https:// or staying. Unsafe when
    the site says the page moved elsewhere on the site or to another host, or when a temporary
    redirect follows the permanent ones. None when the new address is the site's home page, an
    error page or a sign-in page (the page is gone, or hidden: the old link says more than that).
    The link's fragment is kept.
    """
    hops = outcome.hops
    if not hops or hops[0][1] not in PERMANENT or not _answered_ok(outcome):
        return None
    leading = 0
    while leading < len(hops) and hops[leading][1] in PERMANENT:
        leading += 1
    permanent_only = leading == len(hops)
    target = outcome.final_url if permanent_only else hops[leading][0]
    try:
        old, new = urlsplit(urldefrag(written)[0]), urlsplit(target)
    except ValueError:
        return None
    if new.scheme.lower() not in _DEFAULT_PORTS or not new.hostname:
        return None
    if is_home(new.path, old.path) and not is_home(old.path):
        return None  # sent to the home page: the page is gone
    if sent_to_sign_in(urldefrag(written)[0], target) or sent_to_error_page(urldefrag(written)[0], target):
        return None  # sent to a sign-in page, or an error page
    fragment = urldefrag(written)[1]
    if fragment and new.fragment and new.fragment != fragment:
        return None  # two different places within the page: a person decides
    replacement = target if new.fragment or not fragment else f"{target}#{fragment}"
    if replacement == written:
        return None
    try:
        same_page = (
            _origin(old) == _origin(new)
            and _same_path(old.path, new.path)
            and old.query == new.query
            and (old.scheme.lower() == new.scheme.lower() or new.scheme.lower() == "https")
        )
    except ValueError:  # a port out of range
        return None
    safe = permanent_only and same_page
    where = "the same page's address" if same_page else "the new address"
    return Fix((), f"use {where}, {replacement}", safe, (_span(line, column, written, replacement),))


def https_variant(url: str) -> str | None:
    """The https:// address of an http:// link, or None for any other link."""
    return "https://" + url[len("http://"):] if url[:7].lower() == "http://" else None


def answers_alike(http: Outcome, https: Outcome) -> bool:
    """Both answered, with a status of the same class (both 2xx, or both 4xx ...)."""
    if http.error is not None or https.error is not None or http.status is None or https.status is None:
        return False
    return http.status // 100 == https.status // 100


def from_chain(http: Outcome, variant: str) -> Outcome | None:
    """What the https address answers when the http link's own redirects went through it (most
    http sites send http:// to https://): no request needed then."""
    for index, (url, _status) in enumerate(http.hops):
        if url == variant:
            return Outcome(variant, http.status, http.reason, http.final_url, http.hops[index:], http.error,
                           http.detail, http.bot_wall)
    if http.hops and http.final_url == variant:
        return Outcome(variant, http.status, http.reason, http.final_url, [], http.error, http.detail, http.bot_wall)
    return None


def https_fix(written: str, line: int, column: int) -> Fix:
    """http:// becomes https:// (checked: the https address answers as the http one does)."""
    host = urlsplit(written).hostname or written
    return Fix((), f"use https:// for {host} (its https address answers alike)", True,
               (_span(line, column, written[:7], "https://"),))


def section_fix(written: str, line: int, column: int, section_id: str) -> Fix | None:
    """The link's `#fragment` becomes ``section_id``, the page's own spelling of that name (unsafe:
    a person checks that it is the section meant). None when the link has no fragment."""
    at = written.find("#")
    if at < 0:
        return None
    fragment = written[at + 1:]
    # What a link's target may hold as it is; anything else percent-encoded (a space, a parenthesis).
    spelt = "".join(c if c.isalnum() or c in "-._~!$&'*+,;=:@/?" else quote(c, safe="") for c in section_id)
    if spelt == fragment:
        return None
    return Fix((), f"link to the page's id, #{spelt}", False, (_span(line, column + at + 1, fragment, spelt),))


def _span(line: int, column: int, original: str, content: str) -> Span:
    return Span(line, column, line, column + len(original), content, original)
