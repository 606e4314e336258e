"""Offline link rules L004-L008: what is wrong with a link before anyone requests it.

Each link gets at most one of these codes, the most serious first: a placeholder target
(L005), a private or metadata address (L008), a malformed address or unsupported scheme
(L007), a relative link with nothing to resolve it against (L006), an insecure http:// link
(L004). The online codes (L001-L003, L009, L014) are checked by the network link checker.
"""

from __future__ import annotations

import re
from typing import Iterator
from urllib.parse import urlsplit

from contentlint.analysis.fix_edits import offset_of
from contentlint.analysis.link_problems import offline_problems
from contentlint.analysis.links import document_links
from contentlint.analysis.secure_hosts import HTTPS_HOSTS
from contentlint.document import Document
from contentlint.model.findings import Violation
from contentlint.model.fixes import Edit, Fix
from contentlint.model.settings import Config
from contentlint.plugin import rule

_LINES_SHOWN = 5  # L006 names the lines of the other unresolvable links, up to this many


def _violations(document: Document, config: Config, code: str) -> Iterator[Violation]:
    links = document_links(document, config)
    for index, (found, message) in sorted(offline_problems(document, config).items()):
        if found == code:
            link = links[index]
            yield Violation(link.line, link.column, message, subject=link.url or link.target)


@rule("L004", "insecure-link", "warning", uses=[HTTPS_HOSTS], fix="safe")
def insecure_link(document: Document, config: Config) -> Iterator[Violation]:
    """A link uses insecure `http://`.

    Why it matters: an http:// page can be altered on its way to the reader, and
    browsers warn about it. Most health sites serve the same page over https.

    Example: `[REMS](http://www.pomalystrems.com/)`: use `https://www.pomalystrems.com/`
    after checking that it opens. A bare `www.example.org` with no scheme is not flagged.

    Fix (safe): `--fix` writes `https://` for hosts known to serve the same pages over
    https (PubMed and the rest of www.ncbi.nlm.nih.gov, doi.org, www.cancer.gov and
    other sites in the shipped list). With `--links`, also for any other link whose
    https:// address was checked and answers as the http:// one does (a status of the
    same class: both 2xx, say); a site that refuses https, or answers it differently, keeps
    its link for a person to check. An http:// link that redirects through its https://
    address needs no second request.

    Options (`[tool.contentlint.links]`): `extend-https-hosts`, more hosts whose http://
    links the fix may rewrite. Links to local or private addresses get L008 instead.
    """
    hosts = config.resource(HTTPS_HOSTS)
    for violation in _violations(document, config, "L004"):
        fix = _https_fix(document, violation, hosts)
        # The fields spelled out: dataclasses.replace is slow for the ~16,000 of a real corpus.
        yield Violation(violation.line, violation.column, violation.message, violation.subject, violation.owner, fix) if fix is not None else violation


# "http://" then a plain host name and the end of the authority: the host urlsplit would give, lower-cased.
_PLAIN_HOST = re.compile(r"[Hh][Tt][Tt][Pp][Ss]?://([A-Za-z0-9.-]+)(?:[/?#]|\Z)")


def _host(url: str) -> str | None:
    """The URL's host name lower-cased (None when it has none), as urlsplit reads it."""
    plain = _PLAIN_HOST.match(url)
    if plain is not None:  # the usual case, told without splitting the whole address
        return plain.group(1).lower()
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    return host.lower() if host is not None else None


def _https_fix(document: Document, violation: Violation, hosts: frozenset[str]) -> Fix | None:
    """http:// -> https:// where the link is written in full and its host is known to serve https."""
    host = _host(violation.subject)
    if host is None or host not in hosts:
        return None
    offset = offset_of(document, violation.line, violation.column)
    if offset is None or document.text[offset:offset + 7].lower() != "http://":
        return None  # written otherwise (relative to an http base, escaped): left to a person
    return Fix((Edit(offset, offset + 7, "https://"),), f"use https:// for {host}")


@rule("L005", "placeholder-link", "warning")
def placeholder_link(document: Document, config: Config) -> Iterator[Violation]:
    """A link goes nowhere: its target is empty, `#`, `javascript:` or a placeholder.

    Why it matters: these are buttons and widgets copied from a web page ("Get Quote",
    "Request Quote Online"), or links a writer meant to fill in later; in the corpus
    they are dead ends for a reader. A target such as `#side-effects` (a jump within the
    page) is fine.

    Example: `[Get Quote](#)`, `[Download]()`, `[Menu](javascript:void(0))`, `[Read
    more](TBC)`, `[Leaflet](insert-link-here)`.

    Placeholders: `TBC`, `TBD`, `TODO`, `FIXME`, `link`, `url`, `xxx`, `placeholder`,
    `insert-link-here` (or `add`, `paste`; `url`), `link-to-…`, `url-for-…`, in any case.

    Fix: point the link at the page it means, or keep the text and drop the link.

    Options: none; suppress a deliberate case with `<!-- contentlint-disable-next-line L005 -->`.
    """
    return _violations(document, config, "L005")


