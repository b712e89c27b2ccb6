"""A client opens "How you are doing" with FSS and PHQ-9 scores, a programme and a DMT started
long before: the plain words stay, a named chart per score is shown at each width (the compact
one on a phone), the old DMT is named in words before the chart, and the page passes axe at
360 and 1280 px without scrolling sideways."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from msrelief.clients import history_services as history
from msrelief.clients import services as clients
from msrelief.programmes.tests.factories import enrol
from msrelief.reports.tests.progress_setup import enter
from tests.browser.axe import assert_accessible
from tests.browser.test_client_journey import log_in
from tests.browser.test_questionnaire_keyboard import DESKTOP, PHONE, no_sideways_scroll


@pytest.fixture
def robin(transactional_db: None, therapist, ms_client, person_with_ms):
    clients.update_client(therapist, ms_client, email=person_with_ms.email)
    clients.link_login(therapist, ms_client, person_with_ms)
    history.add_entry(therapist, ms_client, "dmt", {"drug": "ocrelizumab",
                                                    "started": dt.date(2022, 3, 1)})  # fmt: skip
    enrol(therapist, ms_client, start=timezone.localdate() - dt.timedelta(weeks=9))
    enter(therapist, ms_client, "fss", [6, 5, 4, 4])
    enter(therapist, ms_client, "phq9", [14, 12, 9])
    return ms_client


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_the_clients_progress_page_shows_a_named_chart_per_score_and_passes_axe(
    page: Page, live_server, person_with_ms, robin, size
):
    page.set_viewport_size(size)
    log_in(page, live_server.url, person_with_ms.email)
    page.goto(f"{live_server.url}/me/progress/")
    expect(page.get_by_role("heading", level=1)).to_have_text("How you are doing")
    expect(page.locator(".progress-words").first).to_be_visible()
    visible = page.locator(".chart svg[role=img]:visible")
    assert visible.count() == 2, "one chart for the FSS and one for the PHQ-9 at this width"
    compact = page.locator(".chart-compact svg[role=img]:visible").count()
    assert compact == (2 if size == PHONE else 0)
    expect(
        page.get_by_role("img", name="FSS: Mean item score").locator("visible=true")
    ).to_have_count(1)
    notes = page.locator(
        ".chart-notes li", has_text="Before this chart: DMT change on 1 March 2022"
    )
    expect(notes.first).to_be_visible()
    assert_accessible(page)
    no_sideways_scroll(page)
