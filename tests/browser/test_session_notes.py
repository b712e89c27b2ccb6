"""A therapist enrols a demo-like client in the Naderi programme, opens today's session and
records it: attendance, the ratings before, the SOAP note with the body regions chosen on the
body map by keyboard (and one by pointer), the signature, and the ratings after. Every page
passes axe at phone and desktop widths, without scrolling sideways on the phone."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from msrelief.clients import history_services
from msrelief.programmes.models import PlannedSession, SessionNote, SessionRating
from msrelief.testing import make_client_record
from tests.browser.axe import assert_accessible
from tests.browser.test_client_journey import log_in
from tests.browser.test_questionnaire_keyboard import DESKTOP, PHONE, no_sideways_scroll, tab_until


def check(page: Page) -> None:
    assert_accessible(page)
    no_sideways_scroll(page)


def region_box(page: Page, code: str) -> bool:
    checked: bool = page.locator(f'input[name=body_regions][value="{code}"]').is_checked()
    return checked


def rate(page: Page, name: str, value: int) -> None:
    """Choose ``value`` on the 0-10 row ``name`` with the keyboard: Space on the first
    choice (0), then the right arrow."""
    page.locator(f"input[name='{name}']").first.focus()
    page.keyboard.press("Space")
    for _ in range(value):
        page.keyboard.press("ArrowRight")


@pytest.fixture
def trials(transactional_db: None) -> None:
    from msrelief.evidence import seeding as evidence
    from msrelief.programmes import seeding

    evidence.load()
    seeding.load()


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_a_therapist_enrols_a_client_and_records_todays_session_with_the_keyboard(
    page: Page, live_server, trials, therapist, size
):
    page.set_viewport_size(size)
    person = make_client_record(therapist, display_name="Ana Demo-Like")
    history_services.add_entry(therapist, person, "condition", {"kind": "heat_sensitivity"})
    log_in(page, live_server.url, therapist.email)

    # Enrol from the client record, with today as the first session.
    page.goto(f"{live_server.url}/clients/{person.pk}/")
    page.get_by_role("link", name="Enrol in a programme").click()
    check(page)
    page.get_by_label("Programme").select_option(
        label="Whole-body Swedish massage, twice a week for 6 weeks"
    )
    today = timezone.localdate()
    page.get_by_label("Day of the first session").fill(today.isoformat())
    weekdays = page.get_by_role("group", name="Days of the week")
    for day in (today, today + dt.timedelta(days=3)):
        weekdays.get_by_label(day.strftime("%A")).check()
    page.get_by_label("Time of the sessions").fill("09:00")
    page.get_by_role("button", name="Enrol and plan the sessions").click()
    expect(page.get_by_text("was enrolled; the plan is below")).to_be_visible()
    check(page)
    assert PlannedSession.objects.filter(enrolment__client=person).count() == 12

    # Today's session: the safety screen first. The history's heat sensitivity makes it ADAPT.
    page.get_by_role("link", name="Session 1:").click()
    expect(page.get_by_role("heading", name="Safety screen")).to_be_visible()
    check(page)
    page.get_by_role("link", name="Screen before this session").click()
    expect(page.get_by_text("Heat sensitivity (symptoms worse with heat: Uhthoff)")).to_be_visible()
    check(page)
    page.get_by_role("button", name="Run the screen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Safety screen: Go ahead, with the adaptations"
    )
    expect(page.get_by_text("Keep the room cool", exact=False).first).to_be_visible()
    expect(page.get_by_role("heading", name="R21: Heat sensitivity — ADAPT")).to_be_visible()
    check(page)
    page.get_by_role("button", name="Record the decision").click()
    expect(page.get_by_text("Your decision is recorded.")).to_be_visible()
    page.get_by_role("link", name="Back to the session of").click()
    expect(page.get_by_text("Decision: go ahead, with the adaptations")).to_be_visible()
    check(page)
    page.get_by_label("Attended").check()
    page.get_by_role("button", name="Record what happened").click()
    expect(page.get_by_text("The session's status was recorded.")).to_be_visible()
    check(page)

    # Ratings before the session, by keyboard.
    rate(page, "pre_nrs-pain", 6)
    rate(page, "pre_nrs-stress", 7)
    rate(page, "pre_nrs-relaxation", 3)
    page.get_by_role("button", name="Save the ratings before the session").click()
    expect(page.get_by_text("The ratings before the session were saved.")).to_be_visible()
    check(page)

    # The SOAP note; the programme's regions (the whole body) start chosen.
    page.get_by_label("Subjective: what the client reports").fill("Legs heavy after a hot day.")
    page.get_by_label("Objective: what you observed and measured").fill("Calves tight.")
    page.get_by_label("Assessment: your judgement").fill("Moderate pressure tolerated.")
    page.get_by_label("Plan: next steps").fill("Keep the room cool.")
    page.get_by_label("Effleurage (gliding strokes)").check()
    page.get_by_label("Moderate", exact=True).check()
    drawing = page.locator("[data-body-map-drawing]")
    expect(drawing).to_be_visible()
    face = page.get_by_role("checkbox", name="Face and jaw").and_(page.locator("[data-region]"))
    expect(face).to_have_attribute("aria-checked", "true")
    check(page)

    # Keyboard: Tab to a region of the drawing, Space toggles it, Enter too; the list follows.
    page.get_by_label("Minutes of treatment").focus()
    tab_until(page, '[data-region="face"]')
    page.keyboard.press("Space")
    expect(face).to_have_attribute("aria-checked", "false")
    assert not region_box(page, "face")
    tab_until(page, '[data-region="abdomen"]')
    page.keyboard.press("Enter")
    assert not region_box(page, "abdomen")
    page.keyboard.press("Enter")
    assert region_box(page, "abdomen")
    page.keyboard.press("Space")
    assert not region_box(page, "abdomen")
    # The list changes the drawing too, and a pointer click toggles a region.
    page.locator("input[name=body_regions][value=chest]").uncheck()
    expect(page.locator('[data-region="chest"]')).to_have_attribute("aria-checked", "false")
    page.locator('[data-region="head"]').click()
    assert not region_box(page, "head")
    check(page)

    page.get_by_role("button", name="Sign the note").click()
    expect(page.get_by_text("The note was signed.")).to_be_visible()
    expect(page.get_by_role("link", name="Amend the note")).to_be_visible()
    check(page)
    note = SessionNote.objects.get(session__enrolment__client=person)
    assert note.is_signed and note.subjective == "Legs heavy after a hot day."
    assert note.pressure == "moderate" and note.techniques == ["effleurage"]
    assert {"face", "abdomen", "chest", "head"}.isdisjoint(note.body_regions)
    assert {"thigh_left", "lower_leg_right", "upper_back"} <= set(note.body_regions)

    # Ratings after the session.
    rate(page, "post_nrs-pain", 3)
    rate(page, "post_nrs-relaxation", 8)
    page.get_by_role("button", name="Save the ratings after the session").click()
    expect(page.get_by_text("The ratings after the session were saved.")).to_be_visible()
    check(page)
    values = {
        (r.phase, r.instrument_code): r.response.answers["1"]
        for r in SessionRating.objects.filter(session=note.session).select_related("response")
    }
    assert values == {
        ("pre", "nrs-pain"): 6.0,
        ("pre", "nrs-stress"): 7.0,
        ("pre", "nrs-relaxation"): 3.0,
        ("post", "nrs-pain"): 3.0,
        ("post", "nrs-relaxation"): 8.0,
    }


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_a_relapse_ten_days_ago_defers_and_going_ahead_needs_a_written_reason(
    page: Page, live_server, therapist, size
):
    page.set_viewport_size(size)
    person = make_client_record(therapist, display_name="D. Demo-Like")
    onset = timezone.localdate() - dt.timedelta(days=10)
    history_services.add_entry(therapist, person, "relapse", {"onset": onset})
    log_in(page, live_server.url, therapist.email)
    page.goto(f"{live_server.url}/clients/{person.pk}/")
    page.get_by_role("link", name="Safety screen").click()
    expect(page.get_by_text(f"Relapse began {onset:%d %b %Y}")).to_be_visible()
    page.get_by_role("button", name="Run the screen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Safety screen: No hands-on session today"
    )
    expect(page.get_by_text("No published threshold; msrelief's choice").first).to_be_visible()
    check(page)
    page.get_by_label("Go ahead", exact=True).check()
    page.get_by_role("button", name="Record the decision").click()
    summary = page.get_by_role("alert").filter(has_text="There is a problem")
    expect(summary).to_contain_text("Say why you are going against the screen's DEFER")
    check(page)
    page.get_by_label("Why, if you are going against the screen").fill(
        "The MS nurse saw her today and cleared gentle massage."
    )
    page.get_by_role("button", name="Record the decision").click()
    expect(page.get_by_text("Against the screen's DEFER, because")).to_be_visible()
    check(page)
