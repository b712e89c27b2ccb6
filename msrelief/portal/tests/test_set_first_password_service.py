"""portal.services.set_first_password: a client login with no password sets one, checked by
the password rules and audited; a login that has one, or a staff login, is refused."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from msrelief.audit.models import AuditEvent
from msrelief.portal import services


def test_a_client_login_without_a_password_sets_one_and_it_is_audited(person_with_ms):
    person_with_ms.set_unusable_password()
    person_with_ms.save()
    services.set_first_password(person_with_ms, "a quiet harbour at dawn")
    person_with_ms.refresh_from_db()
    assert person_with_ms.check_password("a quiet harbour at dawn")
    event = AuditEvent.objects.get(event="auth.password_set")
    assert event.actor == person_with_ms
    assert event.actor_email == f"client login #{person_with_ms.pk}"


def test_a_weak_password_is_refused_naming_the_field(person_with_ms):
    person_with_ms.set_unusable_password()
    person_with_ms.save()
    with pytest.raises(ValidationError) as refused:
        services.set_first_password(person_with_ms, "12345678")
    assert "new_password1" in refused.value.message_dict
    person_with_ms.refresh_from_db()
    assert not person_with_ms.has_usable_password()


def test_a_login_that_has_a_password_is_refused(person_with_ms):
    with pytest.raises(ValidationError, match="You have a password already"):
        services.set_first_password(person_with_ms, "a quiet harbour at dawn")


def test_a_staff_login_is_refused(therapist):
    therapist.set_unusable_password()
    therapist.save()
    with pytest.raises(PermissionDenied):
        services.set_first_password(therapist, "a quiet harbour at dawn")
