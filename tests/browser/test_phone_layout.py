"""Every staff page and every public evidence page at 360 and 1280 px: no page scrolls sideways
on a phone (nor does any table inside its own region), axe finds nothing, the header is one
row with the signed-in person's name, stacked tables keep every column (the View link and the
therapist among them) and label each cell with its column's name, and the forest plot shown
is the drawing made for the width."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.management import call_command
from django.utils import timezone
from playwright.sync_api import Page, expect

from msrelief.clients import history_services as history
from msrelief.evidence.models import Result
from msrelief.instruments import services
from msrelief.instruments.models import SafetyFlag
from msrelief.safety import services as screening
from msrelief.testing import PHQ9_ALL_ZERO, assign
from tests.browser.axe import assert_accessible
from tests.browser.test_client_journey import log_in

PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 800}
SIZES = pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["360", "1280"])
#: The header's one row: 44-pixel targets and the row's padding, with room for a two-line name.
ONE_ROW = 72

PUBLIC_PAGES = [
    "/",
    "/evidence/",
    "/evidence/references/",
    "/evidence/references/naderi2024/",
    "/evidence/claims/",
    "/evidence/studies/",
    "/evidence/studies/jrrs_isfahan_8wk_massage/",
    "/evidence/meta/?example=bcg",
]

# Cells that sit wider than their table region, or a page wider than the screen.
OVERFLOW = """() => {
  const page = document.documentElement.scrollWidth - window.innerWidth;
  const regions = [...document.querySelectorAll('.table-scroll')]
    .filter((r) => r.scrollWidth > r.clientWidth + 1)
    .map((r) => r.getAttribute('aria-label'));
  return {page, regions};
}"""

# Every td[data-label] must carry the name of its column's header.
LABEL_MISMATCHES = """() => {
  const wrong = [];
  for (const table of document.querySelectorAll('table.table-stack')) {
    const heads = [...table.querySelectorAll('thead th')].map((th) => th.textContent.trim());
    for (const row of table.querySelectorAll('tbody tr')) {
      [...row.children].forEach((cell, i) => {
        if (cell.dataset.label !== undefined && cell.dataset.label !== heads[i]) {
          wrong.push(`${cell.dataset.label} under ${heads[i]}`);
        }
      });
    }
  }
  return wrong;
}"""

# The header's parts (brand, navigation if shown, name, Log out, Menu) on one line.
HEADER_ROWS = """() => {
  const header = document.querySelector('.site-header').getBoundingClientRect();
  const parts = [...document.querySelectorAll('.header-row > *, .account > *')]
    .filter((el) => el.offsetParent !== null && !el.classList.contains('account'))
    .map((el) => el.getBoundingClientRect());
  const middles = parts.map((r) => r.top + r.height / 2);
  return {height: header.height, spread: Math.max(...middles) - Math.min(...middles)};
}"""


def staff_world(therapist: Any, ms_client: Any) -> dict[str, int]:
    """A client with two PHQ-9 responses (one raising a safety flag) and one open link."""
    services.enter_response(therapist, ms_client, "phq9", {**PHQ9_ALL_ZERO, "1": 2.0})
    flagged = services.enter_response(therapist, ms_client, "phq9", {**PHQ9_ALL_ZERO, "9": 1.0})
    administration, _ = assign(therapist, ms_client, "phq9")
    flag = SafetyFlag.objects.get(response=flagged)
    history.add_entry(
        therapist,
        ms_client,
        "relapse",
        {
            "onset": dt.date(2026, 9, 1),
            "steroid_start": dt.date(2026, 9, 2),
            "steroid_end": dt.date(2026, 9, 6),
        },
    )
    history.add_entry(
        therapist,
        ms_client,
        "condition",
        {"kind": "sensory_loss", "areas": ["foot_left", "lower_leg_left"]},
    )
    history.add_entry(therapist, ms_client, "dmt", {"drug": "ocrelizumab", "route": "infusion"})
    screen = screening.run_screen(therapist, ms_client, timezone.localdate(), {"unsteady": True})
    return {"client": ms_client.pk, "response": flagged.pk, "flag": flag.pk,
            "administration": administration.pk, "screen": screen.pk}  # fmt: skip


def therapist_pages(ids: dict[str, int]) -> list[str]:
    client, response = ids["client"], ids["response"]
    return [
        "/clients/",
        "/clients/add/",
        f"/clients/{client}/",
        f"/clients/{client}/edit/",
        f"/clients/{client}/delete/",
        f"/clients/{client}/measures/",
        f"/clients/{client}/measures/{ids['administration']}/cancel/",
        f"/clients/{client}/measures/enter/phq9/",
        f"/responses/{response}/",
        f"/responses/{response}/correct/",
        f"/safety-flags/{ids['flag']}/",
        f"/clients/{client}/timeline/",
        f"/clients/{client}/screen/",
        f"/screens/{ids['screen']}/",
        f"/clients/{client}/history/relapse/add/",
        f"/clients/{client}/history/condition/add/",
        f"/clients/{client}/history/dmt/add/",
        "/measures/sources/",
        "/accounts/password/",
        "/no-such-page/",
        "/audit/",  # a clinic admin's page: the therapist gets the 403 page
    ]


def admin_pages() -> list[str]:
    result = Result.objects.filter(study__key="jrrs_isfahan_8wk_massage").first()
    assert result is not None
    return [
        "/audit/",
        "/clinic/questionnaires/",
        "/messages/",
        "/evidence/references/add/",
        "/evidence/references/import/",
        "/evidence/studies/jrrs_isfahan_8wk_massage/edit/",
        f"/evidence/results/{result.pk}/delete/",
    ]


def check(page: Page, path: str, size: dict[str, int]) -> None:
    page.goto(path)
    assert_accessible(page)
    assert page.evaluate(LABEL_MISMATCHES) == [], path
    header = page.evaluate(HEADER_ROWS)
    assert header["height"] <= ONE_ROW and header["spread"] < 8, f"{path}: header {header}"
    if size is PHONE:
        overflow = page.evaluate(OVERFLOW)
        assert overflow["page"] <= 0 and overflow["regions"] == [], (path, overflow)


@pytest.mark.django_db(transaction=True)
@SIZES
def test_every_staff_and_evidence_page_fits_and_passes_axe(
    page: Page, live_server, therapist, clinic_admin, ms_client, size
):
    call_command("load_evidence")
    ids = staff_world(therapist, ms_client)
    page.set_viewport_size(size)
    log_in(page, live_server.url, therapist.email)
    for path in therapist_pages(ids) + PUBLIC_PAGES:
        check(page, f"{live_server.url}{path}", size)
    page.context.clear_cookies()
    log_in(page, live_server.url, clinic_admin.email)
    for path in admin_pages():
        check(page, f"{live_server.url}{path}", size)
    page.context.clear_cookies()
    for path in PUBLIC_PAGES:
        check(page, f"{live_server.url}{path}", size)


def within_screen(page: Page, locator: Any) -> bool:
    expect(locator).to_be_visible()
    box = locator.bounding_box()
    return box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 360


@pytest.mark.django_db(transaction=True)
def test_stacked_tables_keep_the_therapist_and_the_view_link_on_a_phone(
    page: Page, live_server, therapist, ms_client
):
    ids = staff_world(therapist, ms_client)
    page.set_viewport_size(PHONE)
    log_in(page, live_server.url, therapist.email)
    rows = page.get_by_role("table").get_by_role("row")
    therapist_cell = rows.filter(has_text="Robin Example").get_by_role("cell").nth(2)
    expect(therapist_cell).to_have_text("Tess Therapist")
    assert within_screen(page, therapist_cell)
    label = therapist_cell.evaluate("cell => getComputedStyle(cell, '::before').content")
    assert label == '"Therapist: " / ""'  # drawn, and not read out a second time

    page.goto(f"{live_server.url}/clients/{ids['client']}/measures/")
    view = page.get_by_role("table").get_by_role("link", name="View").first
    assert within_screen(page, view)
    view.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Patient Health Questionnaire")


@pytest.mark.django_db(transaction=True)
def test_on_a_phone_the_header_is_one_row_and_menu_leads_to_the_navigation(
    page: Page, live_server, therapist
):
    page.set_viewport_size(PHONE)
    log_in(page, live_server.url, therapist.email)
    header = page.locator(".site-header")
    expect(header).to_contain_text("Tess Therapist")
    expect(header.get_by_role("button", name="Log out")).to_be_visible()
    assert page.evaluate(HEADER_ROWS)["height"] <= ONE_ROW
    expect(header.get_by_role("navigation")).to_have_count(0)  # it waits at the foot
    menu = header.get_by_role("link", name="Menu")
    menu.focus()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "menu"
    foot = page.get_by_role("navigation", name="Menu")
    expect(foot.get_by_role("link", name="Clients")).to_be_in_viewport()
    foot.get_by_role("link", name="Evidence").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("The evidence base")


@pytest.mark.django_db(transaction=True)
@SIZES
def test_the_forest_plot_shown_is_the_drawing_made_for_the_width(page: Page, live_server, size):
    page.set_viewport_size(size)
    page.goto(f"{live_server.url}/evidence/meta/?example=bcg")
    figure = page.locator("figure.forest").first
    shown, hidden = (".forest-compact", ".forest-wide") if size is PHONE else (
        ".forest-wide", ".forest-compact")  # fmt: skip
    plot = figure.locator(f"{shown} svg")
    expect(plot).to_be_visible()
    expect(figure.locator(f"{hidden} svg")).to_be_hidden()
    expect(plot.get_by_text("favours", exact=False).first).to_be_attached()
    box, natural = plot.bounding_box(), plot.get_attribute("width")
    assert box is not None and natural is not None
    assert box["width"] == pytest.approx(float(natural), abs=1)  # drawn at full size, not shrunk
    expect(figure).to_contain_text("results left of the line at 1 favour the treatment")
    assert_accessible(page)
