"""/me/diary/: a signed-in client fills in their own diary; anyone else finds nothing."""

from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse

from msrelief.clients import services as clients
from msrelief.instruments.diary.models import DiaryEntry


@pytest.fixture
def signed_in(client, clinic_admin, ms_client, person_with_ms):
    clients.link_login(clinic_admin, ms_client, person_with_ms)
    client.force_login(person_with_ms)
    return client


def test_a_signed_in_client_checks_in_and_sees_the_entry(signed_in, plan, person_with_ms):
    page = signed_in.get(reverse("diary-mine"))
    assert page.status_code == 200 and "How well did you sleep last night?" in page.text
    saved = signed_in.post(reverse("diary-mine"), {"sleep": "8", "submission": "k"})
    assert saved["Location"] == reverse("diary-mine-saved")
    entry = DiaryEntry.objects.get()
    assert (entry.route, entry.submitted_by) == ("portal", person_with_ms)
    assert entry.responses.get().answers == {"1": 8.0}
    thanks = signed_in.get(saved["Location"]).text
    assert (
        "Thank you: today's diary is saved" in thanks
        and 'data-label="Sleep quality">8</td>' in thanks
    )


def test_a_client_whose_link_was_switched_off_still_checks_in_with_the_login(
    signed_in, plan, therapist
):
    from msrelief.instruments.diary import services

    services.revoke_diary_link(therapist, plan)
    assert signed_in.post(reverse("diary-mine"), {"pain": "1"}).status_code == 302
    assert DiaryEntry.objects.count() == 1


def test_a_client_without_a_diary_is_told_so(signed_in):
    page = signed_in.get(reverse("diary-mine"))
    assert page.status_code == 404 and "No symptom diary yet" in page.text
    assert signed_in.get(reverse("diary-mine-saved")).status_code == 404


def test_another_clients_login_does_not_reach_this_diary(client, plan, clinic):
    from msrelief.testing import make_user

    client.force_login(make_user("sam@example.test", clinic, "client"))
    assert client.get(reverse("diary-mine")).status_code == 404
    assert client.post(reverse("diary-mine"), {"pain": "4"}).status_code == 404
    assert not DiaryEntry.objects.exists()


@pytest.mark.parametrize("who", ["therapist", "outsider"])
def test_staff_have_no_diary_of_their_own(client, plan, request, who):
    client.force_login(request.getfixturevalue(who))
    assert client.get(reverse("diary-mine")).status_code == 404


def test_a_visitor_is_sent_to_the_client_sign_in_and_back_like_every_me_page(client, plan):
    for name in ("diary-mine", "diary-mine-saved"):
        page = client.get(reverse(name))
        url = urlsplit(page["Location"])
        assert page.status_code == 302 and url.path == reverse("portal-sign-in")
        assert parse_qs(url.query)["next"] == [reverse(name)]
