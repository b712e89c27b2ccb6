"""The clinic dashboard keeps its heading, safety flags, programme panels and list of clients in
the cache (instruments/views_dashboard.py): whatever changes through the services, the Django
admin, the outbox or the calendar shows on the next view."""

import datetime as dt

import time_machine
from django.urls import reverse
from django.utils import timezone

from msrelief.programmes import services
from msrelief.testing import PHQ9_ALL_ZERO, assign, make_client_record

URL = reverse("clients-dashboard")


def test_a_client_added_after_the_page_was_drawn_is_listed_at_once(client, therapist, ms_client):
    client.force_login(therapist)
    assert "Sam New" not in client.get(URL).text
    make_client_record(therapist, display_name="Sam New")
    assert "Sam New" in client.get(URL).text


def test_a_session_recorded_after_the_page_was_drawn_shows_its_new_status_at_once(
    client, therapist, session
):
    client.force_login(therapist)
    assert "(planned)" in client.get(URL).text
    services.record_session_status(therapist, session, "attended")
    assert "(attended)" in client.get(URL).text


def test_a_safety_flag_raised_after_the_page_was_drawn_shows_at_once(client, therapist, ms_client):
    from msrelief.instruments import services as measures

    client.force_login(therapist)
    assert "Safety flags waiting for you" not in client.get(URL).text
    administration, _ = assign(therapist, ms_client)
    measures.save_draft(administration, {**PHQ9_ALL_ZERO, "9": 1}, None)
    measures.submit_response(administration, None, "link")
    assert "Safety flags waiting for you" in client.get(URL).text


def test_an_alert_email_that_fails_after_the_page_was_drawn_is_marked_at_once(
    client, therapist, ms_client, settings
):
    from msrelief.instruments import services as measures
    from msrelief.notifications import delivery

    administration, _ = assign(therapist, ms_client)
    measures.save_draft(administration, {**PHQ9_ALL_ZERO, "9": 2}, None)
    measures.submit_response(administration, None, "link")
    client.force_login(therapist)
    assert "email not delivered" not in client.get(URL).text
    settings.EMAIL_BACKEND = "msrelief.notifications.testing.RefusingEmailBackend"
    delivery.deliver_due()  # the worker's try, which records no audit event
    assert "email not delivered" in client.get(URL).text


def test_an_alert_email_sent_after_it_was_marked_loses_its_mark_at_once(
    client, therapist, ms_client, settings
):
    from msrelief.instruments import services as measures
    from msrelief.notifications import delivery
    from msrelief.notifications.models import Message

    administration, _ = assign(therapist, ms_client)
    measures.save_draft(administration, {**PHQ9_ALL_ZERO, "9": 2}, None)
    measures.submit_response(administration, None, "link")
    settings.EMAIL_BACKEND = "msrelief.notifications.testing.RefusingEmailBackend"
    delivery.deliver_due()
    client.force_login(therapist)
    assert "email not delivered" in client.get(URL).text
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    Message.objects.update(next_attempt_at=timezone.now())  # the retry is due
    assert [outcome.state for outcome in delivery.deliver_due()] == ["sent"]
    page = client.get(URL).text
    assert "Safety flags waiting for you" in page and "email not delivered" not in page


def test_a_flag_acknowledged_and_then_resolved_after_the_page_was_drawn_moves_at_once(
    client, therapist, ms_client
):
    from msrelief.instruments import services as measures
    from msrelief.instruments.models import SafetyFlag

    administration, _ = assign(therapist, ms_client)
    measures.save_draft(administration, {**PHQ9_ALL_ZERO, "9": 1}, None)
    measures.submit_response(administration, None, "link")
    client.force_login(therapist)
    assert "Safety flags waiting for you" in client.get(URL).text
    flag = SafetyFlag.objects.get()
    measures.acknowledge_flag(therapist, flag, "Phoned the client; she is safe.")
    page = client.get(URL).text
    assert "Safety flags waiting for you" not in page
    assert "Acknowledged safety flags not yet resolved" in page
    measures.resolve_flag(therapist, flag, "Seen with her GP.")
    assert "Acknowledged safety flags not yet resolved" not in client.get(URL).text


def test_a_clinic_renamed_in_the_django_admin_shows_at_once(client, therapist, admin_client):
    client.force_login(therapist)
    assert "Clients of Harbour" in client.get(URL).text
    clinic = therapist.clinic
    change = reverse("admin:accounts_clinic_change", args=[clinic.pk])
    form = {"name": "Bayside Clinic", "crisis_guidance": clinic.crisis_guidance}
    assert admin_client.post(change, form).status_code == 302
    made = clinic.created_at
    clinic.refresh_from_db()
    assert clinic.created_at == made, "when the clinic was made is shown, not edited"
    assert "Clients of Bayside Clinic" in client.get(URL).text


def test_the_page_is_drawn_again_when_the_day_turns(client, therapist, enrolment):
    tomorrow = services.add_session(
        therapist, enrolment, timezone.localdate() + dt.timedelta(days=1), dt.time(6, 15)
    )
    link = reverse("programmes-session", args=[tomorrow.pk])
    client.force_login(therapist)
    assert link not in client.get(URL).text
    with time_machine.travel(timezone.now() + dt.timedelta(days=1)):
        client.force_login(therapist)
        assert link in client.get(URL).text
