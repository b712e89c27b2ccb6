import pytest
from django.http import Http404

from msrelief.clients import permissions


def test_clinic_staff_see_only_their_own_clinics_clients(ms_client, colleague, outsider):
    assert list(permissions.clients_for(colleague)) == [ms_client]
    assert list(permissions.clients_for(outsider)) == []


def test_a_person_with_ms_sees_no_client_records_through_staff_queries(ms_client, person_with_ms):
    assert list(permissions.clients_for(person_with_ms)) == []


@pytest.mark.parametrize("pk", ["abc", None, 10**12, 2**63, -1, 0, "1e3"])
def test_a_malformed_or_unknown_id_is_404_not_an_error(therapist, pk):
    with pytest.raises(Http404):
        permissions.get_client_or_404(therapist, pk)


def test_a_client_is_found_by_their_own_clinics_staff_only(
    ms_client, colleague, outsider, person_with_ms
):
    found = permissions.get_client_or_404(colleague, str(ms_client.pk))
    assert found == ms_client and found.clinic.name and found.therapist.email
    for stranger in (outsider, person_with_ms):
        with pytest.raises(Http404):
            permissions.get_client_or_404(stranger, ms_client.pk)


@pytest.mark.parametrize(
    "persona", ["therapist", "colleague", "clinic_admin", "outsider", "person_with_ms"]
)
def test_a_client_is_found_exactly_when_clients_for_lists_them(persona, ms_client, request):
    user = request.getfixturevalue(persona)
    listed = permissions.clients_for(user).filter(pk=ms_client.pk).exists()
    try:
        found = permissions.get_client_or_404(user, ms_client.pk) == ms_client
    except Http404:
        found = False
    assert found == listed


def test_the_user_table_refuses_a_clinic_without_a_role(clinic):
    from django.db import IntegrityError

    from msrelief.testing import make_user

    with pytest.raises(IntegrityError):
        make_user("norole@harbour.test", clinic, "")
