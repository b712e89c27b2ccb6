"""portal.services.invite_client makes the login and links it through
clients.services.link_login: one transaction, and one audit trail in which the link appears
once, as it does when staff link a login from the record."""

import pytest
from django.core.exceptions import ValidationError

from msrelief.accounts.models import User
from msrelief.audit.models import AuditEvent
from msrelief.clients import services as clients
from msrelief.portal import services

EMAIL = "robin.invited@example.test"


def test_the_invitation_writes_each_event_once_in_order(therapist, ms_client):
    clients.update_client(therapist, ms_client, email=EMAIL)
    before = AuditEvent.objects.count()
    services.invite_client(therapist, ms_client)
    events = list(AuditEvent.objects.order_by("id").values_list("event", flat=True)[before:])
    assert events == ["user.created", "user.client_linked", "client.portal_invited"]
    login = User.objects.get(email=EMAIL)
    linked = AuditEvent.objects.get(event="user.client_linked")
    assert linked.object_id == str(login.pk) and linked.changes == {"client": ms_client.pk}
    ms_client.refresh_from_db()
    assert ms_client.user == login and not login.has_usable_password()


def test_a_failure_after_the_login_is_linked_undoes_the_login_and_its_events(
    therapist, ms_client, monkeypatch
):
    clients.update_client(therapist, ms_client, email=EMAIL)
    before = AuditEvent.objects.count()

    def refuse(*args, **kwargs):
        raise ValidationError({"email": "The outbox refused the invitation."})

    monkeypatch.setattr(services.outbox, "queue_email", refuse)
    with pytest.raises(ValidationError):
        services.invite_client(therapist, ms_client)
    assert not User.objects.filter(email=EMAIL).exists()
    assert AuditEvent.objects.count() == before
    ms_client.refresh_from_db()
    assert ms_client.user is None
