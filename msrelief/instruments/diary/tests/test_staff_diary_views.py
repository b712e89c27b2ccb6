"""The staff diary pages on the client record: start (the link shown once), settings, a new
link and switching it off. Staff of the client's clinic only: an outsider gets 404."""

import pytest
from django.urls import reverse

from msrelief.instruments import tokens
from msrelief.instruments.diary.models import DiaryPlan


@pytest.fixture
def staff(client, therapist):
    client.force_login(therapist)
    return client


def test_starting_a_diary_shows_its_link_once_with_a_qr_code(staff, ms_client):
    page = staff.post(
        reverse("diary-start", args=[ms_client.pk]), {"frequency": "daily", "wants_reminder": "on"}
    )
    assert page.status_code == 200 and "The symptom diary is started" in page.text
    plan = DiaryPlan.objects.get()
    assert plan.wants_reminder and plan.frequency == "daily"
    token = page.text.split("/diary/")[1].split("/")[0]
    assert tokens.hash_token(token) == plan.token_hash
    assert "<svg" in page.text
    record = staff.get(reverse("clients-detail", args=[ms_client.pk])).text
    assert token not in record and "would like a reminder" in record


def test_a_start_without_a_frequency_names_the_field_and_saves_nothing(staff, ms_client):
    page = staff.post(reverse("diary-start", args=[ms_client.pk]), {})
    assert page.status_code == 400
    assert "Choose how often the client keeps the diary." in page.text
    assert not DiaryPlan.objects.exists()


def test_starting_again_goes_to_the_settings_of_the_diary_there_is(staff, ms_client, plan):
    page = staff.post(reverse("diary-start", args=[ms_client.pk]), {"frequency": "weekly"})
    assert page["Location"] == reverse("diary-settings", args=[ms_client.pk])
    plan.refresh_from_db()
    assert plan.frequency == "daily"


def test_the_settings_page_changes_the_frequency(staff, ms_client, plan):
    form = staff.get(reverse("diary-settings", args=[ms_client.pk]))
    assert form.status_code == 200 and "Symptom diary settings" in form.text
    saved = staff.post(reverse("diary-settings", args=[ms_client.pk]), {"frequency": "weekly"})
    assert saved["Location"] == reverse("clients-detail", args=[ms_client.pk])
    plan.refresh_from_db()
    assert (plan.frequency, plan.wants_reminder) == ("weekly", False)


def test_the_settings_of_a_client_without_a_diary_lead_to_starting_one(staff, ms_client):
    page = staff.get(reverse("diary-settings", args=[ms_client.pk]))
    assert page["Location"] == reverse("diary-start", args=[ms_client.pk])


def test_a_new_link_is_shown_once_and_the_old_one_stops(staff, ms_client, plan_and_token):
    plan, old = plan_and_token
    page = staff.post(reverse("diary-new-link", args=[ms_client.pk]))
    assert "A new symptom diary link is ready" in page.text
    plan.refresh_from_db()
    assert plan.token_hash != tokens.hash_token(old)
    assert staff.get(reverse("diary-link", kwargs={"token": old})).status_code == 404


def test_switching_off_the_link_says_so_on_the_record(staff, ms_client, plan):
    page = staff.post(reverse("diary-revoke-link", args=[ms_client.pk]), follow=True)
    assert "The symptom diary link was switched off." in page.text
    assert "The diary link is switched off." in page.text
    again = staff.post(reverse("diary-revoke-link", args=[ms_client.pk]), follow=True)
    assert "already switched off" in again.text


def test_a_get_of_a_link_action_changes_nothing(staff, ms_client, plan):
    before = plan.token_hash
    for name in ("diary-new-link", "diary-revoke-link"):
        assert staff.get(reverse(name, args=[ms_client.pk])).status_code == 302
    plan.refresh_from_db()
    assert plan.token_hash == before


@pytest.mark.parametrize(
    "name", ["diary-start", "diary-settings", "diary-new-link", "diary-revoke-link"]
)
def test_an_outsider_gets_404_on_every_staff_diary_page(client, outsider, ms_client, plan, name):
    client.force_login(outsider)
    assert client.get(reverse(name, args=[ms_client.pk])).status_code == 404
    assert (
        client.post(reverse(name, args=[ms_client.pk]), {"frequency": "weekly"}).status_code == 404
    )
    plan.refresh_from_db()
    assert plan.frequency == "daily" and plan.has_link


def test_a_client_login_is_refused_the_staff_pages(client, person_with_ms, ms_client):
    client.force_login(person_with_ms)
    assert (
        client.post(reverse("diary-start", args=[ms_client.pk]), {"frequency": "daily"}).status_code
        == 403
    )
    assert not DiaryPlan.objects.exists()


def test_a_diary_started_from_the_page_is_audited(staff, ms_client):
    from msrelief.audit.models import AuditEvent

    staff.post(reverse("diary-start", args=[ms_client.pk]), {"frequency": "weekly"})
    assert AuditEvent.objects.filter(event="diary.started").count() == 1
