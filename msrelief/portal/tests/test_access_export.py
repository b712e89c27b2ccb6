"""access_export.build: everything kept about one client, in a fixed number of queries, and
nothing about anyone else."""

import json

from django.utils import timezone

from msrelief.clients import services as clients
from msrelief.notifications.models import Message
from msrelief.portal import access_export, access_html
from msrelief.portal.tests.factories import fill_record, flagged_response
from msrelief.programmes import services as programmes
from msrelief.testing import make_client_record

#: Users, record, consents, six history lists, questionnaires, responses and scores, screens,
#: flags, enrolments and their four lists, adverse events, links, messages, audit events.
QUERIES = 23


def test_the_export_holds_a_response_a_note_a_flag_a_message_and_an_audit_event(therapist, robin):
    made = fill_record(therapist, robin, "Calves tight after the walk.")
    data = access_export.build(robin)
    assert data["format"] == "msrelief-subject-access/1"
    assert json.loads(json.dumps(data)) == data
    [response] = data["responses"]
    assert response["id"] == made["response"].pk and response["answers"]["9"] == 2
    assert response["scores"][0]["total"] == 2
    [programme] = data["programmes"]
    notes = [n for s in programme["sessions"] for n in s["notes"]]
    assert [n["subjective"] for n in notes] == ["Calves tight after the walk."]
    assert notes[0]["signed_by"] == "Tess Therapist"
    [flag] = data["safety_flags"]
    assert flag["response_id"] == made["response"].pk
    assert any(m["kind"] == "Safety alert to the therapist" for m in data["messages"])
    assert {"client.created", "safety_flag.raised", "session_note.signed"} <= {
        e["event"] for e in data["audit_events"]
    }
    assert data["record"]["notes"] == "Prefers morning sessions."
    assert data["login"]["email"] == robin.user.email
    assert data["consents"][0]["text"].startswith("I agree")


def test_nothing_about_another_client_is_in_the_export(therapist, robin):
    other = make_client_record(therapist, display_name="Sam Other", notes="Sam's own note.")
    fill_record(therapist, other, "A note about Sam only.")
    clients.view_client(therapist, other.pk)
    text = json.dumps(access_export.build(robin))
    assert "Sam" not in text
    assert f"Client #{other.pk}" not in text


def test_staff_addresses_and_the_text_of_private_links_are_left_out(therapist, robin):
    fill_record(therapist, robin, "A note.")
    from msrelief.portal import services

    services.request_sign_in_link(robin.user.email)
    data = access_export.build(robin)
    text = json.dumps(data)
    assert therapist.email not in text
    sign_in = next(m for m in data["messages"] if m["kind"].startswith("Sign-in link"))
    assert sign_in["to"] == robin.user.email and "/me/sign-in/" not in sign_in["text"]
    assert all("token_hash" not in link for link in data["sign_in_links"])
    assert Message.objects.filter(body_text__contains="/me/sign-in/").exists()


def test_the_number_of_queries_does_not_grow_with_the_rows(
    therapist, robin, django_assert_num_queries
):
    made = fill_record(therapist, robin, "First.")
    with django_assert_num_queries(QUERIES):
        access_export.build(robin)
    for n, session in enumerate(_past_sessions(made)):
        flagged_response(therapist, robin)
        programmes.save_note(therapist, session, {"subjective": f"More {n}."}, sign=True)
    with django_assert_num_queries(QUERIES):
        access_export.build(robin)


def _past_sessions(made):
    return made["enrolment"].sessions.filter(starts_at__lt=timezone.now())[:3]


def test_the_html_page_gives_every_section_and_escapes_what_was_typed(therapist, robin):
    fill_record(therapist, robin, "<script>alert(1)</script>")
    page = access_html.render(access_export.build(robin))
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    for _key, heading in access_html.SECTIONS:
        assert f">{heading}</h2>" in page
    assert page.count("<h1>") == 1
