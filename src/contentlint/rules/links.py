"""Offline link rules L004-L008: what is wrong with a link before anyone requests it.

Each link gets at most one of these codes, the most serious first: a placeholder target
(L005), a private or metadata address (L008), a malformed address or unsupported scheme
(L007), a relative link with nothing to resolve it against (L006), an insecure http:// link
(L004). The online codes (L001-L003, L009) are checked by the network link checker.
"""

from __future__ import annotations

import difflib
import functools
import re
from typing import Iterator
from urllib.parse import SplitResult, urlsplit

from contentlint.engine.config import Config
from contentlint.document import Document
from contentlint.model.findings import Violation
from contentlint.analysis.links import BARE, REFERENCE, Link, base_url, is_relative
from contentlint.net.addresses import forbidden_host
from contentlint.plugin import rule

WEB_SCHEMES = ("http", "https")
SUPPORTED_SCHEMES = ("http", "https", "mailto", "tel")
_MEMO = "links.offline"


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
    return None


def _malformed(link: Link, parts: SplitResult | None, error: str) -> str | None:
    target = link.target.strip()
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
            "use an http(s), mailto or tel address that readers can open"
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


# The usual link: https, a public-looking host name (its last label has a letter, no local suffix),
# no spaces. Nothing offline can be wrong with it; everything else gets the full checks.
_PLAINLY_FINE = re.compile(
    r"https://(?![^/?#]*\.(?:local|localhost|internal|localdomain|arpa)(?:[:/?#]|$))"
    r"(?:[a-z0-9-]+\.)+[a-z][a-z0-9-]*(?::\d{1,4})?(?:[/?#][^\s]*)?$",
    re.IGNORECASE,
)


@functools.lru_cache(maxsize=4096)  # pages of one site link to the same addresses
def _plainly_fine(url: str) -> bool:
    return _PLAINLY_FINE.match(url) is not None


def _written_plainly(target: str, url: str) -> bool:
    """Written as the full address, or as a site-root path resolved onto an https page."""
    return target == url or (target[:1] == "/" and target[:2] != "//")


def offline_problems(document: Document) -> dict[int, tuple[str, str]]:
    """For each link (by index in document.links) with an offline problem: (code, message)."""
    if _MEMO in document.memo:
        return document.memo[_MEMO]
    problems: dict[int, tuple[str, str]] = {}
    base = base_url(document)
    declared = document.metadata.get("url")
    links = document.links
    for index, (target, url, _, _, kind, _) in enumerate(links):
        if kind == REFERENCE or (_written_plainly(target, url) and _plainly_fine(url)):
            continue
        found = _problem(links[index], base, declared)
        if found is not None:
            problems[index] = found
    document.memo[_MEMO] = problems
    return problems


def _problem(link: Link, base: str | None, declared: object) -> tuple[str, str] | None:
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
            why = "the document has no front-matter `url` to resolve it against"
        else:
            why = "the front-matter `url` is not an absolute http(s) address"
        return "L006", f'relative link "{link.target}" cannot be resolved: {why}; add `url:` or make the link absolute'
    if parts is not None and parts.scheme.lower() == "http":
        if link.kind == BARE and not link.target.lower().startswith("http://"):
            return None  # "www.example.org" in running text names no scheme
        secure = "https://" + link.url.strip()[len("http://"):]
        return "L004", f"insecure link {link.url.strip()}: use {secure} (check that the https address works)"
    return None


def _violations(document: Document, code: str) -> Iterator[Violation]:
    links = document.links
    for index, (found, message) in sorted(offline_problems(document).items()):
        if found == code:
            link = links[index]
            yield Violation(link.line, link.column, message, subject=link.url or link.target)


