"""System checks that refuse an unsafe production configuration. Their ids are stable and
documented in docs/settings.md."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.checks import Error, Tags, register

DEV_KEY_HINT = "Set MSRELIEF_SECRET_KEY to a long random value (50+ characters)."


@register(Tags.security, deploy=True)
def production_settings_check(app_configs: Any = None, **kwargs: Any) -> list[Error]:
    """In production mode: no DEBUG, a real secret key and explicit allowed hosts."""
    if not settings.PRODUCTION:
        return []
    errors = []
    if settings.DEBUG:
        errors.append(
            Error(
                "DEBUG is on in production mode.",
                hint="Unset MSRELIEF_DEBUG (or set it to false).",
                id="msrelief.E001",
            )
        )
    if settings.SECRET_KEY == settings.DEVELOPMENT_SECRET_KEY or len(settings.SECRET_KEY) < 50:
        errors.append(
            Error(
                "The secret key is the development key or too short.",
                hint=DEV_KEY_HINT,
                id="msrelief.E002",
            )
        )
    local = {"localhost", "127.0.0.1", "[::1]"}
    if (
        not settings.ALLOWED_HOSTS
        or set(settings.ALLOWED_HOSTS) <= local
        or "*" in settings.ALLOWED_HOSTS
    ):
        errors.append(
            Error(
                "ALLOWED_HOSTS names no public host (or allows any host) in production mode.",
                hint="Set MSRELIEF_ALLOWED_HOSTS to the host names you serve, comma-separated.",
                id="msrelief.E003",
            )
        )
    return errors


@register()
def email_backend_check(app_configs: Any = None, **kwargs: Any) -> list[Error]:
    """The email backend must be one of the names docs/settings.md lists."""
    if settings.EMAIL_BACKEND == "invalid":
        return [
            Error(
                "MSRELIEF_EMAIL_BACKEND is not one of console, smtp, locmem.",
                id="msrelief.E004",
            )
        ]
    return []
