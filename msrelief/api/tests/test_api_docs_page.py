"""``/api/docs``: the interactive API docs load Swagger UI from msrelief's own static files, with no
inline script and nothing from another host, so the page works under the site's CSP."""

import re

from django.contrib.staticfiles import finders


def test_the_docs_page_loads_swagger_ui_from_its_own_static_files_with_no_inline_script(client):
    page = client.get("/api/docs")
    assert page.status_code == 200
    html = page.content.decode()
    sources = re.findall(r'<(?:script|link)[^>]+(?:src|href)="([^"]+)"', html)
    assert any(source.endswith("swagger-ui-bundle.js") for source in sources)
    assert all(source.startswith("/static/") for source in sources), sources
    for source in sources:
        assert finders.find(source.removeprefix("/static/")), source
    inline = re.findall(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>", html)
    assert inline == []
    assert "script-src 'self'" in page["Content-Security-Policy"]


def test_the_docs_page_sends_the_csrf_token_only_when_an_api_wide_auth_asks_for_it():
    from ninja import NinjaAPI
    from ninja.security import django_auth

    from msrelief.api import docs

    assert docs._csrf_needed(NinjaAPI(urls_namespace="plain")) is False
    assert docs._csrf_needed(NinjaAPI(urls_namespace="staff", auth=django_auth)) is True
