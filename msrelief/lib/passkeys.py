"""Where passkeys (WebAuthn) are valid: the relying party's id (a host name that a passkey is
bound to) and the origins a browser may use it from, derived from ``MSRELIEF_BASE_URL`` unless
``MSRELIEF_PASSKEY_RP_ID`` / ``MSRELIEF_PASSKEY_ORIGINS`` say otherwise (docs/settings.md).

Browsers offer passkeys only to a secure page (``https://``, or ``http://localhost``) and bind
them to a host name, never to an IP address. A laptop's default address, ``http://127.0.0.1``,
therefore becomes ``localhost``: open the site as ``http://localhost:8000`` to use passkeys
there. Any other address that cannot carry passkeys (plain ``http://`` elsewhere, an IP address)
leaves them switched off, unless the two settings are given; a value given that cannot work is
refused at start-up with a message naming it.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from urllib.parse import urlsplit

from msrelief.lib.env import SettingError

RP_ID = "MSRELIEF_PASSKEY_RP_ID"
ORIGINS = "MSRELIEF_PASSKEY_ORIGINS"
LOOPBACK = frozenset({"127.0.0.1", "::1", "localhost"})


@dataclass(frozen=True)
class RelyingParty:
    """``id`` empty: passkeys are off (the address cannot carry them)."""

    id: str
    origins: tuple[str, ...]

    @property
    def enabled(self) -> bool:
        return bool(self.id and self.origins)


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


def _origin(url: str) -> tuple[str, str, int | None]:
    """(scheme, host, port) of an address, lower-cased (host empty when there is none)."""
    parts = urlsplit(url.strip())
    try:
        port = parts.port
    except ValueError:
        port = None
    return parts.scheme.lower(), (parts.hostname or "").lower(), port


def _text(scheme: str, host: str, port: int | None) -> str:
    shown = f"[{host}]" if ":" in host else host
    return f"{scheme}://{shown}" + (f":{port}" if port is not None else "")


def _secure(scheme: str, host: str) -> bool:
    return scheme == "https" or (scheme == "http" and host == "localhost")


def _within(host: str, rp_id: str) -> bool:
    return host == rp_id or host.endswith(f".{rp_id}")


def derived(base_url: str) -> RelyingParty:
    """The relying party that ``MSRELIEF_BASE_URL`` implies (see the module's text)."""
    scheme, host, port = _origin(base_url)
    if host in LOOPBACK:
        host = "localhost"
    if not host or _is_ip(host) or not _secure(scheme, host):
        return RelyingParty("", ())
    return RelyingParty(host, (_text(scheme, host, port),))


def configured(base_url: str, rp_id: str, origins: list[str]) -> RelyingParty:
    """The relying party from the two settings, each falling back to what ``base_url``
    implies; a value that cannot work raises SettingError naming its variable."""
    fallback = derived(base_url)
    rp_id = rp_id.strip().lower()
    if rp_id and (_is_ip(rp_id) or "/" in rp_id or ":" in rp_id or "." in (rp_id[0], rp_id[-1])):
        raise SettingError(
            f"{RP_ID}={rp_id!r}: give a host name such as clinic.example.org (no scheme, port "
            "or path; browsers bind passkeys to a name, never to an IP address)"
        )
    chosen_id = rp_id or fallback.id
    if not origins:
        if rp_id and not (fallback.origins and _within(_origin(fallback.origins[0])[1], rp_id)):
            raise SettingError(
                f"{RP_ID}={rp_id!r} does not cover MSRELIEF_BASE_URL={base_url!r}: set "
                f"{ORIGINS} to the https:// addresses people open msrelief at"
            )
        return RelyingParty(chosen_id, fallback.origins)
    if not chosen_id:
        raise SettingError(
            f"{ORIGINS} is set but MSRELIEF_BASE_URL={base_url!r} gives no host name for "
            f"passkeys: set {RP_ID} too"
        )
    return RelyingParty(chosen_id, tuple(_checked_origin(o, chosen_id) for o in origins))


def _checked_origin(origin: str, rp_id: str) -> str:
    scheme, host, port = _origin(origin)
    path = urlsplit(origin.strip()).path
    if not host or path not in ("", "/") or not _secure(scheme, host):
        raise SettingError(
            f"{ORIGINS} has {origin!r}: each origin is https://host (or http://localhost:port), "
            "with no path"
        )
    if not _within(host, rp_id):
        raise SettingError(
            f"{ORIGINS} has {origin!r}, whose host is not {rp_id} or under it ({RP_ID})"
        )
    return _text(scheme, host, port)
