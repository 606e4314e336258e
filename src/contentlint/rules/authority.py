"""Source-authority rules S001-S005: where a document comes from, and whether that is a trusted source."""

from __future__ import annotations

import functools
import re
from typing import Iterator
from urllib.parse import urlsplit

from contentlint.analysis.authority import (
    AUTHORITY,
    COMMERCIAL,
    IP_ADDRESS,
    OPEN_PLATFORM,
    WORKSPACE,
    AuthorityData,
    authority_data,
    is_map_link,
    registrable_domain,
    remember,
    unlisted_kind,
    within,
)
from contentlint.analysis.fix_edits import line_text
from contentlint.analysis.link_problems import offline_problems
from contentlint.analysis.links import REFERENCE, base_url, document_links, on_own_site, own_origin, plain_host
from contentlint.analysis.pattern_starts import first_match
from contentlint.analysis.phrase_index import PHRASE_INDEX, TextScan, text_scan, word_hits
from contentlint.analysis.redirectors import REDIRECTORS, is_shortener, unwrap
from contentlint.analysis.visible_text import (
    line_and_column,
    lower_in_place,
    visible_body,
    visible_lower,
)
from contentlint.document import Document
from contentlint.model.findings import Violation
from contentlint.model.settings import Config
from contentlint.net.addresses import is_ip_literal
from contentlint.plugin import rule

_SIGNALS_SHOWN = 3  # S002 quotes the first signals; the count says how many more

# Lines that name where a text comes from: "Source: ...", "Written by ...", "© 2024 ...".
_ATTRIBUTION_LABEL = re.compile(
    r"^[\s>*_#\-•]*(?:sources?|authors?|written by|published by|publisher|reviewed by|produced by|"
    r"adapted from|reproduced (?:with permission )?from|originally published|copyright|to cite this|"
    r"citation|available at|retrieved from|credit)\b[\s*_]*[:\-–]?|©|\(c\) ?\d{4}",
    re.IGNORECASE | re.MULTILINE,
)
# A line that gives the address the text was taken from: "URL Source: https://…" (the header a reader
# service writes above a page it fetched), "URL: https://…", "Original URL: …", "Fetched from https://…".
_ADDRESS_LABEL = re.compile(
    r"^[\s>*_#\-•]*(?:url source|(?:source |original |page |canonical )?url|(?:fetched|scraped|captured) from)"
    r"[\s*_]*:?[\s*_]*<?https?://",
    re.IGNORECASE | re.MULTILINE,
)


def _host(url: str) -> str | None:
    """The host of an http(s) URL, lower case: a plain host name without a parse (urlsplit would
    give the same), any other address parsed."""
    plain = plain_host(url)
    return plain if plain is not None else _parsed_host(url)


@functools.lru_cache(maxsize=4096)
def _parsed_host(url: str) -> str | None:
    try:
        parts = urlsplit(url.strip())
        return parts.hostname if parts.scheme.lower() in ("http", "https") else None
    except ValueError:
        return None


def _url_position(document: Document, config: Config) -> tuple[int, int]:
    return document.yaml_position((config.fields.url,))


def _tiers_text(data: AuthorityData) -> str:
    names = sorted({tier.description for tier in data.domains.values() if tier.source})
    return ", ".join(names)


