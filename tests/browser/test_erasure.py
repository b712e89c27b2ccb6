"""A clinic admin erases a client in the browser, at 360 and 1280 px: from the record's Privacy
panel, confirming with the client's number and a reason. Afterwards no row anywhere points at
the client but the tombstone, and the audit trail names them by number only. Every page passes
axe."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import Page, expect

from msrelief.audit.models import AuditEvent
from msrelief.clients.models import Client
from msrelief.privacy.models import Tombstone
from msrelief.privacy.tests.factories import EMAIL, every_kind_of_record, rows_about
from msrelief.testing import enrol_totp, next_code
from tests.browser.axe import assert_accessible
from tests.browser.test_phone_layout import SIZES
from tests.browser.test_two_factor import password_step


@pytest.mark.django_db(transaction=True)
@SIZES
def test_an_erasure_leaves_only_the_tombstone_and_audit_events_that_name_no_one(
    page: Page, live_server, clinic_admin, therapist, ms_client, size
):
    every_kind_of_record(therapist, ms_client)
    number, name = ms_client.pk, ms_client.display_name
    assert rows_about(number), "the record has something to erase"
    enrol_totp(clinic_admin)
    page.set_viewport_size(size)
    password_step(page, live_server.url, clinic_admin.email)
    page.get_by_label("Code").fill(next_code(clinic_admin))
    page.get_by_role("button", name="Continue").click()

    page.goto(f"{live_server.url}/clients/{number}/")
    page.get_by_role("link", name="Erase this client and everything about them").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(f"Erase client #{number}")
    assert_accessible(page)
    page.get_by_label("Type the client number to confirm").fill("999999")
    page.get_by_label("Why is the record erased?").fill("Asked by the client in writing.")
    page.get_by_role("button", name="Erase the client").click()
    expect(page.get_by_role("alert")).to_be_visible()  # the wrong number is named; nothing goes
    assert_accessible(page)
    assert Client.objects.filter(pk=number).exists()

    page.get_by_label("Type the client number to confirm").fill(str(number))
    page.get_by_role("button", name="Erase the client").click()
    expect(page.get_by_role("status")).to_contain_text(f"Client #{number} was erased.")
    assert_accessible(page)

    assert not Client.objects.filter(pk=number).exists()
    assert rows_about(number) == []
    assert Tombstone.objects.filter(client_number=number).count() == 1
    for event in AuditEvent.objects.all():
        text = json.dumps([event.actor_email, event.object_label, event.changes])
        assert name not in text and EMAIL not in text, event.event
    assert page.goto(f"{live_server.url}/clients/{number}/").status == 404
