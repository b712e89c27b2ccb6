"""Every programme page: staff of another clinic get 404 (never a hint the record exists), a
client login gets 403, and an anonymous visitor is sent to log in."""

import pytest
from django.urls import reverse

from msrelief.programmes import services
from msrelief.programmes.tests.factories import make_template


@pytest.fixture
def ours(therapist):
    return services.create_template(
        therapist,
        [],
        title="Ours",
        technique="",
        body_regions=[],
        minutes_per_session=30,
        sessions_per_week=1,
        weeks=2,
        notes="",
    )


def urls(enrolment, session, ours):
    client_pk = enrolment.client_id
    return [
        ("get", reverse("programmes-enrol", args=[client_pk])),
        ("post", reverse("programmes-enrol", args=[client_pk])),
        ("get", reverse("programmes-enrolment", args=[enrolment.pk])),
        ("post", reverse("programmes-add-session", args=[enrolment.pk])),
        ("get", reverse("programmes-session", args=[session.pk])),
        ("get", reverse("programmes-move", args=[session.pk])),
        ("post", reverse("programmes-move", args=[session.pk])),
        ("post", reverse("programmes-status", args=[session.pk])),
        ("post", reverse("programmes-ratings", args=[session.pk, "pre"])),
        ("post", reverse("programmes-note", args=[session.pk])),
        ("get", reverse("programmes-amend", args=[session.pk])),
        ("post", reverse("programmes-adverse-event", args=[session.pk])),
        ("get", reverse("programmes-template", args=[ours.pk])),
        ("get", reverse("programmes-template-version", args=[ours.pk])),
        ("post", reverse("programmes-template-version", args=[ours.pk])),
        ("get", reverse("programmes-template-new") + f"?from={ours.pk}"),
    ]


def test_an_outsider_gets_404_on_every_programme_page_of_another_clinic(
    client, enrolment, session, ours, outsider
):
    client.force_login(outsider)
    for method, url in urls(enrolment, session, ours):
        assert getattr(client, method)(url).status_code == 404, (method, url)


def test_a_client_login_gets_403_on_every_programme_page(
    client, enrolment, session, ours, person_with_ms
):
    client.force_login(person_with_ms)
    pages = [*urls(enrolment, session, ours), ("get", reverse("programmes-templates"))]
    for method, url in pages:
        assert getattr(client, method)(url).status_code == 403, (method, url)


def test_an_anonymous_visitor_is_sent_to_log_in(client, enrolment, session, ours):
    for method, url in urls(enrolment, session, ours):
        response = getattr(client, method)(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_a_trials_template_is_seen_by_every_clinic_but_a_clinics_own_only_by_it(
    client, ours, outsider
):
    trial = make_template(key="shared")
    client.force_login(outsider)
    assert client.get(reverse("programmes-template", args=[trial.pk])).status_code == 200
    listing = client.get(reverse("programmes-templates")).text
    assert trial.title in listing and "Ours" not in listing
