"""Services that stand between a link and its page.

A link wrapper carries the address it leads to inside its own: Google's redirect
(``https://www.google.com/url?q=…``, what links pasted from Google Docs and search results
become), Outlook Safe Links, Proofpoint URL Defense, Facebook's link shim. A link shortener
(bit.ly, tinyurl.com) hides it. Rule L013 reports both; S003 judges a wrapped link by the
address it carries and leaves shortened ones to L013.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from importlib import resources
from typing import Callable
from urllib.parse import SplitResult, parse_qs, unquote, urlsplit

from contentlint.analysis.links import web_host
from contentlint.model.settings import Config, Option, Resource

EXTEND_SHORTENERS = Option(
    "links", "extend-shorteners", {"type": "array", "items": {"type": "string"}}, [],
    "more link-shortener hosts (L013 reports links through them; S003 leaves them to L013)",
)


@dataclass(frozen=True)
class Wrapped:
    """A link through a wrapper: the service's name, and the address it leads to ("" when the
    wrapper keeps it elsewhere, as URL Defense v3 does for some characters)."""

    service: str
    target: str


def _query(parts: SplitResult, *names: str) -> str:
    values = parse_qs(parts.query)
    for name in names:
        if values.get(name):
            return values[name][0]
    return ""


def _google(parts: SplitResult) -> str | None:
    return _query(parts, "q", "url") if parts.path == "/url" else None


def _safe_links(parts: SplitResult) -> str | None:
    return _query(parts, "url")


def _facebook(parts: SplitResult) -> str | None:
    return _query(parts, "u") if parts.path == "/l.php" else None


def _youtube(parts: SplitResult) -> str | None:
    return _query(parts, "q") if parts.path == "/redirect" else None


def _linkedin(parts: SplitResult) -> str | None:
    return _query(parts, "url") if parts.path.startswith("/redir/") else None


_HEX_ESCAPE = re.compile(r"-([0-9A-Fa-f]{2})")


def _url_defense(parts: SplitResult) -> str | None:
    """Proofpoint URL Defense: v1 ``u=`` percent-encoded; v2 ``u=`` with "-XX" for "%XX" and "_"
    for "/"; v3 ``/v3/__address__;…`` with "*" for characters it keeps elsewhere ("")."""
    if parts.path.startswith("/v3/__"):
        whole = parts.path + (f"?{parts.query}" if parts.query else "") + (f"#{parts.fragment}" if parts.fragment else "")
        address = whole[len("/v3/__"):].partition("__;")[0]  # its own query and fragment are part of it
        return "" if "*" in address else address
    if parts.path == "/v1/url":
        return _query(parts, "u")
    if parts.path == "/v2/url":
        encoded = _query(parts, "u")
        return unquote(_HEX_ESCAPE.sub(r"%\1", encoded.replace("_", "/"))) if encoded else ""
    return None


# (service, a word every one of its hosts has, its hosts as a pattern, whether those hosts serve
# nothing but the wrapper, the address a link through it carries: None when the path is not the
# wrapper's own, "" when that address cannot be read)
_WRAPPERS: tuple[tuple[str, str, str, bool, Callable[[SplitResult], str | None]], ...] = (
    ("Google's redirect", "google.", r"(?:www\.)?google(?:\.com?)?\.[a-z]{2,3}", False, _google),
    ("Outlook Safe Links", ".safelinks.", r"[a-z0-9.-]*\.safelinks\.protection\.outlook\.com", True, _safe_links),
    ("Proofpoint URL Defense", "urldefense.", r"urldefense(?:\.proofpoint)?\.com", True, _url_defense),
    ("Facebook's link shim", "facebook.", r"lm?\.facebook\.com", True, _facebook),
    ("YouTube's redirect", "youtube.", r"(?:www\.)?youtube\.com", False, _youtube),
    ("LinkedIn's redirect", "linkedin.", r"(?:www\.)?linkedin\.com", False, _linkedin),
)
_WRAPPER_HOSTS = tuple((service, re.compile(hosts), carried) for service, _, hosts, _, carried in _WRAPPERS)
_WRAPPER_WORDS = tuple(word for _, word, _, _, _ in _WRAPPERS)
_WRAPPER_ONLY_HOSTS = re.compile("|".join(hosts for _, _, hosts, only, _ in _WRAPPERS if only))


def is_wrapper_host(host: str) -> bool:
    """Whether ``host`` (lower case) serves nothing but a link wrapper (Safe Links, URL Defense)."""
    return _WRAPPER_ONLY_HOSTS.fullmatch(host.rstrip(".")) is not None


_WEB = re.compile(r"https?://[^\s/?#]+", re.IGNORECASE)


def unwrap(url: str) -> Wrapped | None:
    """The wrapper ``url`` goes through, and the http(s) address it carries; None for any other link."""
    if "?" not in url and "/v3/__" not in url:
        return None  # every wrapper carries its address in the query, or URL Defense v3's path
    try:
        parts = urlsplit(url.strip())
        host = (parts.hostname or "").rstrip(".")
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https"):
        return None
    for service, hosts, carried in _WRAPPER_HOSTS:
        if hosts.fullmatch(host):
            target = carried(parts)
            if target is None:
                return None
            return Wrapped(service, target.strip() if _WEB.match(target.strip()) else "")
    return None


def shipped_shorteners() -> frozenset[str]:
    text = resources.files("contentlint").joinpath("data/shorteners.txt").read_text(encoding="utf-8")
    return frozenset(line.strip().lower() for line in text.splitlines() if line.strip() and not line.startswith("#"))


_MAX_SEEN = 20_000


@dataclass(frozen=True)
class Redirectors:
    """The link-shortener hosts, and a quick screen: ``may_be_indirect`` is true of every link
    through a wrapper or a shortener, and false of nearly every other link."""

    shorteners: frozenset[str]
    _seen: dict[str, bool] = field(default_factory=dict, compare=False, repr=False)  # by the address up to its path

    def may_be_indirect(self, url: str) -> bool:
        end = url.find("/", 8)  # a corpus links to few sites: the answer is kept for each
        start = url if end < 0 else url[:end]
        seen = self._seen.get(start)
        if seen is None:
            if len(self._seen) >= _MAX_SEEN:
                self._seen.clear()
            seen = self._seen[start] = self._screen(start)
        return seen

    def _screen(self, start: str) -> bool:
        host = web_host(start)
        return bool(host) and (is_shortener(host, self.shorteners) or any(word in host for word in _WRAPPER_WORDS))


def _build(config: Config) -> Redirectors:
    extra = {host.strip().lower().rstrip(".") for host in config.option(EXTEND_SHORTENERS) if host.strip()}
    return Redirectors(shipped_shorteners() | extra)


REDIRECTORS = Resource("link wrappers and shorteners", _build, options=(EXTEND_SHORTENERS,))


def is_shortener(host: str, shorteners: frozenset[str]) -> bool:
    """Whether ``host`` (lower case) is a link shortener's: one of ``shorteners``, or www. before one."""
    return host in shorteners or (host.startswith("www.") and host[4:] in shorteners)
