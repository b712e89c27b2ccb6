import pytest
from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied, ValidationError

from msrelief.accounts import services
from msrelief.accounts.models import User
from msrelief.audit.models import AuditEvent


@pytest.fixture
def root(db):
    return User.objects.create_superuser("root@example.test", "a-long-test-password-42")


def test_a_clinic_admin_creates_a_therapist_in_their_clinic_and_it_is_audited(clinic_admin, clinic):
    user = services.create_user(
        clinic_admin,
        email="New@Harbour.test",
        password="a-long-password-1",
        clinic=clinic,
        role="therapist",
        full_name="Nia New",
    )
    assert user.email == "new@harbour.test"
    event = AuditEvent.objects.get(event="user.created")
    assert (event.actor, event.object_label) == (clinic_admin, f"Login #{user.pk}")


def test_a_clinic_admin_may_not_create_logins_for_another_clinic(clinic_admin, other_clinic):
    with pytest.raises(PermissionDenied):
        services.create_user(
            clinic_admin,
            email="x@hillside.test",
            password=None,
            clinic=other_clinic,
            role="therapist",
        )
    assert not User.objects.filter(email="x@hillside.test").exists()


def test_a_duplicate_address_is_named_and_nothing_is_saved(clinic_admin, clinic, therapist):
    with pytest.raises(ValidationError) as error:
        services.create_user(
            clinic_admin,
            email="TESS@harbour.test",
            password=None,
            clinic=clinic,
            role="therapist",
        )
    assert "email" in error.value.message_dict


def test_a_role_change_and_a_deactivation_are_separate_events(clinic_admin, therapist):
    services.update_user(clinic_admin, therapist, role="clinic_admin", is_active=False)
    kinds = set(AuditEvent.objects.values_list("event", flat=True))
    assert {"user.role_changed", "user.deactivated"} <= kinds
    therapist.refresh_from_db()
    assert (therapist.role, therapist.is_active) == ("clinic_admin", False)


def test_a_therapist_may_not_change_a_colleagues_role(therapist, colleague):
    with pytest.raises(PermissionDenied):
        services.update_user(therapist, colleague, role="clinic_admin")


def test_only_a_superuser_gives_admin_site_access(clinic_admin, therapist, root):
    with pytest.raises(PermissionDenied):
        services.update_user(clinic_admin, therapist, is_staff=True)
    services.update_user(root, therapist, is_staff=True)
    assert AuditEvent.objects.filter(event="user.role_changed", actor=root).exists()


def test_permissions_are_set_by_a_superuser_and_the_codenames_audited(root, therapist):
    permission = Permission.objects.get(codename="edit_evidence")
    services.set_permissions(root, therapist, [permission])
    event = AuditEvent.objects.get(event="user.permissions_changed")
    assert event.changes == {"permissions": ["edit_evidence"]}
    with pytest.raises(PermissionDenied):
        services.set_permissions(therapist, therapist, [])


def test_the_admin_creates_and_edits_logins_through_the_services(client, root, clinic):
    client.force_login(root)
    data = {
        "email": "nia@harbour.test",
        "full_name": "Nia",
        "clinic": clinic.pk,
        "role": "therapist",
        "password1": "a-long-password-for-nia",
        "password2": "a-long-password-for-nia",
    }
    assert client.post("/admin/accounts/user/add/", data).status_code == 302
    nia = User.objects.get(email="nia@harbour.test")
    assert AuditEvent.objects.filter(event="user.created", object_id=str(nia.pk)).exists()
    change = {"email": nia.email, "full_name": "Nia", "clinic": clinic.pk, "role": "therapist"}
    assert client.post(f"/admin/accounts/user/{nia.pk}/change/", change).status_code == 302
    assert AuditEvent.objects.filter(event="user.deactivated", object_id=str(nia.pk)).exists()


def test_the_admin_neither_deletes_logins_nor_sets_passwords(client, root, therapist):
    client.force_login(root)
    assert client.get(f"/admin/accounts/user/{therapist.pk}/delete/").status_code == 403
    assert client.get(f"/admin/accounts/user/{therapist.pk}/password/").status_code == 403
