"""The rules a production configuration must meet, in one place and free of Django.

:func:`unsafe_settings` lists what is wrong with a configuration, each problem with a stable
id, what is wrong and how to fix it. The system checks (``msrelief check --deploy``) report
the list, and the WSGI and ASGI entry points refuse to start while it is not empty.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

MIN_SECRET_KEY_LENGTH = 50
LOCAL_HOST_NAMES = frozenset({"localhost", "127.0.0.1", "[::1]", "::1"})
# Email backends that never deliver a message: fine on a laptop, silent data loss in production.
UNDELIVERED_EMAIL_BACKENDS = {
    "django.core.mail.backends.console.EmailBackend": "console",
    "django.core.mail.backends.locmem.EmailBackend": "locmem",
}


@dataclass(frozen=True)
class Problem:
    """One unsafe setting: a stable id (documented in docs/settings.md), what is wrong, and
    what to do about it."""

    id: str
    message: str
    hint: str

    def __str__(self) -> str:
        return f"{self.id}: {self.message} {self.hint}"


@dataclass(frozen=True)
class Configuration:
    """The settings the production rules look at, as plain values."""

    debug: bool
    secret_key: str
    development_secret_key: str
    allowed_hosts: Sequence[str]
    email_backend: str
    base_url: str


def is_local_host(host: str) -> bool:
    """True for a name or address that only ever reaches this machine."""
    name = host.strip().lower().rstrip(".")
    if name in LOCAL_HOST_NAMES or name.endswith(".localhost"):
        return True
    try:
        address = ipaddress.ip_address(name.strip("[]"))
    except ValueError:
        return False
    return address.is_loopback or address.is_unspecified


def _secret_key_problems(config: Configuration) -> list[Problem]:
    key = config.secret_key
    if key == config.development_secret_key or len(key) < MIN_SECRET_KEY_LENGTH:
        return [
            Problem(
                "msrelief.E002",
                "The secret key is the published development key or shorter than "
                f"{MIN_SECRET_KEY_LENGTH} characters.",
                "Set MSRELIEF_SECRET_KEY to a long random value (50+ characters), e.g. from "
                "python3 -c 'import secrets; print(secrets.token_urlsafe(60))'.",
            )
        ]
    return []


def _host_problems(config: Configuration) -> list[Problem]:
    hosts = [h.strip() for h in config.allowed_hosts if h.strip()]
    if not hosts or "*" in hosts or all(is_local_host(h) for h in hosts):
        return [
            Problem(
                "msrelief.E003",
                "MSRELIEF_ALLOWED_HOSTS names no public host name, or allows any host (*).",
                "Set MSRELIEF_ALLOWED_HOSTS to the host names you serve, comma-separated "
                "(e.g. msrelief.example.org).",
            )
        ]
    return []


def _email_problems(config: Configuration) -> list[Problem]:
    name = UNDELIVERED_EMAIL_BACKENDS.get(config.email_backend)
    if name:
        return [
            Problem(
                "msrelief.E005",
                f"MSRELIEF_EMAIL_BACKEND is {name}, which never delivers an email (password "
                "resets and questionnaire links would be lost).",
                "Set MSRELIEF_EMAIL_BACKEND=smtp and MSRELIEF_EMAIL_HOST to your mail server.",
            )
        ]
    return []


def _base_url_problems(config: Configuration) -> list[Problem]:
    try:
        parts = urlsplit(config.base_url)
        host = parts.hostname or ""
    except ValueError:  # e.g. an unclosed [ in the host
        parts, host = None, ""
    problems = []
    if parts is None or parts.scheme != "https" or not host:
        problems.append(
            Problem(
                "msrelief.E006",
                f"MSRELIEF_BASE_URL ({config.base_url!r}) is not an https:// address, so "
                "emailed links would travel unencrypted or not work.",
                "Set MSRELIEF_BASE_URL to the public https:// address of the site.",
            )
        )
    if host and is_local_host(host):
        problems.append(
            Problem(
                "msrelief.E007",
                f"MSRELIEF_BASE_URL ({config.base_url!r}) points at this machine, so emailed "
                "links would not reach the site from anyone else's device.",
                "Set MSRELIEF_BASE_URL to the public address of the site, e.g. "
                "https://msrelief.example.org.",
            )
        )
    return problems


def unsafe_settings(config: Configuration) -> list[Problem]:
    """Every reason the configuration is unsafe to serve in production, in id order."""
    problems = []
    if config.debug:
        problems.append(
            Problem(
                "msrelief.E001",
                "DEBUG is on: error pages would show settings and code to anyone.",
                "Unset MSRELIEF_DEBUG (or set it to false).",
            )
        )
    problems += _secret_key_problems(config)
    problems += _host_problems(config)
    problems += _email_problems(config)
    problems += _base_url_problems(config)
    return problems


def refusal_message(problems: Sequence[Problem]) -> str:
    """The text a server shows when it refuses to start: every problem and its fix."""
    count = f"{len(problems)} unsafe setting" + ("" if len(problems) == 1 else "s")
    lines = [f"msrelief will not start in production mode ({count}):"]
    lines += [f"  - {problem}" for problem in problems]
    lines.append("Fix these, or unset MSRELIEF_PRODUCTION on a development machine.")
    return "\n".join(lines)
