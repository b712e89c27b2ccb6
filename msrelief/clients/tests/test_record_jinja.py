"""The client record is drawn with Jinja2 (msrelief/jinja2/clients/client_detail.html) and must
give the markup the Django template gave, byte for byte (the CSRF token aside): for a
therapist and a clinic admin, with no reminder, with reminders sent, skipped and undelivered,
for a client who chose none, with messages waiting. The Django page it is held to is kept
beside this test (record_reference.html)."""

import re
from pathlib import Path

import pytest
from django.contrib.messages import get_messages
from django.template import engines
from django.utils.safestring import mark_safe

from msrelief.clients import record_cache
from msrelief.notifications.models import Delivery, Kind, Message
from msrelief.programmes.reminders.models import ReminderLog
from msrelief.testing import page_request

REFERENCE = Path(__file__).with_name("record_reference.html")
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')


def a_request(user, message=""):
    return page_request(user, "/clients/1/", message)


def pages(request, client):
    context = {
        "client": client,
        "record_top": mark_safe("<h1>O&#x27;Neill &amp; the top</h1>\n"),
        "record_bottom": mark_safe("<p>The bottom</p>\n"),
    }
    django_page = engines["django"].from_string(REFERENCE.read_text()).render(context, request)
    jinja_page = (
        engines["jinja2"]
        .get_template("clients/client_detail.html")
        .render(
            {
                "user": request.user,
                "messages": get_messages(request),
                **context,
                "reminders": record_cache.reminders(client),
            },
            request,
        )
    )
    return CSRF.sub("csrf", django_page), CSRF.sub("csrf", jinja_page)


def with_reminders(client, therapist):
    failed = Message.objects.create(
        kind=Kind.SESSION_REMINDER,
        to_address="robin@example.test",
        subject="Your session",
        body_text="See you soon.",
        clinic=client.clinic,
        status=Delivery.FAILED,
    )
    ReminderLog.objects.create(
        client=client, kind="session", about_key="s:1", outcome="sent", message=failed
    )
    ReminderLog.objects.create(
        client=client,
        kind="measures_overdue",
        about_key="m:1",
        outcome="skipped",
        reason="the therapist <Sam> asked for none",
        staff_recipient=therapist,
    )


@pytest.mark.parametrize("who", ["therapist", "clinic_admin"])
def test_the_jinja2_record_gives_the_markup_of_the_django_page(who, request, ms_client, therapist):
    user = request.getfixturevalue(who)
    django_page, jinja_page = pages(a_request(user), ms_client)
    assert jinja_page == django_page and "No reminder sent or skipped yet" in jinja_page
    with_reminders(ms_client, therapist)
    django_page, jinja_page = pages(a_request(user), ms_client)
    assert jinja_page == django_page
    assert "(email not delivered)" in jinja_page and "the therapist &lt;Sam&gt;" in jinja_page


def test_a_client_who_chose_no_reminders_and_waiting_messages_show_as_on_the_django_page(
    therapist, ms_client
):
    ms_client.reminders = "none"
    django_page, jinja_page = pages(a_request(therapist, "Saved O'Neill & co"), ms_client)
    assert jinja_page == django_page
    assert "The client chose no reminders." in jinja_page and "O&#x27;Neill &amp; co" in jinja_page
