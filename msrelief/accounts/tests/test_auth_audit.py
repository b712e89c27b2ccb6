"""Logins, failed logins, logouts, password changes and resets are in the audit trail."""

from django.urls import reverse

from msrelief.audit.models import AuditEvent
from msrelief.testing import PASSWORD

LOGIN = reverse("accounts-login")


def events(name):
    return AuditEvent.objects.filter(event=name)


def test_a_login_and_a_logout_are_audited_with_the_clinic(client, therapist):
    client.post(LOGIN, {"username": "tess@harbour.test", "password": PASSWORD})
    client.post(reverse("accounts-logout"))
    login = events("auth.login").get()
    assert (login.actor, login.clinic, login.sentence) == (
        therapist,
        therapist.clinic,
        "tess@harbour.test logged in",
    )
    assert events("auth.logout").get().actor == therapist


def test_a_failed_login_is_audited_with_the_address_tried_and_no_password(client, therapist):
    client.post(LOGIN, {"username": "tess@harbour.test", "password": "wrong-guess-123"})
    failed = events("auth.login_failed").get()
    assert failed.actor is None
    assert failed.changes == {"email": "tess@harbour.test"}
    assert failed.object_label == f"Login #{therapist.pk}"
    assert failed.clinic == therapist.clinic
    assert "wrong-guess" not in str(failed.changes)


def test_a_failed_login_for_an_unknown_address_is_audited_without_a_clinic(client, db):
    client.post(LOGIN, {"username": "nobody@example.test", "password": "whatever-it-is"})
    failed = events("auth.login_failed").get()
    assert (failed.clinic, failed.object_id) == (None, "")


def test_a_password_change_goes_through_the_service_and_is_audited(client, therapist):
    client.force_login(therapist)
    new = "a-brand-new-password-for-tess"
    data = {"old_password": PASSWORD, "new_password1": new, "new_password2": new}
    assert client.post(reverse("accounts-password-change"), data).status_code == 302
    therapist.refresh_from_db()
    assert therapist.check_password(new)
    assert events("auth.password_changed").get().actor == therapist


def test_a_reset_request_is_audited_and_an_unknown_address_leaves_no_trace(client, therapist):
    client.post(reverse("accounts-reset"), {"email": "tess@harbour.test"})
    client.post(reverse("accounts-reset"), {"email": "nobody@example.test"})
    requested = events("auth.password_reset_requested").get()
    assert requested.object_label == f"Login #{therapist.pk}"
