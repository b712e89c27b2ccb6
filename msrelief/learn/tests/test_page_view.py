"""A Learn page: the rendered text with its citations and references, the style switch kept in
the session, search and link-preview tags, the disclaimer, and the rating form."""

from __future__ import annotations

import html
import json
import re

import pytest
from django.urls import reverse

from msrelief.learn.models import Rating

URL = reverse("learn-page", args=["what-ms-is"])


def words(markup: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", markup))


def test_the_page_shows_its_title_text_citations_and_reference_list(client, seeded):
    response = client.get(URL)
    assert response.status_code == 200
    text = html.unescape(response.text)
    assert '<h1 id="page-title">What MS is</h1>' in text
    assert "(Zahoor et al., 2021)" in words(text)
    assert 'id="ref-zahoor2021"' in text and 'id="ref-filippi2020"' in text
    assert "Not yet reviewed by a clinician" in text
    assert "No ratings yet" in text


def test_every_page_carries_the_medical_disclaimer_and_the_copyright_link(client, seeded):
    for url in (URL, reverse("learn-index"), reverse("evidence-home")):
        text = client.get(url).text
        assert "Not medical advice." in text
        assert reverse("learn-copyright") in text


def test_the_citation_style_is_chosen_by_query_string_and_remembered(client, seeded):
    assert 'href="#ref-zahoor2021">(1)</a>' in client.get(URL + "?style=vancouver").text
    assert client.session["learn_citation_style"] == "vancouver"
    again = client.get(URL).text
    assert 'href="#ref-zahoor2021">(1)</a>' in again
    assert '<option value="vancouver" selected>' in again
    assert "(Zahoor et al., 2021)" in words(client.get(URL + "?style=harvard").text)


def test_search_and_link_preview_tags_describe_the_page(client, seeded, settings):
    settings.BASE_URL = "https://learn.example.org"
    text = client.get(URL).text
    assert '<meta property="og:title" content="What MS is">' in text
    assert '<link rel="canonical" href="https://learn.example.org/learn/what-ms-is/">' in text
    found = re.search(r'<script type="application/ld\+json">(.*?)</script>', text, re.DOTALL)
    data = json.loads(found.group(1))
    assert (data["@type"], data["name"], data["url"]) == (
        "MedicalWebPage", "What MS is", "https://learn.example.org/learn/what-ms-is/",
    )  # fmt: skip
    assert data["dateModified"] == "2026-11-20"


def test_share_links_are_plain_links_from_the_settings(client, seeded, settings):
    settings.LEARN_SHARE_LINKS = ["email", "bluesky", "unknown"]
    text = client.get(URL).text
    share = text.split('id="share-title"', 1)[1].split("</section>", 1)[0]
    assert share.count("<a ") == 2
    assert 'href="mailto:?subject=What%20MS%20is&amp;body=http' in share
    assert "<script" not in share


def test_a_symptom_page_links_its_trials_by_name_and_title(client, seeded):
    text = html.unescape(client.get(reverse("learn-page", args=["massage-and-fatigue"])).text)
    trials = text.split('id="trials-title"', 1)[1].split("</section>", 1)[0]
    assert reverse("evidence-study", args=["naderi2024"]) in trials
    assert "Naderi et al. 2024: " in trials


def test_an_unknown_page_is_404(client, seeded):
    assert client.get(reverse("learn-page", args=["nowhere"])).status_code == 404


def test_an_anonymous_reader_rates_and_rating_again_replaces_it(client, seeded):
    rate = reverse("learn-rate", args=["what-ms-is"])
    response = client.post(rate, {"stars": "2"})
    assert response.status_code == 302 and response["Location"].endswith("#rating")
    assert "msrelief_reader" in response.cookies
    assert response.cookies["msrelief_reader"]["httponly"]
    client.post(rate, {"stars": "4"})
    assert list(Rating.objects.values_list("stars", flat=True)) == [4]
    text = client.get(URL).text
    assert "Rated 4.0 out of 5 (1 rating)" in text
    assert "You gave this page 4 stars." in text
    assert re.search(r'value="4" id="id_stars_3" checked', text)


def test_a_rating_without_stars_shows_the_error_on_the_page(client, seeded):
    response = client.post(reverse("learn-rate", args=["what-ms-is"]), {})
    assert response.status_code == 400
    assert "Choose from 1 to 5 stars." in response.text
    assert not Rating.objects.exists()


@pytest.mark.usefixtures("steady_clock")
def test_ratings_are_rate_limited_per_address(client, seeded, settings):
    settings.PUBLIC_POSTS_PER_MINUTE = 2
    rate = reverse("learn-rate", args=["what-ms-is"])
    codes = [client.post(rate, {"stars": "3"}).status_code for _ in range(3)]
    assert codes == [302, 302, 429]


def test_the_star_control_is_a_fieldset_of_five_labelled_radio_buttons(client, seeded):
    text = client.get(URL).text
    form = text.split('class="rating-form"', 1)[1].split("</form>", 1)[0]
    assert "<legend" in form and "How useful was this page?" in form
    assert form.count('type="radio"') == 5
    for n in range(1, 6):
        assert f">{n} star{'s' if n > 1 else ''}</span>" in form
