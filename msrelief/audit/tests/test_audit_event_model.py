import pytest

from msrelief.audit.models import AuditEvent, AuditImmutableError


def test_an_audit_event_cannot_be_changed(ms_client):
    event = AuditEvent.objects.first()
    event.actor_email = "someone-else@example.test"
    with pytest.raises(AuditImmutableError):
        event.save()


def test_an_audit_event_cannot_be_deleted_one_by_one_or_in_bulk(ms_client):
    with pytest.raises(AuditImmutableError):
        AuditEvent.objects.first().delete()
    with pytest.raises(AuditImmutableError):
        AuditEvent.objects.all().delete()
    with pytest.raises(AuditImmutableError):
        AuditEvent.objects.update(actor_email="x")
    assert AuditEvent.objects.count() == 2


def test_events_outside_a_request_still_get_a_request_id(ms_client):
    ids = set(AuditEvent.objects.values_list("request_id", flat=True))
    assert all(len(i) == 32 for i in ids)


def test_a_login_with_events_cannot_be_deleted_so_its_events_are_never_rewritten(
    ms_client, therapist
):
    from django.db.models import ProtectedError

    with pytest.raises(ProtectedError):
        therapist.delete()
    assert AuditEvent.objects.filter(actor=therapist).count() == 2
