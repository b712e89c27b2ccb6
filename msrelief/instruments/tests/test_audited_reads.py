"""Staff pages that show a client's health data record the read in the audit trail."""

from django.urls import reverse

from msrelief.audit.models import AuditEvent
from msrelief.instruments import services
from msrelief.instruments.models import SafetyFlag
from msrelief.testing import PHQ9_ALL_ZERO, assign


def views_of(user, event):
    return AuditEvent.objects.filter(actor=user, event=event)


def test_opening_the_assign_page_is_audited(client, ms_client, therapist):
    client.force_login(therapist)
    client.get(reverse("instruments-assign", args=[ms_client.pk]))
    assert views_of(therapist, "client.viewed").filter(changes__section="assign").exists()


def test_opening_the_enter_page_is_audited(client, ms_client, therapist):
    client.force_login(therapist)
    assert client.get(reverse("instruments-enter", args=[ms_client.pk, "phq9"])).status_code == 200
    assert views_of(therapist, "client.viewed").filter(changes__section="enter").exists()


def test_opening_a_safety_flag_is_audited_and_an_outsider_gets_not_found(
    client, ms_client, therapist, outsider
):
    administration, _ = assign(therapist, ms_client)
    services.save_draft(administration, {**PHQ9_ALL_ZERO, "9": 1}, None)
    services.submit_response(administration, None, "link")
    flag = SafetyFlag.objects.get()
    url = reverse("instruments-flag", args=[flag.pk])
    client.force_login(therapist)
    assert client.get(url).status_code == 200
    assert views_of(therapist, "safety_flag.viewed").exists()
    client.force_login(outsider)
    assert client.get(url).status_code == 404
    assert not views_of(outsider, "safety_flag.viewed").exists()
