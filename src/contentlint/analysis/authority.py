"""Authority tiers, vendors, declared sources and vendor signals: shipped data plus config.

The shipped file is ``data/authority.toml``; ``[tool.contentlint.authority]`` extends it
(``extend-domains``, ``extend-link-domains``, ``extend-vendors``, ``extend-vendor-phrases``,
``sources``, ``vendor-threshold``) or replaces it (``data = "file.toml"``).
"""

from __future__ import annotations

import functools
import json
import re
import sys
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, Iterable

from contentlint.analysis.pattern_starts import indexed_starts
from contentlint.analysis.visible_text import Needles
from contentlint.model.errors import ConfigError
from contentlint.model.settings import Config, Option, Resource
from contentlint.net.addresses import is_ip_literal

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

SECTION = "authority"


@dataclass(frozen=True)
class Tier:
    name: str
    description: str
    source: bool  # may a document come from here (S001), or only be linked to (S003)?


@dataclass(frozen=True)
class Source:
    name: str
    names: tuple[str, ...]
    domains: tuple[str, ...]
    attribution: tuple[str, ...]


@dataclass(frozen=True)
class Signal:
    name: str
    phrases: frozenset[str]  # lower case
    pattern: re.Pattern[str] | None
    requires: Any  # a contentlint.analysis.visible_text.Needles
    weight: float


@dataclass
class AuthorityData:
    domains: dict[str, Tier] = field(default_factory=dict)  # domain -> tier
    vendors: frozenset[str] = frozenset()
    sources: list[Source] = field(default_factory=list)
    signals: list[Signal] = field(default_factory=list)
    threshold: float = 3.0
    _tiers_seen: dict[str, Tier | None] = field(default_factory=dict, repr=False)
    _sources_seen: dict[tuple[str, str], Source | None] = field(default_factory=dict, repr=False)
    _vendor_table: dict[str, bool] | None = field(default=None, repr=False)
    # Per linked host: (host, registrable domain) when off the authority list, else None (S003).
    link_sites: dict[str, tuple[str, str] | None] = field(default_factory=dict, repr=False)

    def tier_of(self, host: str) -> Tier | None:
        """The tier of the most specific listed domain that ``host`` is, or is under."""
        if host not in self._tiers_seen:
            remember(self._tiers_seen, host, _lookup(self.domains, host))
        return self._tiers_seen[host]

    def search_keys(self) -> set[str]:
        """What the phrase scan must find for the vendor signals."""
        keys: set[str] = set()
        for signal in self.signals:
            keys.update(signal.phrases)
            keys.update(signal.requires.indexed)
            if signal.pattern is not None:
                keys.update(indexed_starts(signal.pattern))
        return keys

    def is_vendor(self, host: str) -> bool:
        if self._vendor_table is None:
            self._vendor_table = dict.fromkeys(self.vendors, True)
        return _lookup(self._vendor_table, host) is not None

    def source_named(self, value: str) -> Source | None:
        key = ("name", value)
        if key not in self._sources_seen:
            wanted = value.strip().lower()
            remember(self._sources_seen, key, next((s for s in self.sources if wanted in s.names), None))
        return self._sources_seen[key]

    def source_in_type(self, source_type: str) -> Source | None:
        """The source that a sourceType such as ``02_nci_core`` names by one of its words."""
        key = ("type", source_type)
        if key not in self._sources_seen:
            words = set(_TYPE_WORD_SEPARATORS.split(source_type.lower()))
            remember(self._sources_seen, key, next((s for s in self.sources if words.intersection(s.names)), None))
        return self._sources_seen[key]


def remember(cache: dict[Any, Any], key: Any, value: Any) -> None:
    """Keep ``value`` in a per-run cache, which starts over when full: what recurs is back at once."""
    if len(cache) > 4096:
        cache.clear()
    cache[key] = value


_TYPE_WORD_SEPARATORS = re.compile(r"[^a-z0-9.]+")


_MAX_HOST_NAME = 253  # characters in a DNS name (RFC 1035)


def _lookup(table: dict[str, Any], host: str) -> Any:
    """Whole-label suffix match: "a.b.nih.gov" tries a.b.nih.gov, b.nih.gov, nih.gov, gov."""
    host = host.lower().rstrip(".")
    if len(host) > _MAX_HOST_NAME:  # no such host, and no table holds one (and the walk below would be quadratic)
        return None
    labels = host.split(".")
    for start in range(len(labels)):
        found = table.get(".".join(labels[start:]))
        if found is not None:
            return found
    return None


def normalise_domain(value: str) -> str:
    """"https://www.nhs.uk/x" or "*.nhs.uk" -> "nhs.uk"."""
    value = value.strip().lower()
    if "://" in value:
        value = value.split("://", 1)[1]
    value = value.split("/", 1)[0].rstrip(".")
    for prefix in ("*.", "www."):
        value = value.removeprefix(prefix)
    return value


