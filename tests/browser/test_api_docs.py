"""The interactive API docs draw in real Chromium under the site's Content-Security-Policy: Swagger
UI comes from msrelief's own static files, and the browser reports no blocked resource."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect


@pytest.mark.django_db(transaction=True)
def test_the_api_docs_draw_the_operations_with_no_csp_violation(page: Page, live_server):
    problems: list[str] = []
    page.on("console", lambda message: message.type == "error" and problems.append(message.text))
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.goto(f"{live_server.url}/api/docs")
    expect(page.locator(".swagger-ui .info .title")).to_contain_text("msrelief API")
    expect(page.locator(".opblock").first).to_be_visible()
    assert problems == []
