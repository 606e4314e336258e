"""Settings of the online link check, read from ``[tool.contentlint.links]`` and the command line."""

from __future__ import annotations

import fnmatch
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping
from urllib.parse import urlsplit, urlunsplit

from contentlint import __version__

DEFAULT_USER_AGENT = f"contentlint/{__version__} (link checker for health-information documents)"
CACHE_DIRNAME = ".contentlint_cache"

# A duration in config: seconds, or a number with a unit. The config schema uses the same pattern.
DURATION_PATTERN = r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$"
_DURATION = re.compile(DURATION_PATTERN)
_UNIT_SECONDS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}
_ENV_REFERENCE = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")


class SettingsError(ValueError):
    """A value in [tool.contentlint.links] that the schema lets through but cannot be used."""


def parse_duration(value: Any, key: str) -> float:
    """Seconds from a number of seconds or a string such as "45s", "30m", "12h", "7d"."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    match = _DURATION.match(str(value))
    if not match:
        raise SettingsError(f"`{key}`: {value!r} is not a duration (use seconds, or e.g. \"30m\", \"12h\", \"7d\")")
    return float(match.group(1)) * _UNIT_SECONDS[match.group(2)]


def _expand_env(value: str, key: str) -> str:
    """Replace ``${NAME}`` with the environment variable, so tokens stay out of config files."""

    def lookup(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in os.environ:
            raise SettingsError(f"`{key}` refers to ${{{name}}}, which is not set in the environment")
        return os.environ[name]

    return _ENV_REFERENCE.sub(lookup, value)


def host_matches(pattern: str, host: str) -> bool:
    """A host pattern is a host name, or a glob such as ``*.nhs.uk`` (which also matches nhs.uk)."""
    pattern, host = pattern.lower().rstrip("."), host.lower().rstrip(".")
    if fnmatch.fnmatchcase(host, pattern):
        return True
    return pattern.startswith("*.") and host == pattern[2:]


@dataclass(frozen=True)
class LinkSettings:
    timeout: float = 10.0
    retries: int = 2
    backoff: float = 0.5  # the first retry waits this long, then twice as long each time
    max_retry_wait: float = 20.0  # cap on any wait, whether from Retry-After or from backoff
    max_redirects: int = 10
    concurrency: int = 64
    host_concurrency: int = 16
    host_interval: float = 0.005  # least time between the starts of two requests to one host
    read_limit: int = 8192  # bytes of a GET body read at most (to recognise a bot wall)
    # Links with a `#fragment`: their page is read (a GET, up to page_read_limit bytes) for its
    # sections (L014).
    check_fragments: bool = True
    page_read_limit: int = 10 * 1024 * 1024
    user_agent: str = DEFAULT_USER_AGENT
    headers: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = ()
    accept: tuple[tuple[str, frozenset[int]], ...] = ()
    skip: tuple[re.Pattern[str], ...] = ()
    allow_private_hosts: bool = False
    cache: bool = True
    cache_dir: Path = field(default_factory=lambda: Path.cwd() / CACHE_DIRNAME)
    cache_ok_seconds: float = 7 * 86400.0
    cache_failure_seconds: float = 3600.0
    # The proxy to send every request through, "http://host:port" (credentials allowed), or None.
    # Only a proxy named here is used: HTTP_PROXY and the like in the environment never are.
    proxy: str | None = None
    # The most time one URL may take, its redirects, retries and waits included; None: timeout x (retries + 2).
    budget: float | None = None

    def url_budget(self) -> float:
        if self.budget is not None:
            return self.budget
        return self.timeout * (self.retries + 2)

    def proxy_display(self) -> str:
        """The proxy's address without any credentials, for messages."""
        return redact_url(self.proxy) if self.proxy else ""

    def headers_for(self, host: str) -> dict[str, str]:
        """User-Agent plus the extra headers of every pattern that matches ``host`` (later wins)."""
        merged = {"User-Agent": self.user_agent}
        for pattern, headers in self.headers:
            if host_matches(pattern, host):
                merged.update(headers)
        return merged

    def accepted_statuses(self, host: str) -> frozenset[int]:
        statuses: set[int] = set()
        for pattern, codes in self.accept:
            if host_matches(pattern, host):
                statuses |= codes
        return frozenset(statuses)

    def is_skipped(self, url: str) -> bool:
        return any(pattern.search(url) for pattern in self.skip)

    def fingerprint(self) -> str:
        """What changes the answer a server gives: a cached result is reused only under the same."""
        import hashlib

        text = repr((self.user_agent, self.headers, self.allow_private_hosts, self.max_redirects))
        if self.proxy:  # a proxy can change the answers (a corporate filter): its own cache entries
            text += repr(("proxy", self.proxy))
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def redact_url(url: str) -> str:
    """``url`` with any user name and password taken out."""
    try:
        parts = urlsplit(url)
        if parts.username is None and parts.password is None:
            return url
        host = parts.hostname or ""
        if ":" in host:
            host = f"[{host}]"
        netloc = host + (f":{parts.port}" if parts.port is not None else "")
        return urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))
    except ValueError:
        return "(a proxy URL that cannot be read)"


