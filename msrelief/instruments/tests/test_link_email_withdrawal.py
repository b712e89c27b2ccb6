"""A queued questionnaire-link email is looked at again just before it leaves: withdrawn when
its questionnaire was cancelled or submitted, its link has expired, or the client's processing
is restricted; sent otherwise."""

import datetime as dt

from django.core import mail
from django.utils import timezone

from msrelief.clients import services as clients
from msrelief.instruments import services
from msrelief.notifications import delivery
from msrelief.notifications.models import Delivery, Message
from msrelief.privacy import services as privacy
from msrelief.testing import assign


def queued(therapist, ms_client):
    """A link emailed to Robin, still waiting in the outbox (its commit hook has not run)."""
    clients.update_client(therapist, ms_client, email="robin@example.test")
    administration, _ = assign(therapist, ms_client, email_client=True)
    message = Message.objects.get()
    assert message.status == Delivery.QUEUED
    return administration, message


def test_a_link_to_an_open_questionnaire_is_sent(therapist, ms_client):
    _, message = queued(therapist, ms_client)
    assert delivery.attempt(message.pk).state == "sent"
    assert mail.outbox[0].to == ["robin@example.test"]


def test_the_link_of_a_cancelled_questionnaire_is_withdrawn_and_never_sent(therapist, ms_client):
    administration, message = queued(therapist, ms_client)
    services.cancel_administration(therapist, administration)
    outcome = delivery.attempt(message.pk)
    assert outcome.state == "withdrawn" and outcome.error == "the questionnaire is cancelled"
    message.refresh_from_db()
    assert message.status == Delivery.WITHDRAWN and mail.outbox == []


def test_an_expired_link_is_withdrawn(therapist, ms_client):
    administration, message = queued(therapist, ms_client)
    later = administration.token_expires_at + dt.timedelta(minutes=1)
    outcome = delivery.attempt(message.pk, now=later)
    assert outcome.state == "withdrawn" and "expired" in outcome.error
    assert mail.outbox == []


def test_a_link_queued_before_processing_was_restricted_is_withdrawn(
    therapist, clinic_admin, ms_client
):
    _, message = queued(therapist, ms_client)
    privacy.restrict_processing(clinic_admin, ms_client)
    outcome = delivery.attempt(message.pk, now=timezone.now())
    assert outcome.state == "withdrawn" and "restricted" in outcome.error
    assert mail.outbox == []


def test_an_email_still_waiting_is_withdrawn_when_a_new_link_replaces_its_own(therapist, ms_client):
    administration, first = queued(therapist, ms_client)
    services.email_new_link(therapist, administration)
    first.refresh_from_db()
    assert first.status == Delivery.WITHDRAWN and first.last_error == "a newer link replaced it"
    newer = Message.objects.exclude(pk=first.pk).get()
    assert delivery.attempt(newer.pk).state == "sent"
    assert len(mail.outbox) == 1
