"""A reminder email's unsubscribe link, opened without signing in: the page says reminders are
on, the button turns them off and the page confirms it. The page passes axe at 360 and
1280 px, before and after, and does not scroll sideways on the phone."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, expect

from msrelief.clients import services as clients
from msrelief.clients.models import Client, ReminderChannel
from msrelief.programmes.reminders import unsubscribe
from tests.browser.axe import assert_accessible

PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 800}


def check_at_both_sizes(page: Page) -> None:
    for size in (DESKTOP, PHONE):
        page.set_viewport_size(size)
        assert_accessible(page)
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{page.url} scrolls sideways by {overflow}px at 360 px"
    page.set_viewport_size(DESKTOP)


@pytest.mark.django_db(transaction=True)
def test_the_unsubscribe_button_stops_reminders_and_the_page_confirms_it(
    page, live_server, therapist, ms_client
):
    robin = clients.update_client(therapist, ms_client, email="robin@example.test")
    link = unsubscribe.new_link(client=robin)
    page.goto(live_server.url + urlsplit(link).path)
    expect(page.get_by_role("heading", level=1)).to_have_text("Reminders are on")
    check_at_both_sizes(page)

    page.get_by_role("button", name="Stop reminders").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Reminders are off")
    expect(page.get_by_role("status")).to_have_text("Done: you will get no more reminders.")
    expect(page.get_by_role("button", name="Start reminders again")).to_be_visible()
    assert Client.objects.get(pk=robin.pk).reminders == ReminderChannel.NONE
    check_at_both_sizes(page)
