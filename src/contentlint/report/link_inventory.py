"""`contentlint links`: the links of the documents as a list (every link where it is written), by
address (each URL once, with how often and where first), or by host (with the host's standing in
the authority data), as text, JSON or CSV."""

from __future__ import annotations

import csv
from collections import Counter
from dataclasses import asdict, dataclass
from typing import Any, TextIO

from contentlint.analysis.authority import (
    COMMERCIAL,
    IP_ADDRESS,
    OPEN_PLATFORM,
    WORKSPACE,
    AuthorityData,
    authority_data,
    registrable_domain,
    unlisted_kind,
)
from contentlint.analysis.redirectors import REDIRECTORS, is_shortener, is_wrapper_host
from contentlint.engine.link_inventory import CitedLink
from contentlint.model.settings import Config
from contentlint.net.addresses import shown_host
from contentlint.report.escape import csv_cell, printable
from contentlint.report.json_text import json_text

BY_LINK, BY_URL, BY_HOST = "link", "url", "host"
NOT_LISTED = "not listed"
VENDOR = "vendor"
SHORTENER = "link shortener"
WRAPPER = "link wrapper"


@dataclass(frozen=True)
class AddressRow:
    url: str
    links: int
    documents: int
    first: str  # path:line:column of its first link


@dataclass(frozen=True)
class HostRow:
    host: str
    links: int
    documents: int
    authority: str  # its tier in the authority data, or what S003 makes of it (see HostStanding)


def by_url(links: list[CitedLink]) -> list[AddressRow]:
    """Each address once, most cited first (then alphabetically); same-page jumps are left out."""
    counts: Counter[str] = Counter()
    documents: dict[str, set[str]] = {}
    first: dict[str, CitedLink] = {}
    for link in links:
        if link.target.startswith("#"):
            continue
        counts[link.url] += 1
        documents.setdefault(link.url, set()).add(link.path)
        first.setdefault(link.url, link)
    return sorted(
        (AddressRow(url, count, len(documents[url]), _place(first[url])) for url, count in counts.items()),
        key=lambda row: (-row.links, row.url),
    )


def by_host(links: list[CitedLink], standing: HostStanding) -> list[HostRow]:
    """Each host of an http(s) link once, most cited first (then alphabetically)."""
    counts: Counter[str] = Counter()
    documents: dict[str, set[str]] = {}
    for link in links:
        if link.host:
            counts[link.host] += 1
            documents.setdefault(link.host, set()).add(link.path)
    return sorted(
        (HostRow(host, count, len(documents[host]), standing(host)) for host, count in counts.items()),
        key=lambda row: (-row.links, row.host),
    )


@dataclass(frozen=True)
class HostStanding:
    """What a host is, as `contentlint links --by host` and the audit's Linked sites say: its tier in
    the authority data; else what S003 and L013 make of it (a vendor, a link shortener or wrapper,
    an open platform, a workspace, an IP address, a commercial name), or NOT_LISTED when its name
    says nothing against it."""

    authority: AuthorityData
    shorteners: frozenset[str]

    @classmethod
    def of(cls, config: Config) -> HostStanding:
        return cls(authority_data(config), config.resource(REDIRECTORS).shorteners)

    def __call__(self, host: str) -> str:
        tier = self.authority.tier_of(host)
        if tier is not None:
            return tier.name
        if self.authority.is_vendor(host):
            return VENDOR
        if is_shortener(host, self.shorteners):
            return SHORTENER
        if is_wrapper_host(host):
            return WRAPPER
        return _UNLISTED.get(unlisted_kind(host, registrable_domain(host)), NOT_LISTED)

    def standing_and_listed(self, host: str) -> tuple[str, bool]:
        """What the host is, and whether it is on the authority list."""
        return self(host), self.authority.tier_of(host) is not None


_UNLISTED = {OPEN_PLATFORM: OPEN_PLATFORM, WORKSPACE: WORKSPACE, IP_ADDRESS: IP_ADDRESS, COMMERCIAL: "commercial, not listed"}


def write(rows: list[Any], mode: str, output_format: str, stream: TextIO) -> None:
    if output_format == "json":
        stream.write(json_text([asdict(row) for row in rows]) + "\n")
    elif output_format == "csv":
        writer = csv.writer(stream, lineterminator="\n")
        fields = list(_COLUMNS[mode])
        writer.writerow(fields)
        for row in rows:
            values = asdict(row)
            writer.writerow([csv_cell(values[name]) for name in fields])
    else:
        _TEXT[mode](rows, stream)


_COLUMNS = {
    BY_LINK: ("path", "line", "column", "kind", "target", "url", "host", "problem"),
    BY_URL: ("url", "links", "documents", "first"),
    BY_HOST: ("host", "links", "documents", "authority"),
}


def _links_text(rows: list[CitedLink], stream: TextIO) -> None:
    for link in rows:
        shown = _shown(link.url) if link.url == link.target else f"{link.url} (written {_shown(link.target)})"
        problem = f"  [{link.problem}]" if link.problem else ""
        stream.write(printable(f"{_place(link)}: {shown}{problem}") + "\n")


def _urls_text(rows: list[AddressRow], stream: TextIO) -> None:
    stream.write(f"{'LINKS':>7} {'DOCS':>6}  URL (first link)\n")
    for row in rows:
        stream.write(printable(f"{row.links:>7,} {row.documents:>6,}  {_shown(row.url)}  ({row.first})") + "\n")


def _hosts_text(rows: list[HostRow], stream: TextIO) -> None:
    width = max([len(row.authority) for row in rows] + [len("AUTHORITY")])
    stream.write(f"{'LINKS':>7} {'DOCS':>6}  {'AUTHORITY':<{width}}  HOST\n")
    for row in rows:
        stream.write(printable(f"{row.links:>7,} {row.documents:>6,}  {row.authority:<{width}}  {shown_host(row.host)}") + "\n")


_TEXT = {BY_LINK: _links_text, BY_URL: _urls_text, BY_HOST: _hosts_text}


def _shown(target: str) -> str:
    return target if target.strip() else f'"{target}" (empty)'


def _place(link: CitedLink) -> str:
    return f"{link.path}:{link.line}:{link.column}"
