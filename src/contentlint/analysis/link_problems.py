"""What is wrong with a link before anyone requests it (L004-L008), judged once per document.

Each link gets at most one of these codes, the most serious first: a placeholder target
(L005), a private or metadata address (L008), a malformed address or unsupported scheme
(L007), a relative link with nothing to resolve it against (L006), an insecure http:// link
(L004). Shared by the link rules and the authority rules, which skip links with a problem.
A link to a file in the repository (``analysis/local_links.py``) gets none of them: L010 checks it.
"""

from __future__ import annotations

import difflib
import functools
import re
from urllib.parse import SplitResult, urlsplit

from contentlint.analysis.links import (
    BARE,
    REFERENCE,
    Link,
    base_url,
    document_links,
    is_relative,
)
from contentlint.analysis.local_links import local_link_indexes
from contentlint.analysis.memo import per_document
from contentlint.document import Document
from contentlint.model.settings import Config
from contentlint.net.addresses import LOCAL_SUFFIXES, forbidden_host

WEB_SCHEMES = ("http", "https")
# sms: "text SHOUT to 85258": a phone opens its messages with the number filled in.
SUPPORTED_SCHEMES = ("http", "https", "mailto", "tel", "sms")


def _shown(link: Link) -> str:
    return f'"{link.text}"' if link.text and link.text != link.target else f'"{link.target}"'


def _split(url: str) -> tuple[SplitResult | None, str]:
    """The URL's parts, or why it cannot be parsed."""
    try:
        parts = urlsplit(url)
        _ = parts.port  # raises on a bad port
        return parts, ""
    except ValueError as error:
        text = str(error)
        if "IPv6" in text:
            return None, "the bracketed host is not a valid IPv6 address"
        if "port" in text.lower():
            return None, "the port is not a number between 0 and 65535"
        return None, text


def _placeholder(link: Link) -> str | None:
    target = link.target.strip()
    if target == "":
        return f"link {_shown(link)} has an empty target: point it at the page it means, or remove the link"
    if target == "#":
        return f'link {_shown(link)} goes nowhere (target "#"): point it at the page it means, or remove the link'
    if target.lower().replace(" ", "").startswith("javascript:"):
        return (
            f'link {_shown(link)} runs JavaScript ("{target}") instead of opening a page: '
            "point it at the page it means, or remove the link"
        )
    if _PLACEHOLDER_TARGET.fullmatch(target):
        return (
            f'link {_shown(link)} has a placeholder for its target ("{target}"): '
            "point it at the page it means, or remove the link"
        )
    return None


# A target a writer left to fill in: "TBC", "link", "insert-link-here", "url-to-leaflet".
_PLACEHOLDER_TARGET = re.compile(
    r"tbc|tbd|todo|fixme|link|url|x{3,}|placeholder"
    r"|(?:insert|add|paste)[-_ ]?(?:the[-_ ]?)?(?:link|url)(?:[-_ ]?here)?|(?:link|url)[-_](?:to|for|here)(?:[-_][\w-]*)?",
    re.IGNORECASE,
)


# A path on a Windows computer ("C:\\Users\\…", "D:/Leaflets/…"): a link pasted from a document on a PC.
_DRIVE_PATH = re.compile(r"[A-Za-z]:[\\/]")


def _on_a_computer(target: str, url: str, parts: SplitResult | None) -> str | None:
    """What a link to a file on someone's computer or network share points at, or None."""
    if _DRIVE_PATH.match(target):
        return f"a file on someone's computer (drive {target[0].upper()}:)"
    if target.startswith("\\\\") or url.startswith("\\"):
        return "a file on a network share"
    if parts is not None and parts.scheme.lower() == "file":
        host = (parts.hostname or "").lower()
        return "a file on a network share" if host not in ("", "localhost") else "a file on someone's computer"
    return None


