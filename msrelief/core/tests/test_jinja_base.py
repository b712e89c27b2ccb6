"""The Jinja2 base layout (msrelief/jinja2/base.html) gives the same markup as base.html, byte
for byte (the CSRF token, new on every render, aside), for every kind of visitor."""

import re

import pytest
from django.contrib.auth.models import AnonymousUser
from django.contrib.messages import constants, get_messages
from django.contrib.messages.storage.cookie import CookieStorage
from django.middleware.csrf import get_token
from django.template import engines
from django.test import RequestFactory
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy

from msrelief.core import jinja

CHILD = (
    '{% extends "base.html" %}{% block title %}A page &amp; its {{ what }}{% endblock %}'
    "{% block content %}<p>{{ what }}</p>{% endblock %}"
)
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')


def both(request, **context):
    django_page = engines["django"].from_string(CHILD).render(context, request)
    jinja_page = (
        engines["jinja2"]
        .from_string(CHILD)
        .render({"user": request.user, "messages": get_messages(request), **context}, request)
    )
    return CSRF.sub("csrf", django_page), CSRF.sub("csrf", jinja_page)


def a_request(user, *messages):
    request = RequestFactory().get("/q/some-token/1/")
    request.user = user
    request._messages = CookieStorage(request)
    for level, text in messages:
        request._messages.add(level, text)
    get_token(request)
    return request


@pytest.fixture
def invited_client(person_with_ms):
    """A client login made by an invitation: no password of its own yet."""
    person_with_ms.set_unusable_password()
    person_with_ms.save()
    return person_with_ms


@pytest.mark.parametrize(
    "who", ["nobody", "person_with_ms", "invited_client", "therapist", "clinic_admin"]
)
def test_the_jinja2_layout_gives_the_markup_of_base_html_for_each_kind_of_visitor(who, request):
    user = AnonymousUser() if who == "nobody" else request.getfixturevalue(who)
    django_page, jinja_page = both(a_request(user), what='answers <b>don\'t</b> "vanish"')
    assert jinja_page == django_page
    assert "&#x27;" in jinja_page  # escaped as Django escapes it, not as MarkupSafe does


def test_the_jinja2_layout_shows_waiting_messages_as_base_html_does(therapist):
    request = a_request(
        therapist, (constants.SUCCESS, "Saved: Robin's answers"), (constants.ERROR, "Not <sent>")
    )
    django_page, jinja_page = both(request, what="x")
    assert jinja_page == django_page
    assert '<p class="message message-error">Not &lt;sent&gt;</p>' in jinja_page


def test_the_layouts_links_follow_a_changed_static_url(settings):
    settings.STATIC_URL = "/assets/"
    assert jinja.static_url("css/app.css") == "/assets/css/app.css"


@pytest.mark.parametrize(
    "value",
    [
        'Tom & Jerry\'s <b>"quoted"</b>',
        42,
        -7,
        1.5,
        None,
        True,
        gettext_lazy("Enter a valid value."),
        SafeString("<em>kept</em>"),
        ["a<b", "c'd"],
    ],
)
def test_each_kind_of_value_is_written_as_a_django_template_writes_it(value):
    django_text = engines["django"].from_string("{{ value }}").render({"value": value})
    jinja_text = engines["jinja2"].from_string("{{ value }}").render({"value": value})
    assert jinja_text == django_text
