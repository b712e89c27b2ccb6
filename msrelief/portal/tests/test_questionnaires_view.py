"""/me/questionnaires/: the questionnaires a client has to fill in (through the same pages as
a link) and the ones done, without scores."""

import datetime as dt

from django.urls import reverse

from msrelief.clients.services import link_login
from msrelief.instruments import services
from msrelief.portal import views_pages
from msrelief.testing import PHQ9_ALL_ZERO, assign, make_client_record


def test_a_client_with_a_login_fills_in_their_questionnaire(
    client, ms_client, therapist, person_with_ms
):
    ms_client.user = person_with_ms
    type(ms_client).objects.filter(pk=ms_client.pk).update(user=person_with_ms)
    administration, _ = assign(therapist, ms_client)
    client.force_login(person_with_ms)
    home = client.get(reverse("portal-questionnaires")).text
    start = reverse("portal-start", kwargs={"pk": administration.pk})
    assert start in home
    assert client.get(start).status_code == 200
    client.post(
        reverse("portal-question", kwargs={"pk": administration.pk, "number": 1}), {"item_1": "1"}
    )
    administration.refresh_from_db()
    assert administration.draft == {"1": 1.0}


def test_another_client_cannot_open_it(client, ms_client, therapist, clinic):
    from msrelief.testing import make_user

    administration, _ = assign(therapist, ms_client)
    stranger = make_user("sam@example.test", clinic, "client")
    client.force_login(stranger)
    assert client.get(reverse("portal-start", kwargs={"pk": administration.pk})).status_code == 404


def test_staff_are_not_sent_to_the_client_portal(client, therapist):
    client.force_login(therapist)
    assert client.get(reverse("portal-questionnaires")).status_code == 403


def test_a_client_sees_the_questionnaires_they_have_done_newest_first_without_scores(
    client, ms_client, therapist, person_with_ms, clinic
):
    link_login(therapist, ms_client, person_with_ms)
    services.enter_response(therapist, ms_client, "phq9", PHQ9_ALL_ZERO, dt.date(2026, 1, 6))
    services.enter_response(therapist, ms_client, "nrs-pain", {"1": 7.0}, dt.date(2026, 2, 3))
    someone_else = make_client_record(therapist, display_name="Someone Else")
    services.enter_response(therapist, someone_else, "gad7", {str(n): 1.0 for n in range(1, 8)})
    client.force_login(person_with_ms)
    page = client.get(reverse("portal-questionnaires")).text
    done = page[page.index("<h2>Done</h2>") :]
    assert done.index("3 February 2026") < done.index("6 January 2026")
    assert "Numeric rating scale 0-10: pain" in done
    assert done.count("entered by your therapist") == 2
    assert "GAD-7" not in page  # another client's
    assert "none-minimal" not in page and "Total" not in page


def test_a_client_with_nothing_done_is_told_so(client, ms_client, therapist, person_with_ms):
    link_login(therapist, ms_client, person_with_ms)
    client.force_login(person_with_ms)
    page = client.get(reverse("portal-questionnaires")).text
    assert "You have no questionnaires to fill in just now." in page
    assert "None yet." in page


def test_only_the_most_recent_done_questionnaires_are_listed_and_the_page_says_so(
    client, ms_client, therapist, person_with_ms, monkeypatch
):
    monkeypatch.setattr(views_pages, "PAST_SHOWN", 2)
    link_login(therapist, ms_client, person_with_ms)
    for day in (5, 6, 7):
        services.enter_response(therapist, ms_client, "nrs-pain", {"1": 2.0}, dt.date(2026, 1, day))
    client.force_login(person_with_ms)
    page = client.get(reverse("portal-questionnaires")).text
    assert "7 January 2026" in page and "6 January 2026" in page and "5 January 2026" not in page
    assert "These are the 2 most recent." in page
