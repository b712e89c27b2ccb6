"""A therapist opens the clinic beside the trials from the cohort page: two trials of
depression on the PHQ-9 and four clients whose PHQ-9 fell give a forest plot with the clinic's
hollow, observational row, named as an image, its numbers in the table; the page passes axe at
360 and 1280 px without scrolling sideways."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from msrelief.reports.tests.beside_setup import phq9_clients, two_trials
from tests.browser.axe import assert_accessible
from tests.browser.test_client_journey import log_in
from tests.browser.test_questionnaire_keyboard import DESKTOP, PHONE, no_sideways_scroll


@pytest.fixture
def beside(transactional_db: None, clinic_admin, therapist) -> None:
    from django.core.cache import cache

    cache.clear()
    two_trials(clinic_admin)
    phq9_clients(therapist)


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_the_practice_row_is_drawn_beside_the_trials_and_the_page_passes_axe(
    page: Page, live_server, therapist, beside, size
):
    page.set_viewport_size(size)
    log_in(page, live_server.url, therapist.email)
    page.goto(f"{live_server.url}/reports/cohort/")
    page.get_by_role("link", name="The clinic beside the trials' meta-analyses").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("beside the trials")
    plots = page.locator(".forest svg[role=img]:visible")
    assert plots.count() == 1, "the wide plot on a desktop, the compact one on a phone"
    row = page.get_by_role("rowheader", name="This clinic (observational)", exact=False)
    expect(row).to_contain_text("not comparable to a randomised difference")
    assert_accessible(page)
    no_sideways_scroll(page)
