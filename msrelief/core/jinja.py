"""The Jinja2 template engine, for the few pages drawn often enough that Django templates' own
cost shows (the one-question questionnaire page: docs/architecture.md "Templates").

Its pages must give the same markup, byte for byte, as the Django templates they stand for, so
every value is escaped the way Django escapes it (``'`` becomes ``&#x27;``, where MarkupSafe
would write ``&#39;``), the file's last newline is kept as Django keeps it, and ``join`` is
Django's. ``msrelief/jinja2/base.html`` is the Jinja2 twin of ``templates/base.html``; a test
renders both for the same context and compares them (``core/tests/test_jinja_base.py``).
"""

from __future__ import annotations

import html
from functools import lru_cache
from typing import Any

from django.contrib.messages import get_messages
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.template import engines
from django.template.defaultfilters import date as django_date
from django.template.defaultfilters import join as django_join
from django.templatetags.static import static
from django.urls import get_script_prefix, reverse
from django.utils.html import escape, format_html
from django.utils.timezone import template_localtime  # type: ignore[attr-defined]
from jinja2 import Environment
from markupsafe import Markup

ENGINE = "jinja2"


def _finalize(value: Any) -> Any:
    """Each ``{{ value }}`` escaped as Django's templates escape it; Markup stays as it is.
    A plain string or number takes the standard library's ``html.escape`` straight, as
    Django's ``escape`` does after checking for a lazy string (most of its cost here)."""
    if type(value) is str or type(value) is int:
        return Markup(html.escape(str(value)))  # noqa: S704 - escaped just here
    if hasattr(value, "__html__"):
        return value
    return Markup(escape(value))  # noqa: S704 - escaped just here, by Django's escape


def _date(value: Any, fmt: str) -> str:
    """Django's ``date`` filter, given the value in local time as Django's templates give it."""
    return str(django_date(template_localtime(value), fmt))


def _join(value: Any, joiner: str) -> Markup:
    return Markup(django_join(value, joiner, autoescape=True))  # noqa: S704 - Django escaped it


@lru_cache(maxsize=512)
def _reverse_plain(prefix: str, name: str) -> str:
    return reverse(name)


def url(name: str, *args: Any) -> str:
    """``{% url name arg %}``; a page's fixed links (no argument) are worked out once per
    script prefix, since they cannot change while the process runs."""
    if args:
        return reverse(name, args=args)
    return _reverse_plain(get_script_prefix(), name)


@lru_cache(maxsize=256)
def static_url(path: str) -> str:
    """``{% static path %}``: the manifest of static files is read once per process."""
    return static(path)


def nav_links(user: Any) -> Markup:
    """The main navigation (``_nav_links.html``) for ``user``'s kind of login: drawn once per
    kind, since the links depend on nothing else."""
    client = getattr(user, "role", "") == "client"
    return _nav_links(
        get_script_prefix(),
        bool(getattr(user, "is_clinic_staff", False)),
        bool(getattr(user, "is_clinic_admin", False)),
        client,
        client and not user.has_usable_password(),
    )


@lru_cache(maxsize=64)
def _nav_links(prefix: str, staff: bool, admin: bool, client: bool, no_password: bool) -> Markup:
    template = engines[ENGINE].env.get_template("_nav_links.html")  # type: ignore[attr-defined]
    drawn = template.render(staff=staff, admin=admin, client=client, no_password=no_password)
    return Markup(drawn)  # noqa: S704 - the template escapes


@receiver(setting_changed)
def _forget_links(*, setting: str, **kwargs: Any) -> None:
    """A test that changes where pages or static files live gets fresh links."""
    if setting in {"ROOT_URLCONF", "STATIC_URL", "STORAGES", "FORCE_SCRIPT_NAME"}:
        _reverse_plain.cache_clear()
        static_url.cache_clear()
        _nav_links.cache_clear()


def environment(**options: Any) -> Environment:
    """The engine's environment (settings.TEMPLATES names it): it always escapes."""
    options.pop("autoescape", None)
    options.setdefault("keep_trailing_newline", True)
    env = Environment(autoescape=True, finalize=_finalize, **options)
    env.globals.update(url=url, static=static_url, nav_links=nav_links)
    env.filters["join"] = _join
    env.filters["date"] = _date
    return env


def render(
    request: HttpRequest, name: str, context: dict[str, Any], status: int = 200
) -> HttpResponse:
    """Like ``django.shortcuts.render`` with this engine, giving the template what base.html
    reads from Django's context processors (the user and the messages) and what Django's
    Jinja2 backend gives (the request, ``csrf_token`` and ``csrf_input``)."""
    template = engines[ENGINE].get_template(name)
    # One masked CSRF token for every form of the page, as Django's {% csrf_token %} gives
    # within one page (Django's Jinja2 backend masks it anew at each use); a view that put the
    # token into a part of its own passes it as ``csrf_token``.
    token = context.get("csrf_token") or get_token(request)
    full = {
        "user": request.user,
        "messages": get_messages(request),
        **context,
        "request": request,
        "csrf_token": token,
        "csrf_input": format_html(
            '<input type="hidden" name="csrfmiddlewaretoken" value="{}">', token
        ),
    }
    return HttpResponse(template.template.render(full), status=status)  # type: ignore[attr-defined]