@rule("S001", "source-not-authoritative", "error", uses=[AUTHORITY])
def source_not_authoritative(document: Document, config: Config) -> Iterator[Violation]:
    """The document's own source is not authoritative.

    Why it matters: the corpus feeds patient-facing answers. A page from a chemical
    vendor, a forum or an unknown site can be wrong, out of date or selling something.

    The front-matter url field (`url` by default; see `[tool.contentlint.fields]`) is
    checked: its host must be, or be under, a domain of an
    authority tier (government health agencies such as cancer.gov, nhs.uk, who.int;
    cancer charities and societies such as cancer.org, macmillan.org.uk, asco.org;
    the literature such as doi.org and major journals). Matching is on whole labels:
    `pubmed.ncbi.nlm.nih.gov` is under nih.gov, `cancer.gov.example.com` and
    `cancer-gov.com` are not. A known vendor (benchchem.com, ...) is always reported.
    Documents without a `url` are left to S004.

    Example: `url: https://www.benchchem.com/product/b2489551` -> a known vendor.

    Options (`[tool.contentlint.authority]`): `extend-domains` adds trusted domains,
    `extend-vendors` adds vendors, `data` replaces the shipped tier file
    (`contentlint/data/authority.toml`).
    """
    url = document.metadata.get(config.fields.url)
    if not isinstance(url, str) or not url.strip():
        return
    host = _host(url)
    if host is None:
        return  # not an http(s) URL: the metadata schema reports it
    data = authority_data(config)
    if data.is_vendor(host):
        line, column = _url_position(document, config)
        yield Violation(
            line, column,
            f"the document comes from {host}, a known vendor of research chemicals, not a source of patient "
            "information: replace it with an authoritative page or remove it from the corpus",
            subject=host,
        )
        return
    tier = data.tier_of(host)
    if tier is None or not tier.source:
        why = f"it is {tier.description}" if tier is not None else "its domain is not on the authority list"
        line, column = _url_position(document, config)
        yield Violation(
            line, column,
            f"the document comes from {host}, which is not an authoritative source ({why}; trusted: "
            f"{_tiers_text(data)}): use a page from a trusted source, or add the domain to "
            "[tool.contentlint.authority] extend-domains if your editors trust it",
            subject=registrable_domain(host),
        )


def _signal_hits(text: str, data: AuthorityData, lowered: str, scan: TextScan) -> list[tuple[int, str, str, float]]:
    """(position, signal name, text as written, weight) for the first hit of each signal."""
    hits = []
    for signal in data.signals:
        best: tuple[int, int] | None = None
        for phrase in scan.among(signal.phrases):
            position = next(word_hits(lowered, phrase, scan.occurrences(phrase)), (-1, -1))[0]
            if position >= 0 and (best is None or position < best[0]):
                best = (position, position + len(phrase))
        if signal.pattern is not None and (not signal.requires or signal.requires.any_in(lowered, scan)):
            match = first_match(signal.pattern, text, scan.occurrences)
            if match is not None and (best is None or match.start() < best[0]):
                best = (match.start(), match.end())
        if best is not None:
            hits.append((best[0], signal.name, " ".join(text[best[0]:best[1]].split()), signal.weight))
    return sorted(hits)


