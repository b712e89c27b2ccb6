"""A planned session's safety screen: run for the session's day, linked to it, and shown on the
session page with the decision; another clinic gets 404."""

import datetime as dt

import pytest
from django.http import Http404
from django.urls import reverse
from django.utils import timezone

from msrelief.audit.models import AuditEvent
from msrelief.clients import history_services as history
from msrelief.programmes import services


def test_screening_a_session_links_the_screen_and_is_audited(session, therapist, ms_client):
    history.add_entry(therapist, ms_client, "condition", {"kind": "heat_sensitivity"})
    screen = services.screen_session(therapist, session, {})
    session.refresh_from_db()
    assert session.screen == screen
    assert screen.outcome == "ADAPT" and screen.on == session.local_date
    assert AuditEvent.objects.get(event="session.screened").changes["outcome"] == "ADAPT"


def test_the_session_may_go_ahead_only_after_a_decision_that_allows_it(
    session, therapist, ms_client
):
    assert services.may_go_ahead(session) == (False, "Screen the client before the session.")
    onset = timezone.localdate() - dt.timedelta(days=10)
    history.add_entry(therapist, ms_client, "relapse", {"onset": onset})
    screen = services.screen_session(therapist, session, {})
    session.refresh_from_db()
    assert screen.outcome == "DEFER"
    assert services.may_go_ahead(session)[0] is False
    from msrelief.safety import services as safety

    safety.decide(therapist, screen, "DEFER")
    session.refresh_from_db()
    assert services.may_go_ahead(session) == (
        False,
        "The decision after the screen was: No hands-on session today.",
    )


def test_the_session_page_offers_the_screen_and_then_shows_its_result(
    client, session, therapist, ms_client
):
    client.force_login(therapist)
    page = client.get(reverse("programmes-session", args=[session.pk])).text
    assert "Screen before this session" in page
    history.add_entry(therapist, ms_client, "condition", {"kind": "heat_sensitivity"})
    url = reverse("programmes-screen", args=[session.pk])
    data = {"on": session.local_date.isoformat(), "session": "massage", "falls_last_year": "0"}
    result = client.post(url, data, follow=True)
    assert "Safety screen: Go ahead, with the adaptations" in result.text
    assert reverse("programmes-session", args=[session.pk]) in result.text
    page = client.get(reverse("programmes-session", args=[session.pk])).text
    assert "<strong>ADAPT</strong>" in page and "Keep the room cool" in page


def test_another_clinic_cannot_screen_the_session(client, session, outsider):
    with pytest.raises(Http404):
        services.screen_session(outsider, session, {})
    client.force_login(outsider)
    assert client.get(reverse("programmes-screen", args=[session.pk])).status_code == 404
