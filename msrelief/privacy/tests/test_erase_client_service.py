"""privacy.services.erase_client: everything about the client goes, in one transaction; a
tombstone with no personal data and the audit event of the erasure stay; the chain verifies."""

import json
import re

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404

from msrelief.accounts.models import User
from msrelief.audit.chain import verify_trail
from msrelief.audit.models import AuditEvent
from msrelief.clients.models import Client
from msrelief.privacy import services
from msrelief.privacy.models import Tombstone
from msrelief.privacy.tests.factories import EMAIL, every_kind_of_record, rows_about


@pytest.fixture
def full_client(ms_client, therapist, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        made = every_kind_of_record(therapist, ms_client)
    assert rows_about(ms_client.pk), "the factory made nothing to erase"
    return ms_client, made


def test_after_erasure_no_row_anywhere_points_at_the_client(full_client, clinic_admin):
    client, _ = full_client
    services.erase_client(clinic_admin, client, "Asked in writing")
    assert rows_about(client.pk) == []


def test_the_tombstone_counts_what_went_and_holds_no_personal_data(full_client, clinic_admin):
    client, _ = full_client
    name, notes = client.display_name, "left calf cramps"
    tombstone = services.erase_client(clinic_admin, client, "Asked in writing")
    assert tombstone.client_number == client.pk
    assert tombstone.clinic_id == client.clinic_id
    assert tombstone.erased_by == clinic_admin
    assert tombstone.removed["clients.client"] == 1
    assert tombstone.removed["instruments.response"] >= 1
    assert tombstone.removed["instruments.diaryentry"] == 1
    assert tombstone.removed["programmes.reminderlog"] == 1
    assert tombstone.removed["notifications.message"] >= 1
    assert tombstone.removed["accounts.user"] == 1
    text = json.dumps([str(getattr(tombstone, f.attname)) for f in Tombstone._meta.fields])
    for personal in (name, EMAIL, notes):
        assert personal not in text
    # The year of birth as a number of its own: the erasure time's microseconds (198033) may
    # hold its digits, which made this test fail now and then.
    assert client.year_of_birth is not None
    assert not re.search(rf"(?<!\d){client.year_of_birth}(?!\d)", text)


def test_a_login_the_audit_trail_names_is_blanked_and_switched_off(full_client, clinic_admin):
    client, made = full_client
    login = made["login"]
    services.erase_client(clinic_admin, client, "Asked in writing")
    login.refresh_from_db()
    assert not login.is_active and not login.has_usable_password()
    assert login.full_name == "" and EMAIL not in login.email
    assert not User.objects.filter(email__iexact=EMAIL).exists()


def test_a_login_nothing_else_names_is_deleted(ms_client, clinic_admin, person_with_ms):
    ms_client.user = person_with_ms
    ms_client.save()
    services.erase_client(clinic_admin, ms_client, "Asked in writing")
    assert not User.objects.filter(pk=person_with_ms.pk).exists()


def test_the_audit_chain_still_verifies_and_the_erasure_is_in_it(full_client, clinic_admin):
    client, _ = full_client
    services.erase_client(clinic_admin, client, "Asked in writing")
    assert verify_trail().intact
    event = AuditEvent.objects.get(event="client.erased")
    assert event.client_ref == client.pk and event.actor == clinic_admin


def test_the_audit_trail_names_no_client_after_erasure(full_client, clinic_admin):
    client, _ = full_client
    name = client.display_name
    services.erase_client(clinic_admin, client, "Asked in writing")
    for event in AuditEvent.objects.all():
        text = json.dumps([event.actor_email, event.object_label, event.changes])
        assert name not in text and EMAIL not in text, event.event


def test_a_therapist_cannot_erase_and_nothing_goes(ms_client, therapist):
    with pytest.raises(PermissionDenied):
        services.erase_client(therapist, ms_client, "Asked in writing")
    assert Client.objects.filter(pk=ms_client.pk).exists()
    assert not Tombstone.objects.exists()


def test_an_outsider_gets_not_found(ms_client, outsider):
    with pytest.raises(Http404):
        services.erase_client(outsider, ms_client, "Asked in writing")


def test_a_reason_is_required_and_named(ms_client, clinic_admin):
    with pytest.raises(ValidationError) as refused:
        services.erase_client(clinic_admin, ms_client, "  ")
    assert "reason" in refused.value.message_dict
    assert Client.objects.filter(pk=ms_client.pk).exists()