@rule("S002", "vendor-page", "error", uses=[AUTHORITY])
def vendor_page(document: Document, config: Config) -> Iterator[Violation]:
    """The content shows commercial or vendor-page signals.

    Why it matters: product pages of chemical and reagent sellers read like science
    but are adverts, often "for research use only". They have no place in patient
    information, however authoritative their references look.

    Signals, each with a weight (shipped in `contentlint/data/authority.toml`):
    "Get Quote" / "Request Quote" (2), custom synthesis (2), "Research Use Only" (2),
    "Cat. No." and other catalogue numbers (2), "Add to cart" / "Add to basket" /
    "Buy now" / "Subscribe & save" (2), bulk or industrial grade (1), a CAS number (1),
    prices per mg or "Price:" (1), stock status (1), purity or grade (1); and for shops
    without catalogue numbers (supplement and wellness shops, research-chemical
    sellers): "not for human consumption" and "research peptides" (2, with Research
    Use Only), a shelf price such as "£24.99" (1), delivery or returns terms ("Free UK
    delivery", "money-back guarantee") (1), a shop offer ("Buy 2 get 1 free", "discount
    code") (1), a cure claim ("cures cancer", "miracle cure") (1). A document is reported
    when its distinct signals weigh 3 or more and one of them weighs 2 or more (a way to
    buy or a seller's label), so one stray phrase in a real article, or a hospital
    leaflet about prescription charges and home delivery, is not enough.
    The message lists the signals and their lines.

    Example: a page with "Cat. No.: B2489551", "[Get Quote](#)" and "for Research Use
    Only (RUO)" weighs 6.

    Options (`[tool.contentlint.authority]`): `vendor-threshold` (default 3),
    `extend-vendor-phrases` (each weighs 2).
    """
    text = visible_body(document)
    title = document.metadata.get(config.fields.title)
    data = authority_data(config)
    hits = _signal_hits(text, data, visible_lower(document), text_scan(document, config))
    if isinstance(title, str) and title.strip():
        seen = {name for _, name, _, _ in hits}
        lowered_title = lower_in_place(title)
        title_scan = config.resource(PHRASE_INDEX).scan(lowered_title)
        for _, name, written, weight in _signal_hits(title, data, lowered_title, title_scan):
            if name not in seen:
                hits.append((-1, name, written, weight))
    total = sum(weight for _, _, _, weight in hits)
    if not hits or total < data.threshold or max(weight for _, _, _, weight in hits) < _STRONG_SIGNAL:
        return  # weak signals alone (a price, "in stock", "free delivery") are a hospital leaflet too
    described = []
    for position, _, written, _ in sorted(hits)[:_SIGNALS_SHOWN]:
        where = "title" if position < 0 else f"line {line_and_column(document, text, position)[0]}"
        described.append(f'"{written}" ({where})')
    if len(hits) > _SIGNALS_SHOWN:
        described.append(f"{len(hits) - _SIGNALS_SHOWN} more")
    first = min((p for p, _, _, _ in hits if p >= 0), default=-1)
    line, column = line_and_column(document, text, first) if first >= 0 else document.key_position(config.fields.title)
    yield Violation(
        line, column,
        f"commercial vendor page: {', '.join(described)}: not patient information; remove it from the corpus",
        subject="vendor-signals",
    )