@rule("L006", "relative-link-without-base", "warning")
def relative_link_without_base(document: Document, config: Config) -> Iterator[Violation]:
    """A relative link cannot be resolved: the document has no front-matter `url`, or
    its `url` is not a valid absolute http(s) address.

    Why it matters: relative links resolve against the page's own address. Copied
    without it, `/Common/PopUps/def.aspx?id=1` points nowhere, and nothing can check it.
    With `url: https://www.cancer.gov/...` in the front matter the same link resolves
    to `https://www.cancer.gov/Common/PopUps/def.aspx?id=1` and is fine.

    A `url` that is not one (`cancer.gov/x`, or one with a space, which M102 reports)
    resolves nothing either: the links get this rule, "correct `url`", rather than
    each one a complaint about the address it would make.

    Fix: add the page's `url` to the front matter, or write the links in full. A
    corpus that keeps the page's address under another key names it in
    `[tool.contentlint.fields] url`; links resolve against that key, and the
    message names it.
    Jumps within the page (`#section`) are fine. Links to files of the repository
    (`images/chart.png`, `../treatment/chemo.md`: a file extension, or on disk) are
    not this rule's: they resolve on disk, and L010 reports a missing one.

    Reported once per document, at the first such link, with how many there are and
    on which lines: the one fix (a `url`) mends them all. Not reported when the front
    matter cannot be read (M002, M003): the `url` may be in it.

    Options: none.
    """
    if document.front_matter_error is not None:
        return  # the url may be in the front matter that could not be read: M002/M003 say why
    found = list(_violations(document, config, "L006"))
    if len(found) <= 1:
        yield from found
        return
    first = found[0]
    lines = sorted({v.line for v in found[1:]})
    shown = ", ".join(str(line) for line in lines[:_LINES_SHOWN]) + (", …" if len(lines) > _LINES_SHOWN else "")
    why = first.message.partition("cannot be resolved: ")[2].replace(" it ", " them ").replace("the link absolute", "the links absolute")
    yield Violation(
        first.line, first.column,
        f'{len(found)} relative links cannot be resolved (the first is "{first.subject}"; others on '
        f"{'line' if len(lines) == 1 else 'lines'} {shown}): {why}",
        subject="relative links",
    )


@rule("L007", "malformed-link", "warning")
def malformed_link(document: Document, config: Config) -> Iterator[Violation]:
    """A link is malformed or uses a scheme readers cannot open.

    Why it matters: such a link cannot work for a reader, and cannot be checked.

    Examples: `https:///page` (no host), `https://www.nhs.uk:99999/` (bad port),
    `http://[::1` (broken brackets), `https://example.org/a page` (a space),
    `htps://www.nhs.uk` (unknown scheme: did you mean https?), `ftp://` links,
    `mailto:` without an address, and `www.nhs.uk/page` or `https//www.nhs.uk` written
    as a link target without `https://` (a relative path as written). A link to a file on
    someone's computer or a network share, as a document pasted from a word processor
    keeps it (`file:///C:/Users/…`, `C:\\Users\\…\\leaflet.pdf`, `\\\\fileserver\\…`), is named
    as such.

    Supported schemes: http, https, mailto, tel, sms (a text message to a service).

    Options: none.
    """
    return _violations(document, config, "L007")


@rule("L008", "private-address-link", "error")
def private_address_link(document: Document, config: Config) -> Iterator[Violation]:
    """A link points at a private, loopback, link-local or metadata address.

    Why it matters: such a link is never useful to a patient, and following it from a
    CI machine could reach internal services or a cloud metadata endpoint that hands
    out credentials. The link checker refuses these addresses and never requests them.

    Examples: `http://169.254.169.254/latest/meta-data`, `http://10.0.0.5/intranet`,
    `http://localhost:8080/`, `http://[::1]/`, `http://0.0.0.0/`, `http://127.1/`,
    `http://printer.local/`, `https://wiki.corp/` (names that are never public: `.local`,
    `.internal`, `.lan`, `.corp`, `.home`, …), `http://intranet/policies` (a name without
    a dot).

    Fix: link to the public page instead, or remove the link.

    With `--links`, each host is also resolved before any request, at every redirect
    hop, and the request is refused when any of its addresses is private (10/8,
    172.16/12, 192.168/16, fc00::/7), loopback, link-local, a cloud metadata endpoint,
    multicast, shared (100.64/10) or reserved: `http://intranet.example/leaflet` that
    resolves to 10.1.2.3 is reported here too. Only http and https are followed.

    Options: none offline. With `--links --allow-private-hosts` (or `allow-private-hosts
    = true` in `[tool.contentlint.links]`), such links are requested like any other (for
    an internal mirror) and judged by their answer, so this check is not reported.
    """
    if config.network and config.sections.get("links", {}).get("allow-private-hosts"):
        return
    yield from _violations(document, config, "L008")
