"""A person with MS starts a DASS-21, stops half-way, and carries on later from the same link
with their answers kept; every page passes axe."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from msrelief.testing import assign
from tests.browser.axe import assert_accessible


@pytest.mark.django_db(transaction=True)
def test_a_half_finished_dass21_is_resumed_from_the_same_link(
    page, live_server, ms_client, therapist, browser
):
    administration, token = assign(therapist, ms_client, "dass21")
    link = f"{live_server.url}/q/{token}/"
    page.goto(link)
    page.get_by_role("link", name="Start").click()
    for number in range(1, 11):
        expect(page.get_by_text(f"Question {number} of 21")).to_be_visible()
        page.get_by_role("radio").nth(number % 4).check()
        if number == 10:
            page.get_by_role("button", name="Save and finish later").click()
        else:
            page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("heading", name="Your answers are saved")).to_be_visible()
    assert_accessible(page)

    # Later, in a fresh browser session (no cookies), the same link carries on.
    later = browser.new_context(locale="en-GB").new_page()
    later.goto(link)
    expect(later.get_by_text("You have answered 10 of 21 questions so far.")).to_be_visible()
    assert_accessible(later)
    later.get_by_role("link", name="Carry on").click()
    expect(later.get_by_text("Question 11 of 21")).to_be_visible()
    later.get_by_role("link", name="Back").click()
    expect(later.get_by_role("radio").nth(10 % 4)).to_be_checked()
    administration.refresh_from_db()
    assert len(administration.draft) == 10
    later.context.close()
