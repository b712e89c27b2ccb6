"""A person with MS opens the standing diary link, fills in today's diary with the keyboard
alone (Tab between the five questions, arrow keys along each, Enter to save) and sees the entry
on the thank-you page; their therapist sees the sparklines on the client record. Every page
passes axe at phone and desktop widths without scrolling sideways."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from msrelief.instruments.diary import services
from msrelief.instruments.diary.models import DiaryEntry
from msrelief.testing import PASSWORD
from tests.browser.axe import assert_accessible
from tests.browser.test_questionnaire_keyboard import DESKTOP, PHONE, no_sideways_scroll, tab_until

# field name, how many steps right from 0 (the first arrow press selects 1)
CHOICES = (("fatigue", 6), ("pain", 3), ("sleep", 7), ("stress", 0), ("stiffness", 4))


def choose(page: Page, name: str, steps: int) -> None:
    tab_until(page, f"input[name={name}]")
    page.keyboard.press("Space")
    for _ in range(steps):
        page.keyboard.press("ArrowRight")


def checked(page: Page, name: str) -> str | None:
    value: str | None = page.evaluate(
        f"document.querySelector('input[name={name}]:checked')?.value ?? null"
    )
    return value


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_todays_diary_is_filled_in_by_keyboard_and_staff_see_the_sparklines(
    page: Page, live_server, therapist, ms_client, size
):
    page.set_viewport_size(size)
    plan, token = services.start_diary(therapist, ms_client, "daily")
    now = timezone.now()
    for back, pain in ((3, 5.0), (2, 4.0)):
        services.check_in(plan, {"nrs-pain": pain}, None, "link", at=now - dt.timedelta(days=back))

    page.goto(f"{live_server.url}/diary/{token}/")
    expect(page.get_by_role("heading", name="Your symptom diary")).to_be_visible()
    expect(
        page.get_by_role("group", name="Pain How much pain do you feel right now?")
    ).to_be_visible()
    assert_accessible(page)
    no_sideways_scroll(page)
    for name, steps in CHOICES:
        choose(page, name, steps)
        assert checked(page, name) == str(steps)
    tab_until(page, "button[type=submit]")
    page.keyboard.press("Enter")

    expect(page.get_by_role("heading", name="Thank you: today's diary is saved")).to_be_visible()
    row = page.get_by_role("row").nth(1)
    expect(row).to_contain_text("6")
    assert row.locator("td").all_inner_texts() == ["6", "3", "7", "0", "4"]
    assert_accessible(page)
    no_sideways_scroll(page)
    entry = DiaryEntry.objects.get(on=timezone.localdate())
    assert sorted(r.answers["1"] for r in entry.responses.all()) == [0.0, 3.0, 4.0, 6.0, 7.0]

    staff = page.context.browser.new_context(viewport=size, locale="en-GB")
    record = staff.new_page()
    record.goto(f"{live_server.url}/accounts/login/")
    record.get_by_label("Email address").fill(therapist.email)
    record.get_by_label("Password").fill(PASSWORD)
    record.get_by_role("button", name="Log in").click()
    record.goto(f"{live_server.url}/clients/{ms_client.pk}/")
    expect(record.get_by_role("heading", name="Symptom diary")).to_be_visible()
    spark = record.get_by_role("img", name="Pain, the last 14 days")
    expect(spark).to_be_visible()
    assert "3 of 14 days rated" in spark.evaluate("e => e.querySelector('desc').textContent")
    assert_accessible(record)
    no_sideways_scroll(record)
    staff.close()
