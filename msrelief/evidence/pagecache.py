"""The bodies of the public evidence pages (references, a study, the meta-analysis page), kept in
Django's cache under the evidence data version (:mod:`msrelief.evidence.versions`).

A request reads the version's token (one small query) and, when the body was built before under
that token and the page's own parameters, takes it from the cache without reading any record.
Only what depends on nothing but the evidence base and the parameters is kept: the page around
it (the signed-in navigation, messages) is drawn for every visitor with Jinja2
(``jinja2/evidence/page.html``, the twin of ``templates/base.html``), and a body's CSRF fields
are kept as gaps filled with the visitor's own token. Whatever differs between visitors inside
a body (``can_edit``) is one of the parameters.

Bump :data:`PAGE_CACHE_VERSION` when a template change should show at once on a shared cache.
"""

from __future__ import annotations

import hashlib
import json
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.template.backends.utils import csrf_input
from django.template.loader import render_to_string
from markupsafe import Markup

from msrelief.core import jinja
from msrelief.evidence import versions

PAGE_CACHE_VERSION = 4
PAGE_CACHE_SECONDS = 7 * 24 * 60 * 60
PAGE = "evidence/page.html"


@dataclass(frozen=True)
class Body:
    """A page's title and its body, cut where the visitor's CSRF field goes."""

    title: str
    pieces: tuple[str, ...]

    def html(self, request: HttpRequest) -> Markup:
        if len(self.pieces) == 1:
            return Markup(self.pieces[0])  # noqa: S704 - rendered by Django's escaping templates
        return Markup(str(csrf_input(request)).join(self.pieces))  # noqa: S704 - as above


def build(title: str, template: str, context: dict[str, Any]) -> Body:
    """Render ``template`` (a Django template that reads nothing of the request) and cut it
    at each ``{% csrf_token %}``, drawn with a random marker no content can contain."""
    marker = secrets.token_urlsafe(24)
    html = render_to_string(template, {**context, "csrf_token": marker})
    return Body(title, tuple(html.split(str(csrf_input_for(marker)))))


def csrf_input_for(token: str) -> str:
    """The field ``{% csrf_token %}`` draws for ``token``."""
    return f'<input type="hidden" name="csrfmiddlewaretoken" value="{token}">'


def key(page: str, version: str, params: tuple[object, ...]) -> str:
    text = json.dumps(params, ensure_ascii=False)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return f"msrelief:evidence-page:{PAGE_CACHE_VERSION}:{page}:{version}:{digest}"


def cached(page: str, params: tuple[object, ...], make: Callable[[], Body]) -> Body:
    """``page``'s body for ``params``: from the cache under the current evidence version, or
    made by ``make`` (which may raise ``Http404``: nothing is kept then) and kept. The version
    is read before ``make`` reads any record (see :mod:`msrelief.evidence.versions`)."""
    version = versions.current()
    if version is None:
        return make()
    name = key(page, version, params)
    body: Body | None = cache.get(name)
    if body is None:
        body = make()
        cache.set(name, body, PAGE_CACHE_SECONDS)
    return body


def respond(request: HttpRequest, body: Body, status: int = 200) -> HttpResponse:
    """The whole page: ``body`` inside the site's page, drawn for this visitor."""
    return jinja.render(request, PAGE, {"title": body.title, "body": body.html(request)}, status)
