from django.urls import reverse


def test_the_home_page_says_what_msrelief_is_and_does_not_claim_to_treat_ms(client, db):
    page = client.get(reverse("home")).text
    assert "does not change the course of MS" in page


def test_staff_are_sent_from_home_to_their_dashboard(client, therapist):
    client.force_login(therapist)
    assert client.get(reverse("home"))["Location"] == reverse("clients-dashboard")


def test_a_person_with_ms_stays_on_the_home_page(client, person_with_ms):
    client.force_login(person_with_ms)
    assert client.get(reverse("home")).status_code == 200


def test_the_health_check_answers_ok(client, db):
    assert client.get(reverse("healthz")).text == "ok"
