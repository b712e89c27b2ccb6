import re

import pytest
from django.urls import reverse

from msrelief.testing import make_client_record

CSRF = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')
URL = reverse("clients-dashboard")


def test_the_dashboard_lists_the_clinics_clients_for_a_colleague(client, ms_client, colleague):
    client.force_login(colleague)
    response = client.get(URL)
    assert response.status_code == 200
    assert "Robin Example" in response.text


def test_the_dashboard_never_lists_another_clinics_clients(client, ms_client, outsider):
    client.force_login(outsider)
    response = client.get(URL)
    assert response.status_code == 200
    assert "Robin Example" not in response.text


def test_search_by_name_and_filter_by_phenotype(client, therapist):
    make_client_record(therapist, display_name="Ana Relapsing", phenotype="RRMS")
    make_client_record(therapist, display_name="Ben Primary", phenotype="PPMS", edss=None)
    client.force_login(therapist)
    assert "Ben Primary" not in client.get(URL, {"q": "ana"}).text
    by_type = client.get(URL, {"phenotype": "PPMS"}).text
    assert "Ben Primary" in by_type
    assert "Ana Relapsing" not in by_type


def test_an_unknown_filter_value_is_ignored_not_an_error(client, ms_client, therapist):
    client.force_login(therapist)
    response = client.get(URL, {"phenotype": "nonsense", "page": "abc"})
    assert response.status_code == 200
    assert "Robin Example" in response.text


def test_a_person_with_ms_is_refused_the_staff_dashboard(client, person_with_ms):
    client.force_login(person_with_ms)
    assert client.get(URL).status_code == 403


def test_an_anonymous_visitor_is_sent_to_log_in(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts-login"))


def test_a_safety_flag_whose_alert_email_failed_is_marked_email_not_delivered(
    client, ms_client, therapist, settings, django_capture_on_commit_callbacks
):
    from msrelief.instruments import services
    from msrelief.testing import PHQ9_ALL_ZERO, assign

    settings.EMAIL_BACKEND = "msrelief.notifications.testing.RefusingEmailBackend"
    administration, _ = assign(therapist, ms_client)
    services.save_draft(administration, {**PHQ9_ALL_ZERO, "9": 2}, None)
    with django_capture_on_commit_callbacks(execute=True):
        services.submit_response(administration, None, "link")
    client.force_login(therapist)
    page = client.get(URL).text
    assert "Safety flags waiting for you" in page
    assert "email not delivered" in page


@pytest.mark.parametrize("rows", [2, 20])
def test_the_dashboard_makes_the_same_few_queries_for_2_or_20_clients(
    client, therapist, colleague, django_assert_max_num_queries, rows
):
    for number in range(rows):
        make_client_record(therapist if number % 2 else colleague, display_name=f"Client {number}")
    client.force_login(therapist)
    # 3 for the session, the login and the flags, 1 for the data version, 3 for the clients,
    # 3 for the programme panels (today's sessions, overdue questionnaires, active enrolments;
    # msrelief/programmes/tests pins those with enrolments)
    with django_assert_max_num_queries(10):
        text = client.get(URL).text
    assert text.count("Client ") >= rows
    # Drawn again from the cache: the session, the login, the flags and the data version.
    with django_assert_max_num_queries(4):
        again = client.get(URL).text
    assert CSRF.sub("", again) == CSRF.sub("", text)
