import pytest
from django.http import Http404

from msrelief.clients import permissions


def test_clinic_staff_see_only_their_own_clinics_clients(ms_client, colleague, outsider):
    assert list(permissions.clients_for(colleague)) == [ms_client]
    assert list(permissions.clients_for(outsider)) == []


def test_a_person_with_ms_sees_no_client_records_through_staff_queries(ms_client, person_with_ms):
    assert list(permissions.clients_for(person_with_ms)) == []


@pytest.mark.parametrize("pk", ["abc", None, 10**12])
def test_a_malformed_or_unknown_id_is_404_not_an_error(therapist, pk):
    with pytest.raises(Http404):
        permissions.get_client_or_404(therapist, pk)


def test_the_user_table_refuses_a_clinic_without_a_role(clinic):
    from django.db import IntegrityError

    from msrelief.testing import make_user

    with pytest.raises(IntegrityError):
        make_user("norole@harbour.test", clinic, "")
