"""The sources page: the source list behind every scoring fact, for clinic staff."""

import pytest
from django.urls import reverse

from msrelief.scoring.sources import load_sources

URL = "/measures/sources/"


def test_the_page_is_at_the_documented_address():
    assert reverse("instruments-sources") == URL


@pytest.mark.parametrize("persona", ["therapist", "clinic_admin"])
def test_staff_see_every_source_with_its_anchor(client, request, persona):
    client.force_login(request.getfixturevalue(persona))
    page = client.get(URL).text
    for key in load_sources():
        assert f'<a id="{key}"' in page, key
    assert "The patient knows best" in page  # Costelloe 2007, the MSIS-29 MCID paper
    assert "10.1136/jnnp.2006.105759" in page


def test_a_client_may_not_open_the_staff_page(client, person_with_ms):
    client.force_login(person_with_ms)
    assert client.get(URL).status_code == 403


def test_a_visitor_who_is_not_logged_in_is_sent_to_log_in(client, db):
    response = client.get(URL)
    assert response.status_code == 302
    assert reverse("accounts-login") in response["Location"]


def test_the_measures_page_links_to_the_sources(client, ms_client, colleague):
    client.force_login(colleague)
    page = client.get(reverse("instruments-measures", args=[ms_client.pk])).text
    assert f'href="{URL}"' in page
