import re

from django.core import mail
from django.urls import reverse


def test_a_reset_link_is_emailed_and_sets_a_new_password(
    client, therapist, settings, django_capture_on_commit_callbacks
):
    settings.BASE_URL = "https://msrelief.example.org"
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("accounts-reset"), {"email": "tess@harbour.test"})
    assert len(mail.outbox) == 1
    found = re.search(r"(https?://[^/]+)(/accounts/reset/\S+)", mail.outbox[0].body)
    assert found.group(1) == "https://msrelief.example.org"  # never the request's Host header
    link = found.group(2)
    form_url = client.get(link).url
    new = "a-fresh-password-for-tess"
    client.post(form_url, {"new_password1": new, "new_password2": new})
    therapist.refresh_from_db()
    assert therapist.check_password(new)


def test_an_unknown_address_sends_nothing_and_says_the_same(client, db, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    response = client.post(reverse("accounts-reset"), {"email": "nobody@example.test"}, follow=True)
    assert "Check your email" in response.text
    assert mail.outbox == []


def test_the_new_password_page_of_a_reset_link_speaks_plainly(
    client, therapist, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("accounts-reset"), {"email": "tess@harbour.test"})
    link = re.search(r"https?://[^/]+(/accounts/reset/\S+)", mail.outbox[0].body).group(1)
    form_url = client.get(link).url
    page = client.get(form_url).text
    assert ">New password again</label>" in page and "Use at least 12 characters." in page
    refused = client.post(form_url, {"new_password1": "kelp-ferry97", "new_password2": "kelp"})
    assert "The two new passwords are not the same." in refused.text


def test_the_reset_page_asks_for_the_email_address_by_that_name(client, db):
    page = client.get(reverse("accounts-reset")).text
    assert '<label for="id_email">Email address</label>' in page
    refused = client.post(reverse("accounts-reset"), {"email": ""})
    assert "Enter the email address." in refused.text
