"""The one settings module. Every value an operator may change comes from the environment
through :mod:`msrelief.lib.env`, which declares each with a safe laptop default.
Production mode (``MSRELIEF_PRODUCTION=true``) turns on the secure defaults, and the system
checks in :mod:`msrelief.checks` refuse an unsafe production configuration."""

from __future__ import annotations

from pathlib import Path

import dj_database_url

from msrelief.lib.env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent
PRODUCTION = env_bool("MSRELIEF_PRODUCTION")
DEBUG = env_bool("MSRELIEF_DEBUG") if env_str("MSRELIEF_DEBUG") else not PRODUCTION

# Used only when no key is configured; the system check msrelief.E002 refuses it in production.
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
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Two workers saving at once must queue, not fail with "database is locked": a transaction
    # takes the write lock when it begins (a read that later writes cannot be refused), waits up
    # to 20 s for it, and WAL lets pages be read while someone writes.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL;",
    }

INSTALLED_APPS = [
    "msrelief.accounts",
    "msrelief.audit",
    "msrelief.clients",
    "msrelief.instruments",
    "msrelief.evidence",
    "msrelief.core",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "csp",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "msrelief.audit.middleware.RequestContextMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
]

ROOT_URLCONF = "msrelief.urls"
WSGI_APPLICATION = "msrelief.wsgi.application"
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "msrelief" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts-login"
LOGIN_REDIRECT_URL = "clients-dashboard"
LOGOUT_REDIRECT_URL = "accounts-login"
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": f"django.contrib.auth.password_validation.{name}"}
    for name in (
        "UserAttributeSimilarityValidator",
        "MinimumLengthValidator",
        "CommonPasswordValidator",
        "NumericPasswordValidator",
    )
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = env_str("MSRELIEF_TIME_ZONE")
USE_I18N = True
USE_TZ = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "msrelief" / "static"]
# Production serves collected files (`msrelief collectstatic`); development serves from the apps.
STATIC_ROOT = DATA_DIR / "static" if PRODUCTION else None
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

# Security headers. Cookies and HSTS are strict in production; a laptop serves plain HTTP.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = 60 * 60 * 8  # seconds: one working day
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

BASE_URL = env_str("MSRELIEF_BASE_URL").rstrip("/")
QUESTIONNAIRE_LINK_DAYS = env_int("MSRELIEF_LINK_DAYS")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "loggers": {"msrelief": {"handlers": ["console"], "level": env_str("MSRELIEF_LOG_LEVEL")}},
}
