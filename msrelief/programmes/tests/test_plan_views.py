"""The plan page, adding a session to it and moving one."""

import datetime as dt

from django.urls import reverse
from django.utils import timezone

from msrelief.audit.models import AuditEvent
from msrelief.programmes.tests.factories import today


def test_the_plan_lists_sessions_measures_adherence_and_its_history(client, enrolment, colleague):
    client.force_login(colleague)
    response = client.get(reverse("programmes-enrolment", args=[enrolment.pk]))
    assert response.status_code == 200
    text = response.text
    assert text.count("programmes/sessions/") >= 12
    assert "Measured or rated by the therapist" in text  # MAS is not sent
    assert "licensed" in text  # nor the PSQI
    assert "sessions attended" in text and "Plan made: 12 sessions" in text
    assert AuditEvent.objects.filter(event="enrolment.viewed").count() == 1


def test_a_session_is_added_from_the_plan(client, enrolment, therapist):
    client.force_login(therapist)
    day = (today() + dt.timedelta(days=3)).isoformat()
    response = client.post(
        reverse("programmes-add-session", args=[enrolment.pk]), {"day": day, "time": "07:00"}
    )
    assert response.status_code == 302
    assert enrolment.sessions.count() == 13


def test_an_added_session_that_clashes_comes_back_on_the_plan(client, enrolment, therapist):
    existing = enrolment.sessions.first()
    client.force_login(therapist)
    response = client.post(
        reverse("programmes-add-session", args=[enrolment.pk]),
        {"day": existing.local_date.isoformat(), "time": "10:10"},
    )
    assert response.status_code == 400
    assert "already has a session on" in response.text


def test_a_session_is_moved_from_its_move_page(client, enrolment, therapist):
    session = enrolment.sessions.filter(starts_at__gt=timezone.now()).first()
    page = reverse("programmes-move", args=[session.pk])
    client.force_login(therapist)
    assert session.local_date.isoformat() in client.get(page).text
    new_day = (session.local_date + dt.timedelta(days=1)).isoformat()
    response = client.post(page, {"day": new_day, "time": "15:00", "reason": "Bus strike"})
    assert response.status_code == 302
    session.refresh_from_db()
    assert session.local_date.isoformat() == new_day
    plan = client.get(reverse("programmes-enrolment", args=[enrolment.pk])).text
    assert "Session moved" in plan and "Bus strike" in plan


def test_a_move_without_a_time_comes_back_naming_it(client, enrolment, therapist):
    session = enrolment.sessions.filter(starts_at__gt=timezone.now()).first()
    client.force_login(therapist)
    response = client.post(reverse("programmes-move", args=[session.pk]), {"day": "2026-01-01"})
    assert response.status_code == 400 and "New time" in response.text
