"""A client's Measures page is drawn with Jinja2 (msrelief/jinja2/instruments/measures.html)
and must give the markup the Django template gave, byte for byte (the CSRF token aside): with
no flag, with a flag in each state (one from a response, one from a screen, one whose email
failed), with questionnaires it cannot send, with a send form in error, for a therapist and a
clinic admin, with messages waiting. The Django page it is held to is kept beside this test
(measures_reference.html)."""

import datetime as dt
import re
from pathlib import Path

import pytest
from django.contrib.messages import get_messages
from django.template import engines
from django.utils.safestring import mark_safe

from msrelief.accounts.models import User
from msrelief.clients.models import Client
from msrelief.instruments import presenting
from msrelief.instruments.forms import AssignForm
from msrelief.instruments.measures_cache import draw_flags
from msrelief.instruments.models import Response, SafetyFlag
from msrelief.instruments.views_staff import _blank_fields, measures_parts
from msrelief.testing import page_request

REFERENCE = Path(__file__).with_name("measures_reference.html")
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')
RAISED = dt.datetime(2026, 3, 1, 23, 30, tzinfo=dt.UTC)  # the next day in some time zones
CHOICES = [("phq9", "Patient Health Questionnaire (PHQ-9)"), ("gad7", "GAD-7 <anxiety>")]


def a_request(user, message=""):
    return page_request(user, "/clients/7/measures/", message)


def a_flag(pk, client, *, state="new", response=True):
    by = User(pk=90 + pk, email="sam@harbour.test", full_name="Sam <Reyes>" if pk % 2 else "")
    return SafetyFlag(
        pk=pk,
        client=client,
        source_kind="response" if response else "screen",
        response=Response(pk=40 + pk, instrument_code="phq9") if response else None,
        message='Item 9 answered "several days" & more',
        raised_at=RAISED - dt.timedelta(days=pk),
        acknowledged_at=RAISED if state != "new" else None,
        acknowledged_by=by if state != "new" else None,
        acknowledgement_note="Called O'Neill <today>" if state != "new" else "",
        resolved_at=RAISED + dt.timedelta(days=1) if state == "resolved" else None,
        resolved_by=by if state == "resolved" else None,
        resolution_note="Seen by the GP & fine" if state == "resolved" else "",
    )


def pages(request, *, flags=(), undelivered=(), form=None, not_sendable=()):
    client = Client(pk=7, display_name="Ana O'Neill <b>")
    form = form or AssignForm(CHOICES)
    flag_list = [a_flag(pk, client, **kind) for pk, kind in flags]
    context = {
        "client": client,
        "results": mark_safe("<p>The results &amp; rows</p>\n"),
        "open_list": mark_safe("<p>Waiting</p>\n"),
        "assign_form": form,
        "not_sendable": list(not_sendable),
        "entry_links": mark_safe("<ul><li>PHQ-9</li></ul>\n"),
    }
    django_context = {
        **context,
        "flag_groups": presenting.flag_groups(flag_list),
        "undelivered": set(undelivered),
        "assign_fields": None if form.is_bound else _blank_fields(tuple(CHOICES)),
    }
    django_page = (
        engines["django"].from_string(REFERENCE.read_text()).render(django_context, request)
    )
    jinja_page = (
        engines["jinja2"]
        .get_template("instruments/measures.html")
        .render(
            {
                "user": request.user,
                "messages": get_messages(request),
                **measures_parts(
                    {**context, "flags": mark_safe(draw_flags(flag_list, set(undelivered)))}  # noqa: S308 - drawn by the template
                ),
            },
            request,
        )
    )
    return CSRF.sub("csrf", django_page), CSRF.sub("csrf", jinja_page)


@pytest.mark.parametrize("who", ["therapist", "clinic_admin"])
def test_the_jinja2_measures_page_gives_the_markup_of_the_django_page(who, request):
    user = request.getfixturevalue(who)
    every_state = [
        (1, {}),
        (2, {"response": False}),
        (3, {"state": "acknowledged"}),
        (4, {"state": "acknowledged", "response": False}),
        (5, {"state": "resolved"}),
        (6, {"state": "resolved"}),
    ]
    cases = [
        {},
        {"flags": every_state, "undelivered": {1, 3}},
        {"not_sendable": ["PSQI", "BDI <II>"]},
        {"form": AssignForm(CHOICES, {"instrument": "nope", "available_from": "soon"})},
    ]
    for case in cases:
        django_page, jinja_page = pages(a_request(user), **case)
        assert jinja_page == django_page
    flagged, _ = pages(a_request(user), flags=every_state, undelivered={1})
    assert "The alert email was not delivered" in flagged and "Sam &lt;Reyes&gt;" in flagged
    in_error, _ = pages(a_request(user), form=cases[3]["form"])
    assert "There is a problem" in in_error


def test_waiting_messages_show_on_the_jinja2_page_as_on_the_django_page(therapist):
    django_page, jinja_page = pages(a_request(therapist, "Link created for Ana & co"))
    assert jinja_page == django_page
    assert "Link created for Ana &amp; co" in jinja_page
