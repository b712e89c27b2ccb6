"""A person with MS leaves out three DASS-21 questions and PHQ-9 question 9, sends both and
sees no code or rule; their therapist sees "Not scored" with the reason and the item-9 flag.
Every page passes axe."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from msrelief.testing import PASSWORD, assign
from tests.browser.axe import assert_accessible

LEAKS = re.compile(r"dass21|phq9|instruments\.md|min_answered|rule:|\[S\d+\]", re.IGNORECASE)


def answer_all_but(page: Page, link: str, skipped: set[int]) -> None:
    page.goto(f"{link}all/")
    questions = page.locator("fieldset")
    for position in range(questions.count()):
        if position + 1 not in skipped:
            questions.nth(position).get_by_role("radio").first.check()
    page.get_by_role("button", name="Check your answers").click()


def assert_no_codes(page: Page) -> None:
    text = page.locator("main").inner_text()
    assert not LEAKS.search(text), LEAKS.search(text)


@pytest.mark.django_db(transaction=True)
def test_a_client_skips_questions_sends_both_and_the_therapist_sees_why_nothing_was_scored(
    page, live_server, ms_client, therapist
):
    _, dass = assign(therapist, ms_client, "dass21")
    _, phq = assign(therapist, ms_client, "phq9")

    answer_all_but(page, f"{live_server.url}/q/{dass}/", {2, 5, 11})
    expect(page.get_by_role("heading", name="Some questions are not answered")).to_be_visible()
    for number in (2, 5, 11):
        expect(page.get_by_role("link", name=f"Question {number}", exact=True)).to_be_visible()
    assert_no_codes(page)
    assert_accessible(page)
    page.get_by_role("button", name="Send my answers").click()
    expect(page.get_by_role("heading", name="Your answers have been sent")).to_be_visible()
    assert_no_codes(page)
    assert_accessible(page)

    answer_all_but(page, f"{live_server.url}/q/{phq}/", {9})
    assert_no_codes(page)
    page.get_by_role("button", name="Send my answers").click()
    expect(page.get_by_role("heading", name="If you are finding things hard")).to_be_visible()
    expect(page.get_by_text("116 123")).to_be_visible()
    assert_no_codes(page)
    assert_accessible(page)

    staff = page.context.browser.new_context(locale="en-GB").new_page()
    staff.goto(f"{live_server.url}/accounts/login/")
    staff.get_by_label("Email address").fill(therapist.email)
    staff.get_by_label("Password").fill(PASSWORD)
    staff.get_by_role("button", name="Log in").click()
    staff.goto(f"{live_server.url}/clients/{ms_client.pk}/measures/")
    expect(staff.get_by_text("Not scored").first).to_be_visible()
    expect(
        staff.get_by_text(re.compile(r"questions 2, 5 and 11 were left blank|question 2 was")).first
    ).to_be_visible()
    expect(staff.get_by_role("heading", name="Safety flag: needs your attention")).to_be_visible()
    expect(staff.get_by_text(re.compile("Item 9 .* was left unanswered"))).to_be_visible()
    assert_accessible(staff)
    staff.get_by_role("link", name="Open the flag and record what you did").click()
    staff.get_by_label("What did you do?").fill("Phoned; she is safe and has support")
    staff.get_by_role("button", name="Acknowledge the flag").click()
    expect(staff.get_by_text("Phoned; she is safe and has support")).to_be_visible()
    assert_accessible(staff)
    staff.context.close()
