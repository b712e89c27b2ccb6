"""The Atom feed and sitemap.xml parse, list the pages, and build links from MSRELIEF_BASE_URL."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.fixture(autouse=True)
def _base_url(settings):
    settings.BASE_URL = "https://learn.example.org"


def test_the_atom_feed_parses_and_lists_each_page_newest_first(client, seeded):
    response = client.get(reverse("learn-feed"), HTTP_HOST="localhost")
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)  # noqa: S314 - our own output
    entries = feed.findall(f"{ATOM}entry")
    assert [e.find(f"{ATOM}title").text for e in entries] == [
        "Does massage help with fatigue?",
        "What MS is",
    ]
    link = entries[0].find(f"{ATOM}link").get("href")
    assert link == "https://learn.example.org/learn/massage-and-fatigue/"
    assert entries[0].find(f"{ATOM}updated").text.startswith("2026-11-21")
    assert "Cache-Control" not in response or "no-store" not in response["Cache-Control"]


def test_the_sitemap_parses_and_lists_learn_and_evidence_pages(client, seeded):
    response = client.get(reverse("sitemap"), HTTP_HOST="localhost")
    assert response.status_code == 200
    root = ET.fromstring(response.content)  # noqa: S314 - our own output
    locations = [url.find(f"{SITEMAP}loc").text for url in root.findall(f"{SITEMAP}url")]
    for path in ("/learn/", "/learn/what-ms-is/", "/learn/map/", "/evidence/studies/naderi2024/",
                 "/evidence/references/zahoor2021/", "/learn/copyright/"):  # fmt: skip
        assert f"https://learn.example.org{path}" in locations
    assert all(location.startswith("https://learn.example.org/") for location in locations)