def _read_shipped() -> dict[str, Any]:
    return tomllib.loads(resources.files("contentlint").joinpath("data/authority.toml").read_text(encoding="utf-8"))


def _read_file(path: Path) -> dict[str, Any]:
    try:
        with open(path, "rb") as handle:
            return tomllib.load(handle)
    except OSError as error:
        raise ConfigError(f"authority data file {path}: cannot read: {error.strerror or error}") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"authority data file {path}: not valid TOML: {error}") from None


def _compile(pattern: str, where: str) -> re.Pattern[str]:
    try:
        return re.compile(pattern, re.IGNORECASE)
    except re.error as error:
        raise ConfigError(f"{where}: invalid regular expression {pattern!r}: {error}") from None


def _phrases(phrases: list[str]) -> frozenset[str]:
    return frozenset(p.lower() for p in phrases if p.strip())


def _needles(requires: list[str]) -> Needles:
    return Needles([r.lower() for r in requires])


def build(raw: dict[str, Any], section: dict[str, Any]) -> AuthorityData:
    data = AuthorityData()
    for name, tier in raw.get("tiers", {}).items():
        entry = Tier(name, str(tier.get("description", name)), bool(tier.get("source", True)))
        for domain in tier.get("domains", []):
            data.domains.setdefault(normalise_domain(domain), entry)
    local = Tier("local", "trusted in this project's config", True)
    for domain in section.get("extend-domains", []):
        data.domains[normalise_domain(domain)] = local
    linkable = Tier("local-links", "fine to link to (this project's config)", False)
    for domain in section.get("extend-link-domains", []):
        data.domains.setdefault(normalise_domain(domain), linkable)
    data.vendors = frozenset(normalise_domain(d) for d in [*raw.get("vendors", {}).get("domains", []), *section.get("extend-vendors", [])])
    sources = dict(raw.get("sources", {}))
    sources.update(section.get("sources", {}))
    for name, entry in sources.items():
        names = {name.lower(), *(n.lower() for n in entry.get("names", []))}
        data.sources.append(
            Source(
                name,
                tuple(sorted(names)),
                tuple(normalise_domain(d) for d in entry.get("domains", [])),
                tuple(entry.get("attribution", [])),
            )
        )
    signals = raw.get("vendor_signals", {})
    data.threshold = float(section.get("vendor-threshold", signals.get("threshold", 3)))
    for entry in signals.get("signal", []):
        pattern = entry.get("pattern")
        data.signals.append(
            Signal(
                str(entry["name"]),
                _phrases(entry.get("phrases", [])),
                _compile(pattern, f"vendor signal {entry['name']!r}") if pattern else None,
                _needles(entry.get("requires", [])),
                float(entry.get("weight", 1)),
            )
        )
    extra = section.get("extend-vendor-phrases", [])
    if extra:
        data.signals.append(Signal("configured vendor phrase", _phrases(extra), None, _needles([]), 2.0))
    return data


@functools.lru_cache(maxsize=8)
def _cached(root: str, section_json: str) -> AuthorityData:
    section = json.loads(section_json)
    if "data" in section:
        raw = _read_file(Path(root) / section["data"])
    else:
        raw = _read_shipped()
    return build(raw, section)


def _build_for(config: Config) -> AuthorityData:
    section = config.sections.get(SECTION, {})
    return _cached(str(config.root), json.dumps(section, sort_keys=True))


_STRINGS = {"type": "array", "items": {"type": "string"}}
OPTIONS = (
    Option(SECTION, "data", {"type": "string"}, help="a TOML file that replaces the shipped authority data"),
    Option(SECTION, "extend-domains", _STRINGS, [], "domains trusted as sources"),
    Option(SECTION, "extend-link-domains", _STRINGS, [], "domains fine to link to"),
    Option(SECTION, "extend-vendors", _STRINGS, [], "known vendor domains"),
    Option(SECTION, "extend-vendor-phrases", _STRINGS, [], "phrases that mark a vendor page"),
    Option(SECTION, "vendor-threshold", {"type": "number", "exclusiveMinimum": 0}, help="signal weight that makes a vendor page"),
    Option(
        SECTION, "sources",
        {
            "type": "object",
            "additionalProperties": {
                "type": "object",
                "additionalProperties": False,
                "properties": {"names": _STRINGS, "domains": _STRINGS, "attribution": _STRINGS},
            },
        },
        {}, "declared sources: their names, domains and attribution phrases",
    ),
)

# The authority data of the run, shared by the S rules; its phrases go into the phrase index.
AUTHORITY = Resource("authority data", _build_for, search_keys=lambda data: data.search_keys(), options=OPTIONS)


