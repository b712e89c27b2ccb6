"""The demo client login: Ana Demo-Rowan signs in with the documented password and lands on
"Your questionnaires", with questionnaires to fill in and the ones she has done."""

import re
from pathlib import Path

from django.urls import reverse
from django.utils import timezone

from msrelief.clients.models import Client
from msrelief.demo import data
from msrelief.instruments.models import Administration, Status
from msrelief.portal.views_pages import PAST_SHOWN


def test_the_demo_client_signs_in_and_sees_her_questionnaires_open_and_done(client, demo):
    response = client.post(
        reverse("accounts-login"), {"username": data.CLIENT_LOGIN, "password": data.PASSWORD}
    )
    assert response["Location"] == reverse("portal-home")
    page = client.get(reverse("portal-questionnaires")).text
    record = Client.objects.get(user__email=data.CLIENT_LOGIN)
    # the questionnaires open today (her programme's later ones open on their due dates)
    today = timezone.localdate()
    for administration in Administration.objects.filter(client=record, available_from__lte=today):
        assert reverse("portal-start", kwargs={"pk": administration.pk}) in page
    assert "Generalized Anxiety Disorder 7-item scale (GAD-7) (started)</a>" in page
    # her symptom diary's ratings are on the diary's page, not in this list
    # (the newest PAST_SHOWN of them: the demo's results run up to the day it is loaded, so
    # their number grows with the date)
    on_paper = record.responses.exclude(via="diary").count()
    assert on_paper > 3
    assert page.count("entered by your therapist") == min(on_paper, PAST_SHOWN)
    assert ("Your therapist can show you the others." in page) == (on_paper > PAST_SHOWN)


def test_the_demo_client_can_open_her_started_questionnaire_where_she_left_it(client, demo):
    client.post(
        reverse("accounts-login"), {"username": data.CLIENT_LOGIN, "password": data.PASSWORD}
    )
    started = Administration.objects.get(
        client__user__email=data.CLIENT_LOGIN, status=Status.IN_PROGRESS
    )
    page = client.get(reverse("portal-start", kwargs={"pk": started.pk})).text
    assert "You have answered 3 of 7 questions so far." in page


def test_the_demo_client_login_is_documented_next_to_the_staff_logins():
    guide = (Path(__file__).resolve().parents[3] / "docs" / "getting-started.md").read_text()
    for email, _role in data.LOGINS:
        assert f"`{email}`" in guide
    assert f"`{data.PASSWORD}`" in guide


def test_the_demo_clients_page_shows_her_next_session_and_her_open_questionnaires(client, demo):
    client.post(
        reverse("accounts-login"), {"username": data.CLIENT_LOGIN, "password": data.PASSWORD}
    )
    page = client.get(reverse("portal-home")).text
    assert "No session is planned" not in page
    assert re.search(r'class="big-fact">\w+ \d+ \w+ \d{4}, at \d\d:\d\d, for \d+ minutes</p>', page)
    assert "questionnaires to fill in." in page
