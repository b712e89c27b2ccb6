"""The study page for a reader: "Naderi et al. 2024" with the full title, "What this study
found" at the top, and effect sizes explained where they appear."""

from __future__ import annotations

import html

import pytest
from django.urls import reverse

from msrelief.evidence import display
from msrelief.evidence.models import Result, Study


def page(client, key):
    return html.unescape(client.get(reverse("evidence-study", args=[key])).text)


def test_the_study_is_named_by_authors_and_year_with_its_full_title(client, seeded):
    text = page(client, "naderi2024")
    study = Study.objects.select_related("reference").get(key="naderi2024")
    assert "<h1>Naderi et al. 2024</h1>" in text
    assert f'<p class="lead study-title">{study.reference.title}</p>' in text
    assert "n.d." not in text.split("<h1>", 1)[1].split("</h1>", 1)[0]


def test_what_this_study_found_is_shown_first_when_there_is_a_summary(client, seeded):
    Study.objects.filter(key="gaballah2023").update(plain_summary="")
    assert "What this study found" not in page(client, "gaballah2023")
    Study.objects.filter(key="naderi2024").update(plain_summary="Massage eased tiredness.")
    text = page(client, "naderi2024")
    assert text.index("What this study found") < text.index("Massage eased tiredness.")
    assert text.index("Massage eased tiredness.") < text.index("<h2>Design</h2>")


def test_a_hedges_g_is_put_in_words_and_the_bands_are_explained_with_their_source(client, seeded):
    text = page(client, "naderi2024")
    assert "A medium effect, by the usual rule of thumb." in text
    bands = text.split('id="bands-title"', 1)[1].split("</section>", 1)[0]
    assert "under 0.2 very small; 0.2 small; 0.5 medium; 0.8 or more large" in bands
    assert "rule of thumb" in bands and "Cohen (1988)" in bands


@pytest.mark.parametrize(
    ("value", "band"),
    [(0.1, "very small"), (-0.19, "very small"), (0.2, "small"), (0.49, "small"),
     (0.5, "medium"), (-0.79, "medium"), (0.8, "large"), (-1.62, "large")],
)  # fmt: skip
def test_the_bands_follow_cohens_rule_of_thumb_whatever_the_sign(value, band):
    assert display.effect_band(value) == band


@pytest.mark.parametrize(
    ("fields", "words"),
    [
        ({"effect_type": "hedges_g", "effect_value": 0.3}, "A small effect, by the usual rule"),
        ({"effect_type": "hedges_g_range", "effect_low": 0.31, "effect_high": 0.58},
         "From a small to a medium effect"),
        ({"effect_type": "mean_difference", "effect_value": -3.5, "instrument": "MFIS"},
         "A difference of 3.5 points in the units of the MFIS, not a size."),
        ({"effect_type": "md_or_smd_unstated", "effect_value": -1.62},
         "does not say if this is standardised"),
        ({"effect_type": "f_statistic", "effect_value": 4.0}, ""),
    ],
)  # fmt: skip
def test_each_effect_type_is_explained_as_far_as_it_can_be(fields, words):
    result = Result(**fields)
    assert words in display.effect_words(result) if words else display.effect_words(result) == ""
