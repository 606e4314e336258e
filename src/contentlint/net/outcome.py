"""What checking one URL found: plain data, cached as JSON, judged by the link rules."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

# Kinds of failure where no usable HTTP answer came back.
DNS = "dns"  # the host name does not resolve
DNS_NO_ANSWER = "dns-no-answer"  # the name server gave no answer for it: a passing failure, or no network
REFUSED = "refused"  # nothing listens on that port
TIMEOUT = "timeout"  # no answer within --timeout
TLS = "tls"  # certificate or TLS handshake problem
# The certificate leads to no trusted authority with the certificates the site sends: mostly a
# chain without its intermediate, which browsers complete themselves (from the certificate's
# "CA Issuers" address, or a cache) and Python's TLS does not.
TLS_CHAIN = "tls-chain"
CONNECTION = "connection"  # connection reset or dropped
LOOP = "redirect-loop"
TOO_MANY_REDIRECTS = "too-many-redirects"
SCHEME = "unsupported-scheme"  # a redirect to something other than http(s)
FORBIDDEN = "forbidden-address"  # the address guard refused the host (L008)
INVALID = "invalid-url"
BAD_REDIRECT = "bad-redirect"  # a redirect that names no address to go to, or no valid one
INTERNAL = "internal"  # a bug in the checker; reported, never raised
NO_ROUTE = "network-unreachable"  # the machine has no route to the host's network (offline)
PROXY = "proxy"  # the proxy named in the settings failed (could not be reached, or refused)
HOST_DOWN = "host-down"  # not requested: its host gave no answer for the links tried before it
KINDS = frozenset({DNS, DNS_NO_ANSWER, REFUSED, TIMEOUT, TLS, TLS_CHAIN, CONNECTION, LOOP, TOO_MANY_REDIRECTS, SCHEME, FORBIDDEN, INVALID,
                   BAD_REDIRECT, INTERNAL, NO_ROUTE, PROXY, HOST_DOWN})
# Failures that say nothing about the host, only that this machine cannot get out.
OFFLINE_KINDS = frozenset({DNS, DNS_NO_ANSWER, NO_ROUTE, PROXY})
# Outcomes that prove the network works: some host (or the proxy) answered something.
_NEUTRAL_KINDS = frozenset({TIMEOUT, INVALID, INTERNAL, HOST_DOWN})


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
    # For a page read for the sections that links name (L014): each `#fragment` asked for, with
    # whether the page has it; or, when they could not be judged, why (``fragments_note``). A
    # missing fragment that the page has spelt differently maps to that id in ``respelt``.
    fragments: dict[str, bool] = field(default_factory=dict)
    fragments_note: str = ""
    respelt: dict[str, str] = field(default_factory=dict)
    requests: int = 0  # HTTP requests sent for this URL in this run (0 when cached)
    heard: bool = False  # some request for it got an HTTP answer in this run, whatever came of it
    cached: bool = False

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data.pop("requests")
        data.pop("heard")
        data.pop("cached")
        return data

    @classmethod
    def from_json(cls, data: Any) -> Outcome:
        """The outcome ``to_json`` wrote; ValueError for anything else (a cache row of the wrong
        shape or types must be a miss, never a crash later in the rules)."""
        if not isinstance(data, dict):
            raise ValueError("an outcome is a JSON object")
        known = {k: v for k, v in data.items() if k in _FIELD_TYPES}
        for name, value in known.items():
            expected = _FIELD_TYPES[name]
            if isinstance(value, bool) and bool not in expected or not isinstance(value, expected):
                raise ValueError(f"outcome field {name!r} has the wrong type")
        if not isinstance(known.get("url"), str):
            raise ValueError("an outcome needs its url")
        status = known.get("status")
        if status is not None and not 100 <= status <= 999:
            raise ValueError("not an HTTP status")
        if known.get("error") is not None and known["error"] not in KINDS:
            raise ValueError("unknown error kind")
        hops = []
        for hop in known.get("hops", []):
            if not (isinstance(hop, (list, tuple)) and len(hop) == 2 and isinstance(hop[0], str)
                    and isinstance(hop[1], int) and not isinstance(hop[1], bool)):
                raise ValueError("a redirect hop is [url, status]")
            hops.append((hop[0], hop[1]))
        known["hops"] = hops
        fragments = known.get("fragments", {})
        if not all(isinstance(name, str) and isinstance(found, bool) for name, found in fragments.items()):
            raise ValueError("fragments map each fragment to true or false")
        if not all(isinstance(name, str) and isinstance(id_, str) for name, id_ in known.get("respelt", {}).items()):
            raise ValueError("respelt maps each fragment to an id")
        retry_after = known.get("retry_after")
        if retry_after is not None:
            known["retry_after"] = float(retry_after)
        return cls(**known, cached=True)


_FIELD_TYPES: dict[str, tuple[type, ...]] = {
    "url": (str,), "status": (int, type(None)), "reason": (str,), "final_url": (str,), "hops": (list,),
    "error": (str, type(None)), "detail": (str,), "bot_wall": (bool,), "attempts": (int,),
    "retry_after": (int, float, type(None)), "address": (str,), "address_reason": (str,),
    "fragments": (dict,), "fragments_note": (str,), "respelt": (dict,),
}


class NetworkUnavailable(Exception):
    """A --links run in which no host could be reached at all (every lookup failed, the network
    is unreachable, or the proxy cannot be reached), so no link could be judged. Nothing was cached.

    ``str(error)`` is one line, "network unavailable: no host could be reached (...)": the command
    line prints it and exits 2. ``hosts`` are the hosts tried, ``outcomes`` what was found for each
    URL (for a caller that would rather report them as L002 after all).
    """

    def __init__(self, message: str, hosts: tuple[str, ...] = (), outcomes: dict[str, Outcome] | None = None) -> None:
        super().__init__(message)
        self.hosts = hosts
        self.outcomes = dict(outcomes or {})


def proves_network(outcome: Outcome) -> bool:
    """True when checking this URL reached some server (or the proxy), whatever it answered."""
    if outcome.status is not None or outcome.hops:
        return True
    return outcome.error is not None and outcome.error not in OFFLINE_KINDS and outcome.error not in _NEUTRAL_KINDS