@rule("S003", "non-authoritative-link", "warning", uses=[AUTHORITY, REDIRECTORS])
def link_to_non_authoritative_domain(document: Document, config: Config) -> Iterator[Violation]:
    """The document links to a domain that is not authoritative.

    Why it matters: a reader who follows the link leaves the trusted corpus. Links to
    encyclopaedias, forums, video sites, shops or vendors deserve an editor's look.

    Reported, and the message says which it saw: a known vendor of research
    chemicals; a site where anyone can publish or host pages (Wikipedia, YouTube,
    social media, blog and document-sharing sites, app-hosting platforms); an
    organisation's workspace (SharePoint, Teams, OneDrive, Google Drive and Docs,
    Dropbox, Slack, Confluence), whose pages a reader without an account may not
    open; a bare IP address; a commercial name (.com, .co.uk, .shop, ...) that is not
    on the authority list.

    Not reported: the authority list and sites fine to link to: government and public
    bodies (any `.gov`, `.mil`, `.int`, `gov.uk`, `europa.eu`, ...: smokefree.gov,
    genome.gov), universities (`.edu`, `ac.uk`, ...), journals and publishers,
    professional bodies, research groups and patient organisations, programme sites that
    authorities link to (FDA REMS programmes, medicine compendia). Nor an unlisted site
    whose name says nothing against it (a `.org`, a national domain): precision first.
    Nor a place on a map (Google, Apple or Bing Maps, HERE, Waze: how a page shows the
    way to a clinic, not a source of what it says).
    Links within the document's own site, e-mail and phone links are not reported;
    links with an offline problem (L005-L008) get that code instead. A link through a
    wrapper (Google's redirect, Outlook Safe Links) is judged by the address it carries;
    one through a link shortener is left to L013, which reports both.

    One warning per linked domain (its registrable domain, such as wikipedia.org for
    en.wikipedia.org), at its first link, with the number of links.

    A medicine's label on its maker's site (prescribing information, a package insert
    or a medication guide, told by its address, `…/prescribing-information.pdf`,
    `…/pi/…`, `…_pi.pdf`, or by the words that cite it before the link) gets its own
    advice: the label is authoritative, but the maker's copy moves and changes without
    notice, so link to it where the regulator publishes it (DailyMed or Drugs@FDA in
    the US, the emc or MHRA in the UK).

    A medicine's risk programme that the FDA requires (a REMS) on its maker's site, named for
    the medicine (`vanflytarems.com`) and cited as a REMS or a "Risk Evaluation and
    Mitigation Strategy" on the link's line, is not reported, as the programmes on the
    authority list are not: patients and prescribers enrol there.

    Example: `[Pomalidomide - Wikipedia](https://en.wikipedia.org/wiki/Pomalidomide)`
    -> links to wikipedia.org, a site where anyone can publish.

    Options (`[tool.contentlint.authority]`): `extend-domains` (trusted sources),
    `extend-link-domains` (fine to link to, not a source).
    """
    links = document_links(document, config)
    if not links:
        return
    data = authority_data(config)
    shorteners = config.resource(REDIRECTORS).shorteners
    problems = offline_problems(document, config)
    base = base_url(document, config)
    own_host = _host(base) if base else None
    own_site: str | None = None
    origin = own_origin(document, config)
    first: dict[str, tuple[int, int, str, str]] = {}
    counts: dict[str, int] = {}
    labels: dict[str, bool] = {}  # a commercial site: whether every link to it is a medicine's label
    for index, (_, url, line, column, kind, _) in enumerate(links):
        if kind == REFERENCE or index in problems:
            continue
        if on_own_site(url, origin):
            continue  # on the document's own host (most links of a page): its own site, or trusted
        untrusted = _untrusted_site(url, data)
        if untrusted is None:
            continue
        host, site = untrusted
        if is_shortener(host, shorteners):
            continue
        wrapped = unwrap(url)
        if wrapped is not None:
            untrusted = _untrusted_site(wrapped.target, data) if wrapped.target else None
            if untrusted is None:
                continue
            host, site = untrusted
            url = wrapped.target
        if is_map_link(url):
            continue
        if own_host and own_site is None:
            own_site = registrable_domain(own_host)
        if site == own_site:
            continue
        if _REMS_SITE.fullmatch(site) and _REMS_CITED.search(line_text(document, line)):
            continue  # a medicine's REMS programme: where the FDA has patients and prescribers enrol
        counts[site] = counts.get(site, 0) + 1
        if site not in first:
            first[site] = (line, column, host, url)
        if labels.get(site, True) and unlisted_kind(host, site) == COMMERCIAL:
            labels[site] = _is_label(document, url, line, column)
    for site, (line, column, host, url) in first.items():
        more = f" ({counts[site]} links)" if counts[site] > 1 else ""
        kind = unlisted_kind(host, site)
        if data.is_vendor(host):
            advice = f"links to {site}, a known vendor of research chemicals{more}: remove the link"
        elif kind is None:
            continue  # not on the list, but nothing says it is not a sound site (a .org, a national domain)
        elif kind == WORKSPACE:
            advice = (
                f"links to {site}, an organisation's workspace (a shared drive, intranet, chat or mail){more}: "
                "a reader without an account there may not open it; check that it opens signed out, or link to "
                "a public copy"
            )
        elif kind != COMMERCIAL:
            advice = (
                f"links to {site}, {_UNVETTED[kind]}{more}: check who wrote the linked page and link to its "
                "publisher's own page, or trust the domain with `extend-link-domains`"
            )
        elif labels.get(site):
            advice = (
                f"links to a medicine's prescribing information on {site}, the maker's site{more}: the label is "
                "authoritative, but the maker's copy moves and changes without notice; link to the label where the "
                "regulator publishes it (DailyMed or Drugs@FDA in the US, the emc or MHRA in the UK)"
            )
        else:
            advice = (
                f"links to {site}, a commercial site not on the authority list{more}: check that the page "
                "informs rather than sells, or trust the domain with `extend-link-domains`"
            )
        yield Violation(line, column, advice, subject=site)


