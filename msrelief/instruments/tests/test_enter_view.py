from django.urls import reverse

from msrelief.instruments.models import Response


def enter(record, code="phq9"):
    return reverse("instruments-enter", args=[record.pk, code])


def test_a_therapist_enters_a_paper_form_and_sees_the_score(client, ms_client, therapist):
    client.force_login(therapist)
    data = {f"item_{n}": "1" for n in range(1, 10)}
    response = client.post(enter(ms_client), data, follow=True)
    assert "Total score 9 (mild)" in response.text
    assert "9.0" not in response.text
    assert Response.objects.get().via == "staff"


def test_an_answer_out_of_range_is_named_and_nothing_is_saved(client, ms_client, therapist):
    client.force_login(therapist)
    response = client.post(enter(ms_client), {"item_1": "9"})
    assert response.status_code == 400
    assert 'href="#id_item_1_0"' in response.text
    assert not Response.objects.exists()


def test_an_unknown_instrument_is_404(client, ms_client, therapist):
    client.force_login(therapist)
    assert client.get(enter(ms_client, "nope")).status_code == 404


def test_an_outsider_gets_404(client, ms_client, outsider):
    client.force_login(outsider)
    assert client.post(enter(ms_client), {"item_1": "1"}).status_code == 404
    assert not Response.objects.exists()


ALL_ONES = {f"item_{n}": "1" for n in range(1, 10)}


def test_the_page_asks_for_the_date_the_paper_form_was_completed(client, ms_client, therapist):
    client.force_login(therapist)
    page = client.get(enter(ms_client)).text
    assert 'name="completed_on"' in page
    assert "Date completed" in page


def test_an_earlier_date_is_kept_with_the_response(client, ms_client, therapist):
    import datetime as dt

    from django.utils import timezone

    client.force_login(therapist)
    day = timezone.localdate() - dt.timedelta(days=10)
    client.post(enter(ms_client), {**ALL_ONES, "completed_on": day.isoformat()})
    stored = Response.objects.get()
    assert timezone.localtime(stored.submitted_at).date() == day


def test_a_date_that_is_not_a_date_is_named_and_nothing_is_saved(client, ms_client, therapist):
    client.force_login(therapist)
    page = client.post(enter(ms_client), {**ALL_ONES, "completed_on": "2026-02-31"})
    assert page.status_code == 400
    assert 'href="#id_completed_on"' in page.text
    assert not Response.objects.exists()


def test_a_date_before_the_client_was_born_is_refused_on_the_field(client, ms_client, therapist):
    client.force_login(therapist)
    page = client.post(enter(ms_client), {**ALL_ONES, "completed_on": "1975-06-01"})
    assert page.status_code == 400
    assert "before the client was born (1980)" in page.text
    assert 'href="#id_completed_on"' in page.text
    assert not Response.objects.exists()


def test_staff_enter_a_rating_in_the_same_row_of_choices_and_the_score_is_the_number(
    client, ms_client, therapist
):
    client.force_login(therapist)
    page = client.get(enter(ms_client, "nrs-fatigue")).text
    assert page.count('type="radio" name="item_1"') == 11
    assert "<span>0 = not tired at all</span>" in page
    client.post(enter(ms_client, "nrs-fatigue"), {"item_1": "6"})
    stored = Response.objects.get()
    assert stored.answers == {"1": 6.0}


def test_a_rating_out_of_range_on_the_staff_page_names_the_scale(client, ms_client, therapist):
    client.force_login(therapist)
    page = client.post(enter(ms_client, "nrs-fatigue"), {"item_1": "12"})
    assert page.status_code == 400
    assert "Question 1: Choose a number from 0 to 10 for fatigue." in page.text
    assert not Response.objects.exists()


def test_the_staff_page_shows_each_section_stem_above_its_items(client, ms_client, therapist):
    client.force_login(therapist)
    page = client.get(enter(ms_client, "rand36")).text
    assert 'id="lead-13"' in page and page.count('aria-describedby="lead-13"') == 4
