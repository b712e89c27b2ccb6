"""The questionnaire pages a person with MS fills in make a fixed, small number of queries,
however many questionnaires the client or the clinic has: one for an instrument that ships its
wording (its form is built once per process), two for one in a clinic's licensed wording."""

import pytest
from django.urls import reverse

from msrelief.instruments import services
from msrelief.testing import assign, licensed_wording

PAGES = [("fill-start", {}), ("fill-question", {"number": 1}), ("fill-all", {})]


def _busy_clinic(therapist, clinic_admin, ms_client, rows):
    """``rows`` other questionnaires for the client, and licensed wording imported by the
    clinic, so that a query per row or per instrument would show."""
    for _ in range(rows):
        assign(therapist, ms_client, "gad7")
    services.import_clinic_questionnaire(clinic_admin, "mfis21", licensed_wording(), "Licence")


@pytest.mark.parametrize("rows", [2, 20])
@pytest.mark.parametrize(("name", "extra"), PAGES)
def test_each_page_makes_one_query_for_2_or_20_other_questionnaires(
    client, ms_client, therapist, clinic_admin, django_assert_max_num_queries, rows, name, extra
):
    _busy_clinic(therapist, clinic_admin, ms_client, rows)
    _, token = assign(therapist, ms_client)
    with django_assert_max_num_queries(1):
        response = client.get(reverse(name, kwargs={"token": token, **extra}))
    assert response.status_code == 200
    assert "Patient Health Questionnaire" in response.text


@pytest.mark.parametrize("rows", [2, 20])
@pytest.mark.parametrize(("name", "extra"), PAGES)
def test_a_page_in_the_clinics_licensed_wording_makes_two_queries_for_2_or_20_others(
    client, ms_client, therapist, clinic_admin, django_assert_max_num_queries, rows, name, extra
):
    _busy_clinic(therapist, clinic_admin, ms_client, rows)
    _, token = assign(therapist, ms_client, "mfis21")
    client.get(reverse(name, kwargs={"token": token, **extra}))  # the form is built once
    with django_assert_max_num_queries(2):
        response = client.get(reverse(name, kwargs={"token": token, **extra}))
    assert response.status_code == 200
    assert "Modified Fatigue Impact Scale" in response.text