# A medicine's risk programme (FDA REMS) on the maker's site, named for the medicine
# (`vanflytarems.com`), and cited as one on the link's line.
_REMS_SITE = re.compile(r"[a-z0-9-]+rems\.com")
_REMS_CITED = re.compile(r"\bREMS\b|\bRisk Evaluation and Mitigation Strateg", re.IGNORECASE)
# A medicine's label (prescribing information, package insert), by its address or by the words
# that cite it before the link: "ZYDELIG (idelalisib): highlights of prescribing information. … [Available online](…)".
_LABEL_ADDRESS = re.compile(
    r"prescribing[-_ ]?information|package[-_ ]?inserts?|medication[-_ ]?guide|[/_-]pi(?:[/_.]|$)", re.IGNORECASE
)
_LABEL_CITED = re.compile(
    r"\b(?:prescribing information|package inserts?|medication guide|product monograph|"
    r"summary of product characteristics)\b",
    re.IGNORECASE,
)


def _is_label(document: Document, url: str, line: int, column: int) -> bool:
    """Whether the link at ``line``:``column`` leads to a medicine's label (the maker's copy)."""
    try:
        path = urlsplit(url).path
    except ValueError:
        path = ""
    if _LABEL_ADDRESS.search(path):
        return True
    return _LABEL_CITED.search(line_text(document, line), 0, column) is not None


_UNVETTED = {
    OPEN_PLATFORM: "a site where anyone can publish or host pages",
    IP_ADDRESS: "a bare IP address that names no publisher",
}


def _untrusted_site(url: str, data: AuthorityData) -> tuple[str, str] | None:
    """(host, registrable domain) of a web address off the authority list; None for any other."""
    host = _host(url)
    if host is None:
        return None
    remembered = data.link_sites.get(host, _UNSEEN)
    if remembered is _UNSEEN:
        if data.tier_of(host) is not None:
            remembered = None
        else:  # an IP address is its own "site": it has no registrable domain
            remembered = (host, host if is_ip_literal(host) else registrable_domain(host))
        remember(data.link_sites, host, remembered)
    return remembered


_UNSEEN = object()


# A sentence that names who made the page ("This leaflet was produced by the breast care team at ..."),
# or the name of a health body ("Leeds Teaching Hospitals NHS Trust", "Health Service Executive").
_NAMED_PUBLISHER = re.compile(
    r"\b(?:written|produced|published|prepared|developed|reviewed|provided|issued) by (?:the )?[A-Z]"
    r"|\b[A-Z][\w'’&-]*(?: [A-Z&][\w'’&-]*)* (?:NHS (?:Foundation )?Trust|Health Board|Health and Social Care Trust"
    r"|Hospitals? (?:NHS )?(?:Foundation )?Trust|Integrated Care Board|Health Authority|Health Service)\b"
    r"|\bHealth Service Executive\b",
)


def _has_attribution(document: Document, data: AuthorityData) -> bool:
    text = visible_body(document)
    if _ATTRIBUTION_LABEL.search(text) or _ADDRESS_LABEL.search(text) or _NAMED_PUBLISHER.search(text):
        return True
    return any(phrase in text for source in data.sources for phrase in source.attribution)


_STRONG_SIGNAL = 2  # a way to buy or a seller's label: S002 needs one

# Front-matter keys that also say where a page comes from.
_PROVENANCE_KEYS = ("sources", "publisher", "author", "authors", "citation")


