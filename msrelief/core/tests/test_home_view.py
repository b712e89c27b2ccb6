from django.urls import reverse


def test_the_home_page_says_what_msrelief_is_and_does_not_claim_to_treat_ms(client, db):
    page = client.get(reverse("home")).text
    assert "does not change the course of MS" in page
    assert "Small trials suggest" in page


def test_the_home_page_leads_a_visitor_to_the_public_evidence_base(client, db):
    page = client.get(reverse("home")).text
    assert f'href="{reverse("evidence-home")}">The evidence base</a>' in page


def test_staff_are_sent_from_home_to_their_dashboard(client, therapist):
    client.force_login(therapist)
    assert client.get(reverse("home"))["Location"] == reverse("clients-dashboard")


def test_a_person_with_ms_stays_on_the_home_page(client, person_with_ms):
    client.force_login(person_with_ms)
    response = client.get(reverse("home"))
    assert response.status_code == 200
    assert f'href="{reverse("portal-home")}">Your page</a>' in response.text


def test_the_health_check_answers_ok(client, db):
    assert client.get(reverse("healthz")).text == "ok"


def test_the_health_check_touches_no_table_and_is_not_audited(
    client, therapist, django_assert_num_queries
):
    from msrelief.audit.models import AuditEvent

    client.force_login(therapist)  # a session cookie must not make it read the session
    events = AuditEvent.objects.count()
    with django_assert_num_queries(0):
        response = client.get(reverse("healthz"))
    assert (response.status_code, response["Content-Type"]) == (200, "text/plain")
    assert AuditEvent.objects.count() == events
