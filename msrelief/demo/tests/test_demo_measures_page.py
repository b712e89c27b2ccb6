"""The Measures page of the demo clients shows every kind of change judgement."""

from django.urls import reverse

from msrelief.accounts.models import User
from msrelief.clients.models import Client
from msrelief.demo import data
from msrelief.instruments.progress import history

JUDGEMENTS = {"improved", "no reliable change", "worse"}


def judgements_on(client, record):
    response = client.get(reverse("instruments-measures", args=[record.pk]))
    assert response.status_code == 200
    found = {j.result.classification for h in history(record) for j in h.judgements}
    return found, response.text


def test_ana_demo_rowans_page_shows_improved_no_reliable_change_and_worse(client, demo):
    client.force_login(User.objects.get(email=data.LOGINS[1][0]))
    found, page = judgements_on(client, Client.objects.get(user__email=data.CLIENT_LOGIN))
    assert found >= JUDGEMENTS
    for word in JUDGEMENTS:
        assert f"<strong>{word}</strong>" in page


def test_across_the_demo_a_score_without_reliability_or_mcid_gets_no_judgement(client, demo):
    client.force_login(User.objects.get(email=data.LOGINS[1][0]))
    seen = set()
    for record in Client.objects.filter(clinic__name__startswith="Harbour"):
        found, page = judgements_on(client, record)
        seen |= found
        if None in found:
            assert "No judgement" in page
    assert seen == {*JUDGEMENTS, None}
