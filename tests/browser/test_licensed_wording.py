"""A clinic admin imports her clinic's licensed MFIS-21 wording from a file, after fixing a
file that does not match; a therapist can then send the questionnaire, and a client reads the
clinic's wording. Every page is checked with axe."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import Page, expect

from msrelief.testing import assign, licensed_wording
from tests.browser.axe import assert_accessible
from tests.browser.test_client_journey import log_in
from tests.browser.test_evidence_pages import PHONE, no_sideways_scroll


@pytest.mark.django_db(transaction=True)
def test_a_clinic_admin_imports_licensed_wording_that_a_client_then_reads(
    page: Page, live_server, clinic_admin, therapist, ms_client, tmp_path
):
    log_in(page, live_server.url, clinic_admin.email)
    page.get_by_role("link", name="Licensed wording").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Licensed questionnaire wording")
    assert_accessible(page)

    broken = licensed_wording()
    broken["item"].pop()
    bad_file = tmp_path / "mfis21-broken.json"
    bad_file.write_text(json.dumps(broken), encoding="utf-8")
    page.get_by_label("Questionnaire", exact=True).select_option("mfis21")
    page.get_by_label("FHIR Questionnaire file (JSON)").set_input_files(str(bad_file))
    page.get_by_label("Your clinic's licence").fill("Licence 2026-0042")
    page.get_by_role("button", name="Check and import").click()
    summary = page.get_by_role("alert")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("items must be")
    assert_accessible(page)

    good_file = tmp_path / "mfis21.json"
    good_file.write_text(json.dumps(licensed_wording()), encoding="utf-8")
    page.get_by_label("FHIR Questionnaire file (JSON)").set_input_files(str(good_file))
    page.get_by_label("Your clinic's licence").fill("Licence 2026-0042")
    page.get_by_role("button", name="Check and import").click()
    expect(page.get_by_role("status")).to_contain_text("Saved your wording of mfis21")
    expect(page.get_by_role("table")).to_contain_text("Licence: Licence 2026-0042")
    assert_accessible(page)
    page.set_viewport_size(PHONE)
    no_sideways_scroll(page)

    _, token = assign(therapist, ms_client, "mfis21")
    page.goto(f"{live_server.url}/q/{token}/")
    page.get_by_role("link", name="Start").first.click()
    expect(page.get_by_text("Licensed wording of question 1")).to_be_visible()
    assert_accessible(page)
