import pytest
from django.core.exceptions import ValidationError

from msrelief.audit.models import AuditEvent
from msrelief.instruments import services
from msrelief.instruments.models import Administration, Status
from msrelief.testing import PHQ9_ALL_ZERO, assign


def test_a_page_save_sets_and_clears_answers_in_one_audited_step(ms_client, therapist):
    administration, _ = assign(therapist, ms_client)
    services.save_draft(administration, {"1": 2, "2": 1}, None)
    before = AuditEvent.objects.count()
    services.save_draft(administration, {"2": None, "3": 0}, None)
    administration.refresh_from_db()
    assert administration.draft == {"1": 2, "3": 0}
    assert administration.status == Status.IN_PROGRESS
    event = AuditEvent.objects.order_by("-id").first()
    assert AuditEvent.objects.count() == before + 1
    assert (event.changes["items"], event.changes["cleared"]) == (["3"], ["2"])


def test_two_pages_saved_from_stale_copies_both_keep_their_answers(ms_client, therapist):
    administration, _ = assign(therapist, ms_client)
    first_tab = Administration.objects.get(pk=administration.pk)
    second_tab = Administration.objects.get(pk=administration.pk)
    services.save_draft(first_tab, {"1": 3}, None)
    services.save_draft(second_tab, {"2": 1}, None)
    administration.refresh_from_db()
    assert administration.draft == {"1": 3, "2": 1}


def test_the_same_page_sent_twice_is_saved_and_audited_once(ms_client, therapist):
    administration, _ = assign(therapist, ms_client)
    services.save_draft(administration, {"1": 2}, None)
    before = AuditEvent.objects.count()
    services.save_draft(administration, {"1": 2}, None)
    assert AuditEvent.objects.count() == before


def test_a_page_cannot_be_saved_into_a_submitted_questionnaire(ms_client, therapist):
    administration, _ = assign(therapist, ms_client)
    stale = Administration.objects.get(pk=administration.pk)
    services.save_draft(administration, PHQ9_ALL_ZERO, None)
    services.submit_response(administration, None, "link")
    with pytest.raises(services.NotOpen, match="already been submitted"):
        services.save_draft(stale, {"1": 3}, None)


def test_a_page_cannot_be_saved_into_a_questionnaire_that_is_not_open_yet(ms_client, therapist):
    import datetime as dt

    from django.utils import timezone

    later = timezone.localdate() + dt.timedelta(days=2)
    administration, _ = assign(therapist, ms_client, available_from=later)
    with pytest.raises(services.NotOpen, match="not open yet"):
        services.save_draft(administration, {"1": 1}, None)


def test_a_draft_refuses_items_the_instrument_does_not_have(ms_client, therapist):
    administration, _ = assign(therapist, ms_client)
    with pytest.raises(ValidationError, match="Unknown items: 42"):
        services.save_draft(administration, {"42": 1}, None)
