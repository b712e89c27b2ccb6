"""A therapist assigns a questionnaire and gets its link page: the Copy button puts the whole
link on the clipboard, a new link replaces the old one, and the client's start page says when
it closes. Every page passes axe at 360 and 1280 px and none scrolls sideways at 360 px."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from msrelief.clients import services as clients
from msrelief.testing import PASSWORD
from tests.browser.axe import assert_accessible

PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 800}


def check_at_both_sizes(page: Page) -> None:
    """axe at desktop and phone widths, and no sideways scroll on the phone."""
    for size in (DESKTOP, PHONE):
        page.set_viewport_size(size)
        assert_accessible(page)
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{page.url} scrolls sideways by {overflow}px at 360 px"
    page.set_viewport_size(DESKTOP)


def log_in(page: Page, base: str, email: str) -> None:
    page.goto(f"{base}/accounts/login/")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()


@pytest.mark.django_db(transaction=True)
def test_the_copy_button_puts_the_whole_link_on_the_clipboard_and_a_new_link_replaces_it(
    page, live_server, ms_client, therapist, settings
):
    settings.BASE_URL = live_server.url
    clients.update_client(therapist, ms_client, email="robin@example.test")
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    log_in(page, live_server.url, therapist.email)
    page.goto(f"{live_server.url}/clients/{ms_client.pk}/measures/")
    check_at_both_sizes(page)

    page.get_by_label("Questionnaire").select_option("phq9")
    page.get_by_role("button", name="Create the link").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("The questionnaire link is ready")
    expect(
        page.get_by_text("Patient Health Questionnaire-9 (PHQ-9), for Robin Example.")
    ).to_be_visible()
    expect(page.get_by_text("Open until")).to_be_visible()
    expect(
        page.get_by_role(
            "img", name="QR code of the link to Patient Health Questionnaire-9 (PHQ-9)"
        )
    ).to_be_visible()
    first_link = page.get_by_label("Link for Robin Example").input_value()
    assert first_link.startswith(f"{live_server.url}/q/")
    check_at_both_sizes(page)

    page.get_by_role("button", name="Copy the link").click()
    expect(page.get_by_role("status").filter(has_text="Copied")).to_be_visible()
    assert page.evaluate("navigator.clipboard.readText()") == first_link
    check_at_both_sizes(page)

    page.get_by_role("button", name="Make a new link").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("A new questionnaire link is ready")
    new_link = page.get_by_label("Link for Robin Example").input_value()
    assert new_link != first_link and new_link.startswith(f"{live_server.url}/q/")
    check_at_both_sizes(page)

    page.goto(first_link)
    expect(page.get_by_role("heading", level=1)).to_have_text("This link does not work")
    page.goto(new_link)
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Patient Health Questionnaire-9 (PHQ-9)"
    )
    expect(page.get_by_text("You can fill it in until")).to_be_visible()
    check_at_both_sizes(page)