def _malformed(link: Link, parts: SplitResult | None, error: str) -> str | None:
    target = link.target.strip()
    computer = _on_a_computer(target, link.url.strip(), parts)
    if computer is not None:
        return (
            f'link "{target}" points at {computer}: readers cannot open it; link to the page or document '
            "on the web, or remove the link"
        )
    if parts is None:
        return f'malformed link "{target}": {error}; fix the address'
    scheme = parts.scheme.lower()
    lowered = target.lower()
    if not lowered.startswith(("http://", "https://")) and lowered.startswith(("www.", "http//", "https//", "http:/", "https:/")):
        if link.kind == BARE:
            return None  # "www.nhs.uk" in running text is a mention, not a link target
        return (
            f'link "{target}" is missing "https://" (or part of it): as written it is a relative path '
            "on the document's own site; write the full address"
        )
    if not scheme:
        return None
    if scheme not in SUPPORTED_SCHEMES:
        close = difflib.get_close_matches(scheme, WEB_SCHEMES, n=1, cutoff=0.6)
        hint = f' (did you mean "{close[0]}:"?)' if close else ""
        return (
            f'link "{target}" uses the unsupported scheme "{scheme}:"{hint}; '
            "use an http(s), mailto, tel or sms address that readers can open"
        )
    if scheme in WEB_SCHEMES:
        if not parts.hostname:
            return f'malformed link "{target}": no host name after "{scheme}://"; fix the address'
        if " " in link.url.strip():
            return f'malformed link "{target}": it contains a space; write it as %20 or fix the address'
        if ".." in parts.hostname or parts.hostname.startswith(".") or "_" in parts.hostname.split(".")[-1]:
            return f'malformed link "{target}": "{parts.hostname}" is not a valid host name; fix the address'
    if scheme == "mailto" and "@" not in parts.path:
        return f'malformed link "{target}": a mailto link needs an e-mail address; fix or remove it'
    return None


# The usual link: http(s), a public-looking host name (its last label has a letter, no local
# suffix), no spaces. Nothing offline can be wrong with it but http (L004); everything else gets
# the full checks.
_PLAIN = re.compile(
    r"(https?)://(?![^/?#]*(?:" + "|".join(re.escape(suffix) for suffix in LOCAL_SUFFIXES) + r"|\.arpa)(?:[:/?#]|$))"
    r"(?:[a-z0-9-]+\.)+[a-z][a-z0-9-]*(?::\d{1,4})?(?:[/?#][^\s]*)?$",
    re.IGNORECASE,
)


@functools.lru_cache(maxsize=4096)  # pages of one site link to the same addresses
def _plain_scheme(url: str) -> str:
    """"https" or "http" for a plain link (see _PLAIN), "" for any other."""
    match = _PLAIN.match(url)
    return match.group(1).lower() if match is not None else ""


def _insecure(url: str) -> tuple[str, str]:
    return "L004", f"insecure link {url.strip()}: use https:// (check that the page opens)"


@per_document
def offline_problems(document: Document, config: Config) -> dict[int, tuple[str, str]]:
    """For each link (by index in document_links) with an offline problem: (code, message)."""
    problems: dict[int, tuple[str, str]] = {}
    base = base_url(document, config)
    url_field = config.fields.url
    declared = document.metadata.get(url_field)
    links = document_links(document, config)
    local: frozenset[int] | None = None
    add_url = document.field_text(url_field)
    for index, (target, url, _, _, kind, _) in enumerate(links):
        if kind == REFERENCE:
            continue
        first = target[:1]
        if first == "#" and target.strip() != "#":
            continue  # a jump within the page ("#" alone is a placeholder)
        if target == url or (first == "/" and target[:2] != "//"):  # the full address, or a site-root path
            scheme = _plain_scheme(url)
            if scheme == "https":
                continue
            if scheme == "http" and (kind != BARE or target[:7].lower() == "http://"):
                problems[index] = _insecure(url)
                continue
        if first not in ("h", "/"):  # "TBC" or "link" is a placeholder, not a file of the repository
            placeholder = _placeholder(links[index])
            if placeholder is not None:
                problems[index] = "L005", placeholder
                continue
        if local is None:
            local = local_link_indexes(document, config)
        if index in local:
            continue  # a link to a file in the repository: L010 checks it on disk
        found = _problem(links[index], base, declared, url_field, add_url)
        if found is not None:
            problems[index] = found
    return problems


def _problem(
    link: Link, base: str | None, declared: object, url_field: str = "url", add_url: str = "url:"
) -> tuple[str, str] | None:
    message = _placeholder(link)
    if message is not None:
        return "L005", message
    if link.target.startswith("#"):
        return None  # a jump within the page
    parts, error = _split(link.url)
    if parts is not None and parts.scheme.lower() in WEB_SCHEMES and parts.hostname:
        reason = forbidden_host(parts.hostname)
        if reason is not None:
            return "L008", (
                f'link "{link.target}" points at {reason}: such links are never requested; '
                "link to a public page instead"
            )
    message = _malformed(link, parts, error)
    if message is not None:
        return "L007", message
    if parts is not None and is_relative(link.url):
        if declared is None:
            why, mend = f"the document has no front-matter `{url_field}` to resolve it against", f"add `{add_url}`"
        else:
            why, mend = f"the front-matter `{url_field}` is not a valid absolute http(s) address", f"correct `{url_field}`"
        return "L006", f'relative link "{link.target}" cannot be resolved: {why}; {mend} or make the link absolute'
    if parts is not None and parts.scheme.lower() == "http":
        if link.kind == BARE and not link.target.lower().startswith("http://"):
            return None  # "www.example.org" in running text names no scheme
        return _insecure(link.url)
    return None
