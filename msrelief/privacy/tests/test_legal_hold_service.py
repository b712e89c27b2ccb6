"""privacy.services.place_legal_hold / lift_legal_hold: the clinic admin keeps a record for a
legal claim (a reason is required); while held, nobody can erase or delete it; both are
audited."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404

from msrelief.audit.models import AuditEvent
from msrelief.clients import services as clients
from msrelief.clients.models import Client
from msrelief.privacy import services
from msrelief.privacy.models import LegalHold, Tombstone


def test_the_admin_places_a_hold_with_a_reason_and_it_is_audited(ms_client, clinic_admin):
    hold = services.place_legal_hold(clinic_admin, ms_client, "  Claim made in writing  ")
    assert (hold.reason, hold.placed_by) == ("Claim made in writing", clinic_admin)
    event = AuditEvent.objects.get(event="privacy.legal_hold_placed")
    assert event.client_ref == ms_client.pk and event.actor == clinic_admin
    assert "Claim" not in str(event.changes)


def test_a_reason_is_required_and_named(ms_client, clinic_admin):
    with pytest.raises(ValidationError) as refused:
        services.place_legal_hold(clinic_admin, ms_client, " ")
    assert "reason" in refused.value.message_dict
    assert not LegalHold.objects.exists()


def test_erasing_a_held_client_is_refused_with_a_message_and_nothing_goes(ms_client, clinic_admin):
    services.place_legal_hold(clinic_admin, ms_client, "Claim made in writing")
    with pytest.raises(ValidationError, match=r"is on legal hold since .* lift the hold first"):
        services.erase_client(clinic_admin, ms_client, "Asked in writing")
    assert Client.objects.filter(pk=ms_client.pk).exists()
    assert not Tombstone.objects.exists()
    assert not AuditEvent.objects.filter(event="client.erased").exists()


def test_deleting_a_held_client_from_the_record_is_refused_too(ms_client, clinic_admin):
    services.place_legal_hold(clinic_admin, ms_client, "Claim made in writing")
    with pytest.raises(ValidationError, match="cannot be deleted while it is kept"):
        clients.delete_client(clinic_admin, ms_client)
    assert Client.objects.filter(pk=ms_client.pk).exists()
    assert not AuditEvent.objects.filter(event="client.deleted").exists()


def test_after_the_hold_is_lifted_the_client_can_be_erased(ms_client, clinic_admin):
    services.place_legal_hold(clinic_admin, ms_client, "Claim made in writing")
    services.lift_legal_hold(clinic_admin, ms_client)
    assert AuditEvent.objects.filter(event="privacy.legal_hold_lifted").get().actor == clinic_admin
    services.erase_client(clinic_admin, ms_client, "Asked in writing")
    assert not Client.objects.filter(pk=ms_client.pk).exists()


def test_placing_twice_or_lifting_no_hold_is_refused_with_a_message(ms_client, clinic_admin):
    with pytest.raises(ValidationError, match="not on legal hold"):
        services.lift_legal_hold(clinic_admin, ms_client)
    services.place_legal_hold(clinic_admin, ms_client, "Claim made in writing")
    with pytest.raises(ValidationError, match="already on legal hold"):
        services.place_legal_hold(clinic_admin, ms_client, "Again")


def test_a_therapist_may_neither_place_nor_lift(ms_client, therapist, clinic_admin):
    with pytest.raises(PermissionDenied, match="Only the clinic admin can place a legal hold"):
        services.place_legal_hold(therapist, ms_client, "Claim made in writing")
    services.place_legal_hold(clinic_admin, ms_client, "Claim made in writing")
    with pytest.raises(PermissionDenied):
        services.lift_legal_hold(therapist, ms_client)
    assert LegalHold.objects.count() == 1


def test_an_outsider_gets_not_found(ms_client, outsider):
    with pytest.raises(Http404):
        services.place_legal_hold(outsider, ms_client, "Claim made in writing")
