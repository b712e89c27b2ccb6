"""Deleting a client's record (clients.services.delete_client) takes their calendar feeds with
it, and the address stops working."""

from msrelief.clients import services as clients
from msrelief.programmes.calendar import services
from msrelief.programmes.calendar.models import CalendarFeed


def test_a_client_with_a_feed_and_a_revoked_one_can_be_deleted_and_the_address_is_gone(
    client, enrolment, ms_client, therapist
):
    services.create_client_feed(therapist, ms_client)
    _, token = services.create_client_feed(therapist, ms_client)
    therapist_feed, therapist_token = services.create_therapist_feed(therapist, therapist)
    assert b"Massage session" in client.get(f"/calendar/{therapist_token}.ics").content
    clients.delete_client(therapist, ms_client)
    assert list(CalendarFeed.objects.all()) == [therapist_feed]
    assert client.get(f"/calendar/{token}.ics").status_code == 404
    assert b"Massage session" not in client.get(f"/calendar/{therapist_token}.ics").content
