"""``/sitemap.xml``: the Learn pages and the public evidence pages, for search engines. The
addresses are built from MSRELIEF_BASE_URL, never from the request's host."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse

from msrelief.evidence.models import Reference, Study
from msrelief.learn.content import Page
from msrelief.learn.library import current_content


class LearnPages(Sitemap):  # type: ignore[type-arg]
    changefreq = "monthly"
    priority = 0.8

    def items(self) -> list[Page]:
        return list(current_content().pages)

    def location(self, item: Page) -> str:
        return reverse("learn-page", args=[item.slug])

    def lastmod(self, item: Page) -> dt.date:
        return item.updated


class FixedPages(Sitemap):  # type: ignore[type-arg]
    changefreq = "weekly"
    names = (
        "learn-index", "learn-map", "learn-glossary", "learn-copyright", "evidence-home",
        "evidence-references", "evidence-claims", "evidence-studies",
    )  # fmt: skip

    def items(self) -> list[str]:
        return list(self.names)

    def location(self, item: str) -> str:
        return reverse(item)


class Studies(Sitemap):  # type: ignore[type-arg]
    changefreq = "monthly"

    def items(self) -> Any:
        return Study.objects.order_by("key").only("key", "updated_at")

    def location(self, item: Study) -> str:
        return reverse("evidence-study", args=[item.key])

    def lastmod(self, item: Study) -> dt.datetime:
        return item.updated_at


class References(Sitemap):  # type: ignore[type-arg]
    changefreq = "monthly"

    def items(self) -> Any:
        return Reference.objects.order_by("key").only("key", "updated_at")

    def location(self, item: Reference) -> str:
        return reverse("evidence-reference", args=[item.key])

    def lastmod(self, item: Reference) -> dt.datetime:
        return item.updated_at


SITEMAPS = (FixedPages(), LearnPages(), Studies(), References())


def sitemap(request: HttpRequest) -> HttpResponse:
    base = urlsplit(settings.BASE_URL)
    site = SimpleNamespace(domain=base.netloc + base.path.rstrip("/"), name="msrelief")
    urls: list[dict[str, Any]] = []
    for part in SITEMAPS:
        urls += part.get_urls(site=site, protocol=base.scheme or "https")  # type: ignore[arg-type]
    response = TemplateResponse(
        request, "sitemap.xml", {"urlset": urls}, content_type="application/xml"
    )
    return response