@rule("S004", "no-provenance", "warning", uses=[AUTHORITY])
def no_provenance(document: Document, config: Config) -> Iterator[Violation]:
    """The document has no provenance: no `url`, no `source`, and no attribution in its text.

    Why it matters: nobody can check, update or cite a page whose origin is unknown.

    Front matter that names where the page comes from counts: `url`, `source`, and also
    `sources`, `publisher`, `author(s)` or `citation`. Attribution in the text counts: a
    line such as "Source: ...", "Written by ...", "Reviewed by ...", "Author: ...", "To
    cite this document ...", a copyright line (© 2025 ...); a line that gives the address
    the text was taken from ("URL Source: https://...", the header a reader service such as
    r.jina.ai writes, "URL: https://...", "Original URL: ..."); a sentence that says who made
    it ("This leaflet was produced by the Breast Care Team"); the name of a health body
    ("Northgate Hospitals NHS Foundation Trust", "Health Service Executive", "... Health
    Board"); or the full name of a known publisher ("American Cancer Society",
    "Macmillan Cancer Support", "National Cancer Institute", ...). Acronyms alone do
    not count.

    Example: a bare text file with a heading and paragraphs, no front matter, and no
    publisher named anywhere.

    Fix: add `url:` and `source:` to the front matter.

    Options: the publisher names that count are the `attribution` phrases of the sources
    in `[tool.contentlint.authority.sources]` (and the shipped data file). The fields read
    are `url` and `source` unless `[tool.contentlint.fields]` names others.
    """
    if document.front_matter_error is not None:
        return  # the front matter may name both; M002/M003 say why it cannot be read
    meta = document.metadata
    url, source = config.fields.url, config.fields.source
    for key in (url, source, *_PROVENANCE_KEYS):
        value = meta.get(key)
        if value is not None and (bool(value) if isinstance(value, (list, dict)) else str(value).strip()):
            return
    if not document.body.strip():
        return  # an empty document is Q008's
    if _has_attribution(document, authority_data(config)):
        return
    yield Violation(
        1, 1,
        f"no provenance: no `{url}` or `{source}` in front matter, and the text names no publisher or source; "
        f"add `{document.field_text(url)}` and `{document.field_text(source)}` so that editors can trace, review "
        "and cite the page",
        subject="provenance",
    )


@rule("S005", "source-domain-mismatch", "warning", uses=[AUTHORITY])
def source_domain_mismatch(document: Document, config: Config) -> Iterator[Violation]:
    """The declared `source` or `sourceType` does not match the domain of the `url`.

    Why it matters: a page labelled as NCI but fetched from elsewhere gets NCI's review
    cycle and trust without being NCI's page; usually the label or the url is wrong.

    `source` is matched against the known sources by name (NCI, NHS, Macmillan, ACS,
    CRUK, MedlinePlus, ...), `sourceType` by its words (`02_nci_core` names NCI). Each
    known source has its domains (NCI: cancer.gov, nih.gov). Unknown names are not judged.

    Example: `source: NCI` with `url: https://www.nhs.uk/conditions/cancer/`.

    Options (`[tool.contentlint.authority.sources]`): add or replace sources, e.g.
    `MyTrust = { names = ["my trust"], domains = ["mytrust.nhs.uk"] }`.
    """
    meta = document.metadata
    url = meta.get(config.fields.url)
    host = _host(url) if isinstance(url, str) else None
    if host is None:
        return
    data = authority_data(config)
    for key in (config.fields.source, "sourceType"):
        value = meta.get(key)
        if not isinstance(value, str) or not value.strip():
            continue
        source = data.source_named(value) if key == config.fields.source else data.source_in_type(value)
        if source is None or not source.domains:
            continue
        if within(host, source.domains):
            continue
        line, column = document.yaml_position((key,))
        yield Violation(
            line, column,
            f"`{document.field_text(key, value)}` names {source.name}, but the url is on {host} ({source.name} publishes on "
            f"{', '.join(source.domains)}): correct the {key} or the url",
            subject=key,
        )
