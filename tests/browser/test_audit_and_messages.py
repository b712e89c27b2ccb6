"""A clinic admin reads the audit log as sentences, filters it by client, and finds an alert
email that the mail server refused under Messages, then sends it again. Axe checks every page,
at desktop and phone widths, and no page scrolls sideways on a phone."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from msrelief.notifications import delivery, services
from msrelief.notifications.models import Kind
from tests.browser.axe import assert_accessible
from tests.browser.test_client_journey import log_in
from tests.browser.test_evidence_pages import PHONE, no_sideways_scroll


@pytest.mark.django_db(transaction=True)
def test_a_clinic_admin_reads_the_audit_log_and_resends_an_undelivered_alert(
    page: Page, live_server, clinic_admin, clinic, ms_client, settings
):
    settings.EMAIL_BACKEND = "msrelief.notifications.testing.RefusingEmailBackend"
    context = {"clinic_name": clinic.name, "signal": "phq9-item9-positive", "url": "https://x/"}
    message = services.queue_email(Kind.SAFETY_ALERT, "tess@harbour.test", context, clinic=clinic)
    delivery.attempt(message.pk)

    log_in(page, live_server.url, clinic_admin.email)
    page.get_by_role("link", name="Audit log").click()
    expect(page.get_by_role("table")).to_contain_text(
        f"tess@harbour.test added Client #{ms_client.pk}"
    )
    page.get_by_label("Client number").fill(str(ms_client.pk))
    page.get_by_role("button", name="Filter").click()
    expect(page.get_by_role("table")).to_contain_text(f"Client #{ms_client.pk}")
    assert_accessible(page)
    page.set_viewport_size(PHONE)
    no_sideways_scroll(page)
    assert_accessible(page)

    page.get_by_role("link", name="Messages").click()
    expect(page.get_by_role("table")).to_contain_text("Connection refused")
    assert_accessible(page)
    no_sideways_scroll(page)

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    page.get_by_role("button", name="Send again now").click()
    expect(page.get_by_text("will be sent again now")).to_be_visible()
    expect(page.get_by_text("Every message has been delivered.")).to_be_visible()
    assert_accessible(page)
