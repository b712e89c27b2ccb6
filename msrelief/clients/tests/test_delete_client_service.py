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


def test_a_client_with_every_kind_of_record_can_be_deleted_and_leaves_nothing_behind(
    ms_client, therapist, person_with_ms, django_capture_on_commit_callbacks
):
    from msrelief.instruments import services as measures
    from msrelief.instruments.models import Administration, Response, SafetyFlag, Score
    from msrelief.notifications.models import Message
    from msrelief.testing import PHQ9_ALL_ZERO, assign

    services.update_client(therapist, ms_client, email="robin@example.test")
    ms_client.refresh_from_db()
    ms_client.user = person_with_ms
    ms_client.save()
    with django_capture_on_commit_callbacks(execute=True):
        administration, _ = assign(therapist, ms_client, email_client=True)
        measures.save_draft(administration, {**PHQ9_ALL_ZERO, "9": 1}, None)
        original = measures.submit_response(administration, None, "link")
    flag = SafetyFlag.objects.get()
    measures.acknowledge_flag(therapist, flag, "Phoned Robin; safe, GP informed.")
    corrected = measures.correct_response(therapist, original, PHQ9_ALL_ZERO, "Misread item 9")
    measures.correct_response(therapist, corrected, {**PHQ9_ALL_ZERO, "1": 1}, "Item 1 too")
    assign(therapist, ms_client)  # one still open
    assert Message.objects.filter(client_ref=ms_client.pk).count() == 2

    services.delete_client(therapist, ms_client)

    for model in (Client, Administration, Response, Score, SafetyFlag):
        assert not model.objects.exists(), model
    assert not Message.objects.filter(client_ref=ms_client.pk).exists()
    person_with_ms.refresh_from_db()  # the login stays, no longer linked
    labels = list(AuditEvent.objects.values_list("object_label", flat=True))
    assert not [label for label in labels if "Robin" in label or "phq9" in label]
