import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from msrelief.audit.models import AuditEvent
from msrelief.clients import services
from msrelief.clients.models import Client


def test_the_responsible_therapist_deletes_a_client_and_the_trail_keeps_it(ms_client, therapist):
    pk = ms_client.pk
    services.delete_client(therapist, ms_client)
    assert not Client.objects.filter(pk=pk).exists()
    assert AuditEvent.objects.filter(action="delete", object_id=str(pk)).exists()
    assert AuditEvent.objects.filter(action="create", object_id=str(pk)).exists()


def test_the_clinic_admin_may_delete_any_client_of_the_clinic(ms_client, clinic_admin):
    services.delete_client(clinic_admin, ms_client)
    assert not Client.objects.exists()


def test_a_colleague_who_is_not_responsible_may_not_delete(ms_client, colleague):
    with pytest.raises(PermissionDenied):
        services.delete_client(colleague, ms_client)
    assert Client.objects.exists()


def test_an_outsider_gets_not_found(ms_client, outsider):
    with pytest.raises(Http404):
        services.delete_client(outsider, ms_client)
