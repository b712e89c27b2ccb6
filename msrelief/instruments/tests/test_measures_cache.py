"""The Measures page's cached part (instruments/measures_cache.py): each way a response, a score,
a flag, its alert email, a rating, the client or the clinic's wordings change shows on the page
at once, with the part cached just before; no clinic gets another's."""

import re
from decimal import Decimal

import pytest
from django.contrib import admin
from django.core.cache import caches
from django.urls import reverse

from msrelief.audit.models import AuditEvent
from msrelief.clients import services as clients
from msrelief.clients.models import Client
from msrelief.instruments import measures_cache, services
from msrelief.instruments.diary import services as diary
from msrelief.instruments.models import Administration, Response, SafetyFlag, Score
from msrelief.notifications.models import Message
from msrelief.programmes.models_sessions import SessionRating
from msrelief.reports.tests.progress_setup import rate_sessions
from msrelief.testing import PHQ9_ALL_ZERO, assign, make_client_record


def measures(record):
    return reverse("instruments-measures", args=[record.pk])


@pytest.fixture
def shown_page(client, therapist, ms_client):
    """The client's Measures page as the therapist sees it, read once first so that its part
    is in the cache before the change a test makes."""
    client.force_login(therapist)

    def read(record=ms_client):
        answer = client.get(measures(record))
        assert answer.status_code == 200
        return answer.text

    read()
    return read


def test_the_second_request_is_served_from_the_cache_and_reads_the_same(
    shown_page, therapist, ms_client
):
    services.enter_response(therapist, ms_client, "phq9", {**PHQ9_ALL_ZERO, "1": 2})
    first = shown_page()
    assert caches["pages"].get(measures_cache.key(therapist, ms_client)) is not None
    second = shown_page()
    assert _without_tokens(second) == _without_tokens(first)
    assert _tokens(second).isdisjoint(_tokens(first))  # each request gets its own CSRF tokens


TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def _tokens(html):
    return set(TOKEN.findall(html))


def _without_tokens(html):
    return TOKEN.sub("", html)


def test_a_questionnaire_submitted_from_its_link_shows_at_once(shown_page, therapist, ms_client):
    administration, _ = assign(therapist, ms_client, "gad7")
    services.save_draft(administration, {str(n): 1 for n in range(1, 8)}, None)
    assert "— Started, available" in shown_page()
    services.submit_response(administration, None, "link")
    shown = shown_page()
    assert 'id="inst-gad7"' in shown
    assert "— Started, available" not in shown


def test_answers_entered_by_staff_show_at_once(shown_page, therapist, ms_client):
    assert "No questionnaires have been completed yet." in shown_page()
    services.enter_response(therapist, ms_client, "phq9", PHQ9_ALL_ZERO)
    assert "No questionnaires have been completed yet." not in shown_page()
    assert "Patient Health Questionnaire" in shown_page()


def test_a_correction_shows_at_once_in_place_of_the_original(shown_page, therapist, ms_client):
    original = services.enter_response(therapist, ms_client, "phq9", PHQ9_ALL_ZERO)
    assert "Corrected" not in shown_page()
    services.correct_response(
        therapist, original, {**PHQ9_ALL_ZERO, "1": 3.0}, "typed from the wrong form"
    )
    shown = shown_page()
    assert "Corrected" in shown
    assert reverse("instruments-response", args=[original.pk]) not in shown


def test_a_symptom_diary_entry_shows_at_once(shown_page, therapist, ms_client):
    plan, _ = diary.start_diary(therapist, ms_client, "daily")
    assert "(symptom diary)" not in shown_page()
    diary.check_in(plan, {"nrs-pain": 4}, None, "link")
    assert "(symptom diary)</span>" in shown_page()


def test_session_ratings_show_at_once_under_their_own_heading(shown_page, therapist, ms_client):
    rate_sessions(therapist, ms_client, [(7, 3)])
    assert SessionRating.objects.exists()
    assert "(before and after sessions)</span>" in shown_page()


def test_acknowledging_and_resolving_a_flag_relabel_its_response_at_once(
    shown_page, therapist, ms_client
):
    response = services.enter_response(therapist, ms_client, "phq9", {**PHQ9_ALL_ZERO, "9": 2})
    flag = response.safety_flags.get()
    assert "flag: new" in shown_page()
    services.acknowledge_flag(therapist, flag, "phoned the client")
    assert "flag: acknowledged" in shown_page()
    services.resolve_flag(therapist, SafetyFlag.objects.get(pk=flag.pk), "seen by her GP")
    assert "flag: resolved" in shown_page()


def _msis29_v1(physical_item):
    return {str(n): (physical_item if n <= 6 else 3) for n in range(1, 30)}


def test_a_new_edss_changes_the_mcid_judgement_at_once(shown_page, therapist, ms_client):
    for physical_item in (3, 2):
        services.enter_response(therapist, ms_client, "msis29@1.0", _msis29_v1(physical_item))
    clients.update_client(therapist, ms_client, edss=None)
    assert "needs the client&#x27;s EDSS" in shown_page()
    clients.update_client(therapist, ms_client, edss=Decimal("3.5"))
    assert "MCID 7 points, for EDSS 0-5 (Costelloe 2007)." in shown_page()


def test_renaming_the_client_shows_at_once(shown_page, therapist, ms_client):
    clients.update_client(therapist, ms_client, display_name="R. Renamed")
    assert shown_page().count("R. Renamed") >= 2


