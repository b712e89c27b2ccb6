"""Settings read from the environment, each declared once with its default and help text.

The table :data:`SETTINGS` is the single list of what an operator can set; ``docs/settings.md``
documents each entry and a test keeps the two in step.
"""

from __future__ import annotations

import os
import re
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
        "MSRELIEF_POSTGRES_PREPARED",
        "true",
        "PostgreSQL: send parameters apart and keep each query planned per connection.",
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
        "MSRELIEF_PORTAL_LINK_MINUTES",
        "15",
        "Minutes an emailed sign-in link to the client portal works (once).",
    ),
    Setting(
        "MSRELIEF_PORTAL_INVITE_DAYS",
        "7",
        "Days the sign-in link of a staff invitation to the client portal works (once).",
    ),
    Setting(
        "MSRELIEF_PORTAL_LINKS_PER_HOUR",
        "3",
        "Sign-in links to the client portal one login is sent in an hour at most.",
    ),
    Setting(
        "MSRELIEF_RETAIN_CLIENT_YEARS",
        "8",
        "Years after a client's last contact before `msrelief purge` erases their record.",
    ),
    Setting(
        "MSRELIEF_RETAIN_MESSAGES_DAYS",
        "365",
        "Days a sent or failed message stays in the outbox before `msrelief purge` removes it.",
    ),
    Setting(
        "MSRELIEF_RETAIN_LINK_TOKENS_DAYS",
        "30",
        "Days a used or expired portal sign-in link is kept before `msrelief purge` removes it.",
    ),
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
        "MSRELIEF_TWO_FACTOR_FOR_STAFF",
        "false",
        "Also require two-factor sign-in of therapists and evidence editors (admins always).",
    ),
    Setting(
        "MSRELIEF_PASSKEY_RP_ID",
        "",
        "Host name passkeys are bound to; empty: the host of MSRELIEF_BASE_URL.",
    ),
    Setting(
        "MSRELIEF_PASSKEY_ORIGINS",
        "",
        "Comma-separated https:// origins passkeys are used from; empty: MSRELIEF_BASE_URL's.",
    ),
    Setting(
        "MSRELIEF_LOCKOUT_FAILURES",
        "10",
        "Wrong passwords or codes in a row that lock a login.",
    ),
    Setting(
        "MSRELIEF_LOCKOUT_MINUTES",
        "30",
        "Minutes a locked login stays locked; 0: until an admin unlocks it.",
    ),
    Setting(
        "MSRELIEF_SIGN_IN_RATE",
        "20/10m",
        "Sign-in POSTs (login, code, re-auth, reset) one address may send, as count/period.",
    ),
    Setting(
        "MSRELIEF_RESET_EMAILS_PER_HOUR",
        "3",
        "Password reset emails one login is sent in an hour at most.",
    ),
    Setting(
        "MSRELIEF_IDLE_MINUTES",
        "30",
        "Minutes without a request after which a signed-in session must sign in again.",
    ),
    Setting(
        "MSRELIEF_REAUTH_MINUTES",
        "10",
        "How recent a sign-in must be for exports, role changes and 2FA resets.",
    ),
    Setting(
        "MSRELIEF_COMMENTS_PER_MINUTE",
        "5",
        "Comments one client address may post on the Learn pages a minute; 0 turns it off.",
    ),
    Setting(
        "MSRELIEF_COMMENT_EDIT_MINUTES",
        "15",
        "Minutes during which a reader may edit or delete the comment they posted.",
    ),
    Setting(
        "MSRELIEF_SHARE_LINKS",
        "email,bluesky,mastodon,linkedin,whatsapp",
        "Share links under each Learn page (plain links, no scripts); empty: none.",
    ),
    Setting(
        "MSRELIEF_FOLLOW_LINKS",
        "",
        "Follow links beside the Atom feed: Label|https://address, comma-separated.",
    ),
    Setting(
        "MSRELIEF_CONTENT_OWNER",
        "Harbour Street Learning Trust (a fictional owner for the demo)",
        "Who holds the copyright of the Learn pages (the copyright page names them).",
    ),
    Setting(
        "MSRELIEF_PERMISSIONS_CONTACT",
        "permissions@learning-trust.example",
        "Where to ask for permission to reuse the Learn pages (an email or web address).",
    ),
    Setting(
        "MSRELIEF_EVIDENCE_REVIEW",
        "false",
        "Hold clinic admins' edits of the evidence base for an evidence editor's review.",
    ),
    Setting(
        "MSRELIEF_CACHE_URL",
        "",
        "Shared cache for the rate limiter (redis://, memcached://); empty: per-process memory.",
    ),
    Setting(
        "MSRELIEF_REMINDER_LEAD_HOURS",
        "24",
        "Hours before a planned session that the client's reminder is sent.",
    ),
    Setting(
        "MSRELIEF_REMINDER_NUDGE_DAYS",
        "3",
        "Days after a questionnaire opens that one reminder goes if it is still not done.",
    ),
    Setting(
        "MSRELIEF_QUIET_HOURS",
        "21:00-08:00",
        "Local hours (recipient's time zone) in which no reminder is sent, or none.",
    ),
    Setting(
        "MSRELIEF_DIARY_REMINDER_TIME",
        "18:00",
        "Local time (the client's time zone) at which a symptom diary reminder is sent.",
    ),
)

_BY_NAME = {s.name: s for s in SETTINGS}


def default_of(name: str) -> str:
    """The documented default of the setting ``name`` (a KeyError for an unknown name)."""
    return _BY_NAME[name].default


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


def env_int(
    name: str, environ: Mapping[str, str] | None = None, *, minimum: int | None = None
) -> int:
    """A whole-number setting; a non-number, or one below ``minimum``, is an error naming the
    variable."""
    value = _raw(name, environ)
    try:
        number = int(value)
    except ValueError:
        raise SettingError(f"{name}={value!r}: a whole number is needed") from None
    if minimum is not None and number < minimum:
        raise SettingError(f"{name}={value!r}: use {minimum} or more")
    return number


def env_list(name: str, environ: Mapping[str, str] | None = None) -> list[str]:
    """A comma-separated setting, blanks dropped."""
    return [part.strip() for part in _raw(name, environ).split(",") if part.strip()]


_RATE = re.compile(r"^[1-9][0-9]*/[1-9]?[0-9]*[smhd]$")


def env_rate(name: str, environ: Mapping[str, str] | None = None) -> str:
    """A rate such as ``20/10m`` (count / period in s, m, h or d, as django-ratelimit reads it);
    anything else is an error naming the variable."""
    value = _raw(name, environ).replace(" ", "")
    if not _RATE.match(value):
        raise SettingError(f"{name}={value!r}: write a rate as count/period, such as 20/10m")
    return value
