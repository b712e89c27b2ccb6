import pytest
from django.http import Http404

from msrelief.audit.models import AuditEvent
from msrelief.clients import services


def test_viewing_a_client_record_is_audited(ms_client, colleague):
    services.view_client(colleague, ms_client.pk)
    event = AuditEvent.objects.get(action="view")
    assert (event.actor, event.object_id) == (colleague, str(ms_client.pk))


@pytest.mark.parametrize("persona", ["outsider", "person_with_ms"])
def test_only_clinic_staff_can_view_and_others_leave_no_event(ms_client, request, persona):
    with pytest.raises(Http404):
        services.view_client(request.getfixturevalue(persona), ms_client.pk)
    assert not AuditEvent.objects.filter(action="view").exists()
