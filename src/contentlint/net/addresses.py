"""Which IP addresses a link checker must never send a request to (rule L008)."""

from __future__ import annotations

import ipaddress
from typing import Union
from urllib.parse import urlsplit

IPAddress = Union[ipaddress.IPv4Address, ipaddress.IPv6Address]

# Cloud instance-metadata endpoints: a request there can leak credentials (SSRF).
_METADATA = {
    ipaddress.ip_address("169.254.169.254"),  # AWS, GCP, Azure, OpenStack, DigitalOcean
    ipaddress.ip_address("169.254.170.2"),  # AWS ECS task metadata
    ipaddress.ip_address("fd00:ec2::254"),  # AWS over IPv6
    ipaddress.ip_address("100.100.100.200"),  # Alibaba Cloud
    ipaddress.ip_address("168.63.129.16"),  # Azure wire server (a public-looking address)
}
_SHARED = ipaddress.ip_network("100.64.0.0/10")  # carrier-grade NAT (RFC 6598)
_NAT64 = ipaddress.ip_network("64:ff9b::/96")
# fec0::/10 is the deprecated IPv6 site-local range (RFC 3879): Python calls it global, but networks
# that still route it use it like 10/8, so it is private here.
_PRIVATE = tuple(ipaddress.ip_network(n) for n in ("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7", "fec0::/10"))


def _embedded_ipv4(address: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 address stands for (mapped, NAT64, 6to4, Teredo), if any."""
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if address in _NAT64:
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    if address.sixtofour is not None:
        return address.sixtofour
    if address.teredo is not None:
        return address.teredo[1]
    return None


def is_forbidden_address(ip: str | IPAddress) -> str | None:
    """Why ``ip`` must not be requested ("loopback", "private", ...), or None for a public address.

    A string that is not an IP address gives "not an IP address" (refuse what cannot be judged).
    """
    try:
        address = ipaddress.ip_address(ip.split("%", 1)[0] if isinstance(ip, str) else ip)
    except ValueError:
        return "not an IP address"
    if isinstance(address, ipaddress.IPv6Address):
        embedded = _embedded_ipv4(address)
        if embedded is not None:
            return is_forbidden_address(embedded)
    if address in _METADATA:
        return "cloud metadata"
    if address.is_loopback:
        return "loopback"
    if address.is_unspecified:
        return "unspecified"
    if address.is_link_local:
        return "link-local"
    if address.is_multicast:
        return "multicast"
    if isinstance(address, ipaddress.IPv4Address) and address in _SHARED:
        return "shared (carrier-grade NAT)"
    if any(address in network for network in _PRIVATE if network.version == address.version):
        return "private"
    if address.is_reserved or not address.is_global:
        return "reserved"
    return None


_LOOPBACK_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback"}
_LOCAL_NAMES = {"metadata.google.internal"}
LOCAL_SUFFIXES = (".localhost", ".local", ".internal", ".home.arpa", ".localdomain",
                   ".lan", ".corp", ".home", ".intranet", ".private")  # the last five: RFC 6762 appendix G


def literal_address(host: str) -> IPAddress | None:
    """The IP address a host names literally, including the legacy IPv4 forms browsers accept
    (``127.1``, ``2130706433``, ``0x7f.0.0.1``), or None for a host name."""
    host = host.strip().rstrip(".").strip("[]")
    if not host:
        return None
    if host[0].isdigit() or ":" in host:
        try:
            return ipaddress.ip_address(host.split("%", 1)[0])
        except ValueError:
            pass
    if all(part and (part.isdigit() or part.lower().startswith("0x")) for part in host.split(".")):
        import socket  # only for the rare legacy forms

        try:
            return ipaddress.IPv4Address(socket.inet_aton(host))
        except (OSError, ValueError):
            return None
    return None


def forbidden_host(host: str) -> str | None:
    """Why a link to ``host`` is refused without any request, as a phrase for a message
    ("a loopback address", "a local host name"), or None. Offline: literal addresses and local names."""
    name = host.strip().rstrip(".").lower()
    if not name:
        return None
    address = literal_address(name)
    if address is not None:
        reason = is_forbidden_address(address)
        if reason is None:
            return None
        article = "an" if reason[0] in "aeiou" else "a"
        phrase = f"{article} {reason} address"
        try:
            ipaddress.ip_address(name.strip("[]").split("%", 1)[0])
        except ValueError:
            phrase += f" ({address} written another way)"
        return phrase
    if name in _LOOPBACK_NAMES or name.endswith(".localhost"):
        return "a loopback host name"
    if name in _LOCAL_NAMES or name.endswith(LOCAL_SUFFIXES):
        return "a local host name"
    if "." not in name:
        return "a host name without a dot, which only a local network resolves"
    return None


def host_of(url: str) -> str:
    """The lower-case host name of a URL, or "" when it has none or cannot be read."""
    try:
        return (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""


def ascii_host(host: str) -> str:
    """``host`` in its ASCII (xn--) form, as it is looked up; as it is when it has none."""
    if host.isascii():
        return host
    try:
        return host.encode("idna").decode("ascii")
    except UnicodeError:
        return host


def same_site(one: str, other: str) -> bool:
    """Whether two host names (lower case) are one site: equal but for `www.` and a final dot, or
    one a subdomain of the other (`nih.gov` and `www.ncbi.nlm.nih.gov`); a name and its xn-- form
    are equal."""
    one, other = one.rstrip(".").removeprefix("www."), other.rstrip(".").removeprefix("www.")
    if not one or not other:
        return False
    if one == other or one.endswith("." + other) or other.endswith("." + one):
        return True
    return ascii_host(one) == ascii_host(other)


def shown_host(host: str) -> str:
    """``host`` as a report shows it: a name not in ASCII with its xn-- form beside it
    ("111.nhѕ.uk (111.xn--nh-foc.uk)"), since letters of another script can look like the real ones."""
    written = ascii_host(host)
    return host if written == host else f"{host} ({written})"


def is_ip_literal(host: str) -> bool:
    """Whether a URL's host is an IP address (IPv6 with or without its brackets), not a name."""
    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    return True
