"""A queued sign-in or invitation email is looked at again just before it leaves: withdrawn
when its link has expired or was used, sent otherwise."""

import datetime as dt

from django.core import mail

from msrelief.notifications import delivery
from msrelief.notifications.models import Delivery, Message
from msrelief.portal import services


def queued(person_with_ms):
    """A sign-in link asked for by Robin, its email still waiting (its commit hook not run)."""
    link = services.request_sign_in_link(person_with_ms.email)
    assert link is not None
    message = Message.objects.get()
    assert message.status == Delivery.QUEUED
    return link, message


def test_a_sign_in_email_with_a_working_link_is_sent(robin, person_with_ms):
    _, message = queued(person_with_ms)
    assert delivery.attempt(message.pk).state == "sent"
    assert mail.outbox[0].to == [person_with_ms.email]


def test_a_sign_in_email_whose_link_expired_is_withdrawn(robin, person_with_ms):
    link, message = queued(person_with_ms)
    outcome = delivery.attempt(message.pk, now=link.expires_at + dt.timedelta(seconds=1))
    assert outcome.state == "withdrawn" and outcome.error == "the sign-in link has expired"
    message.refresh_from_db()
    assert message.status == Delivery.WITHDRAWN and mail.outbox == []


def test_an_invitation_email_whose_link_was_used_is_withdrawn(robin, therapist):
    link = services.invite_client(therapist, robin)
    link.used_at = link.created_at
    link.save(update_fields=["used_at"])
    message = Message.objects.get()
    outcome = delivery.attempt(message.pk)
    assert outcome.state == "withdrawn" and "used" in outcome.error
    assert mail.outbox == []
