"""/me/q/<id>/…, a questionnaire by the client's own login (instruments.access.by_login): a
visitor is sent to the client sign-in and back, like every /me/ page, whether or not the
questionnaire exists; signed in, anything not the client's own is no such questionnaire."""

from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse

from msrelief.testing import assign, make_user


@pytest.fixture
def administration(ms_client, therapist):
    return assign(therapist, ms_client)[0]


@pytest.mark.parametrize("name", ["portal-start", "portal-review", "portal-saved"])
def test_a_visitor_is_sent_to_the_client_sign_in_with_the_page_to_come_back_to(
    client, administration, name
):
    path = reverse(name, kwargs={"pk": administration.pk})
    answer = client.get(path)
    where = urlsplit(answer["Location"])
    assert answer.status_code == 302 and where.path == reverse("portal-sign-in")
    assert parse_qs(where.query)["next"] == [path]


def test_a_visitor_gets_the_same_redirect_for_a_questionnaire_that_does_not_exist(client, db):
    answer = client.get(reverse("portal-start", kwargs={"pk": 987654}))
    assert answer.status_code == 302
    assert urlsplit(answer["Location"]).path == reverse("portal-sign-in")


def test_a_signed_in_client_who_does_not_own_it_still_gets_not_found(
    client, administration, clinic
):
    client.force_login(make_user("sam@example.test", clinic, "client"))
    assert client.get(reverse("portal-start", kwargs={"pk": administration.pk})).status_code == 404


def test_staff_get_not_found_even_for_their_own_clinics_questionnaire(
    client, administration, therapist
):
    client.force_login(therapist)
    assert client.get(reverse("portal-start", kwargs={"pk": administration.pk})).status_code == 404
