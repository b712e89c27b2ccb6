"""A reader on the Learn pages: rates a page with the keyboard and changes the rating, posts a
comment, is refused for the honeypot and for a sixth comment in a minute; a moderator approves
the comment and it appears. Every page is checked with axe, at phone and desktop sizes, and
none scrolls sideways."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.core.cache import cache
from django.core.management import call_command
from playwright.sync_api import Page, expect

from msrelief.learn.tests.conftest import FIXTURE_CONTENT
from msrelief.testing import PASSWORD
from tests.browser.axe import assert_accessible
from tests.browser.test_phone_layout import HEADER_ROWS, ONE_ROW

PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 800}


def no_sideways_scroll(page: Page) -> None:
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{page.url} scrolls sideways by {overflow}px"


def checked(page: Page) -> None:
    """axe finds nothing, nothing scrolls sideways, and the header (with its new Learn link)
    is still one row."""
    assert_accessible(page)
    no_sideways_scroll(page)
    header = page.evaluate(HEADER_ROWS)
    assert header["height"] <= ONE_ROW and header["spread"] < 8, f"{page.url}: header {header}"


def log_in(page: Page, base: str, email: str) -> None:
    page.goto(f"{base}/accounts/login/")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()


def comment(page: Page, body: str) -> None:
    page.get_by_role("textbox", name="Your name").fill("Sam Reader")
    page.get_by_role("textbox", name="Your comment").fill(body)
    page.get_by_role("button", name="Send your comment").click()


def next_minute() -> dt.datetime:
    now = dt.datetime.now(dt.UTC).replace(second=0, microsecond=0)
    return now + dt.timedelta(minutes=1)


@pytest.fixture
def learn(settings):
    settings.LEARN_CONTENT_DIR = FIXTURE_CONTENT
    settings.LEARN_COMMENTS_PER_MINUTE = 5
    cache.clear()
    call_command("load_evidence")
    yield
    cache.clear()


def rate_with_the_keyboard(page: Page) -> None:
    rating = page.get_by_role("group", name="How useful was this page?")
    rating.get_by_role("radio", name="1 star", exact=True).focus()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    expect(rating.get_by_role("radio", name="3 stars")).to_be_checked()
    page.keyboard.press("Enter")
    expect(page.get_by_text("Thank you: your rating is saved.")).to_be_visible()
    expect(page.locator("#rating-summary")).to_have_text("Rated 3.0 out of 5 (1 rating)")
    checked(page)
    rating.get_by_role("radio", name="3 stars").focus()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    page.get_by_role("button", name="Change your rating").click()
    expect(page.locator("#rating-summary")).to_have_text("Rated 5.0 out of 5 (1 rating)")
    expect(page.get_by_text("You gave this page 5 stars.")).to_be_visible()


def post_and_be_refused(page: Page) -> None:
    comment(page, "The map helped me explain MS to my son.")
    expect(page.get_by_text("once a moderator approves it")).to_be_visible()
    waiting = page.get_by_role("heading", name="Your comments waiting for a moderator")
    expect(waiting).to_be_visible()
    checked(page)
    page.locator("#id_website").evaluate("box => { box.value = 'http://spam.example'; }")
    comment(page, "Buy now.")
    expect(page.get_by_role("alert")).to_contain_text("This comment looks automated")
    checked(page)
    for number in range(3, 6):  # the honeypot counted as the second
        comment(page, f"Comment number {number}.")
        expect(page.get_by_text("once a moderator approves it")).to_be_visible()
    comment(page, "A sixth within the minute.")
    expect(page.get_by_role("alert")).to_contain_text("the most we take from one address")
    checked(page)


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_a_reader_rates_and_comments_and_a_moderator_approves(
    page: Page, live_server, learn, clinic_admin, size
):
    page.set_viewport_size(size)
    page.goto(f"{live_server.url}/learn/")
    checked(page)
    page.get_by_role("link", name="What MS is").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("What MS is")
    expect(page.get_by_role("heading", name="References")).to_be_visible()
    checked(page)
    rate_with_the_keyboard(page)
    with time_machine.travel(next_minute(), tick=True):
        post_and_be_refused(page)

    log_in(page, live_server.url, clinic_admin.email)
    page.goto(f"{live_server.url}/learn/moderation/")
    checked(page)
    first = page.get_by_role("listitem").filter(has_text="The map helped me explain MS")
    first.get_by_role("button", name="Approve").click()
    expect(page.get_by_text("is approved.")).to_be_visible()
    checked(page)
    page.goto(f"{live_server.url}/learn/what-ms-is/")
    shown = page.locator("#comments .comment-list")
    expect(shown).to_contain_text("The map helped me explain MS to my son.")
    expect(shown).to_contain_text("Sam Reader")
    checked(page)


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_the_map_glossary_and_copyright_pages_are_accessible(page: Page, live_server, learn, size):
    page.set_viewport_size(size)
    page.goto(f"{live_server.url}/learn/map/")
    expect(page.get_by_role("img", name="Mechanism map")).to_be_visible()
    expect(page.get_by_role("list", name="Every link in words")).to_contain_text(
        "Immune cells attack myelin"
    )
    checked(page)
    page.get_by_role("navigation", name="Learn").get_by_role("link", name="Glossary").click()
    expect(page.get_by_text("The fatty layer that wraps nerve fibres")).to_be_visible()
    checked(page)
    page.get_by_role("link", name="Copyright and permissions").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Copyright and permissions")
    checked(page)
    page.goto(f"{live_server.url}/learn/massage-and-fatigue/?style=vancouver")
    expect(page.get_by_role("heading", name="The trials behind this page")).to_be_visible()
    checked(page)
