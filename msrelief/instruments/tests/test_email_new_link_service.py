import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail
from django.core.exceptions import ValidationError
from django.http import Http404

from msrelief.audit.models import AuditEvent
from msrelief.clients import services as clients
from msrelief.instruments import services, tokens
from msrelief.instruments.models import Administration
from msrelief.notifications.models import Delivery, Message
from msrelief.testing import PHQ9_ALL_ZERO, assign

TUESDAY = dt.datetime(2026, 12, 1, 10, 0, tzinfo=ZoneInfo("Pacific/Auckland"))


@pytest.fixture
def reachable(ms_client, therapist):
    clients.update_client(therapist, ms_client, email="robin@example.test")
    return ms_client


def test_the_new_link_is_emailed_through_the_outbox_after_commit(
    reachable, therapist, django_capture_on_commit_callbacks
):
    administration, old = assign(therapist, reachable)
    with django_capture_on_commit_callbacks(execute=True):
        _, new = services.email_new_link(therapist, administration)
        queued = Message.objects.get()
        assert queued.status == Delivery.QUEUED and mail.outbox == []
    assert queued.kind == "questionnaire_link"
    assert queued.about_id == str(administration.pk)
    assert mail.outbox[0].to == ["robin@example.test"]
    assert f"/q/{new}/" in mail.outbox[0].body
    assert old not in mail.outbox[0].body
    assert Message.objects.get().status == Delivery.SENT


def test_the_email_says_when_the_new_link_closes_in_words(reachable, therapist):
    with time_machine.travel(TUESDAY, tick=False):
        administration, _ = assign(therapist, reachable)
        services.email_new_link(therapist, administration)
    message = Message.objects.get()
    assert "works until Tuesday 15 December 2026, 23:59" in message.body_text
    assert "works until Tuesday 15 December 2026, 23:59" in message.body_html


def test_the_old_link_stops_working_once_a_new_one_is_emailed(reachable, therapist):
    administration, old = assign(therapist, reachable)
    _, new = services.email_new_link(therapist, administration)
    assert not Administration.objects.filter(token_hash=tokens.hash_token(old)).exists()
    assert Administration.objects.get(token_hash=tokens.hash_token(new)).pk == administration.pk


def test_emailing_a_new_link_is_audited_as_emailed(reachable, therapist):
    administration, _ = assign(therapist, reachable)
    _, new = services.email_new_link(therapist, administration)
    event = AuditEvent.objects.get(event="questionnaire.link_emailed")
    assert event.changes["emailed"] is True
    assert new not in str(event.changes)
    assert event.sentence == (
        f"tess@harbour.test emailed a new link for Questionnaire #{administration.pk}; "
        "the old one stopped working"
    )


def test_a_client_without_an_email_address_is_named_and_nothing_changes(ms_client, therapist):
    administration, old = assign(therapist, ms_client)
    with pytest.raises(ValidationError) as error:
        services.email_new_link(therapist, administration)
    assert "email_client" in error.value.message_dict
    assert Administration.objects.get(token_hash=tokens.hash_token(old)).pk == administration.pk
    assert not Message.objects.exists()
    assert not AuditEvent.objects.filter(event="questionnaire.link_emailed").exists()


def test_a_submitted_questionnaire_is_not_emailed_again(reachable, therapist):
    administration, _ = assign(therapist, reachable)
    services.save_draft(administration, PHQ9_ALL_ZERO, None)
    services.submit_response(administration, None, "link")
    with pytest.raises(ValidationError, match="already been submitted"):
        services.email_new_link(therapist, administration)
    assert not Message.objects.exists()


def test_a_mail_outage_keeps_the_new_link_and_the_email_waits_in_the_outbox(
    reachable, therapist, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "msrelief.notifications.testing.RefusingEmailBackend"
    administration, _ = assign(therapist, reachable)
    with django_capture_on_commit_callbacks(execute=True):
        _, new = services.email_new_link(therapist, administration)
    assert Administration.objects.get(token_hash=tokens.hash_token(new)).pk == administration.pk
    message = Message.objects.get()
    assert message.status == Delivery.QUEUED and message.attempts == 1


def test_an_outsider_cannot_email_another_clinics_client(reachable, therapist, outsider):
    administration, _ = assign(therapist, reachable)
    with pytest.raises(Http404):
        services.email_new_link(outsider, administration)
    assert not Message.objects.exists()
