"""Making a new link from a client's Measures page or from the link page."""

import re

from django.urls import reverse

from msrelief.audit.models import AuditEvent
from msrelief.instruments import services, tokens
from msrelief.instruments.models import Administration
from msrelief.testing import PHQ9_ALL_ZERO, assign, make_client_record


def new_link(record, administration):
    return reverse("instruments-new-link", args=[record.pk, administration.pk])


def still_opens(token):
    return Administration.objects.filter(token_hash=tokens.hash_token(token)).exists()


def test_the_measures_page_offers_a_new_link_for_each_open_questionnaire(
    client, ms_client, therapist
):
    first, _ = assign(therapist, ms_client, "phq9")
    second, _ = assign(therapist, ms_client, "gad7")
    client.force_login(therapist)
    page = client.get(reverse("instruments-measures", args=[ms_client.pk])).text
    for administration in (first, second):
        assert f'action="{new_link(ms_client, administration)}"' in page
    assert 'New link<span class="visually-hidden"> for GAD-7</span>' in page


def test_a_new_link_is_shown_on_the_link_page_and_the_old_one_stops_working(
    client, ms_client, therapist
):
    administration, old = assign(therapist, ms_client)
    client.force_login(therapist)
    page = client.post(new_link(ms_client, administration))
    assert page.status_code == 200
    assert "A new questionnaire link is ready" in page.text
    link = re.search(r'<textarea id="link"[^>]*>([^<]+)</textarea>', page.text).group(1)
    token = link.rsplit("/q/", 1)[1].removesuffix("/")
    assert still_opens(token) and not still_opens(old)
    assert "Patient Health Questionnaire" in page.text


def test_a_get_changes_nothing_and_goes_back_to_the_measures_page(client, ms_client, therapist):
    administration, old = assign(therapist, ms_client)
    client.force_login(therapist)
    response = client.get(new_link(ms_client, administration))
    assert response.status_code == 302
    assert response.url == reverse("instruments-measures", args=[ms_client.pk])
    assert still_opens(old)


def test_a_submitted_questionnaire_is_refused_with_the_reason_on_the_measures_page(
    client, ms_client, therapist
):
    administration, _ = assign(therapist, ms_client)
    services.save_draft(administration, PHQ9_ALL_ZERO, None)
    services.submit_response(administration, None, "link")
    client.force_login(therapist)
    response = client.post(new_link(ms_client, administration), follow=True)
    assert response.redirect_chain[-1][0] == reverse("instruments-measures", args=[ms_client.pk])
    assert "already been submitted, so it needs no new link" in response.text
    assert not AuditEvent.objects.filter(event="questionnaire.link_replaced").exists()


def test_a_questionnaire_of_another_client_in_the_address_is_404(client, ms_client, therapist):
    other = make_client_record(therapist, display_name="Sam Other")
    administration, old = assign(therapist, other)
    client.force_login(therapist)
    assert client.post(new_link(ms_client, administration)).status_code == 404
    assert still_opens(old)


def test_an_outsider_gets_404_and_the_link_still_works(client, ms_client, therapist, outsider):
    administration, old = assign(therapist, ms_client)
    client.force_login(outsider)
    assert client.post(new_link(ms_client, administration)).status_code == 404
    assert still_opens(old)


def test_a_person_with_ms_is_refused(client, ms_client, therapist, person_with_ms):
    administration, old = assign(therapist, ms_client)
    client.force_login(person_with_ms)
    assert client.post(new_link(ms_client, administration)).status_code == 403
    assert still_opens(old)
