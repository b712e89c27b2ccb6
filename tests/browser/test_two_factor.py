"""Two-factor sign-in in the browser, at 360 and 1280 px: a clinic admin sets up an
authenticator app (the code computed from the secret the page shows, as an app would) and signs
in with it; a locked-out login cannot sign in until the clinic admin unlocks it; the other
sign-in pages are drawn. Every page passes axe and none scrolls sideways."""

from __future__ import annotations

import time
from base64 import b32decode

import pytest
from django.core.cache import cache
from django_otp.oath import TOTP
from playwright.sync_api import Page, expect

from msrelief.testing import PASSWORD, enrol_totp, next_code
from tests.browser.axe import assert_accessible
from tests.browser.test_phone_layout import HEADER_ROWS, ONE_ROW, OVERFLOW, SIZES

pytestmark = pytest.mark.two_factor


def check(page: Page, size: dict[str, int]) -> None:
    assert_accessible(page)
    overflow = page.evaluate(OVERFLOW)
    assert overflow["page"] <= 0 and overflow["regions"] == [], (page.url, overflow)
    header = page.evaluate(HEADER_ROWS)
    assert header["height"] <= ONE_ROW and header["spread"] < 8, (page.url, header)


def password_step(page: Page, base: str, email: str, password: str = PASSWORD) -> None:
    page.goto(f"{base}/accounts/login/")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()


def code_from_the_page(page: Page, after: int) -> str:
    """What an authenticator app shows for the secret in the page's text: the code of a time
    step after ``after`` (a code is accepted once)."""
    secret = page.locator(".secret code").inner_text().replace(" ", "")
    clock = TOTP(b32decode(secret))
    clock.time = (after + 1) * 30
    return f"{clock.token():06d}"


@pytest.mark.django_db(transaction=True)
@SIZES
def test_a_clinic_admin_sets_up_an_app_and_signs_in_with_it(
    page: Page, live_server, clinic_admin, size
):
    page.set_viewport_size(size)
    password_step(page, live_server.url, clinic_admin.email)
    expect(page.get_by_role("heading", level=1)).to_have_text("Set up an authenticator app")
    expect(page.get_by_role("img", name="QR code of the secret, for your authenticator app"))
    check(page, size)

    page.get_by_label("Code from the app").fill("000000")
    page.get_by_role("button", name="Confirm").click()
    expect(page.get_by_role("alert")).to_contain_text("This code is not right.")
    check(page, size)

    now_step = int(time.time()) // 30
    page.get_by_label("Code from the app").fill(code_from_the_page(page, now_step - 1))
    page.get_by_role("button", name="Confirm").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your recovery codes")
    expect(page.locator(".recovery-codes li")).to_have_count(10)
    check(page, size)
    page.get_by_role("link", name="I have kept them: continue").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Clients of Harbour Street Clinic")
    check(page, size)

    page.get_by_role("button", name="Log out").click()
    password_step(page, live_server.url, clinic_admin.email)
    expect(page.get_by_role("heading", level=1)).to_have_text("Code from your authenticator app")
    check(page, size)
    page.get_by_label("Code").fill(next_code(clinic_admin))
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Clients of Harbour Street Clinic")


@pytest.mark.django_db(transaction=True)
@SIZES
def test_a_locked_out_login_cannot_sign_in_until_the_clinic_admin_unlocks_it(
    page: Page, live_server, clinic_admin, therapist, size
):
    page.set_viewport_size(size)
    for _ in range(10):
        password_step(page, live_server.url, therapist.email, "a-wrong-password-guess")
    expect(page.get_by_role("heading", level=1)).to_have_text("This login is locked")
    check(page, size)
    password_step(page, live_server.url, therapist.email)  # the right password
    expect(page.get_by_role("heading", level=1)).to_have_text("This login is locked")

    enrol_totp(clinic_admin)
    password_step(page, live_server.url, clinic_admin.email)
    page.get_by_label("Code").fill(next_code(clinic_admin))
    page.get_by_role("button", name="Continue").click()
    # A clinic admin's links wait behind "Menu" below 90em (they do not fit one header row).
    page.get_by_role("link", name="Menu").click()
    page.locator("#menu").get_by_role("link", name="Logins").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Logins of Harbour Street Clinic")
    check(page, size)
    page.get_by_role("button", name=f"Unlock {therapist.email}").click()
    expect(page.get_by_role("status")).to_contain_text(f"{therapist.email} can sign in again.")
    check(page, size)

    page.get_by_role("button", name="Log out").click()
    password_step(page, live_server.url, therapist.email)
    expect(page.get_by_role("heading", level=1)).to_have_text("Clients of Harbour Street Clinic")


@pytest.mark.django_db(transaction=True)
@SIZES
def test_the_other_sign_in_pages_fit_and_pass_axe(
    page: Page, live_server, clinic_admin, therapist, settings, size
):
    page.set_viewport_size(size)
    enrol_totp(clinic_admin)
    enrol_totp(therapist)
    password_step(page, live_server.url, clinic_admin.email)
    page.get_by_label("Code").fill(next_code(clinic_admin))
    page.get_by_role("button", name="Continue").click()
    for path, heading in [
        ("/accounts/two-factor/", "Two-factor sign-in"),
        ("/accounts/reauth/?next=/audit/", "Confirm it is you"),
        (f"/accounts/logins/{therapist.pk}/reset-two-factor/", "Reset the second factor of"),
    ]:
        page.goto(f"{live_server.url}{path}")
        expect(page.get_by_role("heading", level=1)).to_contain_text(heading)
        check(page, size)
    page.get_by_role("button", name="Log out").click()

    cache.clear()
    settings.SIGN_IN_RATE = "2/10m"
    for _ in range(3):
        password_step(page, live_server.url, "nobody@harbour.test", "a-wrong-guess")
    expect(page.get_by_role("heading", level=1)).to_have_text("Too many tries from your address")
    check(page, size)
