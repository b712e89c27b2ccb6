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
