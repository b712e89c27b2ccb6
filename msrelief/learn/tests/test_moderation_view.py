"""The moderation queue: clinic admins and evidence editors approve or reject; others get 403."""

from __future__ import annotations

import pytest
from django.urls import reverse

from msrelief.learn import services
from msrelief.learn.models import CommentStatus
from msrelief.learn.services import Reader

QUEUE = reverse("learn-moderation")


@pytest.fixture
def held(seeded):
    return services.post_comment(
        Reader(), "what-ms-is", body="Thanks for this.", name="Sam", address="10.0.0.9"
    )


@pytest.mark.parametrize("persona", ["therapist", "outsider", "person_with_ms"])
def test_anyone_but_a_moderator_gets_403(client, held, request, persona):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(QUEUE).status_code == 403
    assert client.post(QUEUE, {"comment": held.pk, "decision": "approve"}).status_code == 403
    held.refresh_from_db()
    assert held.status == CommentStatus.HELD


def test_a_visitor_is_sent_to_the_login_page(client, held):
    response = client.get(QUEUE)
    assert response.status_code == 302 and reverse("accounts-login") in response["Location"]


@pytest.mark.parametrize("persona", ["clinic_admin", "evidence_editor"])
def test_a_moderator_approves_and_the_comment_appears_with_its_date(client, held, request, persona):
    client.force_login(request.getfixturevalue(persona))
    queue = client.get(QUEUE).text
    assert "Thanks for this." in queue and "What MS is" in queue
    response = client.post(QUEUE, {"comment": held.pk, "decision": "approve"}, follow=True)
    assert f"Comment #{held.pk} by Sam is approved." in response.text
    assert "No comments are waiting." in response.text
    page = client.get(reverse("learn-page", args=["what-ms-is"])).text
    shown = page.split('id="comments-title"', 1)[1]
    assert "Thanks for this." in shown
    assert held.created_at.strftime("%Y") in shown


def test_a_rejected_comment_never_appears(client, held, clinic_admin):
    client.force_login(clinic_admin)
    client.post(QUEUE, {"comment": held.pk, "decision": "reject"})
    client.logout()
    assert "Thanks for this." not in client.get(reverse("learn-page", args=["what-ms-is"])).text


def test_an_unknown_comment_is_404(client, held, clinic_admin):
    client.force_login(clinic_admin)
    assert client.post(QUEUE, {"comment": "999999", "decision": "approve"}).status_code == 404
