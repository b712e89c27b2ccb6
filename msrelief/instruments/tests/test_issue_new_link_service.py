import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.utils import timezone

from msrelief.audit.models import AuditEvent
from msrelief.instruments import services, tokens
from msrelief.instruments.models import Administration
from msrelief.notifications.models import Message
from msrelief.testing import PHQ9_ALL_ZERO, assign

# A Tuesday morning in the tests' time zone (Pacific/Auckland).
TUESDAY = dt.datetime(2026, 12, 1, 10, 0, tzinfo=ZoneInfo("Pacific/Auckland"))


def opened_by(token):
    return Administration.objects.filter(token_hash=tokens.hash_token(token)).first()


def test_a_new_link_replaces_the_old_one_which_stops_working_at_once(ms_client, therapist):
    administration, old = assign(therapist, ms_client)
    replaced, new = services.issue_new_link(therapist, administration)
    assert new != old
    assert opened_by(old) is None
    assert opened_by(new).pk == administration.pk == replaced.pk
    assert administration.token_hash == tokens.hash_token(new)


def test_the_answers_saved_so_far_and_the_status_are_kept(ms_client, therapist):
    administration, _ = assign(therapist, ms_client)
    services.save_draft(administration, {"1": 2.0, "2": 1.0}, None)
    services.issue_new_link(therapist, administration)
    administration.refresh_from_db()
    assert administration.draft == {"1": 2.0, "2": 1.0}
    assert administration.status == "in_progress"


def test_the_new_link_is_open_for_the_link_days_from_today(ms_client, therapist, settings):
    with time_machine.travel(TUESDAY, tick=False):
        administration, _ = assign(therapist, ms_client)
    with time_machine.travel(TUESDAY + dt.timedelta(days=9), tick=False):
        services.issue_new_link(therapist, administration)
    administration.refresh_from_db()
    closes = timezone.localtime(administration.token_expires_at)
    assert closes.date() == dt.date(2026, 12, 10) + dt.timedelta(
        days=settings.QUESTIONNAIRE_LINK_DAYS
    )
    assert (closes.hour, closes.minute) == (23, 59)


def test_a_new_link_for_a_later_start_keeps_the_closing_time_of_that_start(ms_client, therapist):
    later = timezone.localdate() + dt.timedelta(days=30)
    administration, _ = assign(therapist, ms_client, available_from=later)
    before = administration.token_expires_at
    services.issue_new_link(therapist, administration)
    administration.refresh_from_db()
    assert administration.token_expires_at == before
    assert administration.available_from == later


def test_a_colleague_in_the_same_clinic_may_make_a_new_link(ms_client, therapist, colleague):
    administration, old = assign(therapist, ms_client)
    services.issue_new_link(colleague, administration)
    assert opened_by(old) is None


def test_making_a_new_link_is_audited_without_either_token(ms_client, therapist):
    administration, old = assign(therapist, ms_client)
    _, new = services.issue_new_link(therapist, administration)
    event = AuditEvent.objects.get(event="questionnaire.link_replaced")
    assert event.actor == therapist
    assert event.object_id == str(administration.pk)
    assert event.changes == {"fields": ["token_hash", "token_expires_at"], "emailed": False}
    assert old not in str(event.changes) and new not in str(event.changes)


def test_a_new_link_shown_to_staff_sends_no_email(ms_client, therapist):
    administration, _ = assign(therapist, ms_client)
    services.issue_new_link(therapist, administration)
    assert not Message.objects.exists()


def _submitted(administration, _therapist):
    services.save_draft(administration, PHQ9_ALL_ZERO, None)
    services.submit_response(administration, None, "link")


def _cancelled(administration, therapist):
    services.cancel_administration(therapist, administration)


@pytest.mark.parametrize(
    ("close", "says"),
    [
        (_submitted, "already been submitted"),
        (_cancelled, "was cancelled"),
    ],
)
def test_a_submitted_or_cancelled_questionnaire_gets_no_new_link(ms_client, therapist, close, says):
    administration, old = assign(therapist, ms_client)
    close(administration, therapist)
    with pytest.raises(ValidationError, match=says):
        services.issue_new_link(therapist, administration)
    assert opened_by(old).pk == administration.pk
    assert not AuditEvent.objects.filter(event="questionnaire.link_replaced").exists()


def test_an_expired_questionnaire_gets_no_new_link_and_the_date_is_named(
    ms_client, therapist, settings
):
    with time_machine.travel(TUESDAY, tick=False):
        administration, old = assign(therapist, ms_client)
    later = TUESDAY + dt.timedelta(days=settings.QUESTIONNAIRE_LINK_DAYS + 1)
    with time_machine.travel(later, tick=False), pytest.raises(ValidationError) as error:
        services.issue_new_link(therapist, administration)
    assert "expired on 15 December 2026" in error.value.messages[0]
    assert "Send the questionnaire again" in error.value.messages[0]
    assert opened_by(old).pk == administration.pk


def test_a_questionnaire_cancelled_meanwhile_is_read_again_and_refused(ms_client, therapist):
    administration, _ = assign(therapist, ms_client)
    stale = Administration.objects.get(pk=administration.pk)
    services.cancel_administration(therapist, administration)
    with pytest.raises(ValidationError, match="was cancelled"):
        services.issue_new_link(therapist, stale)


def test_an_outsider_gets_404_and_the_link_is_unchanged(ms_client, therapist, outsider):
    administration, old = assign(therapist, ms_client)
    with pytest.raises(Http404):
        services.issue_new_link(outsider, administration)
    assert opened_by(old).pk == administration.pk


def test_a_person_with_ms_cannot_make_a_new_link(ms_client, therapist, person_with_ms):
    administration, old = assign(therapist, ms_client)
    with pytest.raises(PermissionDenied):
        services.issue_new_link(person_with_ms, administration)
    assert opened_by(old).pk == administration.pk