def authority_data(config: Config) -> AuthorityData:
    return config.resource(AUTHORITY)


@functools.lru_cache(maxsize=1)
def _suffix_list() -> Any:
    from publicsuffixlist import PublicSuffixList  # bundled list: no network

    return PublicSuffixList(only_icann=True)


def has_known_suffix(host: str) -> bool:
    """Whether ``host`` ends in a suffix of the public suffix list: `nhs.uk`, not `node.js`."""
    try:
        return _suffix_list().publicsuffix(host.lower().rstrip("."), accept_unknown=False) is not None
    except Exception:  # an odd host name must not stop the check
        return False


def registrable_domain(host: str) -> str:
    """``pubmed.ncbi.nlm.nih.gov`` -> ``nih.gov``; a host that is itself a public suffix stays as it is."""
    host = host.lower().rstrip(".")
    try:
        return _suffix_list().privatesuffix(host) or host
    except Exception:  # an odd host name must not stop the check
        return host


# Sites where anyone can publish, and hosting platforms: who wrote the page is unknown.
_OPEN_PLATFORMS = (
    "wikipedia.org", "wikimedia.org", "youtube.com", "youtu.be", "facebook.com", "instagram.com", "tiktok.com",
    "twitter.com", "x.com", "reddit.com", "quora.com", "medium.com", "substack.com", "blogspot.com",
    "wordpress.com", "wixsite.com", "weebly.com", "tumblr.com", "pinterest.com", "linkedin.com", "scribd.com",
    "slideshare.net", "issuu.com", "yumpu.com", "pdfcoffee.com", "dokumen.pub", "studocu.com", "coursehero.com",
    "github.io", "herokuapp.com", "azurewebsites.net", "web.app", "netlify.app", "vercel.app", "sites.google.com",
)
# Workspaces of organisations: shared drives, intranets, chat and mail. Their pages are for the
# people of one organisation; a reader without an account there may not open them.
_WORKSPACES = (
    "sharepoint.com", "teams.microsoft.com", "teams.live.com", "onedrive.live.com", "drive.google.com",
    "docs.google.com", "mail.google.com", "dropbox.com", "app.box.com", "slack.com", "atlassian.net",
    "outlook.office.com", "outlook.office365.com", "outlook.live.com", "trello.com", "miro.com",
)
# Public suffixes of commercial and general-purpose names: an unlisted site there may be selling.
_COMMERCIAL_SUFFIXES = frozenset(
    "com net biz info co io shop store online site xyz top club health life app co.uk com.au co.nz co.in".split()
)


OPEN_PLATFORM, WORKSPACE, IP_ADDRESS, COMMERCIAL = "open platform", "workspace", "IP address", "commercial"

# A place on a map: how a page shows readers the way to a clinic, not a source of what it says.
_MAP_LINK = re.compile(
    r"https?://(?:(?:www\.)?google\.[a-z]{2,3}(?:\.[a-z]{2})?/maps(?:[/?#]|$)|maps\.google\.[a-z.]+(?:[/?#]|$)"
    r"|(?:www\.)?goo\.gl/maps/|maps\.app\.goo\.gl/|maps\.apple\.com(?:[/?#]|$)|(?:www\.)?bing\.com/maps(?:[/?#]|$)"
    r"|wego\.here\.com(?:[/?#]|$)|(?:www\.)?waze\.com/(?:[a-z]{2}(?:-[A-Z]{2})?/)?(?:ul|live-map)(?:[/?#]|$))",
    re.IGNORECASE,
)


def is_map_link(url: str) -> bool:
    """Whether ``url`` shows a place on a map service (Google, Apple or Bing Maps, HERE, Waze), or is
    Google Maps' own short link to one (``goo.gl/maps/…``, ``maps.app.goo.gl/…``)."""
    return _MAP_LINK.match(url) is not None


def within(host: str, domains: Iterable[str]) -> bool:
    """Whether ``host`` is one of ``domains`` or a subdomain of one."""
    return any(host == domain or host.endswith("." + domain) for domain in domains)


def unlisted_kind(host: str, site: str) -> str | None:
    """Why a site off the authority list (``site``: its registrable domain) deserves a look:
    OPEN_PLATFORM (anyone can publish there), WORKSPACE (an organisation's drive, intranet, chat or
    mail), IP_ADDRESS (no publisher named), COMMERCIAL (a commercial or general-purpose name); None
    when its name says nothing against it (a .org, a national domain)."""
    if within(host, _WORKSPACES):
        return WORKSPACE
    if within(host, _OPEN_PLATFORMS):
        return OPEN_PLATFORM
    if is_ip_literal(host):
        return IP_ADDRESS
    suffix = site.split(".", 1)[1] if "." in site else site
    return COMMERCIAL if suffix in _COMMERCIAL_SUFFIXES else None
