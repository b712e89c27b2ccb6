import io

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.urls import reverse

from msrelief.evidence import pagecache, services, versions
from msrelief.evidence.models import Reference
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
def test_the_list_takes_two_queries_for_2_or_20_references_and_one_once_kept(
    client, clinic_admin, django_assert_num_queries, rows
):
    for number in range(rows):
        make_reference(clinic_admin, key=f"smith{number}", year=1990 + number)
    with django_assert_num_queries(2):  # the data version, the references
        response = client.get(URL)
    assert response.text.count("Smith, J. and Jones, K.") == rows
    with django_assert_num_queries(1):  # the data version only
        assert client.get(URL).text == response.text


def test_an_edited_reference_shows_on_the_list_at_once(client, clinic_admin):
    reference = make_reference(clinic_admin)
    assert "Massage and fatigue" in client.get(URL).text
    services.update_reference(clinic_admin, reference, title="Touch and sleep in MS")
    text = client.get(URL).text
    assert "Touch and sleep in MS" in text
    assert "Massage and fatigue" not in text


def test_an_added_or_deleted_reference_shows_on_the_list_at_once(client, clinic_admin):
    kept = make_reference(clinic_admin)
    assert "No references yet." not in client.get(URL).text
    added = make_reference(clinic_admin, key="brown2021", title="Touch and sleep in MS")
    assert "Touch and sleep in MS" in client.get(URL).text
    services.delete_reference(clinic_admin, added)
    services.delete_reference(clinic_admin, kept)
    assert "No references yet." in client.get(URL).text


BIBTEX = """@article{brown2021,
  author = {Brown, Ann},
  title = {Touch and sleep in multiple sclerosis},
  journal = {Journal of Examples},
  year = {2021},
}
"""


def test_an_imported_file_shows_on_the_list_at_once(client, clinic_admin):
    make_reference(clinic_admin)
    assert "Touch and sleep" not in client.get(URL).text
    services.import_reference_file(clinic_admin, BIBTEX, "bibtex")
    assert "Touch and sleep in multiple sclerosis" in client.get(URL).text


def test_what_load_evidence_adds_shows_on_the_list_at_once(client, clinic_admin):
    make_reference(clinic_admin)
    assert "Naderi" not in client.get(URL).text
    call_command("load_evidence", stdout=io.StringIO())
    assert "Naderi" in client.get(URL).text


def test_a_save_outside_the_services_still_shows_at_once(client, clinic_admin):
    reference = make_reference(clinic_admin)
    assert "Massage and fatigue" in client.get(URL).text
    Reference.objects.filter(pk=reference.pk).update(title="Not caught")  # sends no signal
    versions.bump()  # so such a write must move the version on itself
    assert "Not caught" in client.get(URL).text
    reference.refresh_from_db()
    reference.title = "Saved by hand"
    reference.save()  # the safety net: a post_save receiver moves the version on
    assert "Saved by hand" in client.get(URL).text


def test_visitors_and_editors_each_get_their_own_version_of_the_list(client, clinic_admin):
    make_reference(clinic_admin)
    assert "Add a reference" not in client.get(URL).text
    client.force_login(clinic_admin)
    assert "Add a reference" in client.get(URL).text
    client.logout()
    assert "Add a reference" not in client.get(URL).text


def test_the_list_is_kept_under_the_data_version_and_the_style(client, clinic_admin):
    make_reference(clinic_admin)
    client.get(URL, {"style": "apa"})
    key = pagecache.key("references", versions.current() or "", ("apa", False))
    assert "Smith, J., &amp; Jones, K. (2020)" in "".join(cache.get(key).pieces)
    assert "Smith, J. and Jones, K. (2020)" in client.get(URL).text


def test_without_a_data_version_the_list_is_drawn_but_not_kept(client, clinic_admin):
    make_reference(clinic_admin)
    versions.DataVersion.objects.all().delete()
    assert "Massage and fatigue" in client.get(URL).text
    assert versions.current() is None
    Reference.objects.update(title="Changed without a signal")
    assert "Changed without a signal" in client.get(URL).text