def test_scores_added_by_the_rescore_command_show_at_once(shown_page, therapist, ms_client):
    response = services.enter_response(therapist, ms_client, "phq9", {**PHQ9_ALL_ZERO, "1": 2})
    # As if it had been scored by an older release, under other rules (test set-up only).
    Score.objects.filter(response=response).update(scoring_version="phq9@1.0/scoring-0", total=20)
    caches["pages"].clear()
    assert "Total score 20" in shown_page()
    assert services.rescore_all()["scored"] == 1
    shown = shown_page()
    assert "Total score 2" in shown and "Total score 20" not in shown


def test_cancelling_a_questionnaire_shows_at_once(shown_page, therapist, ms_client):
    administration, _ = assign(therapist, ms_client, "gad7")
    assert "— Not started, available" in shown_page()
    services.cancel_administration(therapist, administration)
    assert Administration.objects.get(pk=administration.pk).status == "cancelled"
    assert "<p>None.</p>" in shown_page()


def test_an_alert_email_still_being_tried_is_read_on_every_request(
    shown_page, therapist, ms_client
):
    services.enter_response(therapist, ms_client, "phq9", {**PHQ9_ALL_ZERO, "9": 2})
    alert = Message.objects.filter(about_type="instruments.safetyflag")
    assert alert.exists()
    undelivered = "The alert email was not delivered"
    assert undelivered not in shown_page()
    alert.update(attempts=1, last_error="refused")  # the worker's bookkeeping, not audited
    assert undelivered in shown_page()


def test_an_alert_email_sent_after_it_was_marked_loses_its_mark_at_once(
    shown_page, therapist, ms_client
):
    services.enter_response(therapist, ms_client, "phq9", {**PHQ9_ALL_ZERO, "9": 2})
    alert = Message.objects.filter(about_type="instruments.safetyflag")
    alert.update(attempts=1, last_error="refused")
    undelivered = "The alert email was not delivered"
    assert undelivered in shown_page()
    alert.update(attempts=2, status="sent")  # the worker's next try, not audited either
    shown = shown_page()
    assert undelivered not in shown and "Safety flag: needs your attention" in shown


def test_a_wording_the_clinic_loads_after_the_page_was_drawn_is_offered_at_once(
    shown_page, clinic_admin
):
    from msrelief.testing import licensed_wording

    assert '<option value="sf36">' not in shown_page()
    services.import_clinic_questionnaire(clinic_admin, "sf36", licensed_wording("sf36"), "L-1")
    assert '<option value="sf36">' in shown_page()


def test_every_write_behind_the_cached_part_records_a_change_with_the_clients_clinic(
    therapist, ms_client
):
    before = set(AuditEvent.objects.values_list("pk", flat=True))
    response = services.enter_response(therapist, ms_client, "phq9", {**PHQ9_ALL_ZERO, "9": 2})
    services.acknowledge_flag(therapist, response.safety_flags.get(), "phoned")
    clients.update_client(therapist, ms_client, edss=Decimal("2.0"))
    new = AuditEvent.objects.exclude(pk__in=before)
    assert new.exclude(action="view").count() >= 3
    assert set(new.values_list("clinic_id", flat=True)) == {ms_client.clinic_id}


def test_the_django_admin_cannot_edit_what_the_cached_part_shows():
    shown = {Client, Response, Score, SafetyFlag, SessionRating}
    assert not shown & set(admin.site._registry)


def test_one_clinics_cached_part_never_reaches_another(
    client, therapist, outsider, ms_client, other_clinic
):
    services.enter_response(therapist, ms_client, "phq9", {**PHQ9_ALL_ZERO, "1": 3})
    client.force_login(therapist)
    assert 'id="inst-phq9"' in client.get(measures(ms_client)).text
    theirs = make_client_record(outsider, display_name="T. Theirs")
    assert theirs.clinic_id == other_clinic.pk != ms_client.clinic_id
    client.force_login(outsider)
    assert client.get(measures(ms_client)).status_code == 404
    shown = client.get(measures(theirs)).text
    assert 'id="inst-phq9"' not in shown
    assert "No questionnaires have been completed yet." in shown
    assert measures_cache.key(outsider, theirs) != measures_cache.key(therapist, ms_client)


def test_each_request_still_checks_permission_and_records_the_read(
    shown_page, therapist, ms_client
):
    looks = AuditEvent.objects.filter(action="view", object_id=str(ms_client.pk))
    before = looks.count()
    shown_page()
    shown_page()
    assert looks.count() == before + 2


def test_the_cached_list_of_open_questionnaires_carries_this_requests_working_csrf_token(
    therapist, ms_client
):
    from django.test import Client as Browser

    assign(therapist, ms_client, "gad7")
    browser = Browser(enforce_csrf_checks=True)
    browser.force_login(therapist)
    browser.get(measures(ms_client))  # caches the list
    shown = browser.get(measures(ms_client)).text
    assert measures_cache.CSRF_MARK not in shown
    new_link = shown.split('action="/clients/', 2)[1]
    assert "/new-link/" in new_link.split('"', 1)[0]
    [token] = _tokens(new_link.split("</form>", 1)[0])
    assert len(_tokens(shown)) == 1  # the same token in every form, as Django's tag gives
    action = "/clients/" + new_link.split('"', 1)[0]
    issued = browser.post(action, {"csrfmiddlewaretoken": token})
    assert issued.status_code == 200 and "/q/" in issued.text  # the new link is shown
    assert browser.post(action, {"csrfmiddlewaretoken": "x" * 64}).status_code == 403
