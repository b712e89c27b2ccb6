"""A client signs in to their portal by an emailed link, sees an upcoming session and an open
questionnaire, fills in today's symptom diary by keyboard, and downloads their data; every page
passes axe at 360 and 1280 px."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import Page, expect

from msrelief.clients import services as clients
from msrelief.instruments.diary import services as diary
from msrelief.instruments.diary.models import DiaryEntry
from msrelief.notifications.models import Kind, Message
from msrelief.programmes.tests.factories import enrol
from msrelief.testing import assign
from tests.browser.axe import assert_accessible
from tests.browser.test_diary import CHOICES, checked, choose
from tests.browser.test_questionnaire_keyboard import tab_until

PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 800}


def check_at_both_sizes(page: Page) -> None:
    for size in (PHONE, DESKTOP):
        page.set_viewport_size(size)
        assert_accessible(page)


@pytest.mark.django_db(transaction=True)
def test_a_client_signs_in_by_link_sees_their_session_and_questionnaire_and_downloads_their_data(
    page, live_server, therapist, ms_client, person_with_ms, settings
):
    settings.BASE_URL = live_server.url
    clients.update_client(therapist, ms_client, email=person_with_ms.email)
    clients.link_login(therapist, ms_client, person_with_ms)
    enrol(therapist, ms_client, start=timezone.localdate() + dt.timedelta(days=1))
    assign(therapist, ms_client)
    diary.start_diary(therapist, ms_client, "daily")

    page.goto(f"{live_server.url}/me/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Sign in to your page")
    check_at_both_sizes(page)
    page.get_by_label("Email address").fill(person_with_ms.email)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your email")
    check_at_both_sizes(page)

    # The worker has sent it (and blanked the outbox row's text): read it as the client does.
    assert Message.objects.filter(kind=Kind.PORTAL_SIGN_IN).count() == 1
    link = re.search(r"https?://\S+/me/sign-in/\S+/", mail.outbox[-1].body)
    assert link is not None
    page.goto(link.group(0))
    expect(page.get_by_role("heading", level=1)).to_have_text("Sign in to your page")
    check_at_both_sizes(page)
    page.get_by_role("button", name="Sign in").focus()
    page.keyboard.press("Enter")

    expect(page.get_by_role("heading", level=1)).to_have_text("Your page")
    expect(page.get_by_text(re.compile(r", at \d\d:\d\d, for 50 minutes"))).to_be_visible()
    expect(page.get_by_text("You have 1 questionnaire to fill in.")).to_be_visible()
    check_at_both_sizes(page)

    page.get_by_role("link", name="Your sessions").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your sessions")
    check_at_both_sizes(page)
    page.get_by_role("link", name="Your page").first.click()

    page.get_by_role("link", name="Your questionnaires").first.click()
    expect(page.get_by_role("link", name="Patient Health Questionnaire-9 (PHQ-9)")).to_be_visible()
    check_at_both_sizes(page)

    page.goto(f"{live_server.url}/me/")
    page.get_by_role("link", name="Today's diary").click()
    expect(page.get_by_role("heading", name="Your symptom diary")).to_be_visible()
    check_at_both_sizes(page)
    for name, steps in CHOICES:
        choose(page, name, steps)
        assert checked(page, name) == str(steps)
    tab_until(page, "button[type=submit]")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Thank you: today's diary is saved")).to_be_visible()
    check_at_both_sizes(page)
    assert DiaryEntry.objects.filter(client=ms_client, on=timezone.localdate()).count() == 1

    for name in ("How you are doing", "What you agreed to", "Download your data"):
        page.goto(f"{live_server.url}/me/")
        page.get_by_role("link", name=name).click()
        expect(page.get_by_role("heading", level=1)).to_have_text(name)
        check_at_both_sizes(page)

    with page.expect_download() as download:
        page.get_by_role("link", name="A file for a computer (JSON)").click()
    data = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    assert data["format"] == "msrelief-subject-access/1"
    assert data["record"]["id"] == ms_client.pk
