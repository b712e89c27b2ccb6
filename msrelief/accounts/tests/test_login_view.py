import pytest
from django.urls import reverse

from msrelief.testing import PASSWORD

URL = reverse("accounts-login")


def test_a_therapist_logs_in_with_email_and_lands_on_the_dashboard(client, therapist):
    response = client.post(URL, {"username": "TESS@harbour.test", "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == reverse("clients-dashboard")


def test_a_wrong_password_gives_a_clear_error(client, therapist):
    response = client.post(URL, {"username": "tess@harbour.test", "password": "nope"})
    assert response.status_code == 200
    assert "There is a problem" in response.text
    assert "The email address or password is not right" in response.text


def test_logging_out_needs_a_post_and_ends_the_session(client, therapist):
    client.force_login(therapist)
    assert client.post(reverse("accounts-logout")).status_code == 302
    assert client.get(reverse("clients-dashboard")).status_code == 302


@pytest.mark.argon2
def test_passwords_are_hashed_with_argon2(therapist, settings):
    therapist.set_password("another-long-password")
    assert therapist.password.startswith("argon2")


def test_a_60000_character_email_is_a_field_error_not_a_database_error(client, therapist):
    response = client.post(URL, {"username": "a" * 60_000 + "@harbour.test", "password": "x"})
    assert response.status_code == 200
    assert response.context["form"].errors["username"] == [
        "An email address has at most 254 characters."
    ]


def test_an_overlong_password_is_a_field_error_and_is_never_hashed(client, therapist):
    response = client.post(URL, {"username": "tess@harbour.test", "password": "p" * 5000})
    assert response.status_code == 200
    assert response.context["form"].errors["password"] == [
        "A password has at most 4,096 characters."
    ]


def test_a_client_logs_in_and_lands_on_their_questionnaires_not_the_staff_dashboard(
    client, person_with_ms
):
    response = client.post(URL, {"username": "robin@example.test", "password": PASSWORD})
    assert response["Location"] == reverse("portal-home")
    assert client.get(response["Location"]).status_code == 200


def test_a_client_sent_to_log_in_from_a_page_returns_to_that_page(client, person_with_ms):
    wanted = reverse("portal-start", kwargs={"pk": 1})
    response = client.post(
        f"{URL}?next={wanted}", {"username": "robin@example.test", "password": PASSWORD}
    )
    assert response["Location"] == wanted


def test_the_admin_sites_login_is_this_login_page_with_its_next(client, db):
    response = client.get("/admin/login/?next=/admin/")
    assert response.status_code == 302
    assert response["Location"] == f"{URL}?next=/admin/"


def test_signing_in_gives_the_browser_a_new_session_key(client, therapist):
    """A session someone made before the sign-in (a key planted in the browser) is not the one
    that ends up signed in."""
    session = client.session
    session["before"] = "signing in"
    session.save()
    before = client.cookies["sessionid"].value
    response = client.post(URL, {"username": "tess@harbour.test", "password": PASSWORD})
    assert response.status_code == 302
    assert client.cookies["sessionid"].value != before
    assert client.get(reverse("clients-dashboard")).status_code == 200


def test_a_next_address_on_another_site_is_not_followed_after_signing_in(client, therapist):
    response = client.post(
        f"{URL}?next=https://evil.example/phish",
        {"username": "tess@harbour.test", "password": PASSWORD},
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("clients-dashboard")


def test_the_session_cookie_is_kept_from_scripts_and_from_other_sites_posts(client, therapist):
    client.post(URL, {"username": "tess@harbour.test", "password": PASSWORD})
    cookie = client.cookies["sessionid"]
    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Lax"
