import datetime as dt

from django.urls import reverse
from django.utils import timezone

from msrelief.audit.models import AuditEvent
from msrelief.clients import regions
from msrelief.programmes import services


def page(client, session):
    return client.get(reverse("programmes-session", args=[session.pk]))


def test_the_session_page_offers_the_screen_the_note_the_body_map_and_both_ratings(
    client, session, colleague
):
    client.force_login(colleague)
    response = page(client, session)
    assert response.status_code == 200
    text = response.text
    assert 'id="safety-screen"' in text and "Screen before this session" in text
    assert "Session note" in text and "Sign the note" in text
    assert "Ratings before the session" in text and "Ratings after the session" in text
    assert text.count('class="body-region"') == len(regions.REGIONS)
    assert text.count('type="checkbox" name="body_regions"') == len(regions.REGIONS)
    assert "js/body-map.js" in text
    # 0-10 radio rows, five before and five after
    assert (
        text.count('name="pre_nrs-pain"') == 11 and text.count('name="post_nrs-relaxation"') == 11
    )
    assert AuditEvent.objects.filter(event="session.viewed").count() == 1


def test_the_note_starts_with_the_programmes_regions_and_minutes(client, session, therapist):
    client.force_login(therapist)
    text = page(client, session).text
    assert 'value="upper_back" id="id_body_regions_5" checked' in text.replace("  ", " ")
    assert 'name="minutes" value="50"' in text


def test_a_signed_note_is_shown_read_only_with_a_way_to_amend_it(client, session, therapist):
    services.save_note(therapist, session, {"subjective": "Slept better."}, sign=True)
    client.force_login(therapist)
    text = page(client, session).text
    assert "Slept better." in text and "Signed" in text
    assert reverse("programmes-amend", args=[session.pk]) in text
    assert 'name="subjective"' not in text


def test_a_later_session_says_its_ratings_and_note_wait_for_the_day(client, enrolment, therapist):
    later = enrolment.sessions.filter(starts_at__gt=timezone.now() + dt.timedelta(days=1)).first()
    client.force_login(therapist)
    text = page(client, later).text
    assert "on a later day" in text and "Sign the note" not in text


def test_a_recorded_rating_is_shown_and_left_out_of_the_form(client, session, therapist):
    services.record_ratings(therapist, session, "pre", {"nrs-pain": 7})
    client.force_login(therapist)
    text = page(client, session).text
    assert "Pain: <strong>7</strong> out of 10" in text
    assert 'name="pre_nrs-pain"' not in text and 'name="post_nrs-pain"' in text
