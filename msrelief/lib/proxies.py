"""The address a request came from, believing ``X-Forwarded-For`` only from trusted proxies.

``MSRELIEF_TRUSTED_PROXIES`` lists the proxies' addresses or networks (``127.0.0.1``,
``10.0.0.0/8``, ``::1``). When the connection's peer (``REMOTE_ADDR``) is not one of them, the
peer is the client and any ``X-Forwarded-For`` is ignored: a client can write that header
itself. When the peer is trusted, the header is read from the right (each proxy appends the
address it saw) and the first address that is not a trusted proxy is the client's; the part of
the header to the left of it was written by the client, or by proxies it chose, and is never
believed. The audit trail (``remote_addr``) and the rate limiter both ask this module.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable, Mapping, Sequence

from msrelief.lib.env import SettingError

Network = ipaddress.IPv4Network | ipaddress.IPv6Network
Address = ipaddress.IPv4Address | ipaddress.IPv6Address

SETTING = "MSRELIEF_TRUSTED_PROXIES"


def parse_networks(values: Iterable[str], name: str = SETTING) -> tuple[Network, ...]:
    """The trusted proxies as networks; a value that is not an address or a network (such as
    the count this setting once took) is an error naming the variable."""
    networks = []
    for value in values:
        try:
            networks.append(ipaddress.ip_network(value, strict=False))
        except ValueError:
            raise SettingError(
                f"{name}={value!r}: list the proxies' addresses or networks, comma-separated "
                "(e.g. 127.0.0.1,10.0.0.0/8); a number of proxies is not accepted"
            ) from None
    return tuple(networks)


def _address(text: str) -> Address | None:
    try:
        address = ipaddress.ip_address(text.strip())
    except ValueError:
        return None
    # A dual-stack socket reports an IPv4 peer as ::ffff:a.b.c.d.
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped
    return address


def _trusted(address: Address, proxies: Sequence[Network]) -> bool:
    return any(address.version == net.version and address in net for net in proxies)


def client_address(
    remote_addr: str | None, forwarded_for: str | None, proxies: Sequence[Network]
) -> Address | None:
    """The client's address (None when what should be an address is not one)."""
    peer = _address(remote_addr or "")
    if peer is None or not _trusted(peer, proxies) or not forwarded_for:
        return peer
    client: Address | None = peer
    for hop in reversed(forwarded_for.split(",")):
        client = _address(hop)
        if client is None or not _trusted(client, proxies):
            return client
    return client  # every hop is a trusted proxy: the left-most is as far back as it goes


def from_meta(meta: Mapping[str, object], proxies: Sequence[Network]) -> Address | None:
    """:func:`client_address` of a Django request's ``META``."""
    remote, forwarded = meta.get("REMOTE_ADDR"), meta.get("HTTP_X_FORWARDED_FOR")
    return client_address(
        remote if isinstance(remote, str) else None,
        forwarded if isinstance(forwarded, str) else None,
        proxies,
    )
