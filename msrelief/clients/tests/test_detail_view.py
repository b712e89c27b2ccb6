import datetime as dt

import pytest
from django.urls import reverse

from msrelief.audit.models import AuditEvent
from msrelief.clients import history_services, services
from msrelief.clients.consent import CURRENT_VERSION
from msrelief.testing import audit_turn_queries


def test_a_colleague_sees_the_record_and_the_view_is_audited(
    client, ms_client, colleague, therapist
):
    history_services.add_entry(therapist, ms_client, "medicine", {"name": "baclofen"})
    client.force_login(colleague)
    response = client.get(reverse("clients-detail", args=[ms_client.pk]))
    assert response.status_code == 200
    assert "Relapsing-remitting MS (RRMS)" in response.text
    assert "baclofen" in response.text
    event = AuditEvent.objects.get(event="client.viewed")
    assert event.request_id == response["X-Request-ID"]
    assert event.remote_addr == "127.0.0.1"


def test_an_outsider_gets_404_and_no_data(client, ms_client, outsider):
    client.force_login(outsider)
    response = client.get(reverse("clients-detail", args=[ms_client.pk]))
    assert response.status_code == 404
    assert "Robin" not in response.text


def test_a_client_id_that_does_not_exist_is_404(client, therapist):
    client.force_login(therapist)
    assert client.get(reverse("clients-detail", args=[987654])).status_code == 404


def test_the_delete_link_shows_only_to_those_who_may_delete(
    client, ms_client, colleague, therapist
):
    client.force_login(colleague)
    assert (
        "Delete this client" not in client.get(reverse("clients-detail", args=[ms_client.pk])).text
    )
    client.force_login(therapist)
    assert "Delete this client" in client.get(reverse("clients-detail", args=[ms_client.pk])).text


@pytest.mark.parametrize("rows", [2, 20])
def test_the_record_makes_the_same_few_queries_for_2_or_20_consents(
    client, ms_client, therapist, colleague, django_assert_max_num_queries, rows
):
    for number in range(rows - 1):  # the record was made with one consent already
        recorder = therapist if number % 2 else colleague
        services.record_consent(
            recorder, ms_client, text_version=CURRENT_VERSION, consented_on=dt.date(2026, 2, 1)
        )
    client.force_login(therapist)
    # the record, its consents, six kinds of history, the safety flags, the latest screens, the
    # programme panels (enrolments, adverse events), the symptom diary (none here: one query;
    # with one, docs/diary.md and instruments/diary/tests/test_record_section.py), the latest
    # reminders, the calendar feed, the legal hold (privacy's panel), whatever their number, and
    # the audit event, and the clinic's data version that keys the cached parts
    with django_assert_max_num_queries(20 + audit_turn_queries()):
        text = client.get(reverse("clients-detail", args=[ms_client.pk])).text
    assert text.count("recorded by") == rows
    # drawn again from the cached parts: the session and the login, the data version, the
    # record, the read audit and the latest reminders (clients/record_cache.py)
    with django_assert_max_num_queries(6 + audit_turn_queries()):
        again = client.get(reverse("clients-detail", args=[ms_client.pk])).text
    assert again.count("recorded by") == rows
