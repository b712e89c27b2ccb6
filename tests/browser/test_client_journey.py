"""A therapist logs in, adds a client, finds them in the list and opens the record; an outsider
from another clinic cannot. Every page visited is checked with axe."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from msrelief.testing import PASSWORD
from tests.browser.axe import assert_accessible


def log_in(page: Page, base: str, email: str) -> None:
    page.goto(f"{base}/accounts/login/")
    assert_accessible(page)
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()


@pytest.mark.django_db(transaction=True)
def test_a_therapist_adds_a_client_finds_them_and_opens_the_record(page, live_server, therapist):
    log_in(page, live_server.url, therapist.email)
    expect(page.get_by_role("heading", level=1)).to_have_text("Clients of Harbour Street Clinic")
    assert_accessible(page)

    page.get_by_role("link", name="Add a client").click()
    assert_accessible(page)
    page.get_by_label("Name or initials").fill("Morgan Keyboard")
    page.get_by_label("EDSS").fill("3.3")
    page.get_by_role("button", name="Save").click()
    summary = page.get_by_role("alert")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("EDSS: EDSS goes in steps of 0.5")
    expect(summary).to_contain_text("Record the client's consent")
    assert_accessible(page)

    page.get_by_role("link", name=re.compile("^EDSS:")).click()
    expect(page.get_by_label("EDSS")).to_be_focused()
    page.get_by_label("EDSS").fill("3.5")
    page.get_by_label("The client has read and agreed").check()
    page.get_by_label("Type of MS").select_option("SPMS")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Morgan Keyboard")
    expect(page.get_by_text("Secondary progressive MS (SPMS)")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Clients").click()
    page.get_by_label("Search by name").fill("morgan")
    page.get_by_role("button", name="Find").click()
    assert_accessible(page)
    page.get_by_role("link", name="Morgan Keyboard").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Morgan Keyboard")


@pytest.mark.django_db(transaction=True)
def test_an_outsider_gets_page_not_found_for_another_clinics_client(
    page, live_server, ms_client, outsider
):
    log_in(page, live_server.url, outsider.email)
    response = page.goto(f"{live_server.url}/clients/{ms_client.pk}/")
    assert response is not None and response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text("Page not found")
    expect(page.get_by_text("Robin Example")).to_have_count(0)
    assert_accessible(page)


@pytest.mark.django_db(transaction=True)
def test_the_dashboard_and_record_fit_a_360_pixel_phone_screen(
    page, live_server, ms_client, therapist
):
    page.set_viewport_size({"width": 360, "height": 740})
    log_in(page, live_server.url, therapist.email)
    for path in ("/clients/", f"/clients/{ms_client.pk}/", "/clients/add/"):
        page.goto(f"{live_server.url}{path}")
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{path} scrolls sideways by {overflow}px at 360px"
        assert_accessible(page)


@pytest.mark.django_db(transaction=True)
def test_a_clinic_admin_reads_the_audit_log(page, live_server, ms_client, clinic_admin):
    log_in(page, live_server.url, clinic_admin.email)
    page.get_by_role("link", name="Audit log").click()
    expect(page.get_by_role("table")).to_contain_text("tess@harbour.test")
    assert_accessible(page)
