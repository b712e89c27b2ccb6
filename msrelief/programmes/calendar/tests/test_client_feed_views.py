"""The client record's calendar feed panel, and its two forms: make a feed (the address is
shown once) and revoke it."""

from django.urls import reverse

from msrelief.programmes.calendar import services
from msrelief.programmes.calendar.models import CalendarFeed


def record(client, ms_client):
    return client.get(reverse("clients-detail", args=[ms_client.pk]))


def test_the_record_offers_a_feed_and_making_one_shows_its_address_once(
    client, ms_client, therapist
):
    client.force_login(therapist)
    assert "Make a calendar feed" in record(client, ms_client).text
    response = client.post(reverse("programmes-client-feed-new", args=[ms_client.pk]))
    assert response.status_code == 200
    feed = CalendarFeed.objects.get(client=ms_client)
    url = response.context["url"]
    assert url.startswith("http://127.0.0.1:8000/calendar/") and url.endswith(".ics")
    assert url in response.text and response.context["webcal"].startswith("webcal://")
    token = url.rsplit("/", 1)[1].removesuffix(".ics")
    assert client.get(f"/calendar/{token}.ics").status_code == 200
    page = record(client, ms_client).text
    assert "has a calendar feed" in page and token not in page and feed.token_hash not in page


def test_revoking_from_the_record_stops_the_address(client, ms_client, therapist):
    _, token = services.create_client_feed(therapist, ms_client)
    client.force_login(therapist)
    response = client.post(
        reverse("programmes-client-feed-revoke", args=[ms_client.pk]), follow=True
    )
    assert "its address no longer works" in response.text
    assert client.get(f"/calendar/{token}.ics").status_code == 404
    assert "Make a calendar feed" in response.text


def test_revoking_when_there_is_no_feed_says_so(client, ms_client, therapist):
    client.force_login(therapist)
    url = reverse("programmes-client-feed-revoke", args=[ms_client.pk])
    assert "no calendar feed to revoke" in client.post(url, follow=True).text


def test_an_outsider_gets_404_making_or_revoking_a_feed_of_another_clinics_client(
    client, ms_client, therapist, outsider
):
    _, token = services.create_client_feed(therapist, ms_client)
    client.force_login(outsider)
    for name in ("programmes-client-feed-new", "programmes-client-feed-revoke"):
        assert client.post(reverse(name, args=[ms_client.pk])).status_code == 404
    assert CalendarFeed.objects.get().is_live
    assert client.get(f"/calendar/{token}.ics").status_code == 200


def test_making_a_feed_takes_a_post(client, ms_client, therapist):
    client.force_login(therapist)
    assert client.get(reverse("programmes-client-feed-new", args=[ms_client.pk])).status_code == 405
    assert not CalendarFeed.objects.exists()


def test_a_client_login_cannot_make_a_feed(client, ms_client, person_with_ms):
    client.force_login(person_with_ms)
    response = client.post(reverse("programmes-client-feed-new", args=[ms_client.pk]))
    assert response.status_code == 403 and not CalendarFeed.objects.exists()