def parse_proxy(value: Any, key: str = "proxy") -> str:
    """An explicit proxy: http:// or https:// with a host and, if wanted, a port and credentials."""
    text = _expand_env(str(value).strip(), key)
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError:
        raise SettingsError(f"`{key}`: {redact_url(text)!r} is not a valid proxy URL") from None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise SettingsError(
            f"`{key}`: {redact_url(text)!r} is not a proxy URL (use e.g. \"http://proxy.example.org:3128\"; "
            "SOCKS proxies are not supported)")
    if parts.path not in ("", "/") or parts.query or parts.fragment:
        raise SettingsError(f"`{key}`: {redact_url(text)!r} has a path; a proxy URL is scheme, host and port only")
    del port
    return text


def settings_from_section(section: Mapping[str, Any], root: Path) -> LinkSettings:
    """LinkSettings from the (schema-validated) [tool.contentlint.links] table.

    Relative paths in it are relative to ``root``, the directory of the config file.
    """
    values: dict[str, Any] = {}
    simple = {
        "timeout": "timeout", "retries": "retries", "max-redirects": "max_redirects",
        "concurrency": "concurrency", "host-concurrency": "host_concurrency",
        "user-agent": "user_agent", "allow-private-hosts": "allow_private_hosts", "cache": "cache",
        "check-fragments": "check_fragments",
    }
    for key, name in simple.items():
        if key in section:
            values[name] = section[key]
    for key, name in (("backoff", "backoff"), ("max-retry-wait", "max_retry_wait"), ("host-interval", "host_interval"),
                      ("cache-ok", "cache_ok_seconds"), ("cache-failure", "cache_failure_seconds")):
        if key in section:
            values[name] = parse_duration(section[key], key)
    if section.get("proxy"):
        values["proxy"] = parse_proxy(section["proxy"])
    if "budget" in section:
        values["budget"] = parse_duration(section["budget"], "budget")
    if "cache-dir" in section:
        values["cache_dir"] = (root / os.path.expanduser(section["cache-dir"])).resolve()
    else:
        values["cache_dir"] = root / CACHE_DIRNAME
    skip = []
    for pattern in section.get("skip", []):
        try:
            skip.append(re.compile(pattern))
        except re.error as error:
            raise SettingsError(f"`skip`: {pattern!r} is not a valid regular expression: {error}") from None
    values["skip"] = tuple(skip)
    values["accept"] = tuple((host, frozenset(int(s) for s in statuses)) for host, statuses in section.get("accept", {}).items())
    values["headers"] = tuple(
        (host, tuple((name, _expand_env(str(value), f"headers.{host}.{name}")) for name, value in table.items()))
        for host, table in section.get("headers", {}).items()
    )
    return LinkSettings(**values)
