import datetime as dt

from django.urls import reverse

from msrelief.clients import history_services as history
from msrelief.clients.models import Relapse

DAY = dt.date(2026, 10, 20)


def add_url(record, kind):
    return reverse("clients-history-add", args=[record.pk, kind])


def test_a_therapist_adds_a_relapse_and_sees_it_on_the_record(client, ms_client, therapist):
    client.force_login(therapist)
    assert "Date the relapse began" in client.get(add_url(ms_client, "relapse")).text
    response = client.post(
        add_url(ms_client, "relapse"),
        {
            "onset": "2026-10-20",
            "steroid_start": "2026-10-21",
            "steroid_end": "2026-10-25",
            "recovery": "not_yet",
        },
        follow=True,
    )
    assert "Relapse added" in response.text
    assert "Began 20 Oct 2026" in response.text
    assert "not recovered yet; steroids from 21 Oct 2026 to 25 Oct 2026" in response.text


def test_a_bad_date_is_named_on_the_form_and_nothing_is_saved(client, ms_client, therapist):
    client.force_login(therapist)
    response = client.post(
        add_url(ms_client, "relapse"),
        {
            "onset": "2026-10-20",
            "steroid_start": "2026-10-22",
            "steroid_end": "2026-10-21",
            "recovery": "unknown",
        },
    )
    assert response.status_code == 400
    assert "The course cannot end before it started." in response.text
    assert not Relapse.objects.exists()


def test_areas_are_chosen_as_checkboxes_and_shown_in_words(client, ms_client, therapist):
    client.force_login(therapist)
    page = client.get(add_url(ms_client, "condition")).text
    assert 'type="checkbox"' in page and "Left lower leg" in page
    client.post(
        add_url(ms_client, "condition"),
        {"kind": "spasticity", "areas": ["lower_leg_left", "thigh_left"], "details": ""},
    )
    record = client.get(reverse("clients-detail", args=[ms_client.pk])).text
    assert "Left thigh, Left lower leg" in record or "Left lower leg, Left thigh" in record


def test_an_anticoagulant_is_marked_on_the_record(client, ms_client, therapist):
    history.add_entry(
        therapist, ms_client, "medicine", {"name": "apixaban", "group": "anticoagulant"}
    )
    client.force_login(therapist)
    record = client.get(reverse("clients-detail", args=[ms_client.pk])).text
    assert "<strong>Anticoagulant" in record


def test_removing_asks_first_then_removes(client, ms_client, therapist):
    fall = history.add_entry(therapist, ms_client, "fall", {"on": DAY})
    client.force_login(therapist)
    url = reverse("clients-history-remove", args=[ms_client.pk, "fall", fall.pk])
    assert "Remove this fall" in client.get(url).text
    assert ms_client.falls.exists()
    client.post(url)
    assert not ms_client.falls.exists()


def test_the_timeline_lists_events_oldest_first_and_undated_ones_last(client, ms_client, therapist):
    history.add_entry(therapist, ms_client, "dmt", {"drug": "glatiramer", "route": "injection"})
    history.add_entry(therapist, ms_client, "fall", {"on": DAY})
    history.add_entry(
        therapist,
        ms_client,
        "relapse",
        {
            "onset": DAY - dt.timedelta(days=30),
            "steroid_start": DAY - dt.timedelta(days=29),
            "steroid_end": DAY - dt.timedelta(days=25),
        },
    )
    client.force_login(therapist)
    page = client.get(reverse("clients-timeline", args=[ms_client.pk])).text
    order = [
        page.index(text)
        for text in (
            "Consent given",
            "Relapse began",
            "Steroid course started",
            "Steroid course ended",
            "Fall",
            "Date not known",
        )
    ]
    assert order == sorted(order)
    assert "Started Glatiramer acetate" in page[page.index("Date not known") :]


def test_an_outsider_gets_404_on_every_history_page(client, ms_client, therapist, outsider):
    fall = history.add_entry(therapist, ms_client, "fall", {"on": DAY})
    client.force_login(outsider)
    for url in (
        add_url(ms_client, "fall"),
        reverse("clients-history-change", args=[ms_client.pk, "fall", fall.pk]),
        reverse("clients-history-remove", args=[ms_client.pk, "fall", fall.pk]),
        reverse("clients-timeline", args=[ms_client.pk]),
    ):
        assert client.get(url).status_code == 404
        assert client.post(url, {"on": "2026-01-01"}).status_code == 404
    assert ms_client.falls.get() == fall


def test_an_unknown_kind_or_entry_is_not_found(client, ms_client, therapist):
    client.force_login(therapist)
    assert client.get(add_url(ms_client, "surgery")).status_code == 404
    url = reverse("clients-history-change", args=[ms_client.pk, "fall", 99999])
    assert client.get(url).status_code == 404
