"""Which hosts a link may never point at: private, loopback, link-local and metadata addresses.

Used offline by L008 on literal addresses in links, and by the network guard at every
connection and redirect hop, so that a document can never make the checker reach into
the network it runs on.
"""

from __future__ import annotations

import ipaddress

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

# Cloud instance-metadata endpoints: reaching them from a CI runner can leak credentials.
_METADATA = {
    ipaddress.ip_address("169.254.169.254"): "the cloud instance-metadata address",
    ipaddress.ip_address("169.254.170.2"): "the cloud container-metadata address",
    ipaddress.ip_address("100.100.100.200"): "the cloud instance-metadata address",
    ipaddress.ip_address("fd00:ec2::254"): "the cloud instance-metadata address",
}
_SHARED = ipaddress.ip_network("100.64.0.0/10")

_LOCAL_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback", "metadata.google.internal"}
_LOCAL_SUFFIXES = (".localhost", ".local", ".internal", ".home.arpa", ".localdomain")


def is_forbidden_address(address: IPAddress | str) -> str | None:
    """Why ``address`` must not be requested (e.g. "a loopback address"), or None for a public address."""
    if isinstance(address, str):
        try:
            address = ipaddress.ip_address(address.strip("[]"))
        except ValueError:
            return None
    if isinstance(address, ipaddress.IPv6Address):
        embedded = address.ipv4_mapped or address.sixtofour or (address.teredo[1] if address.teredo else None)
        if embedded is not None:
            reason = is_forbidden_address(embedded)
            if reason is not None:
                return reason
    if address in _METADATA:
        return _METADATA[address]
    if address.is_loopback:
        return "a loopback address"
    if address.is_unspecified:
        return "the unspecified address"
    if address.is_link_local:
        return "a link-local address"
    if address.is_multicast:
        return "a multicast address"
    if isinstance(address, ipaddress.IPv4Address) and address in _SHARED:
        return "a carrier-grade NAT address"
    if address.is_private:
        return "a private-network address"
    if address.is_reserved or not address.is_global:
        return "a reserved address"
    return None


def literal_address(host: str) -> IPAddress | None:
    """The IP address a host names literally, including the legacy IPv4 forms browsers accept
    (``127.1``, ``2130706433``, ``0x7f.0.0.1``), or None for a host name."""
    host = host.strip().rstrip(".").strip("[]")
    if not host:
        return None
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


def _is_standard_literal(name: str) -> bool:
    try:
        ipaddress.ip_address(name.strip("[]").split("%", 1)[0])
    except ValueError:
        return False
    return True


def forbidden_host(host: str) -> str | None:
    """Why a link to ``host`` is refused without a request (literal address or local name), or None."""
    name = host.strip().rstrip(".").lower()
    if not name:
        return None
    address = literal_address(name)
    if address is not None:
        reason = is_forbidden_address(address)
        if reason is not None and not _is_standard_literal(name):
            reason = f"{reason} ({address} written another way)"
        return reason
    if name in _LOCAL_NAMES or name.endswith(_LOCAL_SUFFIXES):
        return "a local host name"
    return None
