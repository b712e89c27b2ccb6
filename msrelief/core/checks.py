"""System checks that refuse an unsafe production configuration, and the refusal the WSGI and
ASGI entry points make at import. Both read the one list of rules in
:mod:`msrelief.lib.production`; the ids are stable and documented in docs/settings.md."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register
from django.core.exceptions import ImproperlyConfigured

from msrelief.lib.env import default_of
from msrelief.lib.production import Configuration, Problem, refusal_message, unsafe_settings

INVALID_EMAIL_BACKEND = Problem(
    "msrelief.E004",
    "MSRELIEF_EMAIL_BACKEND is not one of console, smtp, locmem.",
    "Set MSRELIEF_EMAIL_BACKEND to smtp (or console on a development machine).",
)


def production_problems() -> list[Problem]:
    """What makes the current settings unsafe to serve; empty outside production mode."""
    if not settings.PRODUCTION:
        return []
    problems = unsafe_settings(
        Configuration(
            debug=settings.DEBUG,
            secret_key=settings.SECRET_KEY,
            development_secret_key=settings.DEVELOPMENT_SECRET_KEY,
            allowed_hosts=settings.ALLOWED_HOSTS,
            email_backend=settings.EMAIL_BACKEND,
            base_url=settings.BASE_URL,
        )
    )
    if settings.EMAIL_BACKEND == "invalid":
        problems.append(INVALID_EMAIL_BACKEND)
    return sorted(problems, key=lambda problem: problem.id)


def refuse_unsafe_production() -> None:
    """Raise ImproperlyConfigured, naming every problem and its fix, when production mode is on
    with unsafe settings. The WSGI and ASGI modules call this before building the app."""
    problems = production_problems()
    if problems:
        raise ImproperlyConfigured(refusal_message(problems))


def _error(problem: Problem) -> Error:
    return Error(problem.message, hint=problem.hint, id=problem.id)


@register(Tags.security, deploy=True)
def production_settings_check(app_configs: Any = None, **kwargs: Any) -> list[Error]:
    """In production mode: every rule of msrelief.lib.production (E001-E003, E005-E007)."""
    return [_error(p) for p in production_problems() if p is not INVALID_EMAIL_BACKEND]


@register()
def email_backend_check(app_configs: Any = None, **kwargs: Any) -> list[Error]:
    """The email backend must be one of the names docs/settings.md lists (in every mode)."""
    if settings.EMAIL_BACKEND == "invalid":
        return [_error(INVALID_EMAIL_BACKEND)]
    return []


# The Learn pages' copyright holder and permissions contact: the defaults are fictional, for the
# demo. A site that serves them as its own would misstate who owns its pages, which is wrong but
# not unsafe, so this warns (and ``check --deploy --fail-level WARNING`` fails) without stopping
# the server.
FICTIONAL_LEARN_OWNER = "msrelief.W001"


@register(Tags.security, deploy=True)
def learn_owner_check(app_configs: Any = None, **kwargs: Any) -> list[Warning]:
    """In production mode: the Learn pages must not name the demo's fictional owner."""
    if not settings.PRODUCTION:
        return []
    fictional = [
        name
        for name, value in (
            ("MSRELIEF_CONTENT_OWNER", settings.CONTENT_OWNER),
            ("MSRELIEF_PERMISSIONS_CONTACT", settings.PERMISSIONS_CONTACT),
        )
        if value == default_of(name)
    ]
    if not fictional:
        return []
    return [
        Warning(
            f"{' and '.join(fictional)} still hold the demo's fictional value, so the Learn "
            "pages' copyright notice and feed would name an owner that does not exist.",
            hint="Set them to who really holds the copyright of the Learn pages and where to "
            "ask for permission (docs/settings.md).",
            id=FICTIONAL_LEARN_OWNER,
        )
    ]
