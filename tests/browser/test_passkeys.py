"""Passkeys in the browser, at 360 and 1280 px, with Chromium's virtual authenticator (through
the DevTools protocol, as a phone's or laptop's own would answer): a clinic admin who must use
a second factor adds a passkey instead of an app, signs out, signs in with the password and
then the passkey, and reaches the dashboard; later it confirms it is them with the password
and the passkey. Every passkey page passes axe, none scrolls
sideways, and the browser reports no error (the package's scripts keep to the CSP)."""

from __future__ import annotations

from typing import Any

import pytest
from django_otp_webauthn.models import WebAuthnCredential
from playwright.sync_api import Page, expect

from msrelief.audit.models import AuditEvent
from msrelief.testing import PASSWORD
from tests.browser.test_phone_layout import SIZES
from tests.browser.test_two_factor import check, password_step

pytestmark = pytest.mark.two_factor

AUTHENTICATOR = {
    "protocol": "ctap2",
    "transport": "internal",
    "hasResidentKey": True,
    "hasUserVerification": True,
    "isUserVerified": True,
}


def with_virtual_authenticator(page: Page) -> None:
    devtools = page.context.new_cdp_session(page)
    devtools.send("WebAuthn.enable")
    devtools.send("WebAuthn.addVirtualAuthenticator", {"options": AUTHENTICATOR})


def errors_of(page: Page) -> list[str]:
    problems: list[str] = []
    page.on("console", lambda message: message.type == "error" and problems.append(message.text))
    page.on("pageerror", lambda error: problems.append(str(error)))
    return problems


@pytest.mark.django_db(transaction=True)
@SIZES
def test_a_clinic_admin_adds_a_passkey_and_signs_in_with_it(
    page: Page, live_server: Any, clinic_admin: Any, settings: Any, size: dict[str, int]
) -> None:
    # A secure context: the live server answers at http://localhost:<port>, its relying party.
    assert live_server.url.startswith("http://localhost:")
    settings.OTP_WEBAUTHN_RP_ID = "localhost"
    settings.OTP_WEBAUTHN_ALLOWED_ORIGINS = [live_server.url]
    page.set_viewport_size(size)
    problems = errors_of(page)
    with_virtual_authenticator(page)

    password_step(page, live_server.url, clinic_admin.email)
    expect(page.get_by_role("heading", level=1)).to_have_text("Set up an authenticator app")
    page.get_by_role("link", name="use a passkey instead").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Passkeys")
    expect(page.get_by_text("You have no passkeys yet.")).to_be_visible()
    check(page, size)

    page.get_by_role("button", name="Add a passkey").click()
    expect(page.get_by_role("row")).to_have_count(2)  # the heading row and the new passkey
    expect(page.get_by_role("rowheader")).to_contain_text("Passkey 1, added")
    expect(page.get_by_role("cell", name="Not yet")).to_be_visible()
    check(page, size)
    assert WebAuthnCredential.objects.filter(user=clinic_admin).count() == 1

    page.get_by_role("link", name="Continue").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Clients of Harbour Street Clinic")
    page.get_by_role("button", name="Log out").click()

    password_step(page, live_server.url, clinic_admin.email)
    expect(page.get_by_role("heading", level=1)).to_have_text("Use your passkey")
    check(page, size)
    page.get_by_role("button", name="Use a passkey").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Clients of Harbour Street Clinic")

    verified = AuditEvent.objects.filter(event="auth.2fa_verified", actor=clinic_admin).get()
    assert verified.changes["device"] == "passkey"

    # Confirming it is you: the password, then the passkey, then the page that asked.
    page.goto(f"{live_server.url}/accounts/reauth/?next=/accounts/two-factor/")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Confirm").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Confirm it is you: your passkey")
    check(page, size)
    page.get_by_role("button", name="Use a passkey").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Two-factor sign-in")
    assert AuditEvent.objects.filter(event="auth.reauthenticated", actor=clinic_admin).exists()
    assert problems == []
