"""``/api/docs``: Swagger UI as bundled with django-ninja, rendered from its own template.

Ninja renders its local template only when ``"ninja"`` is in ``INSTALLED_APPS`` and otherwise
falls back to a page that loads Swagger UI from a CDN, which the site's Content-Security-Policy
blocks. msrelief does not install ninja as an app (the settings say why) but puts its templates
and static files on Django's search paths, so this class always renders the local template.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from ninja.constants import NOT_SET
from ninja.openapi.docs import Swagger

if TYPE_CHECKING:
    from ninja import NinjaAPI


class BundledSwagger(Swagger):
    """Ninja's Swagger page with its scripts and styles served from this site."""

    def render_page(self, request: HttpRequest, api: NinjaAPI, **kwargs: Any) -> HttpResponse:
        self.settings["url"] = self.get_openapi_url(api, kwargs)
        context = {
            "swagger_settings": json.dumps(self.settings, indent=1),
            "api": api,
            "add_csrf": _csrf_needed(api),
        }
        return render(request, self.template, context)


def _csrf_needed(api: NinjaAPI) -> bool:
    """Whether the page must send the CSRF token: when an API-wide auth class asks for it
    (msrelief's operations set their auth one by one, so today it does not)."""
    if not api.auth or api.auth == NOT_SET:
        return False
    return any(getattr(auth, "csrf", False) for auth in api.auth)  # type: ignore[union-attr]
