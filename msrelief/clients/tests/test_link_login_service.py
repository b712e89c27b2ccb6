import pytest
from django.core.exceptions import ValidationError
from django.http import Http404

from msrelief.audit.models import AuditEvent
from msrelief.clients import services
from msrelief.testing import make_user


def test_staff_link_a_client_login_to_the_record_and_it_is_audited(
    ms_client, therapist, person_with_ms
):
    services.link_login(therapist, ms_client, person_with_ms)
    ms_client.refresh_from_db()
    assert ms_client.user == person_with_ms
    event = AuditEvent.objects.get(event="user.client_linked")
    assert (event.actor, event.changes) == (therapist, {"client": ms_client.pk})


def test_only_a_client_login_of_the_same_clinic_can_be_linked(
    ms_client, therapist, colleague, other_clinic
):
    stranger = make_user("sam@hillside.test", other_clinic, "client")
    for login in (colleague, stranger):
        with pytest.raises(ValidationError, match="Only a client login of this clinic"):
            services.link_login(therapist, ms_client, login)


def test_an_outsider_cannot_link_a_login_to_another_clinics_client(
    ms_client, outsider, person_with_ms
):
    with pytest.raises(Http404):
        services.link_login(outsider, ms_client, person_with_ms)
