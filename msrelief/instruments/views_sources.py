"""The source list behind every scoring fact, for staff: ``sources.md`` rendered as a page.

The file is package data (``msrelief/scoring/sources.md``, identical to
``docs/scoring/sources.md``), so an installed copy of msrelief serves the same list. Each entry
keeps its ``<a id="S27">`` anchor, which the ``cite_sources`` filter links to.
"""

from __future__ import annotations

from functools import cache

import markdown  # type: ignore[import-untyped]
import nh3
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.safestring import SafeString, mark_safe

from msrelief.core.decorators import staff_required
from msrelief.core.http import AuthenticatedRequest
from msrelief.scoring.sources import sources_markdown

TAGS = {"h1", "h2", "h3", "p", "ul", "ol", "li", "a", "em", "strong", "code"}
ATTRIBUTES = {"a": {"href", "id"}}


@cache
def sources_html() -> SafeString:
    """The source list as sanitised HTML; the title (the page's h1) is left to the template."""
    text = sources_markdown().split("\n", 1)[1]
    body = markdown.markdown(text, extensions=["sane_lists"], output_format="html")
    clean = nh3.clean(
        body,
        tags=TAGS,
        attributes=ATTRIBUTES,
        url_schemes={"http", "https"},
        link_rel="noopener noreferrer",
    )
    return mark_safe(clean)  # noqa: S308 - cleaned by nh3 just above


@staff_required
def sources(request: AuthenticatedRequest) -> HttpResponse:
    return render(request, "instruments/sources.html", {"sources_html": sources_html()})
