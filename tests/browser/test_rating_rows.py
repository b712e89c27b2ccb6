"""A person with MS answers a 0-10 rating with the keyboard alone: Tab into the row of numbers,
arrow keys to move along it, Enter on the button. The start page states the recall period (and
the instructions where the instrument has them), a repeated stem leads each question, and every
page passes axe at phone and desktop widths without scrolling sideways on the phone."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from msrelief.testing import assign
from tests.browser.axe import assert_accessible
from tests.browser.test_questionnaire_keyboard import DESKTOP, PHONE, no_sideways_scroll, tab_until

SIZES = [PHONE, DESKTOP]
SIZE_IDS = ["phone", "desktop"]


def checked_value(page: Page) -> str | None:
    value: str | None = page.evaluate(
        "document.querySelector('input[name=item_1]:checked')?.value ?? null"
    )
    return value


def assert_large_targets(page: Page) -> None:
    """Every choice of the row is at least 44 x 44 CSS pixels."""
    boxes = [label.bounding_box() for label in page.locator("label.rating-choice").all()]
    assert len(boxes) == 11
    for box in boxes:
        assert box is not None and box["width"] >= 44 and box["height"] >= 44, box


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
def test_a_pain_rating_is_answered_with_the_keyboard_alone_and_saved(
    page: Page, live_server, ms_client, therapist, size
):
    page.set_viewport_size(size)
    administration, token = assign(therapist, ms_client, "nrs-pain")
    page.goto(f"{live_server.url}/q/{token}/")
    expect(page.get_by_text("This question is about right now.")).to_be_visible()
    assert_accessible(page)
    no_sideways_scroll(page)
    tab_until(page, "a.button")
    page.keyboard.press("Enter")

    group = page.get_by_role("group", name="How much pain do you feel right now?")
    expect(group).to_be_visible()
    expect(page.get_by_text("0 = no pain")).to_be_visible()
    expect(page.get_by_text("10 = the worst pain you can imagine")).to_be_visible()
    assert_large_targets(page)
    assert_accessible(page)
    no_sideways_scroll(page)

    tab_until(page, "input[name=item_1]")
    page.keyboard.press("Space")
    assert checked_value(page) == "0"
    for _ in range(4):
        page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowLeft")
    assert checked_value(page) == "3"
    chosen = page.locator("label.rating-choice", has=page.locator("input:checked"))
    other = page.locator("label.rating-choice").first
    # The chosen number is marked by more than colour: a thicker border (and a filled radio).
    assert chosen.evaluate("e => parseFloat(getComputedStyle(e).borderTopWidth)") > other.evaluate(
        "e => parseFloat(getComputedStyle(e).borderTopWidth)"
    )
    assert_accessible(page)
    tab_until(page, "button[name=next]")
    page.keyboard.press("Enter")

    expect(page.get_by_role("heading", name="Check your answers")).to_be_visible()
    assert_accessible(page)
    no_sideways_scroll(page)
    administration.refresh_from_db()
    assert administration.draft == {"1": 3.0}


@pytest.mark.django_db(transaction=True)
def test_a_rating_that_is_not_offered_is_named_by_its_scale_on_a_phone(
    page: Page, live_server, ms_client, therapist
):
    page.set_viewport_size(PHONE)
    administration, token = assign(therapist, ms_client, "nrs-stress")
    page.goto(f"{live_server.url}/q/{token}/1/")
    # Only a tampered page can send a number outside the row; the answer is refused, not kept.
    page.evaluate("document.querySelector('#id_item_1_10').value = '11'")
    page.locator("label[for=id_item_1_10]").click()
    page.get_by_role("button", name="Check your answers").click()
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("Question 1: Choose a number from 0 to 10 for stress.")
    expect(summary).not_to_contain_text("How stressed do you feel")
    assert_large_targets(page)
    assert_accessible(page)
    no_sideways_scroll(page)
    administration.refresh_from_db()
    assert administration.draft == {}


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
def test_instructions_recall_period_and_each_items_stem_are_shown(
    page: Page, live_server, ms_client, therapist, size
):
    page.set_viewport_size(size)
    _, token = assign(therapist, ms_client, "gad7")
    page.goto(f"{live_server.url}/q/{token}/")
    expect(page.locator("p.instructions")).to_have_text(
        "Over the last 2 weeks, how often have you been bothered by the following problems?"
    )
    expect(page.get_by_text("These questions are about the last 2 weeks.")).to_be_visible()
    assert_accessible(page)
    no_sideways_scroll(page)
    page.get_by_role("link", name="Start").click()
    group = page.get_by_role("group", name="Over the last 2 weeks")
    expect(group).to_contain_text("Feeling nervous, anxious, or on edge")
    assert_accessible(page)
    no_sideways_scroll(page)

    _, token = assign(therapist, ms_client, "rand36")
    page.goto(f"{live_server.url}/q/{token}/13/")
    lead = page.locator("legend .item-lead")
    expect(lead).to_contain_text("as a result of your physical health?")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Cut down the amount of time")
    assert_accessible(page)
    no_sideways_scroll(page)