@rule("L004", "insecure-link", "warning")
def insecure_link(document: Document, config: Config) -> Iterator[Violation]:
    """A link uses insecure `http://`.

    Why it matters: an http:// page can be altered on its way to the reader, and
    browsers warn about it. Most health sites serve the same page over https.

    Example: `[REMS](http://www.pomalystrems.com/)`: use `https://www.pomalystrems.com/`
    after checking that it opens. A bare `www.example.org` with no scheme is not flagged.

    Options: none. Links to local or private addresses get L008 instead.
    """
    return _violations(document, "L004")


@rule("L005", "placeholder-link", "warning")
def placeholder_link(document: Document, config: Config) -> Iterator[Violation]:
    """A link goes nowhere: its target is empty, `#` or `javascript:`.

    Why it matters: these are buttons and widgets copied from a web page ("Get Quote",
    "Request Quote Online"); in the corpus they are dead ends for a reader. A target
    such as `#side-effects` (a jump within the page) is fine.

    Example: `[Get Quote](#)`, `[Download]()`, `[Menu](javascript:void(0))`.

    Fix: point the link at the page it means, or keep the text and drop the link.

    Options: none; suppress a deliberate case with `<!-- contentlint-disable-next-line L005 -->`.
    """
    return _violations(document, "L005")


@rule("L006", "relative-link-without-base", "warning")
def relative_link_without_base(document: Document, config: Config) -> Iterator[Violation]:
    """A relative link cannot be resolved: the document has no front-matter `url`.

    Why it matters: relative links resolve against the page's own address. Copied
    without it, `/Common/PopUps/def.aspx?id=1` points nowhere, and nothing can check it.
    With `url: https://www.cancer.gov/...` in the front matter the same link resolves
    to `https://www.cancer.gov/Common/PopUps/def.aspx?id=1` and is fine.

    Fix: add the page's `url` to the front matter, or write the links in full.
    Jumps within the page (`#section`) are fine.

    Options: none.
    """
    return _violations(document, "L006")


@rule("L007", "malformed-link", "warning")
def malformed_link(document: Document, config: Config) -> Iterator[Violation]:
    """A link is malformed or uses a scheme readers cannot open.

    Why it matters: such a link cannot work for a reader, and cannot be checked.

    Examples: `https:///page` (no host), `https://www.nhs.uk:99999/` (bad port),
    `http://[::1` (broken brackets), `https://example.org/a page` (a space),
    `htps://www.nhs.uk` (unknown scheme: did you mean https?), `ftp://` or `file:`
    links, `mailto:` without an address, and `www.nhs.uk/page` or `https//www.nhs.uk`
    written as a link target without `https://` (a relative path as written).

    Supported schemes: http, https, mailto, tel.

    Options: none.
    """
    return _violations(document, "L007")


@rule("L008", "private-address-link", "error")
def private_address_link(document: Document, config: Config) -> Iterator[Violation]:
    """A link points at a private, loopback, link-local or metadata address.

    Why it matters: such a link is never useful to a patient, and following it from a
    CI machine could reach internal services or a cloud metadata endpoint that hands
    out credentials. The link checker refuses these addresses and never requests them.

    Examples: `http://169.254.169.254/latest/meta-data`, `http://10.0.0.5/intranet`,
    `http://localhost:8080/`, `http://[::1]/`, `http://0.0.0.0/`, `http://127.1/`,
    `http://printer.local/`.

    Fix: link to the public page instead, or remove the link.

    With `--links`, each host is also resolved before any request, at every redirect
    hop, and the request is refused when any of its addresses is private (10/8,
    172.16/12, 192.168/16, fc00::/7), loopback, link-local, a cloud metadata endpoint,
    multicast, shared (100.64/10) or reserved: `http://intranet.example/leaflet` that
    resolves to 10.1.2.3 is reported here too. Only http and https are followed.

    Options: none offline. `--allow-private-hosts` (or `allow-private-hosts = true` in
    `[tool.contentlint.analysis.links]`) lifts the guard of the link checker (for an internal
    mirror), not this check of the written address.
    """
    return _violations(document, "L008")
