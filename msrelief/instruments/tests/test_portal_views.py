from django.urls import reverse

from msrelief.testing import assign


def test_a_client_with_a_login_fills_in_their_questionnaire(
    client, ms_client, therapist, person_with_ms
):
    ms_client.user = person_with_ms
    type(ms_client).objects.filter(pk=ms_client.pk).update(user=person_with_ms)
    administration, _ = assign(therapist, ms_client)
    client.force_login(person_with_ms)
    home = client.get(reverse("portal-home")).text
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
    assert client.get(reverse("portal-home")).status_code == 403
