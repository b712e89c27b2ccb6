"""A person with MS completes a PHQ-9 through a secure link with the keyboard alone, sees the
safety guidance after a positive item 9, and every questionnaire page passes axe at phone and
desktop sizes, one question per page and all on one page."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from msrelief.testing import assign
from tests.browser.axe import assert_accessible

PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 800}
# A 1280 px wide screen at 200 % zoom lays pages out in 640 CSS pixels.
ZOOM_200 = {"width": 640, "height": 400}


def tab_until(page: Page, selector: str, limit: int = 40) -> None:
    """Press Tab until the focused element matches ``selector`` (as a keyboard user would)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def answer_by_keyboard(page: Page, number: int, steps_down: int) -> None:
    tab_until(page, f"input[name=item_{number}]")
    page.keyboard.press("Space")
    for _ in range(steps_down):
        page.keyboard.press("ArrowDown")
    tab_until(page, "button[name=next]")
    page.keyboard.press("Enter")


def no_sideways_scroll(page: Page) -> None:
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{page.url} scrolls sideways by {overflow}px"


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("size", [PHONE, DESKTOP, ZOOM_200], ids=["phone", "desktop", "zoom200"])
def test_a_phq9_is_completed_with_the_keyboard_alone_and_item_nine_brings_help(
    page, live_server, ms_client, therapist, size
):
    page.set_viewport_size(size)
    _, token = assign(therapist, ms_client, "phq9")
    page.goto(f"{live_server.url}/q/{token}/")
    assert_accessible(page)
    tab_until(page, "a.button")
    page.keyboard.press("Enter")
    for number in range(1, 10):
        expect(page.get_by_text(f"Question {number} of 9")).to_be_visible()
        if number in (1, 9):
            assert_accessible(page)
            no_sideways_scroll(page)
        answer_by_keyboard(page, number, steps_down=1 if number == 9 else 0)
    expect(page.get_by_role("heading", name="Check your answers")).to_be_visible()
    assert_accessible(page)
    no_sideways_scroll(page)
    tab_until(page, "button.button")
    page.keyboard.press("Enter")
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("Please read this now")
    expect(alert).to_contain_text("Samaritans free on 116 123")
    assert_accessible(page)


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_the_all_on_one_page_layout_passes_axe_and_shows_errors_accessibly(
    page, live_server, ms_client, therapist, size
):
    page.set_viewport_size(size)
    _, token = assign(therapist, ms_client, "gad7")
    page.goto(f"{live_server.url}/q/{token}/all/")
    assert_accessible(page)
    no_sideways_scroll(page)
    page.get_by_role("button", name="Check your answers").click()
    expect(page.get_by_role("heading", name="Check your answers")).to_be_visible()
    page.get_by_role("button", name="Send my answers").click()
    expect(page.get_by_role("alert")).to_contain_text("There is a problem")
    assert_accessible(page)
