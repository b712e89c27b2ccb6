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


def test_the_form_speaks_plainly_and_gives_the_password_rules_as_one_hint(client, therapist):
    client.force_login(therapist)
    page = client.get(URL).text
    for label in ("Current password", "New password", "New password again"):
        assert f">{label}</label>" in page
    assert "Use at least 12 characters. Do not use your name or email address." in page
    assert "<ul>" not in page[page.index("<main") :]  # no list inside the hint paragraph


def test_a_wrong_current_password_says_so_in_plain_words(client, therapist):
    client.force_login(therapist)
    new = "kelp-ferry97"
    response = client.post(URL, {"old_password": "x", "new_password1": new, "new_password2": new})
    assert "Your current password is not right. Type it again." in response.text
    assert "entered incorrectly" not in response.text


def test_two_different_new_passwords_are_refused_in_plain_words(client, therapist):
    client.force_login(therapist)
    response = client.post(
        URL, {"old_password": PASSWORD, "new_password1": "kelp-ferry97", "new_password2": "x"}
    )
    assert "The two new passwords are not the same." in response.text
    assert "didn\u2019t match" not in response.text


def test_the_password_rules_give_their_reasons_in_plain_words(client, therapist):
    client.force_login(therapist)
    short, common = change_to(client, "kelp-ferry9"), change_to(client, "password1234")
    numeric = change_to(client, "201620172018")
    like_name = change_to(client, "tess@harbour.test")
    assert "This password is too short: use at least 12 characters." in short.text
    assert "Many people use this password, so it is easy to guess." in common.text
    assert "This password is only numbers." in numeric.text
    assert "This password is too like your name or email address." in like_name.text


def test_changing_the_password_signs_out_the_logins_other_browsers_but_not_this_one(
    client, therapist
):
    from django.test import Client

    elsewhere = Client()
    elsewhere.force_login(therapist)
    assert elsewhere.get(reverse("clients-dashboard")).status_code == 200
    client.force_login(therapist)
    assert change_to(client, "a-better-password-for-tess").status_code == 302
    assert client.get(reverse("clients-dashboard")).status_code == 200
    assert elsewhere.get(reverse("clients-dashboard")).status_code == 302
