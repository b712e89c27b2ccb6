import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from msrelief.audit.models import AuditEvent
from msrelief.clients import services
from msrelief.clients.models import Client, ConsentRecord
from msrelief.testing import make_client_record


def test_a_therapist_creates_a_client_in_their_own_clinic_with_consent(therapist):
    client = make_client_record(therapist)
    assert client.clinic == therapist.clinic
    assert client.therapist == therapist
    consent = ConsentRecord.objects.get(client=client)
    assert consent.recorded_by == therapist
    assert consent.text_version == "2026-11"


def test_creating_a_client_is_audited_with_field_names_but_no_values(therapist):
    client = make_client_record(therapist, notes="private note")
    event = AuditEvent.objects.get(object_type="clients.client", action="create")
    assert event.object_id == str(client.pk)
    assert event.actor == therapist
    assert event.clinic == therapist.clinic
    assert "notes" in event.changes["fields"]
    assert "private note" not in str(event.changes)


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("edss", Decimal("3.7"), "steps of 0.5"),
        ("edss", Decimal("10.5"), "less than or equal to 10"),
        ("year_of_birth", 2999, "cannot be after"),
        ("diagnosis_year", 1975, "before the year of birth"),
        ("phenotype", "BENIGN", "not a valid choice"),
        ("display_name", "", "cannot be blank"),
        ("email", "not-an-email", "valid email"),
    ],
)
def test_bad_input_names_the_field_and_saves_nothing(therapist, field, value, message):
    with pytest.raises(ValidationError) as error:
        make_client_record(therapist, **{field: value})
    assert message in " ".join(error.value.message_dict[field])
    assert not Client.objects.exists()
    assert not AuditEvent.objects.exists()


def test_a_consent_date_in_the_future_saves_nothing(therapist):
    with pytest.raises(ValidationError) as error:
        services.create_client(therapist, consented_on=dt.date(2999, 1, 1), display_name="Sam")
    assert "consented_on" in error.value.message_dict
    assert not Client.objects.exists()


def test_a_therapist_from_another_clinic_cannot_be_made_responsible(therapist, outsider):
    with pytest.raises(ValidationError) as error:
        make_client_record(therapist, therapist=outsider)
    assert "therapist" in error.value.message_dict


def test_a_person_with_ms_cannot_create_client_records(person_with_ms):
    with pytest.raises(PermissionDenied):
        make_client_record(person_with_ms)


def test_fields_outside_the_record_are_refused(therapist):
    with pytest.raises(ValidationError) as error:
        make_client_record(therapist, clinic_id=999)
    assert "clinic_id" in error.value.message_dict
