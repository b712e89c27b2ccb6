"""Re-authentication (core/signin.recent_auth_required and accounts-reauth): the audit-log
download, the admin's login pages and a second-factor reset need the password (and code)
given within the last 10 minutes; the page asks for them and carries on."""

from datetime import timedelta
from urllib.parse import quote

import time_machine
from django.urls import reverse
from django.utils import timezone

from msrelief.accounts.views_signin import PASSWORD_AT
from msrelief.audit.models import AuditEvent
from msrelief.testing import PASSWORD, enrol_totp, make_passkey, make_user, next_code

LOGIN, VERIFY, REAUTH = (
    reverse(n) for n in ("accounts-login", "accounts-verify", "accounts-reauth")
)
CSV = reverse("audit-csv")


def sign_in_with_app(client, user):
    client.post(LOGIN, {"username": user.email, "password": PASSWORD})
    assert client.post(VERIFY, {"code": next_code(user)}).status_code == 302


def test_just_after_signing_in_the_audit_log_downloads_at_once(client, clinic_admin):
    enrol_totp(clinic_admin)
    sign_in_with_app(client, clinic_admin)
    assert client.get(CSV).status_code == 200


def test_eleven_minutes_later_the_download_asks_for_password_and_code_then_carries_on(
    client, clinic_admin
):
    enrol_totp(clinic_admin)
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        sign_in_with_app(client, clinic_admin)
    with time_machine.travel(start + timedelta(minutes=11), tick=False):
        asked = client.get(f"{CSV}?event=auth.login")
        target = f"{CSV}?event=auth.login"
        assert asked["Location"] == f"{REAUTH}?next={quote(target, safe='')}"
        page = client.get(asked["Location"])
        assert 'name="password"' in page.text and 'name="code"' in page.text
        wrong = client.post(asked["Location"], {"password": "not-it", "code": "1"})
        assert wrong.status_code == 400
        assert wrong.context["form"].errors["password"] == [
            "Your password is not right. Type it again."
        ]
    with time_machine.travel(start + timedelta(minutes=12), tick=False):
        done = client.post(
            asked["Location"], {"password": PASSWORD, "code": next_code(clinic_admin)}
        )
        assert done["Location"] == target
        assert client.get(target).status_code == 200
    event = AuditEvent.objects.get(event="auth.reauthenticated")
    assert event.actor == clinic_admin


def test_a_login_without_an_app_gives_its_password_alone(client, clinic_admin, settings):
    settings.TWO_FACTOR_ENROLMENT_REQUIRED = False  # this admin may use the pages without one
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        client.post(LOGIN, {"username": clinic_admin.email, "password": PASSWORD})
    with time_machine.travel(start + timedelta(minutes=15), tick=False):
        page = client.get(client.get(CSV)["Location"])
        assert 'name="code"' not in page.text
        done = client.post(f"{REAUTH}?next={CSV}", {"password": PASSWORD})
        assert done["Location"] == CSV


def test_the_re_authentication_page_never_sends_on_to_another_site(client, clinic_admin):
    enrol_totp(clinic_admin)
    sign_in_with_app(client, clinic_admin)
    url = f"{REAUTH}?next=https://evil.example/x"
    done = client.post(url, {"password": PASSWORD, "code": next_code(clinic_admin)})
    assert done["Location"] == reverse("clients-dashboard")


def test_changing_a_login_in_the_admin_site_needs_a_recent_sign_in(client, db, clinic_admin):
    root = make_user("root@msrelief.test", is_superuser=True, is_staff=True)
    enrol_totp(root)
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        sign_in_with_app(client, root)
        change = reverse("admin:accounts_user_change", args=[clinic_admin.pk])
        assert client.get(change).status_code == 200
    with time_machine.travel(start + timedelta(minutes=11), tick=False):
        assert client.get(change)["Location"].startswith(REAUTH)
        assert client.get(reverse("admin:accounts_user_add"))["Location"].startswith(REAUTH)


def test_a_login_with_a_passkey_gives_the_password_then_is_asked_for_the_passkey(
    client, clinic_admin
):
    make_passkey(clinic_admin)
    client.force_login(clinic_admin)
    page = client.get(f"{REAUTH}?next={quote(CSV)}")
    assert 'name="code"' not in page.content.decode()  # no app and no recovery codes
    step = client.post(REAUTH, {"password": PASSWORD, "next": CSV})
    assert step.status_code == 200
    assert "Confirm it is you: your passkey" in step.content.decode()
    assert 'id="passkey-verification-placeholder"' in step.content.decode()
    assert isinstance(client.session[PASSWORD_AT], int)
    assert not AuditEvent.objects.filter(event="auth.reauthenticated").exists()


def test_a_wrong_password_never_reaches_the_passkey_step(client, clinic_admin):
    make_passkey(clinic_admin)
    client.force_login(clinic_admin)
    refused = client.post(REAUTH, {"password": "not-the-password", "next": CSV})
    assert refused.status_code == 400
    assert PASSWORD_AT not in client.session
