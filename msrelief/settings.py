"""The one settings module. Every value an operator may change comes from the environment
through :mod:`msrelief.lib.env`, which declares each with a safe laptop default.
Production mode (``MSRELIEF_PRODUCTION=true``) turns on the secure defaults; the rules in
:mod:`msrelief.lib.production` refuse an unsafe production configuration, both in
``check --deploy`` and when the WSGI/ASGI app is imported (docs/operations.md)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import dj_database_url

from msrelief.lib import passkeys, sqlite
from msrelief.lib.env import env_bool, env_int, env_list, env_rate, env_str
from msrelief.lib.logconfig import log_level, logging_config
from msrelief.lib.packages import package_dir
from msrelief.lib.quiet_hours import parse_quiet_hours, parse_time_of_day

BASE_DIR = Path(__file__).resolve().parent.parent
PRODUCTION = env_bool("MSRELIEF_PRODUCTION")
DEBUG = env_bool("MSRELIEF_DEBUG") if env_str("MSRELIEF_DEBUG") else not PRODUCTION

# Used only when no key is configured; production mode refuses it (msrelief.E002).
DEVELOPMENT_SECRET_KEY = "msrelief-development-only-key-do-not-use-in-production-0123456789"  # noqa: S105
SECRET_KEY = env_str("MSRELIEF_SECRET_KEY") or DEVELOPMENT_SECRET_KEY
ALLOWED_HOSTS = env_list("MSRELIEF_ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("MSRELIEF_CSRF_TRUSTED_ORIGINS")

DATA_DIR = (BASE_DIR / env_str("MSRELIEF_DATA_DIR")).resolve()
_database_url = env_str("DATABASE_URL")
if not _database_url:
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    _database_url = f"sqlite:///{DATA_DIR / 'msrelief.sqlite3'}"
DATABASES = {"default": dj_database_url.parse(_database_url, conn_max_age=60)}
# SQLite for concurrent requests (WAL, BEGIN IMMEDIATE, a busy timeout) in a 0600 file.
SQLITE_BUSY_TIMEOUT = env_int("MSRELIEF_SQLITE_BUSY_TIMEOUT")  # seconds
_db = DATABASES["default"]
if _db["ENGINE"] == sqlite.SQLITE_ENGINE:
    _db["OPTIONS"] = {**sqlite.connection_options(SQLITE_BUSY_TIMEOUT), **_db.get("OPTIONS", {})}
    if sqlite.is_file_database(str(_db["NAME"])):
        sqlite.secure_database_file(Path(str(_db["NAME"])))
elif _db["ENGINE"] == "django.db.backends.postgresql" and env_bool("MSRELIEF_POSTGRES_PREPARED"):
    # Parameters bound by the server, and a query run twice on a connection kept prepared:
    # PostgreSQL then parses and plans the few fixed queries of every page once per connection
    # (docs/settings.md; a pooler in transaction mode needs this off).
    _db["OPTIONS"] = {"server_side_binding": True, "prepare_threshold": 2, **_db.get("OPTIONS", {})}

INSTALLED_APPS = [
    "msrelief.accounts",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp_webauthn",
    "axes",
    "msrelief.audit",
    "msrelief.clients",
    "msrelief.instruments",
    "msrelief.programmes",
    "msrelief.safety",
    "msrelief.evidence",
    "msrelief.learn",
    "msrelief.reports",
    "msrelief.portal",
    "msrelief.privacy",
    "msrelief.notifications",
    "msrelief.core",
    "msrelief.demo",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.syndication",
    "csp",
]
# django-ninja is not an installed app: listed, it would be imported (with pydantic) whenever
# the apps load, a tenth of a second of every command's start-up. The API docs page
# (msrelief/api/docs.py) serves the Swagger UI bundled with it, under the CSP, from its
# templates and static files, found here without importing it.
NINJA_DIR = package_dir("ninja")

MIDDLEWARE = [
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "msrelief.core.middleware.NoStoreMiddleware",
    "msrelief.audit.middleware.RequestContextMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "msrelief.accounts.middleware.SignInMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    # Last, as django-axes asks: it turns a lockout found during the view into its page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "msrelief.urls"
WSGI_APPLICATION = "msrelief.wsgi.application"
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "msrelief" / "templates", NINJA_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
    # Only for the pages drawn most often (msrelief/core/jinja.py): same markup, less time.
    {
        "NAME": "jinja2",
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "DIRS": [BASE_DIR / "msrelief" / "jinja2"],
        "APP_DIRS": False,
        "OPTIONS": {"environment": "msrelief.core.jinja.environment"},
    },
]

AUTH_USER_MODEL = "accounts.User"
# django-axes first: it refuses a locked login before the password is even checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "msrelief.accounts.backends.PasswordBackend",  # Django's ModelBackend, its user prepared
]
LOGIN_URL = "accounts-login"
LOGIN_REDIRECT_URL = "clients-dashboard"
LOGOUT_REDIRECT_URL = "accounts-login"
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
MIN_PASSWORD_LENGTH = 12
# Django's checks, with msrelief's words for what a person reads (msrelief/accounts/passwords.py).
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "msrelief.accounts.passwords.MinimumLengthValidator",
        "OPTIONS": {"min_length": MIN_PASSWORD_LENGTH},
    },
    {
        "NAME": "msrelief.accounts.passwords.UserAttributeSimilarityValidator",
        "OPTIONS": {"user_attributes": ("email", "full_name")},
    },
    {"NAME": "msrelief.accounts.passwords.CommonPasswordValidator"},
    {"NAME": "msrelief.accounts.passwords.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = env_str("MSRELIEF_TIME_ZONE")
USE_I18N = True
USE_TZ = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "msrelief" / "static", NINJA_DIR / "static"]
# Production serves collected files (`msrelief collectstatic`); development serves from the apps,
# through WhiteNoise whether DEBUG is on or off (the demo runs with it off, docs/settings.md).
STATIC_ROOT = DATA_DIR / "static" if PRODUCTION else None
WHITENOISE_USE_FINDERS = not PRODUCTION
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}

_EMAIL_BACKENDS = {
    "console": "django.core.mail.backends.console.EmailBackend",
    "smtp": "django.core.mail.backends.smtp.EmailBackend",
    "locmem": "django.core.mail.backends.locmem.EmailBackend",
}
EMAIL_BACKEND = _EMAIL_BACKENDS.get(env_str("MSRELIEF_EMAIL_BACKEND"), "invalid")
EMAIL_HOST = env_str("MSRELIEF_EMAIL_HOST")
EMAIL_PORT = env_int("MSRELIEF_EMAIL_PORT")
DEFAULT_FROM_EMAIL = env_str("MSRELIEF_DEFAULT_FROM_EMAIL")
# An email is a row in the notifications outbox, sent after commit by a background task.
# "database" needs the worker (`msrelief db_worker`); "immediate" sends in the request that
# queued it, after commit (the tests use it; a mail failure is still recorded and retried).
_TASK_BACKENDS = {
    "database": "django_tasks_db.DatabaseBackend",
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
}
TASKS = {"default": {"BACKEND": _TASK_BACKENDS.get(env_str("MSRELIEF_TASKS"), "invalid")}}

# Security headers. Cookies and HSTS are strict in production; a laptop serves plain HTTP.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_ENGINE = "msrelief.accounts.sessions"  # database sessions with their login, one query
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = 60 * 60 * 8  # seconds: one working day, counted from signing in
SESSION_COOKIE_SECURE = PRODUCTION
CSRF_COOKIE_SECURE = PRODUCTION
SECURE_SSL_REDIRECT = PRODUCTION
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if PRODUCTION else None
SECURE_HSTS_SECONDS = env_int("MSRELIEF_HSTS_SECONDS") if PRODUCTION else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = PRODUCTION
SECURE_HSTS_PRELOAD = False
# Joining the browsers' HSTS preload list binds the whole domain for months; that is the
# operator's decision, so Django's reminder about it is silenced rather than answered here.
SILENCED_SYSTEM_CHECKS = ["security.W021"]

# No inline script or style anywhere: the policy is the same in development so that a page
# that would break in production breaks on the laptop first.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'none'"],
        "object-src": ["'none'"],
    }
}

# No page uses these browser features; a policy that denies them keeps injected or embedded
# content from asking for them (and opts out of interest-based advertising cohorts).
PERMISSIONS_POLICY: dict[str, list[str]] = {
    feature: []
    for feature in (
        "accelerometer",
        "ambient-light-sensor",
        "autoplay",
        "bluetooth",
        "browsing-topics",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "hid",
        "idle-detection",
        "interest-cohort",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
}

BASE_URL = env_str("MSRELIEF_BASE_URL").rstrip("/")
QUESTIONNAIRE_LINK_DAYS = env_int("MSRELIEF_LINK_DAYS")
# The client portal's emailed sign-in links (docs/portal.md).
PORTAL_LINK_MINUTES = env_int("MSRELIEF_PORTAL_LINK_MINUTES", minimum=1)
PORTAL_INVITE_DAYS = env_int("MSRELIEF_PORTAL_INVITE_DAYS", minimum=1)
PORTAL_LINKS_PER_HOUR = env_int("MSRELIEF_PORTAL_LINKS_PER_HOUR", minimum=0)

# Retention (docs/privacy.md "Retention"), applied by `msrelief purge`.
RETAIN_CLIENT_YEARS = env_int("MSRELIEF_RETAIN_CLIENT_YEARS", minimum=1)
RETAIN_MESSAGES_DAYS = env_int("MSRELIEF_RETAIN_MESSAGES_DAYS", minimum=1)
RETAIN_LINK_TOKENS_DAYS = env_int("MSRELIEF_RETAIN_LINK_TOKENS_DAYS", minimum=1)

# Reminders between sessions (docs/programmes.md "Reminders"), sent by the worker's pass.
REMINDER_LEAD = timedelta(hours=env_int("MSRELIEF_REMINDER_LEAD_HOURS", minimum=1))
REMINDER_NUDGE_DAYS = env_int("MSRELIEF_REMINDER_NUDGE_DAYS", minimum=1)
QUIET_HOURS = parse_quiet_hours("MSRELIEF_QUIET_HOURS", env_str("MSRELIEF_QUIET_HOURS"))
DIARY_REMINDER_TIME = parse_time_of_day(
    "MSRELIEF_DIARY_REMINDER_TIME", env_str("MSRELIEF_DIARY_REMINDER_TIME")
)

# The Learn pages (docs/learn.md): comments, share and follow links, the copyright page.
LEARN_COMMENTS_PER_MINUTE = env_int("MSRELIEF_COMMENTS_PER_MINUTE")
LEARN_COMMENT_EDIT_MINUTES = env_int("MSRELIEF_COMMENT_EDIT_MINUTES")
LEARN_SHARE_LINKS = env_list("MSRELIEF_SHARE_LINKS")
LEARN_FOLLOW_LINKS = env_list("MSRELIEF_FOLLOW_LINKS")
CONTENT_OWNER = env_str("MSRELIEF_CONTENT_OWNER")
PERMISSIONS_CONTACT = env_str("MSRELIEF_PERMISSIONS_CONTACT")

# The evidence base (docs/evidence.md "Review"): clinic admins' edits wait for an evidence
# editor's approval when this is on.
EVIDENCE_REVIEW = env_bool("MSRELIEF_EVIDENCE_REVIEW")

# Production: Django's request and security logs, runserver's, msrelief's and gunicorn's error
# log go to stderr at MSRELIEF_LOG_LEVEL (docs/operations.md).
LOG_LEVEL = log_level(env_str("MSRELIEF_LOG_LEVEL"))
LOGGING = logging_config(LOG_LEVEL, production=PRODUCTION)
# Every log record, in every mode, has questionnaire link tokens replaced by "…".
LOGGING_CONFIG = "msrelief.lib.logconfig.configure"

# --- Request limits and rate limiting (docs/settings.md "Limits"; msrelief/lib/limits.py) ---
# Kept as one block at the end of the file: the limits are declared in msrelief.lib.limits.
from msrelief.lib.cache_url import caches_from_url  # noqa: E402
from msrelief.lib.limits import MAX_REQUEST_BYTES  # noqa: E402
from msrelief.lib.proxies import parse_networks  # noqa: E402

# A body over the limit is refused with 413 by RequestLimitsMiddleware before anything reads
# it; Django's own limits say the same, and keep an accepted upload in memory.
DATA_UPLOAD_MAX_MEMORY_SIZE = MAX_REQUEST_BYTES
FILE_UPLOAD_MAX_MEMORY_SIZE = MAX_REQUEST_BYTES
DATA_UPLOAD_MAX_NUMBER_FILES = 10
# Before the CSRF check, which is the first to read a POST body.
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.middleware.csrf.CsrfViewMiddleware"),
    "msrelief.core.request_limits.RequestLimitsMiddleware",
)
PUBLIC_POSTS_PER_MINUTE = env_int("MSRELIEF_RATE_LIMIT")
# The client address behind a proxy, for the audit trail and the rate limiter (lib/proxies.py).
TRUSTED_PROXIES = parse_networks(env_list("MSRELIEF_TRUSTED_PROXIES"))
CACHES = caches_from_url(env_str("MSRELIEF_CACHE_URL"))

# --- Sign-in: two factors, lockout, throttling, timeouts (docs/security.md "Sign-in") ---

# Clinic admins and superusers must use a second factor; other staff may, or must with this on.
TWO_FACTOR_FOR_STAFF = env_bool("MSRELIEF_TWO_FACTOR_FOR_STAFF")
# Not from the environment: only the browser tests that are not about signing in turn it off
# (conftest.py), since they sign in with a password alone.
TWO_FACTOR_ENROLMENT_REQUIRED = True
OTP_TOTP_ISSUER = "msrelief"
# Passkeys (WebAuthn, django-otp-webauthn) as a second factor only: the password comes first, so
# that lockout, throttling and the audit trail have one path (docs/security.md "Two factors").
_relying_party = passkeys.configured(
    BASE_URL, env_str("MSRELIEF_PASSKEY_RP_ID"), env_list("MSRELIEF_PASSKEY_ORIGINS")
)
PASSKEYS_ENABLED = _relying_party.enabled
OTP_WEBAUTHN_ALLOW_PASSWORDLESS_LOGIN = False
OTP_WEBAUTHN_RP_NAME = OTP_TOTP_ISSUER
OTP_WEBAUTHN_RP_ID = _relying_party.id or "localhost"  # unused while passkeys are off
OTP_WEBAUTHN_ALLOWED_ORIGINS = list(_relying_party.origins)
# No traceback in the log for a refused passkey: each failure is audited (auth.2fa_failed).
OTP_WEBAUTHN_EXCEPTION_LOGGER_NAME = ""
if not PASSKEYS_ENABLED:
    SILENCED_SYSTEM_CHECKS.append("otp_webauthn.E030")  # no origins: passkeys are off
SIGN_IN_RATE = env_rate("MSRELIEF_SIGN_IN_RATE")
RESET_EMAILS_PER_HOUR = env_int("MSRELIEF_RESET_EMAILS_PER_HOUR", minimum=0)
IDLE_TIMEOUT = timedelta(minutes=env_int("MSRELIEF_IDLE_MINUTES", minimum=1))
REAUTH_WINDOW = timedelta(minutes=env_int("MSRELIEF_REAUTH_MINUTES", minimum=1))
# django-axes counts wrong passwords and codes per login (however the address is typed), in the
# database; a complete sign-in clears the count (msrelief.accounts.lockout.clear_failures: for a
# login with an app, only once its code is given), so the limit is on failures in a row.
AXES_FAILURE_LIMIT = env_int("MSRELIEF_LOCKOUT_FAILURES", minimum=1)
_lockout_minutes = env_int("MSRELIEF_LOCKOUT_MINUTES", minimum=0)
AXES_COOLOFF_TIME = timedelta(minutes=_lockout_minutes) if _lockout_minutes else None
AXES_LOCKOUT_PARAMETERS = ["username"]
# Addresses are throttled, not locked, by msrelief.accounts.lockout.sign_in_throttled (a lock
# per address would shut out a whole clinic behind one NAT): axes' reminder is answered there.
SILENCED_SYSTEM_CHECKS.append("axes.W006")
AXES_RESET_ON_SUCCESS = False  # axes would clear the count at the password, before the code
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_USERNAME_FORM_FIELD = "username"  # the login form's field (the email address)
AXES_USERNAME_CALLABLE = "msrelief.accounts.lockout.username_of"
AXES_CLIENT_IP_CALLABLE = "msrelief.accounts.lockout.client_ip"
AXES_LOCKOUT_CALLABLE = "msrelief.accounts.lockout.locked_page"
# The audit trail records sign-ins; axes keeps only the failure counts, and no admin pages
# that would change them unaudited.
AXES_DISABLE_ACCESS_LOG = True
# What axes keeps of a failed POST never shows a password, a code or the form's token.
AXES_SENSITIVE_PARAMETERS = ["password", "code", "csrfmiddlewaretoken"]
AXES_ENABLE_ADMIN = False
AXES_VERBOSE = False
