"""The glossary, the mechanism map and the copyright page."""

from __future__ import annotations

import html
import re

from django.urls import reverse


def test_the_glossary_lists_each_term_with_its_explanation_and_cited_claim(client, seeded):
    text = html.unescape(client.get(reverse("learn-glossary")).text)
    entry = text.split('id="term-myelin"', 1)[1].split("</div>", 1)[0]
    assert "The fatty layer that wraps nerve fibres" in entry
    assert "(Zahoor et al., 2021)" in entry and "#claim-C1" in entry


def test_the_map_page_draws_the_svg_and_lists_every_relation_in_words(client, seeded):
    text = html.unescape(client.get(reverse("learn-map")).text)
    assert 'role="img" aria-labelledby="map-title map-desc"' in text
    assert 'role="region" aria-label="The mechanism map as a drawing' in text
    listed = text.split('id="relations-title"', 1)[1]
    words = " ".join(re.sub(r"<[^>]+>", "", listed).split())
    assert "Immune cells attack myelin — cause — (Zahoor et al., 2021)" in words
    assert "Massage relieves fatigue" in listed
    assert "association" in listed and "#claim-C12" in listed


def test_the_copyright_page_names_the_owner_and_contact_from_the_settings(client, db, settings):
    settings.CONTENT_OWNER = "Example Trust"
    settings.PERMISSIONS_CONTACT = "ask@trust.example"
    text = client.get(reverse("learn-copyright")).text
    assert "Example Trust" in text
    assert '<a href="mailto:ask@trust.example">ask@trust.example</a>' in text
    settings.PERMISSIONS_CONTACT = "https://trust.example/permissions"
    assert 'href="https://trust.example/permissions"' in client.get(reverse("learn-copyright")).text
