import pytest
from django.core.cache import cache
from django.core.cache.utils import make_template_fragment_key
from django.urls import reverse

from msrelief.evidence import services
from msrelief.evidence.tests.conftest import make_reference

URL = reverse("evidence-references")


def test_references_are_listed_in_harvard_style_by_default(client, seeded):
    response = client.get(URL)
    assert response.status_code == 200
    assert "Naderi, A. <i>et al.</i> (2024)" in response.text
    assert "125 references in Harvard" in response.text


def test_each_reference_with_a_doi_links_to_it(client, seeded):
    text = client.get(URL).text
    assert 'href="https://doi.org/10.1016/j.explore.2024.103032"' in text


def test_the_style_switcher_gives_apa_and_vancouver(client, seeded):
    apa = client.get(URL, {"style": "apa"}).text
    assert "Naderi, A., Rezvani, M. H., Aminian-Far, A., &amp; Hamood-Ahvazi, S. (2024)" in apa
    vancouver = client.get(URL, {"style": "vancouver"}).text
    assert "Naderi A, Rezvani MH, Aminian-Far A, Hamood-Ahvazi S." in vancouver


def test_an_unknown_style_falls_back_to_harvard(client, seeded):
    response = client.get(URL, {"style": "<script>"})
    assert response.status_code == 200
    assert "in Harvard" in response.text
    assert "<script>" not in response.text.split("<main", 1)[1]


def test_the_detail_page_shows_the_reference_in_every_style_and_where_it_is_used(client, seeded):
    response = client.get(reverse("evidence-reference", args=["naderi2024"]))
    assert response.status_code == 200
    for style in ("Harvard", "APA", "Vancouver"):
        assert style in response.text
    assert "C13" in response.text
    assert reverse("evidence-study", args=["naderi2024"]) in response.text


def test_an_unknown_reference_is_404(client, seeded):
    assert client.get(reverse("evidence-reference", args=["nobody1999"])).status_code == 404


@pytest.mark.parametrize("rows", [2, 20])
def test_the_list_takes_one_query_for_2_or_20_references(
    client, clinic_admin, django_assert_max_num_queries, rows
):
    for number in range(rows):
        make_reference(clinic_admin, key=f"smith{number}", year=1990 + number)
    with django_assert_max_num_queries(1):
        response = client.get(URL)
    assert response.text.count("Smith, J. and Jones, K.") == rows


def test_an_edited_reference_shows_on_the_list_at_once(client, clinic_admin):
    reference = make_reference(clinic_admin)
    assert "Massage and fatigue" in client.get(URL).text
    services.update_reference(clinic_admin, reference, title="Touch and sleep in MS")
    text = client.get(URL).text
    assert "Touch and sleep in MS" in text
    assert "Massage and fatigue" not in text


def test_the_rendered_list_is_kept_under_a_digest_of_the_references_and_the_style(
    client, clinic_admin
):
    make_reference(clinic_admin)
    response = client.get(URL, {"style": "apa"})
    key = make_template_fragment_key("reference_list", [response.context["cache_key"], "apa"])
    assert "Smith, J., &amp; Jones, K. (2020)" in cache.get(key)
    assert "Smith, J. and Jones, K. (2020)" in client.get(URL).text
