"""All questions on one page: each stem the instrument repeats is shown once above its run of
items, and every item of the run points to it for screen readers."""

import re

from django.urls import reverse

from msrelief.testing import assign


def all_page(client, therapist, ms_client, code):
    administration, token = assign(therapist, ms_client, code)
    return administration, token, client.get(reverse("fill-all", kwargs={"token": token})).text


def test_each_section_stem_is_shown_once_and_every_item_of_it_points_to_it(
    client, ms_client, therapist
):
    _, _, page = all_page(client, therapist, ms_client, "rand36")
    leads = re.findall(r'<p class="item-lead item-lead-list" id="(lead-\d+)">', page)
    assert leads == ["lead-3", "lead-13", "lead-17", "lead-23", "lead-33"]
    assert page.count('aria-describedby="lead-3"') == 10
    assert page.count('aria-describedby="lead-33"') == 4
    first, second = page.index('id="lead-3"'), page.index("3. Vigorous activities")
    assert first < second


def test_a_stem_that_is_the_instructions_is_not_repeated_above_the_items(
    client, ms_client, therapist
):
    _, _, page = all_page(client, therapist, ms_client, "phq9")
    assert page.count("how often have you been bothered by any of the following problems") == 1
    assert "item-lead" not in page


def test_the_content_pack_stem_is_shown_above_its_items(client, ms_client, therapist):
    _, _, page = all_page(client, therapist, ms_client, "who5")
    assert '<p class="item-lead item-lead-list" id="lead-1">Over the last two weeks:</p>' in page
    assert page.count('aria-describedby="lead-1"') == 5


def test_ratings_on_one_page_are_rows_and_saved_as_numbers(client, ms_client, therapist):
    administration, token, page = all_page(client, therapist, ms_client, "nrs-stress")
    assert page.count('type="radio" name="item_1"') == 11
    assert "<span>10 = as stressed as you can imagine</span>" in page
    client.post(reverse("fill-all", kwargs={"token": token}), {"item_1": "0"})
    administration.refresh_from_db()
    assert administration.draft == {"1": 0.0}
