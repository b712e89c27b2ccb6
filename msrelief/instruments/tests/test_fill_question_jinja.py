"""The one-question page is drawn with Jinja2 (msrelief/jinja2/instruments/fill_question.html)
and must give the markup the Django templates gave, byte for byte (the CSRF token aside): for
every item of every instrument, unanswered, answered and sent with a wrong answer, to a person
with a link and to a signed-in client. The Django page it is held to is kept beside this test
(fill_question_reference.html), drawn with the Django templates the other pages still use."""

import re
from pathlib import Path

import pytest
from django.contrib.auth.models import AnonymousUser
from django.contrib.messages import get_messages
from django.contrib.messages.storage.cookie import CookieStorage
from django.middleware.csrf import get_token
from django.template import engines
from django.test import RequestFactory

from msrelief.core import jinja
from msrelief.instruments import rendering
from msrelief.instruments.forms import ItemsForm
from msrelief.instruments.jinja import HELPERS, radio_input
from msrelief.scoring import default_registry

REFERENCE = Path(__file__).with_name("fill_question_reference.html")
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')
CODES = sorted(default_registry().latest)


def a_request(user):
    request = RequestFactory().get("/q/some-token/1/")
    request.user = user
    request._messages = CookieStorage(request)
    get_token(request)
    return request


def states(item):
    """(initial, posted) pairs: unanswered, answered, and a wrong answer sent."""
    answer = item.options[0].value if item.options else f"{item.minimum or 0:g}"
    return [({}, None), ({item.field_name: answer}, None), ({}, {item.field_name: "7x"})]


def pages(request, qform, item, initial, posted):
    bound = ItemsForm((item,), posted, initial=initial)
    bound.is_valid()
    context = {
        "qform": qform,
        "item": item,
        "form": bound,
        "number": item.number,
        "total": len(qform.items),
        "previous": "/q/some-token/",
    }
    django_page = engines["django"].from_string(REFERENCE.read_text()).render(context, request)
    template = engines[jinja.ENGINE].get_template("instruments/fill_question.html")
    full = {"user": request.user, "messages": get_messages(request), **HELPERS, **context}
    return CSRF.sub("csrf", django_page), CSRF.sub("csrf", template.render(full, request))


@pytest.mark.parametrize("code", CODES)
def test_each_question_of_an_instrument_is_drawn_as_the_django_templates_drew_it(code, clinic):
    definition = default_registry().latest[code]
    qform = rendering.form_for(code, definition.version, clinic.pk)
    request = a_request(AnonymousUser())
    assert qform.items
    for item in qform.items:
        for initial, posted in states(item):
            django_page, jinja_page = pages(request, qform, item, initial, posted)
            assert jinja_page == django_page, (item.number, initial, posted)


def test_a_signed_in_client_meets_the_same_page_as_the_django_templates_drew(person_with_ms):
    qform = rendering.form_for("phq9", default_registry().latest["phq9"].version, 1)
    request = a_request(person_with_ms)
    for item in qform.items:
        django_page, jinja_page = pages(request, qform, item, {}, {item.field_name: ""})
        assert jinja_page == django_page
        assert "Signed in as" in jinja_page


def test_a_wrong_answer_is_named_in_the_summary_and_at_the_question(clinic):
    qform = rendering.form_for("phq9", default_registry().latest["phq9"].version, clinic.pk)
    item = qform.items[2]
    _, jinja_page = pages(a_request(AnonymousUser()), qform, item, {}, {item.field_name: "7"})
    assert jinja_page.count("Choose one of the answers") == 2
    assert 'href="#id_item_3_0"' in jinja_page
    assert 'aria-invalid="true"' in jinja_page


def test_a_radio_button_is_written_as_djangos_widget_template_writes_it_in_every_state(clinic):
    qform = rendering.form_for("phq9", default_registry().latest["phq9"].version, clinic.pk)
    item = qform.items[0]
    for posted in (None, {item.field_name: "1"}, {item.field_name: "7x"}):
        field = ItemsForm((item,), posted)[item.field_name]
        for radio in field:
            assert radio_input(radio) == radio.tag()
    radio = next(iter(ItemsForm((item,))[item.field_name]))
    radio.data["attrs"]["data-extra"] = ["not", "<hashable>"]
    assert radio_input(radio) == radio.tag()
    assert "&lt;hashable&gt;" in radio_input(radio)
