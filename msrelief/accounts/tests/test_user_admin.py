from django.contrib.auth.models import Permission

from msrelief.accounts.models import User
from msrelief.evidence import services as evidence


def test_a_superuser_makes_a_therapist_an_evidence_editor_in_the_admin(client, therapist):
    root = User.objects.create_superuser("root@example.test", "a-long-test-password-42")
    client.force_login(root)
    url = f"/admin/accounts/user/{therapist.pk}/change/"
    page = client.get(url)
    assert page.status_code == 200 and "Can edit the evidence base" in page.text
    permission = Permission.objects.get(codename="edit_evidence")
    data = {
        "email": therapist.email,
        "full_name": therapist.full_name,
        "clinic": therapist.clinic_id,
        "role": therapist.role,
        "is_active": "on",
        "user_permissions": [permission.pk],
    }
    assert client.post(url, data).status_code == 302
    assert evidence.can_edit(User.objects.get(pk=therapist.pk))


def test_the_admin_site_shows_who_has_an_app_but_never_its_secret_nor_a_way_to_change_it(
    client, db, clinic_admin
):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from msrelief.testing import enrol_totp, make_user

    enrol_totp(clinic_admin)
    device = TOTPDevice.objects.get(user=clinic_admin)
    root = make_user("root@msrelief.test", is_superuser=True, is_staff=True)
    client.force_login(root)
    listing = client.get("/admin/otp_totp/totpdevice/")
    assert listing.status_code == 200 and "Alex Admin" in listing.text
    detail = client.get(f"/admin/otp_totp/totpdevice/{device.pk}/change/")
    assert device.key not in detail.text
    assert client.get("/admin/otp_totp/totpdevice/add/").status_code == 403
    assert client.post(f"/admin/otp_totp/totpdevice/{device.pk}/delete/").status_code == 403
