"""A therapist opens a demo-like client's progress page (Ana's FSS course from the demo, the
evidence base loaded, pain rated before and after sessions): the charts are there as images
with a name, each change is labelled in words, and Naderi 2024 stands beside the FSS change.
The page passes axe at phone and desktop widths without scrolling sideways."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from msrelief.reports.tests.progress_setup import enter, rate_sessions
from tests.browser.axe import assert_accessible
from tests.browser.test_client_journey import log_in
from tests.browser.test_questionnaire_keyboard import DESKTOP, PHONE, no_sideways_scroll


@pytest.fixture
def demo_like(transactional_db: None, therapist, ms_client):
    from msrelief.evidence import seeding

    seeding.load()
    enter(therapist, ms_client, "fss", [6, 5, 4, 4])  # Ana Demo-Rowan's course in the demo
    enter(therapist, ms_client, "phq9", [14, 12, 9])
    rate_sessions(therapist, ms_client, [(6, 4), (5, 3), (6, 5)])
    return ms_client


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_the_progress_page_shows_charts_change_labels_and_the_naderi_comparison(
    page: Page, live_server, therapist, demo_like, size
):
    page.set_viewport_size(size)
    log_in(page, live_server.url, therapist.email)
    page.goto(f"{live_server.url}/clients/{demo_like.pk}/")
    page.get_by_role("link", name="Progress").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Progress of")
    visible = page.locator(".chart svg[role=img]:visible")
    assert visible.count() >= 2, "one chart per construct is shown at this width"
    labels = page.locator(".change-label").all_inner_texts()
    assert any(text.startswith(("Improved", "No reliable change", "Worse")) for text in labels)
    fss = page.locator("section", has=page.get_by_role("heading", name="FSS", exact=False))
    expect(fss.first.get_by_role("link", name="Naderi et al. 2024")).to_be_visible()
    expect(fss.first).to_contain_text("No figure reported")
    expect(page.get_by_text("Relief is a fall")).to_be_visible()
    assert_accessible(page)
    no_sideways_scroll(page)
