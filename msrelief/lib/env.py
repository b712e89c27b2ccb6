"""Settings read from the environment, each declared once with its default and help text.

The table :data:`SETTINGS` is the single list of what an operator can set; ``docs/settings.md``
documents each entry and a test keeps the two in step.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass

TRUE_WORDS = frozenset({"1", "true", "yes", "on"})
FALSE_WORDS = frozenset({"0", "false", "no", "off", ""})


class SettingError(ValueError):
    """An environment variable holds a value that cannot be used."""


@dataclass(frozen=True)
class Setting:
    name: str
    default: str
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting(
        "MSRELIEF_PRODUCTION", "false", "Production mode: secure cookies, HSTS, strict checks."
    ),
    Setting(
        "MSRELIEF_DEBUG",
        "",
        "Django debug pages. Empty means on in development, off in production.",
    ),
    Setting("MSRELIEF_SECRET_KEY", "", "Secret key for signing. Required in production."),
    Setting(
        "MSRELIEF_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]", "Comma-separated host names served."
    ),
    Setting(
        "MSRELIEF_CSRF_TRUSTED_ORIGINS",
        "",
        "Comma-separated origins (https://host) trusted for forms.",
    ),
    Setting(
        "DATABASE_URL",
        "",
        "Database URL; empty means SQLite at MSRELIEF_DATA_DIR/msrelief.sqlite3.",
    ),
    Setting("MSRELIEF_DATA_DIR", "var", "Folder for the SQLite database and other local data."),
    Setting(
        "MSRELIEF_SQLITE_BUSY_TIMEOUT",
        "20",
        "Seconds a SQLite connection waits for another's write to finish before failing.",
    ),
    Setting(
        "MSRELIEF_TIME_ZONE", "Europe/London", "Time zone for dates shown to users (IANA name)."
    ),
    Setting("MSRELIEF_EMAIL_BACKEND", "console", "console, smtp or locmem (tests)."),
    Setting("MSRELIEF_EMAIL_HOST", "localhost", "SMTP host when the email backend is smtp."),
    Setting("MSRELIEF_EMAIL_PORT", "25", "SMTP port when the email backend is smtp."),
    Setting(
        "MSRELIEF_TASKS",
        "database",
        "Background tasks: database (run `msrelief db_worker`) or immediate (tests).",
    ),
    Setting("MSRELIEF_DEFAULT_FROM_EMAIL", "msrelief@localhost", "Sender address of emails."),
    Setting(
        "MSRELIEF_HSTS_SECONDS", "31536000", "Strict-Transport-Security max-age in production."
    ),
    Setting(
        "MSRELIEF_LOG_LEVEL",
        "INFO",
        "Log level (DEBUG, INFO, WARNING, ERROR); production logs to stderr at this level.",
    ),
    Setting("MSRELIEF_BASE_URL", "http://127.0.0.1:8000", "Public address used in emailed links."),
    Setting("MSRELIEF_LINK_DAYS", "14", "Days a questionnaire link stays valid."),
    Setting(
        "MSRELIEF_RATE_LIMIT",
        "30",
        "POSTs a minute one client address may send to each public endpoint; 0 turns it off.",
    ),
    Setting(
        "MSRELIEF_TRUSTED_PROXIES",
        "",
        "Comma-separated addresses or networks of proxies whose X-Forwarded-For is believed.",
    ),
    Setting(
        "MSRELIEF_CACHE_URL",
        "",
        "Shared cache for the rate limiter (redis://, memcached://); empty: per-process memory.",
    ),
)

_BY_NAME = {s.name: s for s in SETTINGS}


def _raw(name: str, environ: Mapping[str, str] | None = None) -> str:
    if name not in _BY_NAME:
        raise KeyError(f"{name} is not a declared setting; add it to msrelief.lib.env.SETTINGS")
    source = os.environ if environ is None else environ
    return source.get(name, _BY_NAME[name].default).strip()


def env_str(name: str, environ: Mapping[str, str] | None = None) -> str:
    """The setting's value, or its declared default."""
    return _raw(name, environ)


def env_bool(name: str, environ: Mapping[str, str] | None = None) -> bool:
    """A yes/no setting; anything but the usual words is an error naming the variable."""
    value = _raw(name, environ).lower()
    if value in TRUE_WORDS:
        return True
    if value in FALSE_WORDS:
        return False
    raise SettingError(f"{name}={value!r}: use one of true/false, yes/no, on/off, 1/0")


def env_int(name: str, environ: Mapping[str, str] | None = None) -> int:
    """A whole-number setting; a non-number is an error naming the variable."""
    value = _raw(name, environ)
    try:
        return int(value)
    except ValueError:
        raise SettingError(f"{name}={value!r}: a whole number is needed") from None


def env_list(name: str, environ: Mapping[str, str] | None = None) -> list[str]:
    """A comma-separated setting, blanks dropped."""
    return [part.strip() for part in _raw(name, environ).split(",") if part.strip()]
