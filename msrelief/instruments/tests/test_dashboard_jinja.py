"""The clinic dashboard is drawn with Jinja2 (msrelief/jinja2/clients/dashboard.html, its flags
from _dashboard_flags.html) and must
give the markup the Django templates gave, byte for byte (the CSRF token aside): with no flag,
with new flags (one whose email failed), with acknowledged ones, for a therapist and a clinic
admin. The Django page it is held to is kept beside this test (dashboard_reference.html)."""

import datetime as dt
import re
from pathlib import Path

import pytest
from django.contrib.messages import get_messages
from django.contrib.messages.storage.cookie import CookieStorage
from django.middleware.csrf import get_token
from django.template import engines
from django.test import RequestFactory
from django.utils.safestring import mark_safe

from msrelief.accounts.models import User
from msrelief.clients.models import Client
from msrelief.instruments.models import SafetyFlag
from msrelief.instruments.views_dashboard import draw_flags

REFERENCE = Path(__file__).with_name("dashboard_reference.html")
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')
RAISED = dt.datetime(2026, 3, 1, 23, 30, tzinfo=dt.UTC)  # the next day in some time zones


def a_request(user):
    request = RequestFactory().get("/clients/")
    request.user = user
    request._messages = CookieStorage(request)
    get_token(request)
    return request


def a_flag(pk, name, *, acknowledged_by=None):
    return SafetyFlag(
        pk=pk,
        client=Client(pk=pk, display_name=name),
        message='Item 9 answered "several days" & more',
        raised_at=RAISED,
        acknowledged_at=RAISED + dt.timedelta(days=1) if acknowledged_by else None,
        acknowledged_by=acknowledged_by,
    )


def pages(request, **context):
    context = {
        "head": mark_safe('<div class="page-head"><h1>Clients of O&#x27;Neill</h1></div>\n'),
        "body": mark_safe("<p>The list</p>\n"),
        "new_flags": [],
        "open_flags": [],
        "undelivered": set(),
        **context,
    }
    django_page = engines["django"].from_string(REFERENCE.read_text()).render(context, request)
    flags = draw_flags(
        context["new_flags"], context["open_flags"], frozenset(context["undelivered"])
    )
    parts = {"head": context["head"], "flags": mark_safe(flags), "body": context["body"]}  # noqa: S308 - drawn by the template
    jinja_page = (
        engines["jinja2"]
        .get_template("clients/dashboard.html")
        .render({"user": request.user, "messages": get_messages(request), **parts}, request)
    )
    return CSRF.sub("csrf", django_page), CSRF.sub("csrf", jinja_page)


@pytest.mark.parametrize("who", ["therapist", "clinic_admin"])
def test_the_jinja2_dashboard_gives_the_markup_of_the_django_page(who, request):
    user = request.getfixturevalue(who)
    named = User(email="sam@harbour.test", full_name="Sam <Reyes>")
    unnamed = User(email="kim@harbour.test", full_name="")
    flags = {
        "new_flags": [a_flag(1, "Ana O'Neill"), a_flag(2, "Ben <b>")],
        "open_flags": [
            a_flag(3, "Cy", acknowledged_by=named),
            a_flag(4, "Di", acknowledged_by=unnamed),
        ],
        "undelivered": {2},
    }
    for context in ({}, flags):
        django_page, jinja_page = pages(a_request(user), **context)
        assert jinja_page == django_page
    assert "email not delivered" in jinja_page and "Sam &lt;Reyes&gt;" in jinja_page
    assert "kim@harbour.test" in jinja_page and "Ana O&#x27;Neill" in jinja_page
