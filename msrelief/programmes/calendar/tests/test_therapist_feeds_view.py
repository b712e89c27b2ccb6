"""The calendar feeds page: a therapist's own feed, and (for a clinic admin) every staff
member's, made and revoked there."""

from django.urls import reverse

from msrelief.programmes.calendar import services
from msrelief.programmes.calendar.models import CalendarFeed

PAGE = reverse("programmes-calendar-feeds")


def new(pk):
    return reverse("programmes-therapist-feed-new", args=[pk])


def revoke(pk):
    return reverse("programmes-therapist-feed-revoke", args=[pk])


def test_a_therapist_sees_only_their_own_feed_and_makes_it(client, therapist, colleague):
    client.force_login(therapist)
    page = client.get(PAGE)
    assert page.status_code == 200 and "Your feed" in page.text
    assert colleague.full_name not in page.text
    response = client.post(new(therapist.pk))
    assert response.status_code == 200 and "/calendar/" in response.context["url"]
    assert CalendarFeed.objects.get().therapist == therapist
    assert "made on" in client.get(PAGE).text


def test_a_therapist_cannot_make_or_revoke_a_colleagues_feed(client, therapist, colleague):
    services.create_therapist_feed(colleague, colleague)
    client.force_login(therapist)
    assert client.post(new(colleague.pk)).status_code == 403
    assert client.post(revoke(colleague.pk)).status_code == 403
    assert CalendarFeed.objects.get().is_live


def test_a_clinic_admin_makes_and_revokes_the_feeds_of_the_clinics_staff(
    client, clinic_admin, therapist, colleague
):
    client.force_login(clinic_admin)
    page = client.get(PAGE).text
    assert therapist.full_name in page and colleague.full_name in page
    response = client.post(new(therapist.pk))
    token = response.context["url"].rsplit("/", 1)[1].removesuffix(".ics")
    assert f"Give the address to {therapist.full_name}" in response.text
    assert client.get(f"/calendar/{token}.ics").status_code == 200
    revoked = client.post(revoke(therapist.pk), follow=True)
    assert "its address no longer works" in revoked.text
    assert client.get(f"/calendar/{token}.ics").status_code == 404


def test_an_outsider_gets_404_for_a_therapist_of_another_clinic(client, therapist, outsider):
    services.create_therapist_feed(therapist, therapist)
    client.force_login(outsider)
    assert client.post(new(therapist.pk)).status_code == 404
    assert client.post(revoke(therapist.pk)).status_code == 404
    assert CalendarFeed.objects.get().is_live
    assert therapist.full_name not in client.get(PAGE).text


def test_the_page_is_for_staff_only(client, person_with_ms):
    client.force_login(person_with_ms)
    assert client.get(PAGE).status_code == 403
    client.logout()
    assert client.get(PAGE).status_code == 302
