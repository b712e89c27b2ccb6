from django.urls import reverse

from msrelief.testing import PASSWORD

URL = reverse("accounts-password-change")


def test_a_therapist_changes_their_password(client, therapist):
    client.force_login(therapist)
    new = "a-better-password-for-tess"
    response = client.post(
        URL, {"old_password": PASSWORD, "new_password1": new, "new_password2": new}
    )
    assert response.status_code == 302
    therapist.refresh_from_db()
    assert therapist.check_password(new)


def test_a_wrong_old_password_is_named_on_the_field(client, therapist):
    client.force_login(therapist)
    response = client.post(URL, {"old_password": "x", "new_password1": "y", "new_password2": "y"})
    assert 'href="#id_old_password"' in response.text


def change_to(client, new):
    return client.post(URL, {"old_password": PASSWORD, "new_password1": new, "new_password2": new})


def test_a_new_password_of_eleven_characters_is_refused_on_the_field(client, therapist):
    client.force_login(therapist)
    response = change_to(client, "kelp-ferry9")
    assert response.status_code == 200
    assert "at least 12 characters" in response.text
    assert 'href="#id_new_password2"' in response.text
    therapist.refresh_from_db()
    assert therapist.check_password(PASSWORD)


def test_a_new_password_of_twelve_characters_is_accepted(client, therapist):
    client.force_login(therapist)
    assert change_to(client, "kelp-ferry97").status_code == 302
    therapist.refresh_from_db()
    assert therapist.check_password("kelp-ferry97")
