"""What checking one URL found: plain data, cached as JSON, judged by the link rules."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

# Kinds of failure where no usable HTTP answer came back.
DNS = "dns"  # the host name does not resolve
REFUSED = "refused"  # nothing listens on that port
TIMEOUT = "timeout"  # no answer within --timeout
TLS = "tls"  # certificate or TLS handshake problem
CONNECTION = "connection"  # connection reset or dropped
LOOP = "redirect-loop"
TOO_MANY_REDIRECTS = "too-many-redirects"
SCHEME = "unsupported-scheme"  # a redirect to something other than http(s)
FORBIDDEN = "forbidden-address"  # the address guard refused the host (L008)
INVALID = "invalid-url"
INTERNAL = "internal"  # a bug in the checker; reported, never raised


@dataclass
class Outcome:
    url: str
    status: int | None = None  # the last HTTP status received (None when there was none)
    reason: str = ""  # its reason phrase
    final_url: str = ""  # where the redirects ended
    hops: list[tuple[str, int]] = field(default_factory=list)  # (url, status) of each redirect followed
    error: str | None = None  # one of the kinds above
    detail: str = ""  # the error's own words
    bot_wall: bool = False  # the answer looks like an anti-bot challenge page
    attempts: int = 1  # tries of the last hop (retries included)
    retry_after: float | None = None  # what the server last asked us to wait, in seconds
    address: str = ""  # for FORBIDDEN: the refused address
    address_reason: str = ""  # for FORBIDDEN: why ("loopback", "private", ...)
    requests: int = 0  # HTTP requests sent for this URL in this run (0 when cached)
    cached: bool = False

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data.pop("requests")
        data.pop("cached")
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Outcome:
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        known["hops"] = [(str(url), int(status)) for url, status in known.get("hops", [])]
        return cls(**known, cached=True)
