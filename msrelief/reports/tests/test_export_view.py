"""The exports page /reports/exports/ and its downloads: clinic admins only, a recent sign-in,
one audit event a download, the file streamed."""

from __future__ import annotations

import csv
import io
from datetime import timedelta
from typing import Any

import pytest
import time_machine
from django.test import Client as Browser
from django.urls import reverse
from django.utils import timezone

from msrelief.audit.models import AuditEvent
from msrelief.reports.exports.formats import LONG_COLUMNS
from msrelief.reports.tests.helpers import enter_phq9
from msrelief.testing import PASSWORD, make_user

pytestmark = pytest.mark.django_db
PAGE = "/reports/exports/"
LONG = "/reports/exports/long.csv"


def signed_in(user: Any) -> Browser:
    browser = Browser()
    browser.force_login(user)
    return browser


@pytest.fixture
def answered(therapist: Any, ms_client: Any) -> None:
    enter_phq9(therapist, ms_client, [18, 12])


def test_the_page_and_the_downloads_are_under_reports_exports() -> None:
    assert reverse("reports-exports") == PAGE
    assert reverse("reports-export-download", args=["long"]) == LONG


def test_a_clinic_admin_sees_the_three_downloads_and_the_count(
    answered: None, clinic_admin: Any
) -> None:
    html = signed_in(clinic_admin).get(PAGE).content.decode()
    assert "2 current responses to 1 questionnaire version." in html
    for form in ("long", "wide", "dictionary"):
        assert f'href="/reports/exports/{form}.csv"' in html


def test_a_download_streams_the_csv_and_is_audited_with_format_and_rows(
    answered: None, clinic_admin: Any, clinic: Any
) -> None:
    response = signed_in(clinic_admin).get(LONG)
    assert response.status_code == 200 and response.streaming
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith(
        'attachment; filename="msrelief-responses-long-'
    )
    text = b"".join(response.streaming_content).decode()
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert tuple(rows[0]) == LONG_COLUMNS and len(rows) == 20
    event = AuditEvent.objects.get(event="clinic.responses_exported")
    assert (event.actor, event.clinic) == (clinic_admin, clinic)
    assert event.changes == {"format": "long", "rows": 20, "responses": 2}


@pytest.mark.parametrize("persona", ["therapist", "colleague", "outsider", "person_with_ms"])
def test_anyone_but_a_clinic_admin_is_refused_and_nothing_is_audited(
    answered: None, persona: str, request: pytest.FixtureRequest
) -> None:
    browser = signed_in(request.getfixturevalue(persona))
    assert browser.get(PAGE).status_code == 403
    assert browser.get(LONG).status_code == 403
    assert not AuditEvent.objects.filter(event="clinic.responses_exported").exists()


def test_a_reader_who_is_not_signed_in_is_sent_to_sign_in(answered: None) -> None:
    assert reverse("accounts-login") in Browser().get(LONG)["Location"]


def test_an_admin_of_another_clinic_gets_only_their_own_clinics_rows(
    answered: None, other_clinic: Any
) -> None:
    admin = make_user("ada@hillside.test", other_clinic, "clinic_admin")
    text = b"".join(signed_in(admin).get(LONG).streaming_content).decode()
    assert text.strip() == ",".join(LONG_COLUMNS)


def test_an_unknown_format_is_not_found(clinic_admin: Any) -> None:
    assert signed_in(clinic_admin).get("/reports/exports/pdf.csv").status_code == 404


def test_a_sign_in_older_than_the_window_is_asked_again_before_anything_is_audited(
    answered: None, clinic_admin: Any, settings: Any
) -> None:
    settings.TWO_FACTOR_ENROLMENT_REQUIRED = False
    browser = Browser()
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        browser.post(
            reverse("accounts-login"), {"username": clinic_admin.email, "password": PASSWORD}
        )
    with time_machine.travel(start + timedelta(minutes=15), tick=False):
        asked = browser.get(LONG)
        assert asked.status_code == 302
        assert asked["Location"].startswith(reverse("accounts-reauth"))
        assert not AuditEvent.objects.filter(event="clinic.responses_exported").exists()
        browser.post(asked["Location"], {"password": PASSWORD})
        assert browser.get(LONG).status_code == 200
    assert AuditEvent.objects.filter(event="clinic.responses_exported").count() == 1
