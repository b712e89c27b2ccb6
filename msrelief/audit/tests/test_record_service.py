import pytest

from msrelief.audit import services
from msrelief.audit.events import EVENTS, NAMESPACES
from msrelief.audit.models import Action, AuditEvent


def test_an_event_is_labelled_by_kind_and_number_and_knows_its_client(ms_client, therapist):
    event = services.record(therapist, Action.VIEW, ms_client, clinic=ms_client.clinic)
    assert event.object_label == f"Client #{ms_client.pk}"
    assert event.client_ref == ms_client.pk
    assert event.event == "client.viewed"
    assert event.sentence == f"tess@harbour.test looked at Client #{ms_client.pk}"


def test_an_unknown_event_kind_is_refused_and_nothing_is_written(ms_client, therapist):
    before = AuditEvent.objects.count()
    with pytest.raises(ValueError, match=r"'client\.poked' is not an audit event type"):
        services.record(
            therapist, Action.VIEW, ms_client, clinic=ms_client.clinic, event="client.poked"
        )
    assert AuditEvent.objects.count() == before


def test_an_event_kind_must_match_its_action(ms_client, therapist):
    with pytest.raises(ValueError, match="is a view, not a delete"):
        services.record(
            therapist, Action.DELETE, ms_client, clinic=ms_client.clinic, event="client.viewed"
        )


def test_every_event_sentence_names_its_actor_or_its_object():
    for name, kind in EVENTS.items():
        assert "{actor}" in kind.sentence or "{object}" in kind.sentence, name
        assert name.split(".")[0] in {*NAMESPACES.values(), "auth", "audit"}, name


def test_a_safety_flag_is_labelled_without_its_code_or_the_clients_name(ms_client, therapist):
    from msrelief.instruments import services as measures
    from msrelief.testing import PHQ9_ALL_ZERO, assign

    administration, _ = assign(therapist, ms_client)
    measures.save_draft(administration, {**PHQ9_ALL_ZERO, "9": 3}, None)
    measures.submit_response(administration, None, "link")
    raised = AuditEvent.objects.get(event="safety_flag.raised")
    assert raised.object_label.startswith("Safety flag #")
    assert raised.sentence.startswith("msrelief raised Safety flag #")
    assert raised.client_ref == ms_client.pk
