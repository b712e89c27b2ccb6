"""The Learn index: topic pages by their order, symptom pages under "Does massage help with …?"
with links to their trials, each with its rating."""

from __future__ import annotations

import html

from django.urls import reverse

from msrelief.learn import services
from msrelief.learn.services import Reader


def test_topics_come_first_then_symptom_pages_with_their_trials(client, seeded):
    services.rate_page(Reader(reader_id="a"), "massage-and-fatigue", 4)
    text = html.unescape(client.get(reverse("learn-index")).text)
    assert (
        text.index("What MS is")
        < text.index("Does massage help with …?")
        < text.index(">Fatigue</a>")
    )
    symptom = text.split("Does massage help with …?", 1)[1]
    assert "Naderi et al. 2024" in symptom and "Gaballah et al. 2023" in symptom
    assert reverse("evidence-study", args=["naderi2024"]) in symptom
    assert "Rated 4.0 out of 5 (1 rating)" in symptom
    assert "No ratings yet" in text


def test_the_index_links_the_atom_feed_and_the_follow_links_from_the_settings(
    client, seeded, settings
):
    settings.LEARN_FOLLOW_LINKS = ["Newsletter|https://news.example.org", "broken entry"]
    text = client.get(reverse("learn-index")).text
    assert reverse("learn-feed") in text
    assert '<a href="https://news.example.org" rel="noopener noreferrer">Newsletter</a>' in text
    assert "broken entry" not in text
