"""The pages shipped in msrelief/learn/content/ render against the real seed: every citation
found, every term linked, the map drawn, the index listing every page."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from msrelief.learn.content import CONTENT_DIR, load_content


@pytest.fixture
def shipped(db, settings):
    settings.LEARN_CONTENT_DIR = CONTENT_DIR
    call_command("load_evidence", stdout=io.StringIO())
    return load_content(CONTENT_DIR)


def test_every_shipped_page_renders_with_every_citation_found(client, shipped):
    assert len(shipped.pages) >= 1
    for page in shipped.pages:
        response = client.get(reverse("learn-page", args=[page.slug]))
        assert response.status_code == 200, page.slug
        text = response.text
        assert "(source not found)" not in text, page.slug
        assert "(citation not understood)" not in text, page.slug
        assert "[[" not in text and "[@" not in text, page.slug
        assert 'id="references-title"' in text, page.slug


def test_the_index_lists_every_page_and_the_map_every_relation(client, shipped):
    index = client.get(reverse("learn-index")).text
    for page in shipped.pages:
        assert reverse("learn-page", args=[page.slug]) in index
    drawn = client.get(reverse("learn-map")).text
    assert drawn.count('class="relation-sentence"') == len(shipped.mechanisms.relations)
    assert "(source not found)" not in drawn
