"""A therapist opens the progress page of the demo's Ana Demo-Rowan, on the demo data exactly
as `make setup` loads it (`load-demo`, `load-evidence`, `load-programmes`): the charts are
there as images with a name, each change is labelled in words, Naderi 2024 stands beside the
FSS change, and the clinician's PDF, downloaded from the page, holds her FSS scores as
`pdftotext` reads them. The page passes axe at phone and desktop widths without scrolling
sideways."""

from __future__ import annotations

import re
import subprocess
from io import StringIO

import pytest
from django.core.management import call_command
from playwright.sync_api import Page, expect

from msrelief.clients.models import Client
from msrelief.demo.data import PASSWORD
from tests.browser.axe import assert_accessible
from tests.browser.test_questionnaire_keyboard import DESKTOP, PHONE, no_sideways_scroll


@pytest.fixture
def ana(transactional_db: None) -> Client:
    for command in ("load_demo", "load_evidence", "load_programmes"):
        call_command(command, stdout=StringIO())
    return Client.objects.get(display_name="Ana Demo-Rowan")


def sign_in_as_the_demo_therapist(page: Page, base: str) -> None:
    page.goto(f"{base}/accounts/login/")
    page.get_by_label("Email address").fill("therapist@demo.msrelief.test")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Clients of")


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_the_progress_page_shows_charts_change_labels_and_the_naderi_comparison(
    page: Page, live_server, ana, size
):
    page.set_viewport_size(size)
    sign_in_as_the_demo_therapist(page, live_server.url)
    page.goto(f"{live_server.url}/clients/{ana.pk}/")
    page.get_by_role("link", name="Progress").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Progress of")
    visible = page.locator(".chart svg[role=img]:visible")
    assert visible.count() >= 2, "one chart per construct is shown at this width"
    labels = page.locator(".change-label").all_inner_texts()
    assert any(text.startswith(("Improved", "No reliable change", "Worse")) for text in labels)
    fss = page.locator("section", has=page.get_by_role("heading", name="FSS", exact=False))
    expect(fss.first.get_by_role("link", name="Naderi et al. 2024")).to_be_visible()
    expect(fss.first).to_contain_text("No figure reported")
    assert_accessible(page)
    no_sideways_scroll(page)


@pytest.mark.django_db(transaction=True)
def test_the_clinicians_pdf_from_the_progress_page_holds_the_fss_scores(
    page: Page, live_server, ana, tmp_path
):
    sign_in_as_the_demo_therapist(page, live_server.url)
    page.goto(f"{live_server.url}/clients/{ana.pk}/progress/")
    links = page.locator(".report-links").get_by_role("link", name="PDF")
    with page.expect_download() as download:
        links.last.click()  # the neurologist's or GP's report
    path = tmp_path / "report.pdf"
    download.value.save_as(path)
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Ana Demo-Rowan" in text
    fss = next(line for line in text.splitlines() if line.strip().startswith("FSS"))
    assert re.search(r"FSS.*\s6 \(.*\s4 \(", fss), f"baseline 6, then latest 4: {fss}"
    assert "fss@1.0" in text
