import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from msrelief.audit.models import AuditEvent
from msrelief.instruments import services
from msrelief.instruments.models import ImmutableError, Response, SafetyFlag, Status
from msrelief.testing import PHQ9_ALL_ZERO, assign


def submit(administration, answers):
    services.save_draft(administration, answers, None)
    return services.submit_response(administration, None, "link")


def test_a_submitted_response_is_scored_with_its_versions(ms_client, therapist):
    administration, _ = assign(therapist, ms_client)
    response = submit(administration, {**PHQ9_ALL_ZERO, "1": 3, "2": 2})
    score = response.scores.get()
    assert (score.total, score.missing, score.prorated) == (5.0, 0, False)
    assert response.instrument_version == "1.0"
    assert score.scoring_version.startswith("phq9@1.0/")
    administration.refresh_from_db()
    assert administration.status == Status.COMPLETED


def test_a_response_cannot_be_changed_after_submission(ms_client, therapist):
    administration, _ = assign(therapist, ms_client)
    response = submit(administration, PHQ9_ALL_ZERO)
    response.answers = {"1": 3}
    with pytest.raises(ImmutableError):
        response.save()


def test_a_link_submits_once_only(ms_client, therapist):
    administration, _ = assign(therapist, ms_client)
    submit(administration, PHQ9_ALL_ZERO)
    with pytest.raises(ValidationError, match="already been submitted"):
        services.submit_response(administration, None, "link")
    assert Response.objects.count() == 1


def test_too_many_unanswered_items_is_a_clear_error_and_stores_nothing(ms_client, therapist):
    administration, _ = assign(therapist, ms_client)
    with pytest.raises(ValidationError) as error:
        submit(administration, {"1": 1})
    assert "phq9" in str(error.value).lower()
    assert not Response.objects.exists()


def test_item_nine_above_zero_flags_the_response_and_emails_the_therapist(
    ms_client, therapist, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    administration, _ = assign(therapist, ms_client)
    with django_capture_on_commit_callbacks(execute=True):
        response = submit(administration, {**PHQ9_ALL_ZERO, "9": 1})
    flag = SafetyFlag.objects.get()
    assert (flag.response, flag.code) == (response, "phq9-item9-positive")
    assert mail.outbox[0].to == [therapist.email]
    assert "needs your attention" in mail.outbox[0].subject
    assert "Robin" not in mail.outbox[0].body  # no health details by email
    assert AuditEvent.objects.filter(object_type="instruments.safetyflag").exists()


def test_item_nine_at_zero_raises_no_flag(ms_client, therapist):
    administration, _ = assign(therapist, ms_client)
    submit(administration, PHQ9_ALL_ZERO)
    assert not SafetyFlag.objects.exists()


def test_a_draft_refuses_items_the_instrument_does_not_have(ms_client, therapist):
    administration, _ = assign(therapist, ms_client)
    with pytest.raises(ValidationError, match="Unknown items: 42"):
        services.save_draft(administration, {"42": 1}, None)
