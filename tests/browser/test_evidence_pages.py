"""A reader walks through the evidence base: the overview, the references in each style, the
claims with the unverified one flagged, a study, and a meta-analysis with its forest plot. Every
page is checked with axe, at desktop and phone sizes."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.management import call_command
from playwright.sync_api import Page, expect

from msrelief.testing import PASSWORD
from tests.browser.axe import assert_accessible

PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 800}
CSV = "study,m1,sd1,n1,m2,sd2,n2\nTrial A,10,2,20,12,2.5,22\nTrial B,9,3,30,11,3,28\n"


def open_section(page: Page, name: str) -> None:
    nav = page.get_by_role("navigation", name="Evidence base")
    nav.get_by_role("link", name=name).click()


def no_sideways_scroll(page: Page) -> None:
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{page.url} scrolls sideways by {overflow}px"


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_a_reader_walks_through_the_evidence_base(page: Page, live_server, size):
    call_command("load_evidence")
    page.set_viewport_size(size)
    page.goto(f"{live_server.url}/")
    assert_accessible(page)
    no_sideways_scroll(page)
    page.get_by_role("link", name="Evidence", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("The evidence base")
    expect(page.get_by_text("It does not slow, stop or reverse MS")).to_be_visible()
    assert_accessible(page)
    no_sideways_scroll(page)

    open_section(page, "References")
    expect(page.get_by_text("Naderi, A. et al. (2024)")).to_be_visible()
    assert_accessible(page)
    no_sideways_scroll(page)
    page.get_by_label("Citation style").select_option("vancouver")
    page.get_by_role("button", name="Show").click()
    expect(page.get_by_text("Naderi A, Rezvani MH")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Details of naderi2024").click()
    expect(
        page.get_by_role("link", name="https://doi.org/10.1016/j.explore.2024.103032").first
    ).to_be_visible()
    assert_accessible(page)
    no_sideways_scroll(page)

    open_section(page, "Claims")
    claim = page.locator("#claim-C13")
    expect(claim).to_contain_text("Unverified")
    expect(claim).to_contain_text("Not confirmed")
    assert_accessible(page)
    no_sideways_scroll(page)

    page.goto(f"{live_server.url}/evidence/studies/")
    assert_accessible(page)
    page.get_by_role("link", name="Naderi et al. 2024").click()
    expect(page.get_by_role("heading", name="What is missing")).to_be_visible()
    expect(page.get_by_role("region", name="Reported outcomes")).to_contain_text("Hedges' g 0.47")
    assert_accessible(page)
    no_sideways_scroll(page)


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_a_reader_pools_two_studies_and_sees_the_forest_plot(page: Page, live_server, size):
    call_command("load_evidence")
    page.set_viewport_size(size)
    page.goto(f"{live_server.url}/evidence/meta/")
    expect(page.get_by_text("Not estimable yet.")).to_be_visible()
    assert_accessible(page)
    no_sideways_scroll(page)

    page.get_by_role("button", name="Run the meta-analysis").click()
    expect(page.get_by_role("alert")).to_contain_text("Choose a file or paste the CSV")
    assert_accessible(page)

    page.get_by_label("Effect measure").select_option("SMD")
    page.get_by_label("Or paste the CSV").fill(CSV)
    page.get_by_role("button", name="Run the meta-analysis").click()
    plot = page.get_by_role("img", name="Forest plot")
    expect(plot).to_be_visible()
    expect(page.get_by_role("table", name="Numbers in the forest plot")).to_contain_text("Trial B")
    assert_accessible(page)
    no_sideways_scroll(page)

    with page.expect_download() as download_info:
        page.get_by_role("button", name="Download the study effects and weights").click()
    lines = Path(download_info.value.path()).read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("study,yi,vi")
    assert [line.split(",")[0] for line in lines[1:]] == ["Trial A", "Trial B"]
    with page.expect_download() as png_info:
        page.get_by_role("button", name="Download the forest plot (PNG)").click()
    assert Path(png_info.value.path()).read_bytes().startswith(b"\x89PNG")

    page.get_by_role("link", name="run the worked example").click()
    expect(page.get_by_role("heading", name="Worked example")).to_be_visible()
    expect(page.get_by_role("table", name="Numbers in the forest plot")).to_contain_text(
        "Comstock et al 1976"
    )
    assert_accessible(page)
    no_sideways_scroll(page)


def log_in(page: Page, base: str, email: str) -> None:
    page.goto(f"{base}/accounts/login/")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()


@pytest.mark.django_db(transaction=True)
def test_a_clinic_admin_adds_a_claim_and_a_result_with_clear_errors(page: Page, live_server,
                                                                    clinic_admin):  # fmt: skip
    call_command("load_evidence")
    log_in(page, live_server.url, clinic_admin.email)
    page.goto(f"{live_server.url}/evidence/claims/add/")
    assert_accessible(page)
    page.get_by_label("Claim key").fill("C21")
    page.get_by_label("Topic").select_option(label="Benefits of massage therapy for people with MS")
    page.get_by_label("Statement, in our own words").fill("One small trial found less fatigue.")
    page.get_by_role("button", name="Save").click()
    summary = page.get_by_role("alert")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("References: Choose at least one reference.")
    assert_accessible(page)
    page.get_by_label("naderi2024: Can a six-week Swedish massage").check()
    page.get_by_role("button", name="Save").click()
    expect(page.locator("#claim-C21")).to_contain_text("One small trial found less fatigue.")

    page.goto(f"{live_server.url}/evidence/studies/naderi2024/results/add/")
    assert_accessible(page)
    page.get_by_label("Result id").fill("naderi2024-test")
    page.get_by_label("Scope").select_option("arm")
    page.locator("#id_arm").select_option(label="Whole-body Swedish massage")
    page.get_by_label("What was measured").fill("fatigue")
    page.get_by_label("Standard deviation").fill("0")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("alert")).to_contain_text("Standard deviation: Must be greater than 0.")
    assert_accessible(page)
